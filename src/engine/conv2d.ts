/**
 * conv2d as PyTorch computes it (cross-correlation, zero padding, stride, dilation, channels,
 * filter banks, bias), true convolution (`mode: "conv"`, kernel rotated 180°), and the backward pass.
 */
import { checkBudget } from "./budget.js";
import { check } from "./errors.js";
import { convOutputSize, effectiveKernel, samePadding, symmetricPadding, type Padding, type Pair } from "./geometry.js";
import { checkFinite, tensor, type Tensor } from "./tensor.js";

export type ConvMode = "corr" | "conv";
export type PaddingSpec = Pair | "same" | "valid";

export interface ConvOptions {
  stride?: Pair;
  padding?: PaddingSpec;
  dilation?: Pair;
  /** `corr` (default, what frameworks compute) or `conv` (true convolution: kernel rotated 180°). */
  mode?: ConvMode;
  /** One number for one filter, one per filter for a bank. */
  bias?: number | readonly number[];
}

/** A validated problem in canonical form: input C×H×W, weights O×C×kH×kW as applied (rotated in conv mode). */
export interface ConvSetup {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly filters: number;
  readonly kernelHeight: number;
  readonly kernelWidth: number;
  readonly input: Float64Array;
  /** Weights as the sliding window applies them (already rotated in conv mode). */
  readonly appliedKernel: Float64Array;
  readonly bias: Float64Array;
  readonly stride: Pair;
  readonly dilation: Pair;
  readonly padding: Padding;
  readonly mode: ConvMode;
  readonly outputHeight: number;
  readonly outputWidth: number;
  /** True when the kernel is a bank of filters (output C_out×H'×W'), false for one filter (2-D output). */
  readonly isBank: boolean;
  readonly inputShape: readonly number[];
  readonly kernelShape: readonly number[];
}

export function setupConv(input: Tensor, kernel: Tensor, options: ConvOptions = {}): ConvSetup {
  const stride = options.stride ?? [1, 1];
  const dilation = options.dilation ?? [1, 1];
  const mode = options.mode ?? "corr";
  checkPositivePair(stride, "stride");
  checkPositivePair(dilation, "dilation");

  const inputRank = input.shape.length;
  check(inputRank === 2 || inputRank === 3, "input", "input.rank", { expected: "H×W or C×H×W", shape: shapeText(input.shape) });
  const [channels, height, width] = inputRank === 2 ? [1, ...input.shape] : input.shape;

  const kernelRank = kernel.shape.length;
  const isBank = kernelRank === inputRank + 1;
  check(kernelRank === inputRank || isBank, "kernel", "conv.kernelRank", {
    inputShape: shapeText(input.shape),
    kernelShape: shapeText(kernel.shape),
  }, "conv.kernelRankHint");
  const filters = isBank ? kernel.shape[0] : 1;
  const kernelChannels = inputRank === 2 ? 1 : kernel.shape[kernelRank - 3];
  check(kernelChannels === channels, "kernel", "conv.channelMismatch", { kernelChannels, channels }, "conv.channelMismatchHint");
  const [kernelHeight, kernelWidth] = kernel.shape.slice(-2);

  const padding = resolvePadding(options.padding ?? [0, 0], kernelHeight, kernelWidth, dilation, stride);
  const spanH = effectiveKernel(kernelHeight, dilation[0]);
  const spanW = effectiveKernel(kernelWidth, dilation[1]);
  const paddedH = height + padding.top + padding.bottom;
  const paddedW = width + padding.left + padding.right;
  check(spanH <= paddedH && spanW <= paddedW, "kernel", "conv.kernelTooLarge", {
    span: `${spanH}×${spanW}`,
    padded: `${paddedH}×${paddedW}`,
  }, "conv.kernelTooLargeHint");

  const outputHeight = convOutputSize(height, kernelHeight, stride[0], padding.top, padding.bottom, dilation[0]);
  const outputWidth = convOutputSize(width, kernelWidth, stride[1], padding.left, padding.right, dilation[1]);
  // Refuse what would exhaust time or memory (huge padding, a big kernel or bank) before allocating anything.
  checkBudget("elements", input.data.length + kernel.data.length, "input");
  const padded = padding.top + padding.bottom + padding.left + padding.right > 0;
  checkBudget("outputElements", filters * outputHeight * outputWidth, padded ? "padding" : "input");
  checkBudget("work", filters * channels * kernelHeight * kernelWidth * outputHeight * outputWidth, "kernel");
  const bias = resolveBias(options.bias, filters, isBank);
  const appliedKernel = mode === "conv" ? rotate180(kernel.data, kernelHeight, kernelWidth) : kernel.data;

  return {
    channels, height, width, filters, kernelHeight, kernelWidth,
    input: input.data, appliedKernel, bias, stride, dilation, padding, mode, isBank,
    outputHeight,
    outputWidth,
    inputShape: input.shape,
    kernelShape: kernel.shape,
  };
}

