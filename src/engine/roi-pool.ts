/**
 * RoI max pooling as torchvision's `roi_pool` computes it (Fast R-CNN): box corners scaled and
 * rounded half away from zero, inclusive end (+1), bins floor(i·bin) … ceil((i+1)·bin) offset by the
 * region's start and clipped to the map, empty bins → 0; and the backward pass for one box.
 */
import { sameShape, shapeText } from "./conv2d.js";
import { checkBudget } from "./budget.js";
import { check } from "./errors.js";
import { clipRange, type Pair } from "./geometry.js";
import { checkFinite, tensor, type Tensor } from "./tensor.js";
import { windowMax } from "./window.js";

/** A box in image coordinates: (x1, y1) top-left, (x2, y2) bottom-right. */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface RoiOptions {
  /** Pooled height and width. */
  outputSize: Pair;
  /** spatial_scale: image coordinates → feature-map coordinates (default 1). */
  scale?: number;
}

/** C `round`: halves go away from zero (2.5 → 3, −2.5 → −3), unlike JS Math.round (−2.5 → −2). */
export function roundHalfAwayFromZero(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value)) || 0;
}

/** One bin on one axis, before and after clipping to the map. */
export interface RoiAxisBin {
  /** floor(i·bin) and ceil((i+1)·bin), relative to the region's start. */
  floorPart: number;
  ceilPart: number;
  /** [start, end) on the map after adding the region's start and clipping to [0, n]. */
  start: number;
  end: number;
}

export interface RoiRegion {
  readonly box: Box;
  /** Corners times the scale, before rounding: x1, y1, x2, y2. */
  readonly scaled: readonly [number, number, number, number];
  /** Rounded corners: roi_start_w, roi_start_h, roi_end_w, roi_end_h. */
  readonly startCol: number;
  readonly startRow: number;
  readonly endCol: number;
  readonly endRow: number;
  /** max(end − start + 1, 1). */
  readonly roiWidth: number;
  readonly roiHeight: number;
  readonly binHeight: number;
  readonly binWidth: number;
  readonly rowBins: readonly RoiAxisBin[];
  readonly colBins: readonly RoiAxisBin[];
}

export interface RoiSetup {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly input: Float64Array;
  readonly inputShape: readonly number[];
  readonly outputSize: Pair;
  readonly scale: number;
  readonly regions: readonly RoiRegion[];
}

function axisBins(count: number, binSize: number, offset: number, n: number): RoiAxisBin[] {
  const bins: RoiAxisBin[] = [];
  for (let i = 0; i < count; i++) {
    const floorPart = Math.floor(i * binSize);
    const ceilPart = Math.ceil((i + 1) * binSize);
    const [start, end] = clipRange(floorPart + offset, ceilPart + offset, n);
    bins.push({ floorPart, ceilPart, start, end });
  }
  return bins;
}

