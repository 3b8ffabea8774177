/** `cnn-drill conv`: 2-D convolution (PyTorch conv2d), forward and backward, worked cell by cell. */
import { convBackward, convForward, setupConv, type ConvGradients, type ConvMode, type ConvSetup, type PaddingSpec } from "../../engine/conv2d.js";
import { InputError } from "../../engine/errors.js";
import type { Tensor } from "../../engine/tensor.js";
import { explainConv, fitsWorkedAnswer, type ConvExplanation } from "./explain.js";
import type { Pair } from "../../engine/geometry.js";
import { parseChoice, parseMatrix, parseNumberList, parsePair } from "../../io/parse.js";
import { renderConvSummary, renderConvText } from "./render.js";
import { givenList, givenPair, givenTensor, givenText } from "../given.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec, GivenValue, OptionTable } from "../spec.js";

export interface ConvParams {
  input: Tensor;
  kernel: Tensor;
  bias?: number[];
  stride: Pair;
  padding: PaddingSpec;
  dilation: Pair;
  mode: ConvMode;
  grad?: Tensor;
}

export interface ConvInput {
  setup: ConvSetup;
  grad?: Tensor;
}

export type ConvAnswer =
  | { kind: "worked"; explanation: ConvExplanation }
  | { kind: "summary"; setup: ConvSetup; output: Tensor; gradients?: ConvGradients };

export const CONV_MODES: readonly ConvMode[] = ["corr", "conv"];

/** A number, `h,w`, `same` or `valid`. */
export function parsePadding(text: string): PaddingSpec {
  const word = text.trim().toLowerCase();
  if (word === "same" || word === "valid") return word;
  try {
    return parsePair(text, "padding", { min: 0 });
  } catch (error) {
    if (error instanceof InputError && error.code === "pair.bad") throw new InputError("padding", "conv.paddingBad", { text });
    throw error;
  }
}

function givenPadding(value: GivenValue): PaddingSpec {
  return typeof value === "string" ? parsePadding(value) : givenPair(value);
}

/** The conv layer's parameters: the training step takes the same. */
export type ConvLayerParams = Pick<ConvParams, "input" | "kernel" | "bias" | "stride" | "padding" | "dilation">;

/** The conv layer's options (input, kernel, bias, stride, padding, dilation), declared once for conv and step. */
export const CONV_LAYER_OPTIONS: OptionTable<ConvLayerParams, Key> = {
  input: { value: "<matrix>", help: "conv.help.input", required: true, source: true, parse: parseMatrix, fromGiven: givenTensor },
  kernel: { value: "<matrix>", help: "conv.help.kernel", required: true, source: true, parse: parseMatrix, fromGiven: givenTensor },
  bias: { value: "<values>", help: "conv.help.bias", source: true, parse: parseNumberList, fromGiven: givenList },
  stride: { value: "<pair>", help: "conv.help.stride", default: "1", parse: (text, argument) => parsePair(text, argument, { min: 1 }), fromGiven: givenPair },
  padding: { value: "<pair>", help: "conv.help.padding", default: "0", parse: parsePadding, fromGiven: givenPadding },
  dilation: { value: "<pair>", help: "conv.help.dilation", default: "1", parse: (text, argument) => parsePair(text, argument, { min: 1 }), fromGiven: givenPair },
};

export const spec: CalculatorSpec<ConvParams, ConvInput, ConvAnswer, Key> = {
  name: "conv",
  messages: { en, ko },
  help: "conv.help",
  examples: "conv.help.examples",
  options: {
    ...CONV_LAYER_OPTIONS,
    mode: { value: "<mode>", help: "conv.help.mode", default: "corr", choices: CONV_MODES, parse: (text, argument) => parseChoice(text, argument, CONV_MODES), fromGiven: (value) => givenText(value) as ConvMode },
    grad: { value: "<matrix>", help: "conv.help.grad", source: true, parse: parseMatrix, fromGiven: givenTensor },
  },
  setup: async (read) => {
    const input = await read("input");
    const kernel = await read("kernel");
    const bias = await read("bias");
    const setup = setupConv(input, kernel, { stride: await read("stride"), padding: await read("padding"), dilation: await read("dilation"), mode: await read("mode"), bias });
    return { setup, grad: await read("grad") };
  },
  json: ({ setup, grad }) => ({ output: convForward(setup), ...(grad === undefined ? {} : convBackward(setup, grad)) }),
  explain: ({ setup, grad }) => {
    if (fitsWorkedAnswer(setup)) return { kind: "worked", explanation: explainConv(setup, grad) };
    return { kind: "summary", setup, output: convForward(setup), gradients: grad === undefined ? undefined : convBackward(setup, grad) };
  },
  render: (answer, context) => {
    if (answer.kind === "worked") return renderConvText(answer.explanation, context);
    const { t } = context;
    const results = [{ label: t("conv.label.output"), tensor: answer.output }];
    if (answer.gradients) results.push({ label: t("conv.label.gradInput"), tensor: answer.gradients.gradInput }, { label: t("conv.label.gradKernel"), tensor: answer.gradients.gradKernel });
    return renderConvSummary(answer.setup, results, context);
  },
  loadHtml: async () => {
    const { convSummaryHtml, convWorkedHtml } = await import("./html.js");
    return (answer, context) => {
      if (answer.kind === "worked") return convWorkedHtml(answer.explanation, context);
      const { t } = context;
      const results = [{ label: t("conv.label.output"), tensor: answer.output }];
      if (answer.gradients) results.push({ label: t("conv.label.gradInput"), tensor: answer.gradients.gradInput }, { label: t("conv.label.gradKernel"), tensor: answer.gradients.gradKernel });
      return convSummaryHtml(answer.setup, results, context);
    };
  },
};