function checkPositivePair(pair: Pair, argument: string): void {
  check(pair.every((v) => Number.isInteger(v) && v >= 1), argument, "pair.notPositive", { text: pair.join(",") });
}

function resolvePadding(spec: PaddingSpec, kh: number, kw: number, dilation: Pair, stride: Pair): Padding {
  if (spec === "valid") return symmetricPadding([0, 0]);
  if (spec === "same") {
    check(stride[0] === 1 && stride[1] === 1, "padding", "conv.sameNeedsStride1", { stride: stride.join(",") }, "conv.sameNeedsStride1Hint");
    const [top, bottom] = samePadding(kh, dilation[0]);
    const [left, right] = samePadding(kw, dilation[1]);
    return { top, bottom, left, right };
  }
  check(spec.every((v) => Number.isInteger(v) && v >= 0), "padding", "pair.negative", { text: spec.join(",") });
  return symmetricPadding(spec);
}

function resolveBias(bias: ConvOptions["bias"], filters: number, isBank: boolean): Float64Array {
  if (bias === undefined) return new Float64Array(filters);
  const values = typeof bias === "number" ? [bias] : [...bias];
  if (!isBank && values.length === 1) return Float64Array.from(values);
  check(values.length === filters, "bias", isBank ? "conv.biasCount" : "conv.biasSingle", { count: values.length, filters });
  return Float64Array.from(values);
}

/** rot180 of every kH×kW plane of a kernel: w[m][n] → w[kH−1−m][kW−1−n]. */
export function rotate180(data: Float64Array, kh: number, kw: number): Float64Array {
  const rotated = new Float64Array(data.length);
  const planeSize = kh * kw;
  for (let base = 0; base < data.length; base += planeSize) {
    for (let i = 0; i < planeSize; i++) rotated[base + planeSize - 1 - i] = data[base + i];
  }
  return rotated;
}

export function outputShape(setup: ConvSetup): number[] {
  return setup.isBank ? [setup.filters, setup.outputHeight, setup.outputWidth] : [setup.outputHeight, setup.outputWidth];
}

/**
 * Output indices i in [0, outputSize) whose tap at `offset` (= m·d − p) lands inside [0, n):
 * 0 ≤ i·s + offset < n. Loops then run over this range without bounds checks per cell.
 */
function validOutputRange(offset: number, stride: number, n: number, outputSize: number): [number, number] {
  const first = Math.max(0, Math.ceil(-offset / stride));
  const last = Math.min(outputSize, Math.ceil((n - offset) / stride));
  return [first, Math.max(first, last)];
}

/**
 * Visits each kernel tap (o, c, m, n) with the output ranges it reaches. Loops ordered tap by tap
 * (rather than cell by cell) keep the inner loop free of bounds checks: the 1024×1024 case is fast.
 */
function forEachTapRange(
  setup: ConvSetup,
  visit: (o: number, c: number, m: number, n: number, rows: [number, number], cols: [number, number], rowOffset: number, colOffset: number) => void,
): void {
  const { channels: C, height: H, width: W, filters: O, kernelHeight: KH, kernelWidth: KW, outputHeight: OH, outputWidth: OW } = setup;
  const [sh, sw] = setup.stride;
  const [dh, dw] = setup.dilation;
  for (let o = 0; o < O; o++)
    for (let c = 0; c < C; c++)
      for (let m = 0; m < KH; m++) {
        const rowOffset = m * dh - setup.padding.top;
        const rows = validOutputRange(rowOffset, sh, H, OH);
        for (let n = 0; n < KW; n++) {
          const colOffset = n * dw - setup.padding.left;
          visit(o, c, m, n, rows, validOutputRange(colOffset, sw, W, OW), rowOffset, colOffset);
        }
      }
}

