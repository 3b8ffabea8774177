/** `cnn-drill rf`: the receptive field of a stack of layers, layer by layer. */
import { parseLayers, receptiveField, type LayerField, type ReceptiveField } from "../../engine/receptive-field.js";
import { explainRf, type RfExplanation } from "./explain.js";
import { parsePositiveInt } from "../../io/parse.js";
import { renderRfText } from "./render.js";
import { givenNumber, givenText } from "../given.js";
import { rfHtml } from "./html.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec } from "../spec.js";

export interface RfParams {
  /** The layer SPEC as written (`conv3,pool2`); setup parses it after reading --input-size. */
  layers: string;
  inputSize?: number;
}

/** One layer as the contract's JSON gives it (plus kind, token, outputPadding and inputSize). */
export function layerJson(layer: LayerField): Record<string, unknown> {
  return {
    kind: layer.kind,
    token: layer.token,
    kernel: layer.kernel,
    stride: layer.stride,
    padding: layer.padding,
    dilation: layer.dilation,
    ...(layer.kind === "tconv" ? { outputPadding: layer.outputPadding } : {}),
    effectiveKernel: layer.effectiveKernel,
    jump: layer.jump,
    receptiveField: layer.receptiveField,
    start: layer.start,
    inputSize: layer.inputSize,
    outputSize: layer.outputSize,
  };
}

export const spec: CalculatorSpec<RfParams, ReceptiveField, RfExplanation, Key> = {
  name: "rf",
  messages: { en, ko },
  help: "rf.help",
  examples: "rf.help.examples",
  options: {
    layers: { value: "<spec>", help: "rf.help.layers", required: true, parse: (text) => text, fromGiven: givenText },
    inputSize: { value: "<n>", help: "rf.help.inputSize", parse: parsePositiveInt, fromGiven: givenNumber },
  },
  setup: async (read) => {
    const inputSize = await read("inputSize");
    return receptiveField(parseLayers(await read("layers")), inputSize);
  },
  json: (result) => ({
    layers: result.layers.map(layerJson),
    receptiveField: result.receptiveField,
    jump: result.jump,
    start: result.start,
    inputSize: result.inputSize,
    outputSize: result.outputSize,
  }),
  explain: explainRf,
  render: renderRfText,
  html: rfHtml,
};
