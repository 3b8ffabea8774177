/**
 * Explanations of conv2d as data: for each output cell its terms (input × weight), for each input
 * cell of the backward pass its terms (δ × weight), for each weight its terms (δ × input), and the
 * prepared (zero-inserted, padded) gradient. Renderers turn these into text; no maths happens there.
 */
import type { ConvGradients, ConvSetup } from "../../engine/conv2d.js";
import { convBackward, convForward, rotate180 } from "../../engine/conv2d.js";
import { effectiveKernel } from "../../engine/geometry.js";
import { rowsOf, type Tensor } from "../../engine/tensor.js";

/** Index of the weight as the user gave it, for the tap (m, n) of the applied (possibly rotated) kernel. */
function givenIndex(setup: ConvSetup, m: number, n: number): [number, number] {
  return setup.mode === "conv" ? [setup.kernelHeight - 1 - m, setup.kernelWidth - 1 - n] : [m, n];
}

export interface ForwardTerm {
  channel: number;
  /** Input position (0-based, original coordinates). */
  row: number;
  col: number;
  input: number;
  /** Kernel position as given by the user. */
  kernelRow: number;
  kernelCol: number;
  weight: number;
}

export interface ForwardCell {
  filter: number;
  row: number;
  col: number;
  terms: ForwardTerm[];
  /** How many taps fell on the zero padding (contributing 0). */
  paddingTaps: number;
  bias: number;
  value: number;
}

export interface GradInputTerm {
  filter: number;
  gradRow: number;
  gradCol: number;
  grad: number;
  kernelRow: number;
  kernelCol: number;
  weight: number;
}

export interface GradInputCell {
  channel: number;
  row: number;
  col: number;
  terms: GradInputTerm[];
  value: number;
}

export interface GradKernelTerm {
  gradRow: number;
  gradCol: number;
  grad: number;
  row: number;
  col: number;
  input: number;
}

export interface GradKernelCell {
  filter: number;
  channel: number;
  /** Kernel position as given by the user. */
  kernelRow: number;
  kernelCol: number;
  terms: GradKernelTerm[];
  value: number;
}

/**
 * δ laid out for the full correlation that gives ∂L/∂input: s−1 zeros between entries, then framed so
 * that cell (a, b) of the input gradient is the correlation at (a, b) with the rotated kernel.
 */
export interface PreparedGradient {
  filter: number;
  values: number[][];
  /** True where the cell holds an entry of δ (not an inserted or padding zero). */
  isEntry: boolean[][];
  /** Padding d(k−1) − p before the first row / column (negative: cropped). */
  offset: [number, number];
}

/** One channel of the input framed by its zero padding, with the cells the first window reads. */
export interface PaddedPlane {
  channel: number;
  values: number[][];
  isPadding: boolean[][];
  /** True where the first output cell's (dilated) window reads. */
  inFirstWindow: boolean[][];
}

/** One kH×kW plane of the kernel: as given, as applied (rotated in conv mode), and as the backward pass applies it. */
export interface KernelPlane {
  filter: number;
  channel: number;
  given: number[][];
  applied: number[][];
  /** rot180 of the applied kernel: what the full correlation for ∂L/∂input slides over δ′. */
  backward: number[][];
}

/** ∂L/∂b of one filter: the sum of its output gradient δ over every output cell. */
export interface GradBiasCell {
  filter: number;
  /** δ at each output cell (row, col), row-major. */
  terms: { row: number; col: number; grad: number }[];
  value: number;
}

/** δ dilated by the stride (s − 1 zeros between neighbouring entries): what ∂L/∂w correlates the input with. */
export interface StrideDilatedGradient {
  filter: number;
  values: number[][];
  /** True where the cell holds an entry of δ (not an inserted zero). */
  isEntry: boolean[][];
}

/** Rows or columns at the end of the padded input that no window reads, when (n + 2·p − k̂) is not a multiple of s. */
export interface Leftover {
  axis: "height" | "width";
  /** n + 2·p − k̂ along this axis. */
  span: number;
  stride: number;
  /** How many trailing rows/columns of the padded input no window reads: span mod s. */
  count: number;
}