/** Forward pass: y[o,i,j] = b[o] + Σ_c Σ_m Σ_n w[o,c,m,n] · xpad[c, i·s + m·d, j·s + n·d]. */
export function convForward(setup: ConvSetup): Tensor {
  const { channels: C, height: H, width: W, filters: O, kernelHeight: KH, kernelWidth: KW } = setup;
  const { outputHeight: OH, outputWidth: OW, input: x, appliedKernel: w, bias } = setup;
  const [sh, sw] = setup.stride;
  const out = new Float64Array(O * OH * OW);
  for (let o = 0; o < O; o++) out.fill(bias[o], o * OH * OW, (o + 1) * OH * OW);
  forEachTapRange(setup, (o, c, m, n, [i0, i1], [j0, j1], rowOffset, colOffset) => {
    const weight = w[((o * C + c) * KH + m) * KW + n];
    if (weight === 0) return;
    for (let i = i0; i < i1; i++) {
      const outRow = (o * OH + i) * OW;
      const inRow = (c * H + i * sh + rowOffset) * W + colOffset;
      for (let j = j0; j < j1; j++) out[outRow + j] += weight * x[inRow + j * sw];
    }
  });
  return checkFinite(tensor(outputShape(setup), out), "output");
}

export interface ConvGradients {
  /** ∂L/∂input, shaped like the input. */
  gradInput: Tensor;
  /** ∂L/∂kernel, shaped like the kernel as given (rotated back in conv mode). */
  gradKernel: Tensor;
  /** ∂L/∂bias: a number for one filter, one per filter for a bank. */
  gradBias: number | number[];
}

/** Backward pass from the upstream gradient g = ∂L/∂output (shaped like the output). */
export function convBackward(setup: ConvSetup, grad: Tensor): ConvGradients {
  const expected = outputShape(setup);
  check(sameShape(grad.shape, expected), "grad", "conv.gradShape", {
    shape: shapeText(grad.shape),
    expected: shapeText(expected),
  }, "conv.gradShapeHint");
  checkBudget("elements", setup.input.length + setup.appliedKernel.length + grad.data.length, "grad");

  const { channels: C, height: H, width: W, filters: O, kernelHeight: KH, kernelWidth: KW } = setup;
  const { outputHeight: OH, outputWidth: OW, input: x, appliedKernel: w } = setup;
  const [sh, sw] = setup.stride;
  const g = grad.data;
  const gradInput = new Float64Array(C * H * W);
  const gradApplied = new Float64Array(O * C * KH * KW);
  const gradBias = new Float64Array(O);
  for (let o = 0; o < O; o++) {
    for (let k = o * OH * OW; k < (o + 1) * OH * OW; k++) gradBias[o] += g[k];
  }
  forEachTapRange(setup, (o, c, m, n, [i0, i1], [j0, j1], rowOffset, colOffset) => {
    const index = ((o * C + c) * KH + m) * KW + n;
    const weight = w[index];
    let weightGrad = 0;
    for (let i = i0; i < i1; i++) {
      const gRow = (o * OH + i) * OW;
      const inRow = (c * H + i * sh + rowOffset) * W + colOffset;
      for (let j = j0; j < j1; j++) {
        const upstream = g[gRow + j];
        gradInput[inRow + j * sw] += upstream * weight;
        weightGrad += upstream * x[inRow + j * sw];
      }
    }
    gradApplied[index] = weightGrad;
  });

  const gradKernel = setup.mode === "conv" ? rotate180(gradApplied, KH, KW) : gradApplied;
  checkFinite(tensor([O], gradBias), "gradBias");
  return {
    gradInput: checkFinite(tensor(setup.inputShape, gradInput), "gradInput"),
    gradKernel: checkFinite(tensor(setup.kernelShape, gradKernel), "gradKernel"),
    gradBias: setup.isBank ? Array.from(gradBias) : gradBias[0],
  };
}

/** Forward in one call: `conv2d(x, w, { stride: [2, 2] })`. */
export function conv2d(input: Tensor, kernel: Tensor, options: ConvOptions = {}): Tensor {
  return convForward(setupConv(input, kernel, options));
}

/** Backward in one call, from the upstream gradient. */
export function conv2dBackward(input: Tensor, kernel: Tensor, grad: Tensor, options: ConvOptions = {}): ConvGradients {
  return convBackward(setupConv(input, kernel, options), grad);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

export function shapeText(shape: readonly number[]): string {
  return shape.length === 0 ? "a number" : shape.join("×");
}
