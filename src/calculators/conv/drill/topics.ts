/**
 * conv topics: forward (valid correlation), stride and padding, true convolution, dilation, the
 * three gradients, and the output-size formula. Small whole numbers, answers that are never all zero.
 */
import { convBackward, convForward, setupConv, type ConvMode, type ConvSetup } from "../../../engine/conv2d.js";
import { convOutputSize } from "../../../engine/geometry.js";
import { fromRows, type Tensor } from "../../../engine/tensor.js";
import type { ProblemRandom, Random } from "../../../drill/random.js";
import type { NumericGenerator, PromptPart, TopicOf } from "../../../drill/topic.js";
import { allZero, convLayerToken, drawUntil, nonZeroMatrix, nonZeroTensor, rotate180, sameMatrix } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

interface ConvShape {
  n: number;
  k: number;
  stride: number;
  padding: number;
  dilation: number;
}

/** The engine's setup for a drawn problem (what `cnn-drill conv` will be called with). */
function convSetupOf(input: number[][], kernel: number[][], shape: ConvShape, mode: ConvMode = "corr"): ConvSetup {
  return setupConv(fromRows(input), fromRows(kernel), {
    stride: [shape.stride, shape.stride],
    padding: [shape.padding, shape.padding],
    dilation: [shape.dilation, shape.dilation],
    mode,
  });
}

function forwardOf(input: number[][], kernel: number[][], shape: ConvShape, mode: ConvMode = "corr"): Tensor {
  return convForward(convSetupOf(input, kernel, shape, mode));
}

function outputSize(shape: ConvShape): number {
  return convOutputSize(shape.n, shape.k, shape.stride, shape.padding, shape.padding, shape.dilation);
}

/** A kernel with at least two non-zero taps, not all of one sign-free value (so that it is worth computing). */
function drawKernel(random: Random, k: number, { asymmetric = false } = {}): number[][] {
  return drawUntil(
    random,
    (r) => r.matrix(k, k, -1, 2),
    (m) => m.flat().filter((v) => v !== 0).length >= 2 && new Set(m.flat()).size >= 2 && (!asymmetric || !sameMatrix(m, rotate180(m))),
  );
}

/** An input whose forward answer is not all zero. */
function drawInput(random: Random, n: number, kernel: number[][], shape: ConvShape, mode: ConvMode = "corr", min = 0, max = 5): number[][] {
  return drawUntil(random, (r) => r.matrix(n, n, min, max), (input) => !allZero(input) && nonZeroTensor(forwardOf(input, kernel, shape, mode)));
}

/** The calculator options a shape needs beyond the defaults (stride 1, padding 0, dilation 1), in argv order. */
function nonDefaultSettings(shape: ConvShape): Record<string, number> {
  return {
    ...(shape.stride > 1 ? { stride: shape.stride } : {}),
    ...(shape.padding > 0 ? { padding: shape.padding } : {}),
    ...(shape.dilation > 1 ? { dilation: shape.dilation } : {}),
  };
}

function setting(shape: ConvShape): PromptPart<Key> {
  return { key: "quiz.prompt.convSetting", params: { stride: shape.stride, padding: shape.padding, dilation: shape.dilation } };
}

const forward: NumericGenerator<Key> = {
  topic: "conv.forward",
  calculator: "conv",
  generate(random: ProblemRandom) {
    const [n, k] = random.stream("shape").pick([[3, 2], [3, 2], [4, 2], [4, 3], [5, 3]] as const);
    const shape: ConvShape = { n, k, stride: 1, padding: 0, dilation: 1 };
    const kernel = drawKernel(random.stream("kernel"), k);
    const input = drawInput(random.stream("input"), n, kernel, shape);
    const biasStream = random.stream("bias");
    const bias = biasStream.chance(0.3) ? biasStream.pick([-2, -1, 1, 2, 3]) : undefined;
    const prompt: PromptPart<Key>[] = [{ key: "quiz.prompt.conv.forward" }, setting(shape)];
    if (bias !== undefined) prompt.push({ key: "quiz.prompt.bias", params: { bias } });
    prompt.push({ key: "quiz.prompt.giveOutput" });
    return { given: { input, kernel, ...(bias === undefined ? {} : { bias }) }, ask: "output", prompt };
  },
};

