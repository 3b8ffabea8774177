/**
 * Explanations of max/avg pooling as data: the output sizes, the input framed by its padding, each
 * window's cells, its maximum (and any tie it broke) or its sum and divisor, the maxima several
 * windows share, and for the backward pass each input cell's routed upstream values (src/engine/routing.ts).
 */
import { axisWindow, poolBackward, poolDivisor, poolForward, type PoolSetup } from "../../engine/pool2d.js";
import { ceilModeCount, type Pair } from "../../engine/geometry.js";
import { argmaxRoutes, routeGradient, type GradientRoute, type RoutedCell } from "../../engine/routing.js";
import type { Tensor } from "../../engine/tensor.js";

export interface PoolCellRef {
  row: number;
  col: number;
  value: number;
}

interface WindowStepBase {
  channel: number;
  row: number;
  col: number;
  /** Real cells read, row-major. */
  cells: PoolCellRef[];
  /** Cells of the window that lie in the padding (−∞ for max pooling, 0 for average pooling). */
  paddedCells: number;
  /** Cells past the padding (a ceil-mode window running off the padded input). */
  outsideCells: number;
  value: number;
}

export interface MaxWindowStep extends WindowStepBase {
  kind: "max";
  /** The chosen cell. */
  chosen: PoolCellRef;
  /** Later cells equal to the maximum, passed over because ties go to the first. */
  tiedWith: PoolCellRef[];
  /** The window reads padding and its maximum is negative: zero padding would wrongly give 0 (padding is −∞). */
  zeroPaddingWouldWin: boolean;
}

export interface AvgWindowStep extends WindowStepBase {
  kind: "avg";
  /** The real cells added up (padding adds 0). */
  sum: number;
  /** The divisor used. */
  divisor: number;
  /** Padded cells counted in the divisor (count_include_pad). */
  countedPadding: number;
}

export type PoolWindowStep = MaxWindowStep | AvgWindowStep;

/** An input cell and the upstream values routed to it (divided by the divisor for avg). */
export type PoolGradCell = RoutedCell;

/** The input as the windows read it: each channel framed by the padding. */
export interface PaddedFrame {
  /** Rows of padding above and below, columns left and right. */
  padding: Pair;
  /** Some padding is drawn. */
  padded: boolean;
  /** What a padding cell holds: −∞ for max pooling (never chosen), 0 for average pooling. */
  padValue: number;
  /** Per channel, the (H + 2p) × (W + 2p) grid, padding cells holding `padValue`. */
  grids: number[][][];
  /** Whether cell (u, v) of the framed grid is padding. */
  isPadding: boolean[][];
}

/** The padded frame of every channel of the input. */
export function paddedFrame(setup: PoolSetup): PaddedFrame {
  const [ph, pw] = setup.padding;
  const { height: H, width: W, input } = setup;
  const padValue = setup.type === "max" ? -Infinity : 0;
  const isPadding = Array.from({ length: H + 2 * ph }, (_, u) => Array.from({ length: W + 2 * pw }, (_, v) => u < ph || u >= ph + H || v < pw || v >= pw + W));
  const grids = Array.from({ length: setup.channels }, (_, c) =>
    isPadding.map((row, u) => row.map((padding, v) => (padding ? padValue : input[(c * H + u - ph) * W + v - pw]))));
  return { padding: [ph, pw], padded: ph + pw > 0, padValue, grids, isPadding };
}

/** How one axis's output size comes about: floor, ceil, or ceil with the last window dropped (it would start in the right padding). */
interface SizeStepBase {
  n: number;
  k: number;
  s: number;
  p: number;
  out: number;
}

export type PoolSizeStep =
  | (SizeStepBase & { rule: "floor" })
  | (SizeStepBase & { rule: "ceil" })
  | (SizeStepBase & { rule: "ceilDropped"; raw: number; start: number; limit: number });

/** The output size of each axis (height, width) as the worked answer states it. */
export function poolSizeSteps(setup: PoolSetup): [PoolSizeStep, PoolSizeStep] {
  const step = (axis: 0 | 1): PoolSizeStep => {
    const n = axis === 0 ? setup.height : setup.width;
    const out = axis === 0 ? setup.outputHeight : setup.outputWidth;
    const sizes = { n, k: setup.size[axis], s: setup.stride[axis], p: setup.padding[axis], out };
    if (!setup.ceilMode) return { ...sizes, rule: "floor" };
    const raw = ceilModeCount(sizes.n, sizes.k, sizes.s, sizes.p);
    if (raw === out) return { ...sizes, rule: "ceil" };
    return { ...sizes, rule: "ceilDropped", raw, start: (raw - 1) * sizes.s, limit: n + sizes.p };
  };
  return [step(0), step(1)];
}

interface PoolExplanationBase {
  setup: PoolSetup;
  sizes: [PoolSizeStep, PoolSizeStep];
  /** The input framed by its padding, as the windows read it. */
  frame: PaddedFrame;
  output: Tensor;
  windows: PoolWindowStep[];
  /** Stride smaller than the window on some axis (the first such, rows before columns): windows share cells. */
  overlap: { stride: number; size: number } | undefined;
  /** Some input cells are read by no window (stride larger than the window, or trailing cells dropped). */
  unreadCells: number;
  backward?: { grad: Tensor; gradInput: Tensor; cells: PoolGradCell[] };
}

