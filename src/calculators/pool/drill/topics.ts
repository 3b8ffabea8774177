/**
 * pool topics: max pooling forward, which cells receive gradient (the mask), max-pool backward and
 * average-pool backward. Ties and overlapping windows come up at a steady rate; averages divide by 4.
 */
import { axisWindow, maxPoolMask, poolBackward, poolForward, setupPool, type PoolSetup, type PoolType } from "../../../engine/pool2d.js";
import { fromRows } from "../../../engine/tensor.js";
import type { Random } from "../../../drill/random.js";
import type { NumericGenerator, PromptPart } from "../../../drill/topic.js";
import { drawUntil, nonZeroTensor } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

interface PoolShape {
  n: number;
  size: number;
  stride: number;
  padding: number;
}

/** Forward shapes (input ≤ 5×5); every window moves, several overlap, one pads. */
const FORWARD_SHAPES: PoolShape[] = [
  { n: 4, size: 2, stride: 2, padding: 0 },
  { n: 4, size: 2, stride: 1, padding: 0 },
  { n: 5, size: 3, stride: 2, padding: 0 },
  { n: 4, size: 3, stride: 1, padding: 0 },
  { n: 3, size: 2, stride: 2, padding: 1 },
  { n: 5, size: 2, stride: 2, padding: 0 },
];

/** Backward shapes (input ≤ 4×4). */
const BACKWARD_SHAPES: PoolShape[] = FORWARD_SHAPES.filter((shape) => shape.n <= 4);

/** Average pooling with 2×2 windows: the divisor is always 4, so gradients are multiples of 1/4. */
const AVERAGE_SHAPES: PoolShape[] = [
  { n: 4, size: 2, stride: 2, padding: 0 },
  { n: 4, size: 2, stride: 1, padding: 0 },
  { n: 3, size: 2, stride: 1, padding: 0 },
  { n: 3, size: 2, stride: 2, padding: 1 },
];

/** The engine's setup for a drawn problem (what `cnn-drill pool` will be called with). */
function setup(input: number[][], shape: PoolShape, type: PoolType = "max"): PoolSetup {
  return setupPool(fromRows(input), { type, size: [shape.size, shape.size], stride: [shape.stride, shape.stride], padding: [shape.padding, shape.padding] });
}

/** Does some window hold two equal maxima? (The tie rule then matters.) */
function hasTie(input: number[][], shape: PoolShape): boolean {
  const s = setup(input, shape);
  for (let i = 0; i < s.outputHeight; i++) {
    const rows = axisWindow(s, 0, i);
    for (let j = 0; j < s.outputWidth; j++) {
      const cols = axisWindow(s, 1, j);
      const values = input.slice(rows.start, rows.end).flatMap((row) => row.slice(cols.start, cols.end));
      const best = Math.max(...values);
      if (values.filter((v) => v === best).length > 1) return true;
    }
  }
  return false;
}

/**
 * Few repeated maxima: no output value fills more than half of the output (so never a constant
 * output, such as all 9s when one 9 sits in every window).
 */
export function fewRepeatedMaxima(output: readonly number[]): boolean {
  const counts = new Map<number, number>();
  for (const value of output) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Math.max(...counts.values()) <= Math.floor(output.length / 2);
}

/** An input for max pooling: small values; about a third of problems have a tie somewhere. Padded shapes get negatives. */
function drawMaxInput(random: Random, shape: PoolShape): number[][] {
  const wantTie = random.chance(0.35);
  const [min, max] = shape.padding > 0 ? [-6, 3] : wantTie ? [0, 5] : [0, 9];
  return drawUntil(
    random,
    (r) => r.matrix(shape.n, shape.n, min, max),
    (m) => {
      const output = poolForward(setup(m, shape)).output;
      return nonZeroTensor(output) && fewRepeatedMaxima(Array.from(output.data)) && hasTie(m, shape) === wantTie;
    },
  );
}

/** The prompt of a max-pool topic: its question, the setting, and the padding rule when it pads. */
function maxPrompt(key: Key, shape: PoolShape): PromptPart<Key>[] {
  const prompt: PromptPart<Key>[] = [{ key }, poolSetting(shape)];
  if (shape.padding > 0) prompt.push({ key: "quiz.prompt.poolPaddingMax" });
  return prompt;
}

function poolSetting(shape: PoolShape): PromptPart<Key> {
  return { key: "quiz.prompt.poolSetting", params: { size: shape.size, stride: shape.stride, padding: shape.padding } };
}

function given(input: number[][], shape: PoolShape, extra: Record<string, number[][]> = {}, type?: PoolType) {
  return {
    input,
    ...(type === "avg" ? { type } : {}),
    size: shape.size,
    stride: shape.stride,
    ...(shape.padding > 0 ? { padding: shape.padding } : {}),
    ...extra,
  };
}

const maxForward: NumericGenerator<Key> = {
  topic: "pool.max",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(FORWARD_SHAPES);
    const input = drawMaxInput(random.stream("input"), shape);
    return { given: given(input, shape), ask: "output", prompt: [...maxPrompt("quiz.prompt.pool.max", shape), { key: "quiz.prompt.giveOutput" }] };
  },
};

const maxMask: NumericGenerator<Key> = {
  topic: "pool.max-mask",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(FORWARD_SHAPES);
    const input = drawMaxInput(random.stream("input"), shape);
    const s = setup(input, shape);
    // The mask is never all zero (every window has a maximum); it is worth asking because cells stay 0.
    if (!nonZeroTensor(maxPoolMask(s, poolForward(s).argmax!))) throw new Error("pool.max-mask: empty mask");
    return { given: given(input, shape), ask: "mask", prompt: maxPrompt("quiz.prompt.pool.max-mask", shape) };
  },
};

/** An upstream gradient for `s` (square output) from `values`, whose input gradient is not all zero. */
function drawGrad(random: Random, s: PoolSetup, values: readonly number[]): number[][] {
  const out = s.outputHeight;
  return drawUntil(
    random,
    (r) => Array.from({ length: out }, () => Array.from({ length: out }, () => r.pick(values))),
    (g) => nonZeroTensor(poolBackward(s, fromRows(g))),
  );
}

const maxGrad: NumericGenerator<Key> = {
  topic: "pool.max-grad",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(BACKWARD_SHAPES);
    const input = drawMaxInput(random.stream("input"), shape);
    const grad = drawGrad(random.stream("grad"), setup(input, shape), [-2, -1, 1, 1, 2, 2, 3]);
    return { given: given(input, shape, { grad }), ask: "gradInput", prompt: [...maxPrompt("quiz.prompt.pool.max-grad", shape), { key: "quiz.prompt.poolGradShape" }] };
  },
};

const avgGrad: NumericGenerator<Key> = {
  topic: "pool.avg-grad",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(AVERAGE_SHAPES);
    const input = random.stream("input").matrix(shape.n, shape.n, 0, 9);
    const grad = drawGrad(random.stream("grad"), setup(input, shape, "avg"), [-4, -2, 1, 2, 2, 3, 4, 4, 8]);
    const prompt: PromptPart<Key>[] = [{ key: "quiz.prompt.pool.avg-grad" }, poolSetting(shape)];
    if (shape.padding > 0) prompt.push({ key: "quiz.prompt.poolPaddingAvg" });
    prompt.push({ key: "quiz.prompt.poolGradShape" });
    return { given: given(input, shape, { grad }, "avg"), ask: "gradInput", prompt };
  },
};

export const poolGenerators: NumericGenerator<Key>[] = [maxForward, maxMask, maxGrad, avgGrad];
