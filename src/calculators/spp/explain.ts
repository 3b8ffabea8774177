/**
 * Explanations of spatial pyramid pooling as data: per level the bins on each axis (and, for the
 * paper's sliding window, its size, stride and count), each bin's cells and pooled value, and the
 * vector's length worked out.
 */
import { sppForward, type SppAxis, type SppLevelGeometry, type SppMethod, type SppResult, type SppSetup, type SppShapeResult, type SppType } from "../../engine/spp.js";
import { fitsOnScreen } from "../../engine/worked-limits.js";

export interface SppBinStep {
  channel: number;
  row: number;
  col: number;
  rows: [number, number];
  cols: [number, number];
  values: number[];
  value: number;
  /** Max: position of the chosen maximum on the map. */
  at?: [number, number];
  /** Max: other cells equal to the maximum, passed over (the first maximum wins). */
  ties: number;
}

export interface SppLevelExplanation {
  geometry: SppLevelGeometry;
  bins: SppBinStep[];
  /** sppnet: the number of bins per axis differs from n. */
  countDiffers: boolean;
  /** Adaptive or sppnet bins that share cells. */
  overlap: boolean;
}

export interface SppExplanation {
  setup: SppSetup;
  result: SppResult;
  levels: SppLevelExplanation[];
  /** The vector is short enough (at most VECTOR_WRITTEN_LIMIT numbers) to be written out. */
  vectorWritten: boolean;
  length: SppLengthStep;
  sizeIndependence: SppSizeIndependence;
}

/** Vectors up to this length are written out in the worked answer. */
export const VECTOR_WRITTEN_LIMIT = 64;

/**
 * The vector's length worked out: C·Σn² when every level has n×n bins (`squares`), else C·Σ(rows·columns)
 * against the C·Σn² one would expect (`counts`, the paper's windows).
 */
export type SppLengthStep =
  | { kind: "squares"; channels: number; ns: number[]; sumOfSquares: number; length: number }
  | { kind: "counts"; channels: number; counts: [number, number][]; length: number; expected: number };

/**
 * Adaptive bins give the same length for any map at least `min` (the largest level) on a side, for
 * example one of side `bigger`; the paper's windows can change the count with the map.
 */
export type SppSizeIndependence = { method: "adaptive"; min: number; bigger: number } | { method: "sppnet" };

interface LevelCounts {
  n: number;
  rowBins: number;
  colBins: number;
}

function lengthStep(channels: number, levels: readonly LevelCounts[], length: number, expected: number): SppLengthStep {
  if (length === expected) {
    const ns = levels.map((level) => level.n);
    return { kind: "squares", channels, ns, sumOfSquares: ns.reduce((total, n) => total + n * n, 0), length };
  }
  return { kind: "counts", channels, counts: levels.map((level) => [level.rowBins, level.colBins]), length, expected };
}

function sizeIndependence(method: SppMethod, levels: readonly LevelCounts[], height: number, width: number): SppSizeIndependence {
  if (method === "sppnet") return { method };
  // An example side comfortably larger than this map (and than 13, the paper's conv5 map).
  return { method, min: Math.max(...levels.map((level) => level.n)), bigger: Math.max(height, width, 13) + 11 };
}

/** Whether neighbouring bins along an axis share cells. */
function sharesCells(axis: SppAxis): boolean {
  return axis.bins.some((bin, i) => i > 0 && bin[0] < axis.bins[i - 1][1]);
}

/** `detail: false` skips the per-bin cells (for maps too large to draw). */
export function explainSpp(setup: SppSetup, { detail = true } = {}): SppExplanation {
  const result = sppForward(setup);
  const { height: H, width: W, input } = setup;
  const levels = setup.levels.map((geometry, index): SppLevelExplanation => {
    const level = result.levels[index];
    const nh = geometry.rows.bins.length;
    const nw = geometry.cols.bins.length;
    const bins: SppBinStep[] = [];
    if (detail) for (let c = 0; c < setup.channels; c++)
      for (let i = 0; i < nh; i++)
        for (let j = 0; j < nw; j++) {
          const rows = geometry.rows.bins[i];
          const cols = geometry.cols.bins[j];
          const values: number[] = [];
          for (let r = rows[0]; r < rows[1]; r++) for (let q = cols[0]; q < cols[1]; q++) values.push(input[(c * H + r) * W + q]);
          const k = (c * nh + i) * nw + j;
          const at = level.argmax?.[k];
          bins.push({ channel: c, row: i, col: j, rows, cols, values, value: level.output.data[k], at: at === undefined ? undefined : [Math.floor(at / W), at % W],
            ties: at === undefined ? 0 : values.filter((v) => v === level.output.data[k]).length - 1 });
        }
    return {
      geometry, bins,
      countDiffers: nh !== geometry.n || nw !== geometry.n,
      overlap: sharesCells(geometry.rows) || sharesCells(geometry.cols),
    };
  });
  const counts = setup.levels.map((level): LevelCounts => ({ n: level.n, rowBins: level.rows.bins.length, colBins: level.cols.bins.length }));
  return {
    setup, result, levels,
    vectorWritten: result.length <= VECTOR_WRITTEN_LIMIT,
    length: lengthStep(setup.channels, counts, result.length, result.expectedLength),
    sizeIndependence: sizeIndependence(setup.method, counts, setup.height, setup.width),
  };
}

/** One level of `spp --shape`: its bins on each axis and what it adds to the vector. */
export interface SppShapeLevelExplanation {
  n: number;
  rows: SppAxis;
  cols: SppAxis;
  /** Bins per channel: n² with adaptive bins; with the paper's windows, rows × columns, which need not be n². */
  bins: number;
  /** C · bins: the level's share of the vector. */
  numbers: number;
  countDiffers: boolean;
  overlap: boolean;
}

export interface SppShapeExplanation {
  result: SppShapeResult;
  /** The pooling the bins are for (it changes no count). */
  type: SppType;
  levels: SppShapeLevelExplanation[];
  length: SppLengthStep;
  sizeIndependence: SppSizeIndependence;
}

/** `spp --shape`: per level its bins and its count of numbers, from the map's shape alone. */
export function explainSppShape(result: SppShapeResult, type: SppType): SppShapeExplanation {
  const levels = result.levels.map((level): SppShapeLevelExplanation => {
    const bins = level.rowAxis.bins.length * level.colAxis.bins.length;
    return {
      n: level.n, rows: level.rowAxis, cols: level.colAxis, bins, numbers: result.channels * bins,
      countDiffers: level.rowAxis.bins.length !== level.n || level.colAxis.bins.length !== level.n,
      overlap: sharesCells(level.rowAxis) || sharesCells(level.colAxis),
    };
  });
  const counts = result.levels.map((level): LevelCounts => ({ n: level.n, rowBins: level.rowAxis.bins.length, colBins: level.colAxis.bins.length }));
  return {
    result, type, levels,
    length: lengthStep(result.channels, counts, result.length, result.expectedLength),
    sizeIndependence: sizeIndependence(result.method, counts, result.height, result.width),
  };
}

/** Above this many bins in all (or map cells) the levels are summarised instead of drawn. */
export const SPP_WORKED_LIMIT = { bins: 128, mapCells: 256 } as const;

export function fitsSppWorkedAnswer(setup: SppSetup): boolean {
  const bins = setup.levels.reduce((total, level) => total + level.rows.bins.length * level.cols.bins.length, 0) * setup.channels;
  return bins <= SPP_WORKED_LIMIT.bins && setup.channels * setup.height * setup.width <= SPP_WORKED_LIMIT.mapCells && fitsOnScreen(setup.height, setup.width);
}
