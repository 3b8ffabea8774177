/** Small helpers the generators share: matrices that are not degenerate, retries on one stream. */
import type { Tensor } from "../engine/tensor.js";
import type { Random } from "./random.js";

/** True when every entry is zero. */
export function allZero(values: readonly number[] | readonly (readonly number[])[]): boolean {
  return values.flat().every((value) => value === 0);
}

/** True when some entry of an engine result is not (numerically) zero. */
export function nonZeroTensor(t: Tensor): boolean {
  return t.data.some((value) => Math.abs(value) > 1e-9);
}

/** Draws until `accept` holds, at most `tries` times (from the same stream, so the result is still reproducible). */
export function drawUntil<T>(random: Random, draw: (random: Random) => T, accept: (value: T) => boolean, tries = 200): T {
  for (let i = 0; i < tries; i++) {
    const value = draw(random);
    if (accept(value)) return value;
  }
  throw new Error("quiz generator: no acceptable draw");
}

/** A matrix of whole numbers in [min, max] that is not all zero and has at least `nonZero` non-zero entries. */
export function nonZeroMatrix(random: Random, h: number, w: number, min: number, max: number, nonZero = 1): number[][] {
  return drawUntil(random, (r) => r.matrix(h, w, min, max), (m) => m.flat().filter((v) => v !== 0).length >= nonZero);
}

export function rotate180(rows: readonly (readonly number[])[]): number[][] {
  return rows.map((row) => [...row].reverse()).reverse();
}

export function sameMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((v, j) => v === b[i][j]));
}

/** A `cnn-drill rf` layer token for a convolution: `conv<k>` with `s`, `p`, `d` only when not the default (1, 0, 1). */
export function convLayerToken(kernel: number, { stride = 1, padding = 0, dilation = 1 } = {}): string {
  return `conv${kernel}${stride > 1 ? `s${stride}` : ""}${padding > 0 ? `p${padding}` : ""}${dilation > 1 ? `d${dilation}` : ""}`;
}