const padded: NumericGenerator<Key> = {
  topic: "conv.padded",
  calculator: "conv",
  generate(random) {
    const shape = drawUntil(
      random.stream("shape"),
      (r): ConvShape => {
        const [stride, padding] = r.pick([[1, 1], [2, 0], [2, 1], [2, 1]] as const);
        return { n: r.int(3, 5), k: r.pick([2, 3]), stride, padding, dilation: 1 };
      },
      (s) => outputSize(s) >= 2 && outputSize(s) <= 3 && s.k <= s.n,
    );
    const kernel = drawKernel(random.stream("kernel"), shape.k);
    const input = drawInput(random.stream("input"), shape.n, kernel, shape, "corr", -2, 4);
    return {
      given: { input, kernel, stride: shape.stride, padding: shape.padding },
      ask: "output",
      prompt: [{ key: "quiz.prompt.conv.padded" }, setting(shape), { key: "quiz.prompt.zeroPadding" }, { key: "quiz.prompt.giveOutput" }],
    };
  },
};

const trueConv: NumericGenerator<Key> = {
  topic: "conv.true",
  calculator: "conv",
  generate(random) {
    const [n, k] = random.stream("shape").pick([[3, 2], [4, 2], [4, 3], [3, 2]] as const);
    const shape: ConvShape = { n, k, stride: 1, padding: 0, dilation: 1 };
    const kernel = drawKernel(random.stream("kernel"), k, { asymmetric: true });
    const input = drawInput(random.stream("input"), n, kernel, shape, "conv");
    return {
      given: { input, kernel, mode: "conv" },
      ask: "output",
      prompt: [{ key: "quiz.prompt.conv.true" }, setting(shape), { key: "quiz.prompt.giveOutput" }],
    };
  },
};

const dilated: NumericGenerator<Key> = {
  topic: "conv.dilated",
  calculator: "conv",
  generate(random) {
    const shape = random.stream("shape").pick<ConvShape>([
      { n: 4, k: 2, stride: 1, padding: 0, dilation: 2 },
      { n: 5, k: 2, stride: 1, padding: 0, dilation: 2 },
      { n: 5, k: 2, stride: 1, padding: 0, dilation: 3 },
      { n: 4, k: 3, stride: 1, padding: 1, dilation: 2 },
      { n: 5, k: 2, stride: 2, padding: 0, dilation: 2 },
    ]);
    const kernel = drawKernel(random.stream("kernel"), shape.k);
    const input = drawInput(random.stream("input"), shape.n, kernel, shape, "corr", 0, 4);
    return {
      given: { input, kernel, ...nonDefaultSettings(shape) },
      ask: "output",
      prompt: [{ key: "quiz.prompt.conv.dilated", params: { dilation: shape.dilation, span: shape.dilation * (shape.k - 1) + 1 } }, setting(shape), { key: "quiz.prompt.giveOutput" }],
    };
  },
};

/** Shapes for the backward topics: input ≤ 4×4, upstream gradient 2×2 or 3×3. */
const BACKWARD_SHAPES: ConvShape[] = [
  { n: 3, k: 2, stride: 1, padding: 0, dilation: 1 },
  { n: 3, k: 2, stride: 1, padding: 0, dilation: 1 },
  { n: 4, k: 3, stride: 1, padding: 0, dilation: 1 },
  { n: 4, k: 2, stride: 2, padding: 0, dilation: 1 },
  { n: 4, k: 2, stride: 1, padding: 0, dilation: 1 },
];

type GradAsk = "gradInput" | "gradKernel" | "gradBias";

