/**
 * Explanations of RoI pooling as data: each corner's scaling and rounding, the region, the bins on
 * each axis (their floor/ceil parts and clipped ranges), each bin's cells and maximum, and for one box
 * the backward pass's routed values.
 */
import { clipRange } from "../../engine/geometry.js";
import { roiBackward, roiForward, type RoiAxisBin, type RoiRegion, type RoiSetup } from "../../engine/roi-pool.js";
import { argmaxRoutes, routeGradient, type RoutedCell } from "../../engine/routing.js";
import type { Tensor } from "../../engine/tensor.js";
import { fitsOnScreen } from "../../engine/worked-limits.js";

export interface CornerStep {
  name: "x1" | "y1" | "x2" | "y2";
  value: number;
  scaled: number;
  rounded: number;
  /** The scaled value was exactly halfway between two integers. */
  half: boolean;
}

interface RoiBinBase {
  channel: number;
  row: number;
  col: number;
  rows: [number, number];
  cols: [number, number];
  values: number[];
  value: number;
}

/** A bin with no cells on the map: it pools to 0 and routes no gradient. */
export interface EmptyRoiBin extends RoiBinBase {
  empty: true;
}

export interface FilledRoiBin extends RoiBinBase {
  empty: false;
  /** Position of the maximum on the map. */
  at: [number, number];
  /** Other cells equal to the maximum (passed over: first maximum wins). */
  ties: number;
}

export type RoiBinStep = EmptyRoiBin | FilledRoiBin;

export interface RoiBoxExplanation {
  region: RoiRegion;
  corners: CornerStep[];
  /** Row (column) bins that share cells. */
  rowsOverlap: BinOverlap[];
  colsOverlap: BinOverlap[];
  /** Bins cut by the map's edge (part of the region lies outside the map). */
  clipped: boolean;
  /** Each axis's bins worked out (rows, then columns). */
  rowRanges: RoiBinRange[];
  colRanges: RoiBinRange[];
  /** The region's rows and columns that lie on the map, half-open (what the picture frames). */
  mapRows: [number, number];
  mapCols: [number, number];
  bins: RoiBinStep[];
  output: Tensor;
}

/** A map cell and the upstream values routed to it from the bins whose maximum it is. */
export type RoiGradCell = RoutedCell;

export interface RoiExplanation {
  setup: RoiSetup;
  boxes: RoiBoxExplanation[];
  backward?: { grad: Tensor; gradInput: Tensor; cells: RoiGradCell[] };
}

/**
 * One bin on one axis: from i·bin to (i+1)·bin in the region, floored and ceiled, plus the region's
 * start (`rawStart`, `rawEnd`), then clipped to the map ([start, end)).
 */
export interface RoiBinRange {
  lo: number;
  hi: number;
  rawStart: number;
  rawEnd: number;
  start: number;
  end: number;
  /** Clipping changed the range (the region runs off the map). */
  clipped: boolean;
  /** No cell of the map is left. */
  empty: boolean;
}

function binRanges(bins: readonly RoiAxisBin[], size: number, offset: number): RoiBinRange[] {
  return bins.map((bin, i) => {
    const rawStart = bin.floorPart + offset;
    const rawEnd = bin.ceilPart + offset;
    return {
      lo: i * size, hi: (i + 1) * size, rawStart, rawEnd, start: bin.start, end: bin.end,
      clipped: rawStart !== bin.start || rawEnd !== bin.end, empty: bin.end <= bin.start,
    };
  });
}

/** Consecutive non-empty bins that share cells: bins `first` and `first + 1` both hold [start, end). */
export interface BinOverlap {
  first: number;
  start: number;
  end: number;
}

function overlaps(bins: readonly { start: number; end: number }[]): BinOverlap[] {
  const found: BinOverlap[] = [];
  for (let i = 1; i < bins.length; i++) {
    const before = bins[i - 1];
    const after = bins[i];
    if (after.start < before.end && after.end > after.start && before.end > before.start) found.push({ first: i - 1, start: after.start, end: before.end });
  }
  return found;
}

export function explainRoi(setup: RoiSetup, grad?: Tensor): RoiExplanation {
  const forward = roiForward(setup);
  const { channels: C, height: H, width: W, input } = setup;
  const [PH, PW] = setup.outputSize;
  const boxes = setup.regions.map((region, b): RoiBoxExplanation => {
    const names = ["x1", "y1", "x2", "y2"] as const;
    const given = [region.box.x1, region.box.y1, region.box.x2, region.box.y2];
    const rounded = [region.startCol, region.startRow, region.endCol, region.endRow];
    const corners = names.map((name, k): CornerStep => ({
      name, value: given[k], scaled: region.scaled[k], rounded: rounded[k],
      half: Math.abs(Math.abs(region.scaled[k] % 1) - 0.5) < 1e-12,
    }));
    const bins: RoiBinStep[] = [];
    for (let c = 0; c < C; c++)
      for (let i = 0; i < PH; i++)
        for (let j = 0; j < PW; j++) {
          const rows = region.rowBins[i];
          const cols = region.colBins[j];
          const values: number[] = [];
          for (let r = rows.start; r < rows.end; r++) for (let q = cols.start; q < cols.end; q++) values.push(input[(c * H + r) * W + q]);
          const index = (c * PH + i) * PW + j;
          const at = forward.argmax[b][index];
          const value = forward.outputs[b].data[index];
          const base: RoiBinBase = { channel: c, row: i, col: j, rows: [rows.start, rows.end], cols: [cols.start, cols.end], values, value };
          // The engine marks an empty bin's argmax −1.
          bins.push(at < 0
            ? { ...base, empty: true }
            : { ...base, empty: false, at: [Math.floor(at / W), at % W], ties: values.filter((v) => v === value).length - 1 });
        }
    const raw = (bin: { floorPart: number; ceilPart: number }, offset: number, n: number) => bin.floorPart + offset < 0 || bin.ceilPart + offset > n;
    return {
      region, corners, bins, output: forward.outputs[b],
      rowsOverlap: overlaps(region.rowBins),
      colsOverlap: overlaps(region.colBins),
      clipped: region.rowBins.some((bin) => raw(bin, region.startRow, H)) || region.colBins.some((bin) => raw(bin, region.startCol, W)),
      rowRanges: binRanges(region.rowBins, region.binHeight, region.startRow),
      colRanges: binRanges(region.colBins, region.binWidth, region.startCol),
      mapRows: clipRange(region.startRow, region.endRow + 1, H),
      mapCols: clipRange(region.startCol, region.endCol + 1, W),
    };
  });
  const explanation: RoiExplanation = { setup, boxes };
  if (grad !== undefined) {
    const gradInput = roiBackward(setup, grad, forward);
    // A gradient is given for one box only (the engine refuses more).
    const routes = argmaxRoutes(forward.argmax[0], { channels: C, outputHeight: PH, outputWidth: PW, width: W });
    const cells = routeGradient(setup, grad, gradInput, routes);
    explanation.backward = { grad, gradInput, cells };
  }
  return explanation;
}

/** Above this many bins (boxes × channels × cells) or map cells the answer is summarised. */
export const ROI_WORKED_LIMIT = { bins: 64, mapCells: 256 } as const;

export function fitsRoiWorkedAnswer(setup: RoiSetup): boolean {
  const [ph, pw] = setup.outputSize;
  return setup.regions.length * setup.channels * ph * pw <= ROI_WORKED_LIMIT.bins &&
    setup.channels * setup.height * setup.width <= ROI_WORKED_LIMIT.mapCells && fitsOnScreen(setup.height, setup.width);
}
