/** `cnn-drill spp`: spatial pyramid pooling (SPP-net; adaptive bins as PyTorch computes them). */
import { sppBins, sppForward, setupSpp, type SppMethod, type SppSetup, type SppType } from "../../engine/spp.js";
import type { Tensor } from "../../engine/tensor.js";
import { explainSpp, type SppExplanation } from "./explain.js";
import { parseChoice, parseMatrix, parseNumberList } from "../../io/parse.js";
import { fitsSppWorkedAnswer, renderSppSummary, renderSppText } from "./render.js";
import { givenList, givenTensor, givenText } from "../given.js";
import { sppHtml } from "./html.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec } from "../spec.js";

export interface SppParams {
  input: Tensor;
  levels: number[];
  type: SppType;
  method: SppMethod;
}

export type SppAnswer = { kind: "worked" | "summary"; explanation: SppExplanation };

export const SPP_TYPES: readonly SppType[] = ["max", "avg"];
export const SPP_METHODS: readonly SppMethod[] = ["adaptive", "sppnet"];

export const spec: CalculatorSpec<SppParams, SppSetup, SppAnswer, Key> = {
  name: "spp",
  messages: { en, ko },
  help: "spp.help",
  examples: "spp.help.examples",
  options: {
    input: { value: "<matrix>", help: "spp.help.input", required: true, source: true, parse: parseMatrix, fromGiven: givenTensor },
    levels: { value: "<list>", help: "spp.help.levels", required: true, parse: parseNumberList, fromGiven: givenList },
    type: { value: "<type>", help: "spp.help.type", default: "max", choices: SPP_TYPES, parse: (text, argument) => parseChoice(text, argument, SPP_TYPES), fromGiven: (value) => givenText(value) as SppType },
    method: { value: "<method>", help: "spp.help.method", default: "adaptive", choices: SPP_METHODS, parse: (text, argument) => parseChoice(text, argument, SPP_METHODS), fromGiven: (value) => givenText(value) as SppMethod },
  },
  setup: async (read) => {
    const input = await read("input");
    return setupSpp(input, { levels: await read("levels"), type: await read("type"), method: await read("method") });
  },
  json: (setup) => {
    const result = sppForward(setup);
    const bins = sppBins(setup);
    const levels = result.levels.map((level, index) => ({ n: level.n, output: level.output, bins: bins[index] }));
    return { levels, vector: result.vector, length: result.length, expectedLength: result.expectedLength };
  },
  explain: (setup) => fitsSppWorkedAnswer(setup)
    ? { kind: "worked", explanation: explainSpp(setup) }
    : { kind: "summary", explanation: explainSpp(setup, { detail: false }) },
  render: ({ kind, explanation }, context) => kind === "worked" ? renderSppText(explanation, context) : renderSppSummary(explanation, context),
  html: sppHtml,
};