export interface ConvExplanation {
  setup: ConvSetup;
  output: Tensor;
  paddedInputs: PaddedPlane[];
  kernels: KernelPlane[];
  cells: ForwardCell[];
  backward?: ConvBackwardExplanation;
}

/** The backward pass from δ, when a gradient is given. */
export interface ConvBackwardExplanation {
  grad: Tensor;
  gradients: ConvGradients;
  prepared: PreparedGradient[];
  gradInputCells: GradInputCell[];
  gradKernelCells: GradKernelCell[];
  gradBiasCells: GradBiasCell[];
  /** Present when a stride exceeds 1: δ dilated by the stride, for ∂L/∂w. */
  strideDilated?: StrideDilatedGradient[];
  /** Axes along which the last rows/columns are read by no window. */
  leftovers: Leftover[];
}

function gradBiasCells(setup: ConvSetup, grad: Tensor, gradients: ConvGradients): GradBiasCell[] {
  const { outputHeight: oh, outputWidth: ow } = setup;
  const values = typeof gradients.gradBias === "number" ? [gradients.gradBias] : gradients.gradBias;
  return values.map((value, filter) => {
    const terms: GradBiasCell["terms"] = [];
    for (let row = 0; row < oh; row++)
      for (let col = 0; col < ow; col++) terms.push({ row, col, grad: grad.data[(filter * oh + row) * ow + col] });
    return { filter, terms, value };
  });
}

export function explainConv(setup: ConvSetup, grad?: Tensor): ConvExplanation {
  const output = convForward(setup);
  const cells = forwardCells(setup, output);
  const pictures = { paddedInputs: paddedInputs(setup), kernels: kernelPlanes(setup) };
  if (grad === undefined) return { setup, output, ...pictures, cells };
  const gradients = convBackward(setup, grad);
  return {
    setup,
    output,
    ...pictures,
    cells,
    backward: {
      grad,
      gradients,
      prepared: preparedGradients(setup, grad),
      gradInputCells: gradInputCells(setup, grad, gradients),
      gradKernelCells: gradKernelCells(setup, grad, gradients),
      gradBiasCells: gradBiasCells(setup, grad, gradients),
      ...(setup.stride[0] > 1 || setup.stride[1] > 1 ? { strideDilated: strideDilatedGradients(setup, grad) } : {}),
      leftovers: leftovers(setup),
    },
  };
}

function strideDilatedGradients(setup: ConvSetup, grad: Tensor): StrideDilatedGradient[] {
  const { filters: O, outputHeight: OH, outputWidth: OW } = setup;
  const [sh, sw] = setup.stride;
  const rows = (OH - 1) * sh + 1;
  const cols = (OW - 1) * sw + 1;
  const dilated: StrideDilatedGradient[] = [];
  for (let o = 0; o < O; o++) {
    const values: number[][] = [];
    const isEntry: boolean[][] = [];
    for (let u = 0; u < rows; u++) {
      values.push([]);
      isEntry.push([]);
      for (let v = 0; v < cols; v++) {
        const entry = u % sh === 0 && v % sw === 0;
        values[u].push(entry ? grad.data[(o * OH + u / sh) * OW + v / sw] : 0);
        isEntry[u].push(entry);
      }
    }
    dilated.push({ filter: o, values, isEntry });
  }
  return dilated;
}

function leftovers(setup: ConvSetup): Leftover[] {
  const axes = [
    { axis: "height" as const, n: setup.height + setup.padding.top + setup.padding.bottom, k: setup.kernelHeight, d: setup.dilation[0], stride: setup.stride[0] },
    { axis: "width" as const, n: setup.width + setup.padding.left + setup.padding.right, k: setup.kernelWidth, d: setup.dilation[1], stride: setup.stride[1] },
  ];
  return axes
    .map(({ axis, n, k, d, stride }) => ({ axis, span: n - effectiveKernel(k, d), stride, count: (n - effectiveKernel(k, d)) % stride }))
    .filter((leftover) => leftover.count > 0);
}

