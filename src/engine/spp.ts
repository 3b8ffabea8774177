/**
 * Spatial pyramid pooling (SPP-net): for each level n the map is pooled into n×n bins, and the
 * levels' outputs are flattened and concatenated into one vector of length C·Σn², whatever H×W is.
 * Bins are PyTorch's adaptive ones by default, or the paper's §2.3 sliding window (`sppnet`).
 */
import { shapeText } from "./conv2d.js";
import { checkBudget } from "./budget.js";
import { check } from "./errors.js";
import { adaptiveBin } from "./geometry.js";
import { checkFinite, tensor, type Tensor } from "./tensor.js";
import { windowMax, windowSum } from "./window.js";

export type SppMethod = "adaptive" | "sppnet";
export type SppType = "max" | "avg";

export interface SppOptions {
  levels: readonly number[];
  type?: SppType;
  method?: SppMethod;
}

/** The bins along one axis of length `size` for level n. */
export interface SppAxis {
  size: number;
  bins: [number, number][];
  /** sppnet: window ceil(a/n) and stride floor(a/n). */
  window?: number;
  stride?: number;
  /** Trailing cells that no bin covers (sppnet only). */
  uncovered: number;
}

export interface SppLevelGeometry {
  n: number;
  rows: SppAxis;
  cols: SppAxis;
}

export interface SppSetup {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly input: Float64Array;
  readonly inputShape: readonly number[];
  readonly type: SppType;
  readonly method: SppMethod;
  readonly levels: readonly SppLevelGeometry[];
}

/** Adaptive bins: [floor(i·a/n), ceil((i+1)·a/n)), exactly n of them, covering the axis. */
export function adaptiveAxis(size: number, n: number): SppAxis {
  return { size, bins: Array.from({ length: n }, (_, i) => adaptiveBin(i, size, n)), uncovered: 0 };
}

/** SPP-net §2.3: window ceil(a/n), stride floor(a/n); floor((a − win)/stride) + 1 windows, which need not be n. */
export function sppnetAxis(size: number, n: number): SppAxis {
  const window = Math.ceil(size / n);
  const stride = Math.floor(size / n);
  const count = Math.floor((size - window) / stride) + 1;
  const bins = Array.from({ length: count }, (_, i): [number, number] => [i * stride, i * stride + window]);
  return { size, bins, window, stride, uncovered: size - bins[count - 1][1] };
}

export function setupSpp(input: Tensor, options: SppOptions, { shapeOnly = false }: { shapeOnly?: boolean } = {}): SppSetup {
  const rank = input.shape.length;
  check(rank === 2 || rank === 3, "input", "input.rank", { expected: "H×W or C×H×W", shape: shapeText(input.shape) });
  const [channels, height, width] = rank === 2 ? [1, ...input.shape] : input.shape;
  const method = options.method ?? "adaptive";
  check(options.levels.length > 0, "levels", "spp.noLevels", {}, "spp.levelsHint");
  for (const n of options.levels) {
    check(Number.isInteger(n) && n >= 1, "levels", "spp.levelBad", { n }, "spp.levelsHint");
    check(n <= height && n <= width, "levels", "spp.levelTooLarge", { n, height, width }, "spp.levelTooLargeHint");
  }
  // Sizes first (O(1) per level), then the bins, then the cells the bins read: nothing large is built before its check.
  const binCount = method === "adaptive" ? (_size: number, n: number) => n : sppnetBinCount;
  const outputCount = options.levels.reduce((total, n) => total + binCount(height, n) * binCount(width, n), 0);
  // From a shape alone (spp --shape) nothing is pooled: only the listed bins cost anything.
  if (!shapeOnly) checkBudget("outputElements", channels * outputCount, "levels");
  // The JSON answer lists every bin; text and JSON accept the same problems.
  checkBudget("listedBins", outputCount, "levels");
  const axis = method === "adaptive" ? adaptiveAxis : sppnetAxis;
  const levels = options.levels.map((n) => ({ n, rows: axis(height, n), cols: axis(width, n) }));
  if (!shapeOnly) checkBudget("work", channels * levels.reduce((total, level) => total + binCells(level.rows) * binCells(level.cols), 0), "levels");
  return {
    channels, height, width, input: input.data, inputShape: input.shape,
    type: options.type ?? "max",
    method,
    levels,
  };
}

/** The number of sppnet windows along an axis of `size` cells for level n (as sppnetAxis makes them). */
function sppnetBinCount(size: number, n: number): number {
  const stride = Math.floor(size / n);
  return Math.floor((size - Math.ceil(size / n)) / stride) + 1;
}

/** Cells that one axis's bins read together. */
function binCells(axis: SppAxis): number {
  return axis.bins.reduce((total, [start, end]) => total + end - start, 0);
}

export interface SppLevelResult {
  n: number;
  /** n×n (or the sppnet count) per channel: H'×W', or C×H'×W' for a 3-D input. */
  output: Tensor;
  /** sppnet only: per output cell (channel-major) the flat index of its maximum; adaptive max too. */
  argmax?: Int32Array;
}

export interface SppResult {
  levels: SppLevelResult[];
  /** Levels' outputs flattened channel-major then row-major, concatenated in level order. */
  vector: number[];
  length: number;
  /** C·Σn²: the length when every level has n×n bins. */
  expectedLength: number;
}

