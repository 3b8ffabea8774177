/** `cnn-drill spp`: spatial pyramid pooling (SPP-net; adaptive bins as PyTorch computes them). */
import { InputError } from "../../engine/errors.js";
import { sppBins, sppForward, sppShape, setupSpp, type SppMethod, type SppSetup, type SppShapeResult, type SppType } from "../../engine/spp.js";
import type { Tensor } from "../../engine/tensor.js";
import { explainSpp, explainSppShape, fitsSppWorkedAnswer, type SppExplanation, type SppShapeExplanation } from "./explain.js";
import { parseChoice, parseMatrix, parseNumberList } from "../../io/parse.js";
import { renderSppShapeText, renderSppSummary, renderSppText } from "./render.js";
import { givenList, givenTensor, givenText } from "../given.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec } from "../spec.js";

export interface SppParams {
  input?: Tensor;
  /** Instead of the map: its shape alone, for the bins and the vector's length (nothing is pooled). */
  shape?: number[];
  levels: number[];
  type: SppType;
  method: SppMethod;
}

/** A map to pool, or (`--shape`) only its shape to count bins on. */
export type SppInput = { kind: "map"; setup: SppSetup } | { kind: "shape"; result: SppShapeResult; type: SppType };

export type SppAnswer = { kind: "worked" | "summary"; explanation: SppExplanation } | { kind: "shape"; explanation: SppShapeExplanation };

/** `--shape C,H,W`: whole numbers split by commas (the engine checks the count and the sizes). */
function parseShape(text: string, argument: string): number[] {
  const values = text.split(",").map((part) => (/^\s*\d+\s*$/.test(part) ? Number(part) : NaN));
  if (!values.every(Number.isSafeInteger)) throw new InputError(argument, "spp.shapeBad", { text }, "spp.shapeHint");
  return values;
}

export const SPP_TYPES: readonly SppType[] = ["max", "avg"];
export const SPP_METHODS: readonly SppMethod[] = ["adaptive", "sppnet"];

export const spec: CalculatorSpec<SppParams, SppInput, SppAnswer, Key> = {
  name: "spp",
  messages: { en, ko },
  help: "spp.help",
  examples: "spp.help.examples",
  options: {
    input: { value: "<matrix>", help: "spp.help.input", source: true, parse: parseMatrix, fromGiven: givenTensor },
    shape: { value: "<shape>", help: "spp.help.shape", parse: parseShape, fromGiven: givenList },
    levels: { value: "<list>", help: "spp.help.levels", required: true, parse: parseNumberList, fromGiven: givenList },
    type: { value: "<type>", help: "spp.help.type", default: "max", choices: SPP_TYPES, parse: (text, argument) => parseChoice(text, argument, SPP_TYPES), fromGiven: (value) => givenText(value) as SppType },
    method: { value: "<method>", help: "spp.help.method", default: "adaptive", choices: SPP_METHODS, parse: (text, argument) => parseChoice(text, argument, SPP_METHODS), fromGiven: (value) => givenText(value) as SppMethod },
  },
  checkPresence: (given) => {
    if (given.has("shape") && given.has("input")) throw new InputError("shape", "spp.shapeWithInput", {}, "spp.shapeWithInputHint");
    if (!given.has("shape") && !given.has("input")) throw new InputError(undefined, "spp.needsInput", {}, "spp.needsInputHint");
  },
  setup: async (read): Promise<SppInput> => {
    const shape = await read("shape");
    if (shape !== undefined) {
      const type = await read("type");
      return { kind: "shape", result: sppShape(shape, { levels: await read("levels"), method: await read("method") }), type };
    }
    // checkPresence has made sure one of the two is there.
    const input = (await read("input"))!;
    return { kind: "map", setup: setupSpp(input, { levels: await read("levels"), type: await read("type"), method: await read("method") }) };
  },
  json: (input) => {
    if (input.kind === "shape") {
      // Only what the shape decides: no pooled output, no vector.
      return { levels: input.result.levels.map((level) => ({ n: level.n, bins: level.bins })), length: input.result.length, expectedLength: input.result.expectedLength };
    }
    const { setup } = input;
    const result = sppForward(setup);
    const bins = sppBins(setup);
    const levels = result.levels.map((level, index) => ({ n: level.n, output: level.output, bins: bins[index] }));
    return { levels, vector: result.vector, length: result.length, expectedLength: result.expectedLength };
  },
  explain: (input) => {
    if (input.kind === "shape") return { kind: "shape", explanation: explainSppShape(input.result, input.type) };
    const { setup } = input;
    return fitsSppWorkedAnswer(setup)
      ? { kind: "worked", explanation: explainSpp(setup) }
      : { kind: "summary", explanation: explainSpp(setup, { detail: false }) };
  },
  render: (answer, context) => {
    if (answer.kind === "shape") return renderSppShapeText(answer.explanation, context);
    return answer.kind === "worked" ? renderSppText(answer.explanation, context) : renderSppSummary(answer.explanation, context);
  },
  loadHtml: async () => {
    const { sppHtml, sppShapeHtml } = await import("./html.js");
    return (answer, context) => (answer.kind === "shape" ? sppShapeHtml(answer.explanation, context) : sppHtml(answer, context));
  },
};
