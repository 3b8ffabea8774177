/**
 * pool topics: max pooling forward, which cells receive gradient (the mask), max-pool backward and
 * average-pool backward. Ties and overlapping windows come up at a steady rate; averages divide by 4.
 */
import { poolBackward, poolForward, setupPool, maxPoolMask, type PoolType } from "../../engine/pool2d.js";
import { poolOutputSize } from "../../engine/geometry.js";
import { fromRows, type Tensor } from "../../engine/tensor.js";
import type { Random } from "../random.js";
import type { NumericGenerator, PromptPart } from "./types.js";
import { drawUntil } from "./util.js";

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

function outputSize(shape: PoolShape): number {
  return poolOutputSize(shape.n, shape.size, shape.stride, shape.padding, false);
}

function setup(input: number[][], shape: PoolShape, type: PoolType = "max") {
  return setupPool(fromRows(input), { type, size: [shape.size, shape.size], stride: [shape.stride, shape.stride], padding: [shape.padding, shape.padding] });
}

function nonZero(t: Tensor): boolean {
  return t.data.some((value) => Math.abs(value) > 1e-9);
}

/** Does some window hold two equal maxima? (The tie rule then matters.) */
function hasTie(input: number[][], shape: PoolShape): boolean {
  const out = outputSize(shape);
  for (let i = 0; i < out; i++)
    for (let j = 0; j < out; j++) {
      const values: number[] = [];
      for (let r = i * shape.stride - shape.padding; r < i * shape.stride - shape.padding + shape.size; r++)
        for (let c = j * shape.stride - shape.padding; c < j * shape.stride - shape.padding + shape.size; c++)
          if (r >= 0 && r < shape.n && c >= 0 && c < shape.n) values.push(input[r][c]);
      const best = Math.max(...values);
      if (values.filter((v) => v === best).length > 1) return true;
    }
  return false;
}

/** An input for max pooling: small values; about a third of problems have a tie somewhere. Padded shapes get negatives. */
function drawMaxInput(random: Random, shape: PoolShape): number[][] {
  const wantTie = random.chance(0.35);
  const [min, max] = shape.padding > 0 ? [-6, 3] : wantTie ? [0, 5] : [0, 9];
  return drawUntil(
    random,
    (r) => r.matrix(shape.n, shape.n, min, max),
    (m) => nonZero(poolForward(setup(m, shape)).output) && hasTie(m, shape) === wantTie,
  );
}

function poolSetting(shape: PoolShape): PromptPart[] {
  const parts: PromptPart[] = [{ key: "quiz.prompt.poolSetting", params: { size: shape.size, stride: shape.stride, padding: shape.padding } }];
  return parts;
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

const maxForward: NumericGenerator = {
  topic: "pool.max",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(FORWARD_SHAPES);
    const input = drawMaxInput(random.stream("input"), shape);
    const prompt: PromptPart[] = [{ key: "quiz.prompt.pool.max" }, ...poolSetting(shape)];
    if (shape.padding > 0) prompt.push({ key: "quiz.prompt.poolPaddingMax" });
    prompt.push({ key: "quiz.prompt.giveOutput" });
    return { given: given(input, shape), ask: "output", prompt };
  },
};

const maxMask: NumericGenerator = {
  topic: "pool.max-mask",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(FORWARD_SHAPES);
    const input = drawMaxInput(random.stream("input"), shape);
    const s = setup(input, shape);
    // The mask is never all zero (every window has a maximum); it is worth asking because cells stay 0.
    const mask = maxPoolMask(s, poolForward(s).argmax!);
    if (!nonZero(mask)) throw new Error("pool.max-mask: empty mask");
    const prompt: PromptPart[] = [{ key: "quiz.prompt.pool.max-mask" }, ...poolSetting(shape)];
    if (shape.padding > 0) prompt.push({ key: "quiz.prompt.poolPaddingMax" });
    return { given: given(input, shape), ask: "mask", prompt };
  },
};

function drawGrad(random: Random, out: number, accept: (grad: number[][]) => boolean, values: readonly number[]): number[][] {
  return drawUntil(random, (r) => Array.from({ length: out }, () => Array.from({ length: out }, () => r.pick(values))), accept);
}

const maxGrad: NumericGenerator = {
  topic: "pool.max-grad",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(BACKWARD_SHAPES);
    const input = drawMaxInput(random.stream("input"), shape);
    const s = setup(input, shape);
    const grad = drawGrad(random.stream("grad"), outputSize(shape), (g) => nonZero(poolBackward(s, fromRows(g))), [-2, -1, 1, 1, 2, 2, 3]);
    const prompt: PromptPart[] = [{ key: "quiz.prompt.pool.max-grad" }, ...poolSetting(shape)];
    if (shape.padding > 0) prompt.push({ key: "quiz.prompt.poolPaddingMax" });
    prompt.push({ key: "quiz.prompt.poolGradShape" });
    return { given: given(input, shape, { grad }), ask: "gradInput", prompt };
  },
};

const avgGrad: NumericGenerator = {
  topic: "pool.avg-grad",
  calculator: "pool",
  generate(random) {
    const shape = random.stream("shape").pick(AVERAGE_SHAPES);
    const input = random.stream("input").matrix(shape.n, shape.n, 0, 9);
    const s = setup(input, shape, "avg");
    const grad = drawGrad(random.stream("grad"), outputSize(shape), (g) => nonZero(poolBackward(s, fromRows(g))), [-4, -2, 1, 2, 2, 3, 4, 4, 8]);
    const prompt: PromptPart[] = [{ key: "quiz.prompt.pool.avg-grad" }, ...poolSetting(shape)];
    if (shape.padding > 0) prompt.push({ key: "quiz.prompt.poolPaddingAvg" });
    prompt.push({ key: "quiz.prompt.poolGradShape" });
    return { given: given(input, shape, { grad }, "avg"), ask: "gradInput", prompt };
  },
};

export const poolGenerators: NumericGenerator[] = [maxForward, maxMask, maxGrad, avgGrad];
