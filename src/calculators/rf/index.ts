/** `cnn-drill rf`: the receptive field of a stack of layers, layer by layer; with channels, its parameters and MACs. */
import { layerCosts, wantsLayerCosts, type LayerCost, type StackCost } from "../../engine/layer-cost.js";
import { parseLayers, receptiveField, type LayerField, type ReceptiveField } from "../../engine/receptive-field.js";
import { explainRf, type RfExplanation } from "./explain.js";
import { parsePositiveInt } from "../../io/parse.js";
import { renderRfText } from "./render.js";
import { givenNumber, givenText } from "../given.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec } from "../spec.js";

export interface RfParams {
  /** The layer SPEC as written (`conv3,pool2`); setup parses it after reading --input-size. */
  layers: string;
  inputSize?: number;
  /** Input channels; given (or --no-bias, or any c, g or fc token) asks for the parameter and MAC table. */
  channels?: number;
  noBias: boolean;
}

/** The field arithmetic, and the costs when channels are asked for. */
export interface RfInput {
  field: ReceptiveField;
  costs: StackCost | undefined;
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

/** The contract's cost keys of one layer (plus inChannels and groups). */
function layerCostJson(cost: LayerCost): Record<string, unknown> {
  return { inChannels: cost.inChannels, channels: cost.channels, groups: cost.groups, outputShape: cost.outputShape, params: cost.params, macs: cost.macs };
}

export const spec: CalculatorSpec<RfParams, RfInput, RfExplanation, Key> = {
  name: "rf",
  messages: { en, ko },
  help: "rf.help",
  examples: "rf.help.examples",
  options: {
    layers: { value: "<spec>", help: "rf.help.layers", required: true, parse: (text) => text, fromGiven: givenText },
    inputSize: { value: "<n>", help: "rf.help.inputSize", parse: parsePositiveInt, fromGiven: givenNumber },
    channels: { value: "<c>", help: "rf.help.channels", parse: parsePositiveInt, fromGiven: givenNumber },
    noBias: { help: "rf.help.noBias" },
  },
  setup: async (read) => {
    const inputSize = await read("inputSize");
    const channels = await read("channels");
    const bias = !(await read("noBias"));
    const specs = parseLayers(await read("layers"));
    const field = receptiveField(specs, inputSize);
    // --no-bias only means something for the counts, so it asks for them as --channels does.
    const costs = wantsLayerCosts(specs, channels !== undefined || !bias) ? layerCosts(specs, { channels, inputSize, bias }) : undefined;
    return { field, costs };
  },
  json: ({ field, costs }) => ({
    layers: field.layers.map((layer, position) => ({ ...layerJson(layer), ...(costs === undefined ? {} : layerCostJson(costs.layers[position])) })),
    receptiveField: field.receptiveField,
    jump: field.jump,
    start: field.start,
    inputSize: field.inputSize,
    outputSize: field.outputSize,
    ...(costs === undefined ? {} : { channels: costs.channels, bias: costs.bias, params: costs.params, macs: costs.macs }),
  }),
  explain: ({ field, costs }) => explainRf(field, costs),
  render: renderRfText,
  loadHtml: async () => (await import("./html.js")).rfHtml,
};