/** Visits every tap (o, c, i, j, m, n) whose window position lies on the real input. */
function forEachTap(
  setup: ConvSetup,
  visit: (o: number, c: number, i: number, j: number, m: number, n: number, row: number, col: number) => void,
): void {
  const { channels: C, height: H, width: W, filters: O, kernelHeight: KH, kernelWidth: KW, outputHeight: OH, outputWidth: OW } = setup;
  for (let o = 0; o < O; o++)
    for (let i = 0; i < OH; i++)
      for (let j = 0; j < OW; j++)
        for (let c = 0; c < C; c++)
          for (let m = 0; m < KH; m++)
            for (let n = 0; n < KW; n++) {
              const row = i * setup.stride[0] + m * setup.dilation[0] - setup.padding.top;
              const col = j * setup.stride[1] + n * setup.dilation[1] - setup.padding.left;
              if (row >= 0 && row < H && col >= 0 && col < W) visit(o, c, i, j, m, n, row, col);
            }
}

function weightAt(setup: ConvSetup, o: number, c: number, m: number, n: number): number {
  return setup.appliedKernel[((o * setup.channels + c) * setup.kernelHeight + m) * setup.kernelWidth + n];
}

function inputAt(setup: ConvSetup, c: number, row: number, col: number): number {
  return setup.input[(c * setup.height + row) * setup.width + col];
}

function forwardCells(setup: ConvSetup, output: Tensor): ForwardCell[] {
  const { filters: O, outputHeight: OH, outputWidth: OW } = setup;
  const tapsPerCell = setup.channels * setup.kernelHeight * setup.kernelWidth;
  const cells: ForwardCell[] = [];
  for (let o = 0; o < O; o++)
    for (let i = 0; i < OH; i++)
      for (let j = 0; j < OW; j++)
        cells.push({ filter: o, row: i, col: j, terms: [], paddingTaps: 0, bias: setup.bias[o], value: output.data[(o * OH + i) * OW + j] });
  forEachTap(setup, (o, c, i, j, m, n, row, col) => {
    const [kernelRow, kernelCol] = givenIndex(setup, m, n);
    cells[(o * OH + i) * OW + j].terms.push({ channel: c, row, col, input: inputAt(setup, c, row, col), kernelRow, kernelCol, weight: weightAt(setup, o, c, m, n) });
  });
  for (const cell of cells) cell.paddingTaps = tapsPerCell - cell.terms.length;
  return cells;
}

function gradInputCells(setup: ConvSetup, grad: Tensor, gradients: ConvGradients): GradInputCell[] {
  const { channels: C, height: H, width: W, outputHeight: OH, outputWidth: OW } = setup;
  const cells: GradInputCell[] = [];
  for (let c = 0; c < C; c++)
    for (let row = 0; row < H; row++)
      for (let col = 0; col < W; col++)
        cells.push({ channel: c, row, col, terms: [], value: gradients.gradInput.data[(c * H + row) * W + col] });
  forEachTap(setup, (o, c, i, j, m, n, row, col) => {
    const [kernelRow, kernelCol] = givenIndex(setup, m, n);
    cells[(c * H + row) * W + col].terms.push({
      filter: o, gradRow: i, gradCol: j, grad: grad.data[(o * OH + i) * OW + j], kernelRow, kernelCol, weight: weightAt(setup, o, c, m, n),
    });
  });
  return cells;
}

function gradKernelCells(setup: ConvSetup, grad: Tensor, gradients: ConvGradients): GradKernelCell[] {
  const { channels: C, filters: O, kernelHeight: KH, kernelWidth: KW, outputHeight: OH, outputWidth: OW } = setup;
  const cells: GradKernelCell[] = [];
  // Cells are indexed by the kernel as given, so conv mode's rotation is undone here.
  for (let o = 0; o < O; o++)
    for (let c = 0; c < C; c++)
      for (let kernelRow = 0; kernelRow < KH; kernelRow++)
        for (let kernelCol = 0; kernelCol < KW; kernelCol++)
          cells.push({ filter: o, channel: c, kernelRow, kernelCol, terms: [], value: gradients.gradKernel.data[((o * C + c) * KH + kernelRow) * KW + kernelCol] });
  forEachTap(setup, (o, c, i, j, m, n, row, col) => {
    const [kernelRow, kernelCol] = givenIndex(setup, m, n);
    cells[((o * C + c) * KH + kernelRow) * KW + kernelCol].terms.push({
      gradRow: i, gradCol: j, grad: grad.data[(o * OH + i) * OW + j], row, col, input: inputAt(setup, c, row, col),
    });
  });
  return cells;
}