/** A topic whose prompt is its own catalogue entry, `quiz.prompt.<topic>`. */
type PromptOf<K extends string> = K extends `quiz.prompt.${infer Id}` ? Id : never;
type TopicWithPrompt = TopicOf<Key> & PromptOf<Key>;

function backwardGenerator(topic: TopicWithPrompt, ask: GradAsk, shapes: ConvShape[]): NumericGenerator<Key> {
  return {
    topic,
    calculator: "conv",
    generate(random) {
      const shape = random.stream("shape").pick(shapes);
      const out = outputSize(shape);
      const kernel = drawKernel(random.stream("kernel"), shape.k);
      const input = drawUntil(random.stream("input"), (r) => r.matrix(shape.n, shape.n, 0, 4), (m) => !allZero(m));
      const grad = drawUntil(
        random.stream("grad"),
        (r) => nonZeroMatrix(r, out, out, -2, 2, 2),
        (g) => {
          const gradients = convBackward(convSetupOf(input, kernel, shape), fromRows(g));
          if (ask === "gradBias") return gradients.gradBias !== 0;
          return nonZeroTensor(gradients[ask]);
        },
      );
      // ∂L/∂b is asked of a layer that has a bias (its value does not change any gradient).
      if (ask === "gradBias") {
        const bias = random.stream("bias").pick([-2, -1, 1, 2, 3]);
        return {
          given: { input, kernel, bias, ...nonDefaultSettings(shape), grad },
          ask,
          answerForm: "number",
          prompt: [{ key: "quiz.prompt.convBackwardBias", params: { bias } }, setting(shape), { key: `quiz.prompt.${topic}` }],
        };
      }
      return {
        given: { input, kernel, ...nonDefaultSettings(shape), grad },
        ask,
        prompt: [{ key: "quiz.prompt.convBackward" }, setting(shape), { key: `quiz.prompt.${topic}` }],
      };
    },
  };
}

const gradInput = backwardGenerator("conv.grad-input", "gradInput", BACKWARD_SHAPES);
const gradKernel = backwardGenerator("conv.grad-kernel", "gradKernel", BACKWARD_SHAPES.filter((s) => outputSize(s) === 2 || s.k === 2));
const gradBias = backwardGenerator("conv.grad-bias", "gradBias", BACKWARD_SHAPES);

/** The output-size formula alone, on inputs too large to draw: answered by `cnn-drill rf --input-size`. */
const outputSizeTopic: NumericGenerator<Key> = {
  topic: "conv.output-size",
  calculator: "rf",
  generate(random) {
    const shape = drawUntil(
      random.stream("shape"),
      (r): ConvShape => {
        const k = r.pick([1, 2, 3, 3, 5, 7]);
        return { n: r.int(5, 32), k, stride: r.pick([1, 2, 2, 3]), padding: r.int(0, Math.floor(k / 2)), dilation: k > 1 && r.chance(0.25) ? 2 : 1 };
      },
      // Worth computing: the window moves, and the stride usually leaves a remainder for the floor.
      (s) => outputSize(s) >= 2 && (s.stride === 1 || (s.n + 2 * s.padding - (s.dilation * (s.k - 1) + 1)) % s.stride !== 0 || s.k === 1),
    );
    return {
      given: { layers: convLayerToken(shape.k, shape), inputSize: shape.n },
      ask: "outputSize",
      answerForm: "number",
      prompt: [{ key: "quiz.prompt.conv.output-size", params: { n: shape.n, k: shape.k, stride: shape.stride, padding: shape.padding, dilation: shape.dilation } }],
      solutionLead: [{ key: "quiz.lead.conv.output-size", params: { n: shape.n, k: shape.k, s: shape.stride, p: shape.padding, d: shape.dilation, span: shape.dilation * (shape.k - 1) + 1 } }],
    };
  },
};

export const convGenerators: NumericGenerator<Key>[] = [forward, padded, trueConv, dilated, gradInput, gradKernel, gradBias, outputSizeTopic];
