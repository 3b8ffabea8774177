/**
 * max_pool2d and avg_pool2d as PyTorch computes them (kernel, stride, zero padding ≤ kernel // 2,
 * ceil mode, count_include_pad), per channel for a C×H×W input, and their backward passes.
 */
import { sameShape, shapeText } from "./conv2d.js";
import { checkBudget } from "./budget.js";
import { check } from "./errors.js";
import { poolOutputSize, windowStart, type Pair } from "./geometry.js";
import { checkFinite, tensor, type Tensor } from "./tensor.js";
import { windowMax, windowSum } from "./window.js";

export type PoolType = "max" | "avg";

export interface PoolOptions {
  type?: PoolType;
  size: Pair;
  /** Default: the window size. */
  stride?: Pair;
  padding?: Pair;
  /** PyTorch `ceil_mode`. */
  ceilMode?: boolean;
  /** Average pooling: count padded cells in the divisor (PyTorch's default, true). */
  countIncludePad?: boolean;
}

/** A validated pooling problem, input in canonical C×H×W form. */
export interface PoolSetup {
  readonly type: PoolType;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly size: Pair;
  readonly stride: Pair;
  readonly padding: Pair;
  readonly ceilMode: boolean;
  readonly countIncludePad: boolean;
  readonly input: Float64Array;
  readonly inputShape: readonly number[];
  readonly outputHeight: number;
  readonly outputWidth: number;
}

/** One window on one axis: the real cells it reads [start, end) and how many cells it counts. */
export interface AxisWindow {
  /** First index the window covers, possibly negative (in the padding). */
  from: number;
  /** Real cells read: [start, end), clipped to the input. */
  start: number;
  end: number;
  /** Cells counted by count_include_pad: the window up to n + p (ceil mode can cut it there). */
  counted: number;
}

export function setupPool(input: Tensor, options: PoolOptions): PoolSetup {
  const rank = input.shape.length;
  check(rank === 2 || rank === 3, "input", "input.rank", { expected: "H×W or C×H×W", shape: shapeText(input.shape) });
  const [channels, height, width] = rank === 2 ? [1, ...input.shape] : input.shape;
  const size = options.size;
  const stride = options.stride ?? size;
  const padding = options.padding ?? [0, 0];
  check(size.every((v) => Number.isInteger(v) && v >= 1), "size", "pair.notPositive", { text: size.join(",") });
  check(stride.every((v) => Number.isInteger(v) && v >= 1), "stride", "pair.notPositive", { text: stride.join(",") });
  check(padding.every((v) => Number.isInteger(v) && v >= 0), "padding", "pair.negative", { text: padding.join(",") });
  for (const axis of [0, 1]) {
    const half = Math.floor(size[axis] / 2);
    check(padding[axis] <= half, "padding", "pool.paddingTooLarge", { padding: padding[axis], size: size[axis], half }, "pool.paddingTooLargeHint");
  }
  const paddedH = height + 2 * padding[0];
  const paddedW = width + 2 * padding[1];
  check(size[0] <= paddedH && size[1] <= paddedW, "size", "pool.windowTooLarge", {
    size: `${size[0]}×${size[1]}`,
    padded: `${paddedH}×${paddedW}`,
  }, "pool.windowTooLargeHint");
  const ceilMode = options.ceilMode ?? false;
  const outputHeight = poolOutputSize(height, size[0], stride[0], padding[0], ceilMode);
  const outputWidth = poolOutputSize(width, size[1], stride[1], padding[1], ceilMode);
  // Every window reads size² cells: a large window with a small stride is refused before any work.
  checkBudget("work", channels * outputHeight * outputWidth * size[0] * size[1], "size");
  if ((options.type ?? "max") === "max") checkBudget("listedWindows", channels * outputHeight * outputWidth, "stride");
  return {
    type: options.type ?? "max",
    channels, height, width, size, stride, padding, ceilMode,
    countIncludePad: options.countIncludePad ?? true,
    input: input.data,
    inputShape: input.shape,
    outputHeight,
    outputWidth,
  };
}

/** Window i along one axis (0 = rows, 1 = columns). */
export function axisWindow(setup: PoolSetup, axis: 0 | 1, i: number): AxisWindow {
  const n = axis === 0 ? setup.height : setup.width;
  const k = setup.size[axis];
  const p = setup.padding[axis];
  const from = windowStart(i, setup.stride[axis], p);
  const countedEnd = Math.min(from + k, n + p);
  return { from, start: Math.max(from, 0), end: Math.min(from + k, n), counted: countedEnd - from };
}

/** Divisor of average window (i, j): PyTorch's count_include_pad rule, or only the real cells. */
export function poolDivisor(setup: PoolSetup, rows: AxisWindow, cols: AxisWindow): number {
  return setup.countIncludePad ? rows.counted * cols.counted : (rows.end - rows.start) * (cols.end - cols.start);
}

export function poolOutputShape(setup: PoolSetup): number[] {
  return setup.inputShape.length === 3 ? [setup.channels, setup.outputHeight, setup.outputWidth] : [setup.outputHeight, setup.outputWidth];
}