function pool(setup: SppSetup, channel: number, rows: [number, number], cols: [number, number]): { value: number; at: number } {
  const { height: H, width: W, input: x } = setup;
  const window = { rowStart: rows[0], rowEnd: rows[1], colStart: cols[0], colEnd: cols[1] };
  if (setup.type === "max") return windowMax(x, channel * H * W, W, window);
  const count = (rows[1] - rows[0]) * (cols[1] - cols[0]);
  return { value: windowSum(x, channel * H * W, W, window) / count, at: -1 };
}

export function sppForward(setup: SppSetup): SppResult {
  const C = setup.channels;
  const levels: SppLevelResult[] = [];
  const vector: number[] = [];
  for (const level of setup.levels) {
    const nh = level.rows.bins.length;
    const nw = level.cols.bins.length;
    const out = new Float64Array(C * nh * nw);
    const argmax = setup.type === "max" ? new Int32Array(C * nh * nw) : undefined;
    for (let c = 0; c < C; c++)
      for (let i = 0; i < nh; i++)
        for (let j = 0; j < nw; j++) {
          const { value, at } = pool(setup, c, level.rows.bins[i], level.cols.bins[j]);
          out[(c * nh + i) * nw + j] = value;
          if (argmax) argmax[(c * nh + i) * nw + j] = at;
        }
    // One push per value: spreading a large level into push() would overflow the call stack.
    for (let k = 0; k < out.length; k++) vector.push(out[k]);
    levels.push({ n: level.n, output: checkFinite(tensor(setup.inputShape.length === 3 ? [C, nh, nw] : [nh, nw], out), `level ${level.n}`), argmax });
  }
  const expectedLength = C * setup.levels.reduce((total, level) => total + level.n * level.n, 0);
  return { levels, vector, length: vector.length, expectedLength };
}

/** Per level, the bins as `{ rows: [start, end), cols: [start, end) }`, row-major grids. */
export function sppBins(setup: SppSetup): { rows: [number, number]; cols: [number, number] }[][][] {
  return setup.levels.map((level) => level.rows.bins.map((rows) => level.cols.bins.map((cols) => ({ rows: [...rows] as [number, number], cols: [...cols] as [number, number] }))));
}

/** `spp(x, { levels: [1, 2, 4] })`: the fixed-length vector. */
export function spp(input: Tensor, options: SppOptions): number[] {
  return sppForward(setupSpp(input, options)).vector;
}

/** Most bins `sppShape` lists (all levels together): a pyramid for an exam has a few dozen. */
export const SPP_SHAPE_MAX_BINS = 65_536;

export interface SppShapeLevel {
  n: number;
  /** The bins as `sppBins` gives them: rows of `{ rows: [start, end), cols: [start, end) }`. */
  bins: { rows: [number, number]; cols: [number, number] }[][];
  /** The axes' geometry (sppnet: window, stride, uncovered cells) for the worked answer. */
  rowAxis: SppAxis;
  colAxis: SppAxis;
}

export interface SppShapeResult {
  channels: number;
  height: number;
  width: number;
  method: SppMethod;
  levels: SppShapeLevel[];
  /** C·Σ(bins per level): the vector's length. */
  length: number;
  /** C·Σn², which `length` equals unless sppnet's windows give another bin count. */
  expectedLength: number;
}

/**
 * `spp --shape C,H,W`: the bins of every level and the vector's length from the map's shape alone,
 * without a tensor (a 256×13×13 map with levels 1,2,4 → 5,376). Same checks and bins as `setupSpp`.
 */
export function sppShape(shape: readonly number[], options: Omit<SppOptions, "type">): SppShapeResult {
  check((shape.length === 2 || shape.length === 3) && shape.every((v) => Number.isSafeInteger(v) && v >= 1), "shape", "spp.shapeBad", { text: shape.join(",") }, "spp.shapeHint");
  // Before any bin is made: n×n bins per level (setupSpp itself reports levels that are not whole numbers ≥ 1).
  const requested = options.levels.filter((n) => Number.isInteger(n) && n >= 1).reduce((total, n) => total + n * n, 0);
  check(requested <= SPP_SHAPE_MAX_BINS, "levels", "spp.tooManyBins", { count: requested, limit: SPP_SHAPE_MAX_BINS }, "spp.levelsHint");
  // setupSpp reads only the shape of its input; an empty data array keeps a huge shape from allocating.
  const setup = setupSpp({ shape, data: new Float64Array(0) }, options, { shapeOnly: true });
  // sppnet's windows can give more than n bins per side (up to about 2n).
  const binCount = setup.levels.reduce((total, level) => total + level.rows.bins.length * level.cols.bins.length, 0);
  check(binCount <= SPP_SHAPE_MAX_BINS, "levels", "spp.tooManyBins", { count: binCount, limit: SPP_SHAPE_MAX_BINS }, "spp.levelsHint");
  const bins = sppBins(setup);
  const length = setup.channels * binCount;
  const expectedLength = setup.channels * setup.levels.reduce((total, level) => total + level.n * level.n, 0);
  check(Number.isSafeInteger(expectedLength), "shape", "spp.shapeBad", { text: shape.join(",") }, "spp.shapeHint");
  return {
    channels: setup.channels, height: setup.height, width: setup.width, method: setup.method,
    levels: setup.levels.map((level, index) => ({ n: level.n, bins: bins[index], rowAxis: level.rows, colAxis: level.cols })),
    length,
    expectedLength,
  };
}