export interface MaxPoolExplanation extends PoolExplanationBase {
  type: "max";
  /** Per channel, per input cell: how many windows chose it. */
  timesChosen: number[][][];
  /** Cells chosen by two or more windows (channel by channel, row-major), with those windows in output order: their gradients add up. */
  sharedMaxima: SharedMaximum[];
}

export interface SharedMaximum {
  channel: number;
  row: number;
  col: number;
  /** The output cells (windows) that chose it. */
  windows: { row: number; col: number }[];
}

export interface AvgPoolExplanation extends PoolExplanationBase {
  type: "avg";
}

export type PoolExplanation = MaxPoolExplanation | AvgPoolExplanation;

function overlapOf({ stride, size }: PoolSetup): PoolExplanationBase["overlap"] {
  const axis = [0, 1].find((a) => stride[a] < size[a]);
  return axis === undefined ? undefined : { stride: stride[axis], size: size[axis] };
}

export function explainPool(setup: PoolSetup, grad?: Tensor): PoolExplanation {
  const forward = poolForward(setup);
  const { channels: C, height: H, width: W, outputHeight: OH, outputWidth: OW, input } = setup;
  const windows: PoolWindowStep[] = [];
  const read = new Uint8Array(H * W);
  for (let c = 0; c < C; c++)
    for (let i = 0; i < OH; i++) {
      const rows = axisWindow(setup, 0, i);
      for (let j = 0; j < OW; j++) {
        const cols = axisWindow(setup, 1, j);
        const cells: PoolCellRef[] = [];
        for (let r = rows.start; r < rows.end; r++)
          for (let q = cols.start; q < cols.end; q++) {
            cells.push({ row: r, col: q, value: input[(c * H + r) * W + q] });
            read[r * W + q] = 1;
          }
        const index = (c * OH + i) * OW + j;
        const base: WindowStepBase = {
          channel: c, row: i, col: j, cells,
          paddedCells: rows.counted * cols.counted - cells.length,
          outsideCells: setup.size[0] * setup.size[1] - rows.counted * cols.counted,
          value: forward.output.data[index],
        };
        let step: PoolWindowStep;
        if (forward.argmax) {
          const at = forward.argmax[index];
          const chosen = cells.find((cell) => cell.row * W + cell.col === at);
          // The engine only ever picks a real cell of the window (padding is never chosen).
          if (chosen === undefined) throw new Error(`max pooling chose cell ${at}, outside window (${i}, ${j})`);
          const tiedWith = cells.filter((cell) => cell !== chosen && cell.value === chosen.value);
          step = { ...base, kind: "max", chosen, tiedWith, zeroPaddingWouldWin: base.paddedCells > 0 && chosen.value < 0 };
        } else {
          const divisor = poolDivisor(setup, rows, cols);
          const sum = cells.reduce((total, cell) => total + cell.value, 0);
          step = { ...base, kind: "avg", sum, divisor, countedPadding: divisor - cells.length };
        }
        windows.push(step);
      }
    }

  const base: PoolExplanationBase = {
    setup,
    sizes: poolSizeSteps(setup),
    frame: paddedFrame(setup),
    output: forward.output,
    windows,
    overlap: overlapOf(setup),
    unreadCells: read.reduce((count, flag) => count + (flag ? 0 : 1), 0),
  };
  if (grad !== undefined) {
    // Max pooling sends each δ to its window's chosen cell; average pooling spreads δ/divisor over the window's real cells.
    const routes: GradientRoute[] = forward.argmax
      ? argmaxRoutes(forward.argmax, { channels: C, outputHeight: OH, outputWidth: OW, width: W })
      : windows.flatMap((step) => (step.kind === "avg" ? [{ channel: step.channel, outRow: step.row, outCol: step.col, cells: step.cells, divisor: step.divisor }] : []));
    const gradInput = poolBackward(setup, grad, forward);
    base.backward = { grad, gradInput, cells: routeGradient(setup, grad, gradInput, routes) };
  }
  if (setup.type === "avg") return { ...base, type: "avg" };
  const timesChosen = Array.from({ length: C }, () => Array.from({ length: H }, () => new Array<number>(W).fill(0)));
  const chosenBy = new Map<number, { row: number; col: number }[]>();
  for (const step of windows) {
    if (step.kind !== "max") continue;
    timesChosen[step.channel][step.chosen.row][step.chosen.col] += 1;
    const at = (step.channel * H + step.chosen.row) * W + step.chosen.col;
    const by = chosenBy.get(at);
    if (by) by.push({ row: step.row, col: step.col });
    else chosenBy.set(at, [{ row: step.row, col: step.col }]);
  }
  const sharedMaxima = [...chosenBy.entries()]
    .filter(([, by]) => by.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([at, by]): SharedMaximum => ({ channel: Math.floor(at / (H * W)), row: Math.floor(at / W) % H, col: at % W, windows: by }));
  return { ...base, type: "max", timesChosen, sharedMaxima };
}

/** Above this many windows (or input cells) the answer is summarised, not worked window by window. */
export const POOL_WORKED_LIMIT = { windows: 64, inputCells: 256 } as const;

export function fitsPoolWorkedAnswer(setup: PoolSetup): boolean {
  return setup.channels * setup.outputHeight * setup.outputWidth <= POOL_WORKED_LIMIT.windows &&
    setup.channels * setup.height * setup.width <= POOL_WORKED_LIMIT.inputCells;
}
