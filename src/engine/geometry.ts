/**
 * Window geometry shared by every operation, its backward pass, the explanations and the quiz
 * generators: output sizes, padding, window bounds. Indices are 0-based, ranges half-open.
 */

/** A (height, width) pair, as `--stride 2,1` gives it. */
export type Pair = readonly [number, number];

/** Zero padding on each side; `same` padding can differ before and after. */
export interface Padding {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

export function symmetricPadding([h, w]: Pair): Padding {
  return { top: h, bottom: h, left: w, right: w };
}

/** Span of a kernel of k taps at dilation d: d(k−1)+1. */
export function effectiveKernel(k: number, dilation: number): number {
  return dilation * (k - 1) + 1;
}

/** PyTorch `padding='same'` (stride 1): total d(k−1), the odd extra pixel after (right/bottom). */
export function samePadding(k: number, dilation: number): [before: number, after: number] {
  const total = dilation * (k - 1);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** floor((n + before + after − d(k−1) − 1) / s) + 1; may be ≤ 0 when the kernel does not fit. */
export function convOutputSize(n: number, k: number, stride: number, padBefore: number, padAfter: number, dilation: number): number {
  return Math.floor((n + padBefore + padAfter - effectiveKernel(k, dilation)) / stride) + 1;
}

/** Transposed convolution (PyTorch `conv_transpose2d`): (n−1)·s − 2p + d(k−1) + outputPadding + 1. */
export function transposedConvOutputSize(n: number, k: number, stride: number, padding: number, dilation: number, outputPadding: number): number {
  return (n - 1) * stride - 2 * padding + dilation * (k - 1) + outputPadding + 1;
}

/**
 * Pooling output size, PyTorch rules: floor, or with ceil mode ceil — but a last window that
 * would start inside the right padding (at or past n + p) is dropped.
 */
export function poolOutputSize(n: number, k: number, stride: number, padding: number, ceilMode: boolean): number {
  if (!ceilMode) return Math.floor((n + 2 * padding - k) / stride) + 1;
  let size = ceilModeCount(n, k, stride, padding);
  if ((size - 1) * stride >= n + padding) size -= 1;
  return size;
}

/** Ceil mode's window count before the rule that drops a window starting in the right padding. */
export function ceilModeCount(n: number, k: number, stride: number, padding: number): number {
  return Math.ceil((n + 2 * padding - k) / stride) + 1;
}

/** First input index (may be negative, i.e. in the padding) that output index i's window reads. */
export function windowStart(i: number, stride: number, padBefore: number): number {
  return i * stride - padBefore;
}

/** Adaptive pooling bin i of n over a length a: [floor(i·a/n), ceil((i+1)·a/n)). */
export function adaptiveBin(i: number, a: number, n: number): [start: number, end: number] {
  return [Math.floor((i * a) / n), Math.ceil(((i + 1) * a) / n)];
}

/** Clamp a half-open range to [0, n). */
export function clipRange(start: number, end: number, n: number): [number, number] {
  return [Math.min(Math.max(start, 0), n), Math.min(Math.max(end, 0), n)];
}
