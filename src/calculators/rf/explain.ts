/**
 * The receptive-field answer as data: the per-layer arithmetic (from the engine), the closed-form
 * terms, each dilated kernel's footprint, and for small inputs the input grid with one output unit's
 * field marked; with channels, each layer's parameters and MACs (from the layer-cost engine, every
 * factor of the formulas included). Renderers only turn these into text.
 */
import { LIMITS, withinBudget } from "../../engine/budget.js";
import type { LayerCost, StackCost } from "../../engine/layer-cost.js";
import { fieldPixels, type LayerField, type ReceptiveField } from "../../engine/receptive-field.js";

/** Inputs up to this many pixels per side are drawn with the field marked. */
export const FIELD_PICTURE_LIMIT = 32;

export interface Footprint {
  layer: LayerField;
  /** k̂×k̂: true where a weight sits (a tap), false for a hole. */
  taps: boolean[][];
}

/** How an input pixel relates to the marked output unit. */
export type FieldCell = "read" | "hole" | "outside";

export interface FieldPicture {
  /** 0-based index (per axis) of the marked output unit: the middle one. */
  unit: number;
  outputSize: number;
  inputSize: number;
  /** Input pixels (per axis) the unit reads. */
  pixels: number[];
  /** inputSize×inputSize: read; a hole inside the field's extent; outside it. */
  cells: FieldCell[][];
  /** Pixels per axis from the first to the last read pixel. */
  extent: number;
  /** Pixels read in 2-D (pixels², fewer than extent² when dilation leaves holes). */
  readCount: number;
  /** True when the unit's field reaches past the border into the zero padding. */
  reachesPadding: boolean;
}

export interface ClosedFormTerm {
  effectiveKernel: number;
  /** Π of the earlier strides = the jump before this layer. */
  jumpIn: number;
}

/** A long stack's table shows its first and last layers; the JSON has every one. */
export const TABLE_LAYER_LIMIT = { head: 20, tail: 10 } as const;
/** At most this many dilated kernels are drawn. */
export const FOOTPRINT_LIMIT = 6;

/** Rows of the layer tables: layers (with their costs when channels are asked for), and one gap standing for the layers left out. */
export type TableRow = { kind: "layer"; layer: LayerField; cost: LayerCost | undefined } | { kind: "gap"; count: number };

export interface RfExplanation {
  result: ReceptiveField;
  /** Parameters and MACs of the whole stack (the rows carry each layer's); undefined when no channels are asked for. */
  costs: StackCost | undefined;
  rows: TableRow[];
  /** Dilated layers whose footprint is larger than a picture may be, and how many others were not drawn. */
  footprintsLeftOut: { tooLarge: LayerField[]; more: number; limitCells: number };
  /** r = 1 + Σ (k̂−1)·Π s; undefined when a transposed convolution breaks it. */
  closedForm: ClosedFormTerm[] | undefined;
  footprints: Footprint[];
  /** Absent without an input size, or when the input is too large to draw. */
  field: FieldPicture | undefined;
  /**
   * What the holes in the field come from: one dilated layer's gaps between its taps, or the gridding
   * effect of a stack of dilated layers (holes that the later layers never fill).
   */
  holes: "kernel" | "gridding";
}

export function explainRf(result: ReceptiveField, costs?: StackCost): RfExplanation {
  const closedFormTerms = result.layers.every((layer) => layer.kind !== "tconv")
    ? result.layers.map((layer) => ({ effectiveKernel: layer.effectiveKernel, jumpIn: layer.jumpIn }))
    : undefined;
  const { layers } = result;
  const long = layers.length > TABLE_LAYER_LIMIT.head + TABLE_LAYER_LIMIT.tail;
  // A long stack's closed form would be a line of hundreds of terms: the table's last row already checks it.
  const closedForm = long ? undefined : closedFormTerms;
  const layerRow = (layer: LayerField): TableRow => ({ kind: "layer", layer, cost: costs?.layers[layer.index - 1] });
  const rows: TableRow[] = long
    ? [
      ...layers.slice(0, TABLE_LAYER_LIMIT.head).map(layerRow),
      { kind: "gap", count: layers.length - TABLE_LAYER_LIMIT.head - TABLE_LAYER_LIMIT.tail },
      ...layers.slice(-TABLE_LAYER_LIMIT.tail).map(layerRow),
    ]
    : layers.map(layerRow);
  const dilated = layers.filter((layer) => layer.dilation > 1);
  const drawable = dilated.filter((layer) => withinBudget("pictureCells", layer.effectiveKernel ** 2));
  const footprints = drawable.slice(0, FOOTPRINT_LIMIT).map((layer) => ({ layer, taps: footprintTaps(layer.kernel, layer.dilation) }));
  const footprintsLeftOut = {
    tooLarge: dilated.filter((layer) => !withinBudget("pictureCells", layer.effectiveKernel ** 2)).slice(0, FOOTPRINT_LIMIT),
    more: Math.max(0, drawable.length - FOOTPRINT_LIMIT),
    limitCells: Math.sqrt(LIMITS.pictureCells),
  };
  const dilatedLayers = result.layers.filter((layer) => layer.dilation > 1).length;
  return { result, costs, rows, closedForm, footprints, footprintsLeftOut, field: fieldPicture(result), holes: dilatedLayers >= 2 ? "gridding" : "kernel" };
}

function footprintTaps(kernel: number, dilation: number): boolean[][] {
  const span = dilation * (kernel - 1) + 1;
  const onTap = (u: number) => u % dilation === 0;
  return Array.from({ length: span }, (_, u) => Array.from({ length: span }, (_, v) => onTap(u) && onTap(v)));
}

function fieldPicture(result: ReceptiveField): FieldPicture | undefined {
  const { inputSize, outputSize } = result;
  if (inputSize === null || outputSize === null || inputSize > FIELD_PICTURE_LIMIT) return undefined;
  const unit = Math.floor((outputSize - 1) / 2);
  const pixels = fieldPixels(result, unit);
  const read = new Set(pixels);
  const first = pixels[0] ?? 0;
  const last = pixels[pixels.length - 1] ?? -1;
  const within = (i: number) => i >= first && i <= last;
  const cells: FieldCell[][] = Array.from({ length: inputSize }, (_, row) =>
    Array.from({ length: inputSize }, (_, col): FieldCell => {
      if (read.has(row) && read.has(col)) return "read";
      return within(row) && within(col) ? "hole" : "outside";
    }));
  let reachesPadding = false;
  if (result.receptiveField !== null && result.start !== null) {
    // The field of unit u spans start + u·j ± (r−1)/2 in input pixels.
    const centre = result.start + unit * result.jump;
    const half = (result.receptiveField - 1) / 2;
    reachesPadding = centre - half < 0 || centre + half > inputSize - 1;
  }
  return { unit, outputSize, inputSize, pixels, cells, extent: last - first + 1, readCount: pixels.length ** 2, reachesPadding };
}