function preparedGradients(setup: ConvSetup, grad: Tensor): PreparedGradient[] {
  const { height: H, width: W, filters: O, kernelHeight: KH, kernelWidth: KW, outputHeight: OH, outputWidth: OW } = setup;
  const [sh, sw] = setup.stride;
  const [dh, dw] = setup.dilation;
  const offset: [number, number] = [dh * (KH - 1) - setup.padding.top, dw * (KW - 1) - setup.padding.left];
  const rows = H + dh * (KH - 1);
  const cols = W + dw * (KW - 1);
  const prepared: PreparedGradient[] = [];
  for (let o = 0; o < O; o++) {
    const values: number[][] = [];
    const isEntry: boolean[][] = [];
    for (let u = 0; u < rows; u++) {
      const valueRow: number[] = [];
      const entryRow: boolean[] = [];
      for (let v = 0; v < cols; v++) {
        const t = u - offset[0];
        const q = v - offset[1];
        const entry = t >= 0 && q >= 0 && t % sh === 0 && q % sw === 0 && t / sh < OH && q / sw < OW;
        valueRow.push(entry ? grad.data[(o * OH + t / sh) * OW + q / sw] : 0);
        entryRow.push(entry);
      }
      values.push(valueRow);
      isEntry.push(entryRow);
    }
    prepared.push({ filter: o, values, isEntry, offset });
  }
  return prepared;
}

function paddedInputs(setup: ConvSetup): PaddedPlane[] {
  const { padding, height: H, width: W } = setup;
  const rows = H + padding.top + padding.bottom;
  const cols = W + padding.left + padding.right;
  const planes: PaddedPlane[] = [];
  for (let c = 0; c < setup.channels; c++) {
    const values: number[][] = [];
    const isPadding: boolean[][] = [];
    const inFirstWindow: boolean[][] = [];
    for (let u = 0; u < rows; u++) {
      const row = u - padding.top;
      values.push([]);
      isPadding.push([]);
      inFirstWindow.push([]);
      for (let v = 0; v < cols; v++) {
        const col = v - padding.left;
        const outside = row < 0 || row >= H || col < 0 || col >= W;
        values[u].push(outside ? 0 : inputAt(setup, c, row, col));
        isPadding[u].push(outside);
        inFirstWindow[u].push(
          u % setup.dilation[0] === 0 && v % setup.dilation[1] === 0 &&
          u / setup.dilation[0] < setup.kernelHeight && v / setup.dilation[1] < setup.kernelWidth,
        );
      }
    }
    planes.push({ channel: c, values, isPadding, inFirstWindow });
  }
  return planes;
}

function kernelPlanes(setup: ConvSetup): KernelPlane[] {
  const { filters, channels, kernelHeight: kh, kernelWidth: kw } = setup;
  const applied: Tensor = { shape: [filters * channels, kh, kw], data: setup.appliedKernel };
  const rotated: Tensor = { shape: applied.shape, data: rotate180(setup.appliedKernel, kh, kw) };
  const planes: KernelPlane[] = [];
  for (let index = 0; index < filters * channels; index++) {
    const appliedRows = rowsOf(applied, index);
    const backward = rowsOf(rotated, index);
    planes.push({
      filter: Math.floor(index / channels),
      channel: index % channels,
      given: setup.mode === "conv" ? backward : appliedRows,
      applied: appliedRows,
      backward,
    });
  }
  return planes;
}

/** Above this many output cells (or input cells) the answer is summarised, not worked cell by cell. */
export const WORKED_LIMIT = { outputCells: 64, inputCells: 256 } as const;

export function fitsWorkedAnswer(setup: ConvSetup): boolean {
  const outputCells = setup.filters * setup.outputHeight * setup.outputWidth;
  const inputCells = setup.channels * setup.height * setup.width;
  return outputCells <= WORKED_LIMIT.outputCells && inputCells <= WORKED_LIMIT.inputCells;
}
