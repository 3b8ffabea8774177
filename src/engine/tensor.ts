/** A dense float64 array with a shape (row-major), the engine's one data type. */
import { LIMITS } from "./budget.js";
import { InputError } from "./errors.js";

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/** Refuse one matrix argument larger than this many elements (all inputs together: see budget.ts). */
export const MAX_ELEMENTS = LIMITS.elements;

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((product, n) => product * n, 1);
}

export function tensor(shape: readonly number[], data?: Float64Array | readonly number[]): Tensor {
  const size = sizeOf(shape);
  if (data === undefined) return { shape: [...shape], data: new Float64Array(size) };
  if (data.length !== size) throw new RangeError(`data length ${data.length} does not fit shape ${shape.join("x")}`);
  return { shape: [...shape], data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

export function zerosLike(t: Tensor): Tensor {
  return tensor(t.shape);
}

export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  return tensor(shape, t.data);
}

export function scalar(value: number): Tensor {
  return tensor([], [value]);
}

/** Nested arrays for JSON output: rank 0 gives a number. Negative zero prints as 0. */
export type Nested = number | Nested[];

export function toNested(t: Tensor): Nested {
  const { shape, data } = t;
  if (shape.length === 0) return clean(data[0]);
  const build = (dim: number, offset: number): Nested[] => {
    const n = shape[dim];
    const stride = sizeOf(shape.slice(dim + 1));
    const out: Nested[] = new Array(n);
    if (dim === shape.length - 1) {
      for (let i = 0; i < n; i++) out[i] = clean(data[offset + i]);
    } else {
      for (let i = 0; i < n; i++) out[i] = build(dim + 1, offset + i * stride);
    }
    return out;
  };
  return build(0, 0);
}

function clean(value: number): number {
  return value === 0 ? 0 : value;
}

/** Rows of a 2-D tensor (or of one channel of a 3-D tensor) as plain arrays, for explanations. */
export function rowsOf(t: Tensor, channel = 0): number[][] {
  const [h, w] = t.shape.slice(-2);
  const offset = channel * h * w;
  const rows: number[][] = [];
  for (let i = 0; i < h; i++) rows.push(Array.from(t.data.subarray(offset + i * w, offset + (i + 1) * w), clean));
  return rows;
}

export function fromRows(rows: readonly (readonly number[])[]): Tensor {
  const h = rows.length;
  const w = h === 0 ? 0 : rows[0].length;
  return tensor([h, w], rows.flat());
}

/** The 2-D slice `index` of the leading dimension(s): channel c of C×H×W, or filter (o, c) of O×C×kH×kW. */
export function plane(t: Tensor, index: number): Tensor {
  const [h, w] = t.shape.slice(-2);
  return tensor([h, w], t.data.slice(index * h * w, (index + 1) * h * w));
}

export function sum(t: Tensor): number {
  let total = 0;
  for (let i = 0; i < t.data.length; i++) total += t.data[i];
  return total;
}

/** Smallest value, largest value and sum: what a summary of a large result shows. */
export function summarize(t: Tensor): { min: number; max: number; sum: number } {
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (let i = 0; i < t.data.length; i++) {
    const value = t.data[i];
    if (value < min) min = value;
    if (value > max) max = value;
    total += value;
  }
  return { min, max, sum: total };
}

export function dot(a: Tensor, b: Tensor): number {
  let total = 0;
  for (let i = 0; i < a.data.length; i++) total += a.data[i] * b.data[i];
  return total;
}

/** The index of the first entry that is Infinity or NaN, as `[i][j]…` in the tensor's shape. */
function cellPath(shape: readonly number[], flat: number): string {
  const indices: number[] = [];
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    indices.unshift(flat % shape[dim]);
    flat = Math.floor(flat / shape[dim]);
  }
  return indices.map((i) => `[${i}]`).join("");
}

/**
 * Throws unless every value of `t` is finite: an overflowing result (Infinity, NaN) is an input error
 * naming the result and the cell, never a value printed as `Infinity` or as `null` in JSON.
 */
export function checkFinite(t: Tensor, what: string): Tensor {
  const { data } = t;
  for (let i = 0; i < data.length; i++) {
    // x - x is 0 for every finite x and NaN for ±Infinity and NaN: one comparison per value.
    if (data[i] - data[i] !== 0) {
      throw new InputError(undefined, "output.notFinite", { what, cell: cellPath(t.shape, i) || "(the value)" }, "output.notFiniteHint");
    }
  }
  return t;
}
