/** `cnn-drill roi`: RoI max pooling (torchvision roi_pool), forward and backward. */
import { InputError } from "../../engine/errors.js";
import type { Pair } from "../../engine/geometry.js";
import { roiBackward, roiBins, roiForward, setupRoi, type Box, type RoiSetup } from "../../engine/roi-pool.js";
import type { Tensor } from "../../engine/tensor.js";
import { explainRoi, fitsRoiWorkedAnswer, type RoiExplanation } from "./explain.js";
import { parseMatrix, parseNumber, parseNumberToken, parsePair } from "../../io/parse.js";
import { renderRoiSummary, renderRoiText } from "./render.js";
import { givenList, givenNumber, givenPair, givenTensor } from "../given.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec, GivenValue } from "../spec.js";

export interface RoiParams {
  input: Tensor;
  box: Box[];
  output: Pair;
  scale: number;
  grad?: Tensor;
}

export interface RoiInput {
  setup: RoiSetup;
  grad?: Tensor;
}

export type RoiAnswer =
  | { kind: "worked"; explanation: RoiExplanation }
  | { kind: "summary"; setup: RoiSetup; outputs: Tensor[]; gradInput?: Tensor };

/** `x1,y1,x2,y2` (commas and/or spaces, fractions allowed) → a box. */
export function parseBox(text: string): Box {
  const tokens = text.trim().split(/[\s,]+/).filter((token) => token.length > 0);
  const values = tokens.map((token) => parseNumberToken(token));
  if (values.length !== 4 || values.some((value) => value === undefined || !Number.isFinite(value))) {
    throw new InputError("box", "roi.boxBad", { text }, "roi.boxBadHint");
  }
  const [x1, y1, x2, y2] = values as number[];
  return { x1, y1, x2, y2 };
}

export function parseRoiOutputSize(text: string): [number, number] {
  const [h, w] = parsePair(text, "output", { min: 1 });
  return [h, w];
}

/** A problem gives one box as [x1, y1, x2, y2]. */
function givenBoxes(value: GivenValue): Box[] {
  const [x1, y1, x2, y2] = givenList(value);
  return [{ x1, y1, x2, y2 }];
}

export const spec: CalculatorSpec<RoiParams, RoiInput, RoiAnswer, Key> = {
  name: "roi",
  messages: { en, ko },
  help: "roi.help",
  examples: "roi.help.examples",
  options: {
    input: { value: "<matrix>", help: "roi.help.input", required: true, source: true, parse: parseMatrix, fromGiven: givenTensor },
    box: { value: "<x1,y1,x2,y2>", help: "roi.help.box", required: true, repeatable: true, parse: parseBox, fromGiven: givenBoxes },
    output: { value: "<size>", help: "roi.help.output", required: true, parse: parseRoiOutputSize, fromGiven: givenPair },
    scale: { value: "<number>", help: "roi.help.scale", default: "1", parse: parseNumber, fromGiven: givenNumber },
    grad: { value: "<matrix>", help: "roi.help.grad", source: true, parse: parseMatrix, fromGiven: givenTensor },
  },
  setup: async (read) => {
    const input = await read("input");
    const boxes = await read("box");
    const setup = setupRoi(input, boxes, { outputSize: await read("output"), scale: await read("scale") });
    return { setup, grad: await read("grad") };
  },
  json: ({ setup, grad }) => {
    const forward = roiForward(setup);
    const gradInput = grad === undefined ? undefined : roiBackward(setup, grad, forward);
    const output = forward.outputs.length === 1 ? forward.outputs[0] : forward.outputs;
    return { output, bins: roiBins(setup), ...(gradInput ? { gradInput } : {}) };
  },
  explain: ({ setup, grad }) => {
    if (fitsRoiWorkedAnswer(setup)) return { kind: "worked", explanation: explainRoi(setup, grad) };
    const forward = roiForward(setup);
    return { kind: "summary", setup, outputs: forward.outputs, gradInput: grad === undefined ? undefined : roiBackward(setup, grad, forward) };
  },
  render: (answer, context) => {
    if (answer.kind === "worked") return renderRoiText(answer.explanation, context);
    const results = answer.outputs.map((tensor, b) => ({ label: context.t("roi.label.output", { box: b + 1 }), tensor }));
    if (answer.gradInput) results.push({ label: context.t("roi.label.gradInput"), tensor: answer.gradInput });
    return renderRoiSummary(answer.setup, results, context);
  },
  loadHtml: async () => {
    const { roiSummaryHtml, roiWorkedHtml } = await import("./html.js");
    return (answer, context) => {
      if (answer.kind === "worked") return roiWorkedHtml(answer.explanation, context);
      const results = answer.outputs.map((tensor, b) => ({ label: context.t("roi.label.output", { box: b + 1 }), tensor }));
      if (answer.gradInput) results.push({ label: context.t("roi.label.gradInput"), tensor: answer.gradInput });
      return roiSummaryHtml(answer.setup, results, context);
    };
  },
};
