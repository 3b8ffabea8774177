/** `cnn-drill pool`: max and average pooling (PyTorch max_pool2d / avg_pool2d), forward and backward. */
import { check } from "../../engine/errors.js";
import type { Pair } from "../../engine/geometry.js";
import { argmaxPositions, maxPoolMask, poolBackward, poolForward, setupPool, type PoolSetup, type PoolType } from "../../engine/pool2d.js";
import type { Tensor } from "../../engine/tensor.js";
import { explainPool, fitsPoolWorkedAnswer, poolSizeSteps, type PoolExplanation, type PoolSizeStep } from "./explain.js";
import { parseChoice, parseMatrix, parsePair } from "../../io/parse.js";
import { renderPoolSummary, renderPoolText } from "./render.js";
import { givenPair, givenTensor, givenText } from "../given.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec } from "../spec.js";

export interface PoolParams {
  input: Tensor;
  type: PoolType;
  size: Pair;
  /** Default: the window size. */
  stride?: Pair;
  padding: Pair;
  ceil?: boolean;
  excludePad?: boolean;
  grad?: Tensor;
}

export interface PoolInput {
  setup: PoolSetup;
  grad?: Tensor;
}

export type PoolAnswer =
  | { kind: "worked"; explanation: PoolExplanation }
  | { kind: "summary"; setup: PoolSetup; sizes: [PoolSizeStep, PoolSizeStep]; output: Tensor; gradInput?: Tensor };

export const POOL_TYPES: readonly PoolType[] = ["max", "avg"];

const parseSize = (text: string, argument: string): Pair => parsePair(text, argument, { min: 1 });

export const spec: CalculatorSpec<PoolParams, PoolInput, PoolAnswer, Key> = {
  name: "pool",
  messages: { en, ko },
  help: "pool.help",
  examples: "pool.help.examples",
  options: {
    input: { value: "<matrix>", help: "pool.help.input", required: true, source: true, parse: parseMatrix, fromGiven: givenTensor },
    type: { value: "<type>", help: "pool.help.type", default: "max", choices: POOL_TYPES, parse: (text, argument) => parseChoice(text, argument, POOL_TYPES), fromGiven: (value) => givenText(value) as PoolType },
    size: { value: "<pair>", help: "pool.help.size", required: true, parse: parseSize, fromGiven: givenPair },
    stride: { value: "<pair>", help: "pool.help.stride", parse: parseSize, fromGiven: givenPair },
    padding: { value: "<pair>", help: "pool.help.padding", default: "0", parse: (text, argument) => parsePair(text, argument, { min: 0 }), fromGiven: givenPair },
    ceil: { help: "pool.help.ceil" },
    excludePad: { help: "pool.help.excludePad" },
    grad: { value: "<matrix>", help: "pool.help.grad", source: true, parse: parseMatrix, fromGiven: givenTensor },
  },
  setup: async (read) => {
    const type = await read("type");
    const excludePad = await read("excludePad");
    check(!(excludePad === true && type === "max"), "exclude-pad", "pool.excludePadNeedsAvg", {}, "pool.excludePadNeedsAvgHint");
    const input = await read("input");
    const size = await read("size");
    const stride = (await read("stride")) ?? size;
    const padding = await read("padding");
    const setup = setupPool(input, { type, size, stride, padding, ceilMode: (await read("ceil")) === true, countIncludePad: excludePad !== true });
    return { setup, grad: await read("grad") };
  },
  json: ({ setup, grad }) => {
    const forward = poolForward(setup);
    const gradInput = grad === undefined ? undefined : poolBackward(setup, grad, forward);
    const maxKeys = forward.argmax ? { mask: maxPoolMask(setup, forward.argmax), argmax: argmaxPositions(setup, forward.argmax) } : {};
    return { output: forward.output, ...maxKeys, ...(gradInput ? { gradInput } : {}) };
  },
  explain: ({ setup, grad }) => {
    if (fitsPoolWorkedAnswer(setup)) return { kind: "worked", explanation: explainPool(setup, grad) };
    const forward = poolForward(setup);
    return { kind: "summary", setup, sizes: poolSizeSteps(setup), output: forward.output, gradInput: grad === undefined ? undefined : poolBackward(setup, grad, forward) };
  },
  render: (answer, context) => {
    if (answer.kind === "worked") return renderPoolText(answer.explanation, context);
    const results = [{ label: context.t("pool.label.output"), tensor: answer.output }];
    if (answer.gradInput) results.push({ label: context.t("pool.label.gradInput"), tensor: answer.gradInput });
    return renderPoolSummary(answer.setup, answer.sizes, results, context);
  },
  loadHtml: async () => {
    const { poolSummaryHtml, poolWorkedHtml } = await import("./html.js");
    return (answer, context) => {
      if (answer.kind === "worked") return poolWorkedHtml(answer.explanation, context);
      const results = [{ label: context.t("pool.label.output"), tensor: answer.output }];
      if (answer.gradInput) results.push({ label: context.t("pool.label.gradInput"), tensor: answer.gradInput });
      return poolSummaryHtml(answer.setup, answer.sizes, results, context);
    };
  },
};