/** Where box `index` lands on an H×W map: rounding, region size, bins. Validates the box. */
export function roiRegion(box: Box, index: number, height: number, width: number, outputSize: Pair, scale: number): RoiRegion {
  const params = { box: index + 1, x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
  check([box.x1, box.y1, box.x2, box.y2].every(Number.isFinite), "box", "roi.boxNotFinite", params);
  check(box.x2 >= box.x1 && box.y2 >= box.y1, "box", "roi.boxReversed", params, "roi.boxReversedHint");
  const scaled = [box.x1 * scale, box.y1 * scale, box.x2 * scale, box.y2 * scale] as const;
  const [startCol, startRow, endCol, endRow] = scaled.map(roundHalfAwayFromZero);
  check(endCol >= 0 && startCol < width && endRow >= 0 && startRow < height, "box", "roi.boxOutside", {
    ...params, cols: `${startCol}…${endCol}`, rows: `${startRow}…${endRow}`, lastCol: width - 1, lastRow: height - 1,
  }, "roi.boxOutsideHint");
  const roiWidth = Math.max(endCol - startCol + 1, 1);
  const roiHeight = Math.max(endRow - startRow + 1, 1);
  const binHeight = roiHeight / outputSize[0];
  const binWidth = roiWidth / outputSize[1];
  return {
    box, scaled, startCol, startRow, endCol, endRow, roiWidth, roiHeight, binHeight, binWidth,
    rowBins: axisBins(outputSize[0], binHeight, startRow, height),
    colBins: axisBins(outputSize[1], binWidth, startCol, width),
  };
}

export function setupRoi(input: Tensor, boxes: readonly Box[], options: RoiOptions): RoiSetup {
  const rank = input.shape.length;
  check(rank === 2 || rank === 3, "input", "input.rank", { expected: "H×W or C×H×W", shape: shapeText(input.shape) });
  const [channels, height, width] = rank === 2 ? [1, ...input.shape] : input.shape;
  const scale = options.scale ?? 1;
  check(Number.isFinite(scale) && scale > 0, "scale", "roi.scaleBad", { scale }, "roi.scaleBadHint");
  const outputSize = options.outputSize;
  check(outputSize.every((v) => Number.isInteger(v) && v >= 1), "output", "pair.notPositive", { text: outputSize.join("x") });
  check(boxes.length > 0, "box", "roi.noBox", {}, "roi.noBoxHint");
  checkBudget("elements", input.data.length + 4 * boxes.length, "box");
  checkBudget("outputElements", boxes.length * channels * outputSize[0] * outputSize[1], "output");
  // The JSON answer lists every bin; text and JSON accept the same problems.
  checkBudget("listedBins", boxes.length * outputSize[0] * outputSize[1], "output");
  const regions = boxes.map((box, index) => roiRegion(box, index, height, width, outputSize, scale));
  checkBudget("work", channels * regions.reduce((total, region) => total + binCells(region.rowBins) * binCells(region.colBins), 0), "output");
  return { channels, height, width, input: input.data, inputShape: input.shape, outputSize, scale, regions };
}

/** Cells that one axis's bins read together (bins overlap by a cell where the bin size is not whole). */
function binCells(bins: readonly RoiAxisBin[]): number {
  return bins.reduce((total, bin) => total + Math.max(bin.end - bin.start, 0), 0);
}

export function roiOutputShape(setup: RoiSetup): number[] {
  const [ph, pw] = setup.outputSize;
  return setup.inputShape.length === 3 ? [setup.channels, ph, pw] : [ph, pw];
}

export interface RoiResult {
  /** One pooled tensor per box (PH×PW, or C×PH×PW for a 3-D input). */
  outputs: Tensor[];
  /** Per box, per output cell (channel-major): flat index row·W + col of the maximum, −1 for an empty bin. */
  argmax: Int32Array[];
}

/** Forward pass: each bin's maximum (first maximum on ties), 0 for an empty bin. */
export function roiForward(setup: RoiSetup): RoiResult {
  const { channels: C, height: H, width: W, input: x } = setup;
  const [PH, PW] = setup.outputSize;
  const outputs: Tensor[] = [];
  const argmaxes: Int32Array[] = [];
  for (const region of setup.regions) {
    const out = new Float64Array(C * PH * PW);
    const argmax = new Int32Array(C * PH * PW).fill(-1);
    for (let c = 0; c < C; c++)
      for (let i = 0; i < PH; i++) {
        const rows = region.rowBins[i];
        for (let j = 0; j < PW; j++) {
          const cols = region.colBins[j];
          const index = (c * PH + i) * PW + j;
          if (rows.end <= rows.start || cols.end <= cols.start) continue;
          const { value, at } = windowMax(x, c * H * W, W, { rowStart: rows.start, rowEnd: rows.end, colStart: cols.start, colEnd: cols.end });
          out[index] = value;
          argmax[index] = at;
        }
      }
    outputs.push(tensor(roiOutputShape(setup), out));
    argmaxes.push(argmax);
  }
  return { outputs, argmax: argmaxes };
}

/** Backward pass for one box: each g goes to its bin's maximum (accumulating); empty bins give nothing. */
export function roiBackward(setup: RoiSetup, grad: Tensor, forward: RoiResult = roiForward(setup)): Tensor {
  check(setup.regions.length === 1, "grad", "roi.gradOneBox", { count: setup.regions.length }, "roi.gradOneBoxHint");
  const expected = roiOutputShape(setup);
  check(sameShape(grad.shape, expected), "grad", "roi.gradShape", { shape: shapeText(grad.shape), expected: shapeText(expected) }, "roi.gradShapeHint");
  checkBudget("elements", setup.input.length + 4 + grad.data.length, "grad");
  const { channels: C, height: H, width: W } = setup;
  const [PH, PW] = setup.outputSize;
  const argmax = forward.argmax[0];
  const gradInput = new Float64Array(C * H * W);
  for (let c = 0; c < C; c++)
    for (let k = 0; k < PH * PW; k++) {
      const at = argmax[c * PH * PW + k];
      if (at >= 0) gradInput[c * H * W + at] += grad.data[c * PH * PW + k];
    }
  return checkFinite(tensor(setup.inputShape, gradInput), "gradInput");
}

/** Per box, the PH×PW bins as `{ rows: [start, end), cols: [start, end) }` on the map. */
export function roiBins(setup: RoiSetup): { rows: [number, number]; cols: [number, number] }[][][] {
  return setup.regions.map((region) =>
    region.rowBins.map((rows) => region.colBins.map((cols) => ({ rows: [rows.start, rows.end] as [number, number], cols: [cols.start, cols.end] as [number, number] }))));
}

/** `roiPool(x, [{ x1: 0, y1: 0, x2: 4, y2: 4 }], { outputSize: [3, 3] })`: one pooled tensor per box. */
export function roiPool(input: Tensor, boxes: readonly Box[], options: RoiOptions): Tensor[] {
  return roiForward(setupRoi(input, boxes, options)).outputs;
}

export function roiPoolBackward(input: Tensor, box: Box, grad: Tensor, options: RoiOptions): Tensor {
  return roiBackward(setupRoi(input, [box], options), grad);
}