export interface PoolResult {
  output: Tensor;
  /** Max pooling: for each output cell (channel-major), the flat index row·W + col of its maximum in its channel. */
  argmax?: Int32Array;
}

/** Forward pass. Max: strictly-greater scan in row-major order, so ties go to the first maximum. */
export function poolForward(setup: PoolSetup): PoolResult {
  const { channels: C, height: H, width: W, outputHeight: OH, outputWidth: OW, input: x } = setup;
  const out = new Float64Array(C * OH * OW);
  const argmax = setup.type === "max" ? new Int32Array(C * OH * OW) : undefined;
  for (let i = 0; i < OH; i++) {
    const rows = axisWindow(setup, 0, i);
    for (let j = 0; j < OW; j++) {
      const cols = axisWindow(setup, 1, j);
      const divisor = poolDivisor(setup, rows, cols);
      for (let c = 0; c < C; c++) {
        const base = c * H * W;
        const index = (c * OH + i) * OW + j;
        const window = { rowStart: rows.start, rowEnd: rows.end, colStart: cols.start, colEnd: cols.end };
        if (argmax) {
          const { value, at } = windowMax(x, base, W, window);
          out[index] = value;
          argmax[index] = at;
        } else {
          out[index] = windowSum(x, base, W, window) / divisor;
        }
      }
    }
  }
  return { output: checkFinite(tensor(poolOutputShape(setup), out), "output"), argmax };
}

export function checkPoolGrad(setup: PoolSetup, grad: Tensor): void {
  const expected = poolOutputShape(setup);
  check(sameShape(grad.shape, expected), "grad", "pool.gradShape", { shape: shapeText(grad.shape), expected: shapeText(expected) }, "pool.gradShapeHint");
  checkBudget("elements", setup.input.length + grad.data.length, "grad");
}

/**
 * Backward pass from g = ∂L/∂output. Max: each g goes to its window's maximum, accumulating where
 * windows share it. Average: g / divisor to every real cell of the window, accumulating.
 */
export function poolBackward(setup: PoolSetup, grad: Tensor, forward: PoolResult = poolForward(setup)): Tensor {
  checkPoolGrad(setup, grad);
  const { channels: C, height: H, width: W, outputHeight: OH, outputWidth: OW } = setup;
  const g = grad.data;
  const gradInput = new Float64Array(C * H * W);
  for (let c = 0; c < C; c++) {
    for (let i = 0; i < OH; i++) {
      const rows = axisWindow(setup, 0, i);
      for (let j = 0; j < OW; j++) {
        const index = (c * OH + i) * OW + j;
        if (forward.argmax) {
          gradInput[c * H * W + forward.argmax[index]] += g[index];
          continue;
        }
        const cols = axisWindow(setup, 1, j);
        const share = g[index] / poolDivisor(setup, rows, cols);
        for (let r = rows.start; r < rows.end; r++)
          for (let q = cols.start; q < cols.end; q++) gradInput[c * H * W + r * W + q] += share;
      }
    }
  }
  return checkFinite(tensor(setup.inputShape, gradInput), "gradInput");
}

/** 1 where an input cell is the chosen maximum of at least one window, else 0 (shaped like the input). */
export function maxPoolMask(setup: PoolSetup, argmax: Int32Array): Tensor {
  const { channels: C, height: H, width: W, outputHeight: OH, outputWidth: OW } = setup;
  const mask = new Float64Array(C * H * W);
  for (let c = 0; c < C; c++)
    for (let k = 0; k < OH * OW; k++) mask[c * H * W + argmax[c * OH * OW + k]] = 1;
  return tensor(setup.inputShape, mask);
}

/** For each output cell its maximum's [row, col]: OH×OW×2, or C×OH×OW×2 for a 3-D input. */
export function argmaxPositions(setup: PoolSetup, argmax: Int32Array): number[][][] | number[][][][] {
  const { channels: C, width: W, outputHeight: OH, outputWidth: OW } = setup;
  const planes: number[][][][] = [];
  for (let c = 0; c < C; c++) {
    const rows: number[][][] = [];
    for (let i = 0; i < OH; i++) {
      const row: number[][] = [];
      for (let j = 0; j < OW; j++) {
        const at = argmax[(c * OH + i) * OW + j];
        row.push([Math.floor(at / W), at % W]);
      }
      rows.push(row);
    }
    planes.push(rows);
  }
  return setup.inputShape.length === 3 ? planes : planes[0];
}

/** `maxPool2d(x, { size: [2, 2] })`. */
export function maxPool2d(input: Tensor, options: Omit<PoolOptions, "type">): Tensor {
  return poolForward(setupPool(input, { ...options, type: "max" })).output;
}

export function avgPool2d(input: Tensor, options: Omit<PoolOptions, "type">): Tensor {
  return poolForward(setupPool(input, { ...options, type: "avg" })).output;
}

export function maxPool2dBackward(input: Tensor, grad: Tensor, options: Omit<PoolOptions, "type">): Tensor {
  return poolBackward(setupPool(input, { ...options, type: "max" }), grad);
}

export function avgPool2dBackward(input: Tensor, grad: Tensor, options: Omit<PoolOptions, "type">): Tensor {
  return poolBackward(setupPool(input, { ...options, type: "avg" }), grad);
}
