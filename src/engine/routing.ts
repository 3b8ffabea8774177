/**
 * Where a pooling's backward pass sends each upstream gradient, cell by cell, as data: max pooling
 * (and RoI max pooling) routes an output cell's gradient to its window's (bin's) chosen maximum, average
 * pooling spreads it over the window divided by the divisor. Shared by the pool and roi explanations.
 */
import type { Tensor } from "./tensor.js";

/** Output cell (channel, outRow, outCol) sends its upstream gradient to `cells`, each getting it divided by `divisor` (average pooling). */
export interface GradientRoute {
  channel: number;
  outRow: number;
  outCol: number;
  cells: readonly { row: number; col: number }[];
  divisor?: number;
}

/** One upstream value arriving at an input cell: from output cell (outRow, outCol), divided by `divisor` for average pooling. */
export interface RoutedTerm {
  outRow: number;
  outCol: number;
  grad: number;
  divisor?: number;
}

/** An input cell, the upstream values it receives (in the order of the routes) and its gradient. */
export interface RoutedCell {
  channel: number;
  row: number;
  col: number;
  terms: RoutedTerm[];
  value: number;
}

export interface MaxRoutingShape {
  channels: number;
  /** The output's (or one box's) height and width: argmax is indexed (channel, row, col) over them. */
  outputHeight: number;
  outputWidth: number;
  /** The input's width: an argmax is a row-major index into one channel of the input. */
  width: number;
}

/**
 * Routes of a max pooling from the engine's argmax (the chosen cell of each window, the first maximum
 * in row-major order on ties; −1 for an empty RoI bin, which routes nothing).
 */
export function argmaxRoutes(argmax: ArrayLike<number>, shape: MaxRoutingShape): GradientRoute[] {
  const { channels, outputHeight, outputWidth, width } = shape;
  const routes: GradientRoute[] = [];
  for (let c = 0; c < channels; c++)
    for (let i = 0; i < outputHeight; i++)
      for (let j = 0; j < outputWidth; j++) {
        const at = argmax[(c * outputHeight + i) * outputWidth + j];
        routes.push({ channel: c, outRow: i, outCol: j, cells: at < 0 ? [] : [{ row: Math.floor(at / width), col: at % width }] });
      }
  return routes;
}

/**
 * Every input cell (channel, row, col in row-major order) with the upstream values the routes bring
 * it; `grad` is the upstream gradient, shaped like the output ([H, W] or [C, H, W]), and `gradInput`
 * the engine's backward result, whose value each cell states.
 */
export function routeGradient(input: { channels: number; height: number; width: number }, grad: Tensor, gradInput: Tensor, routes: Iterable<GradientRoute>): RoutedCell[] {
  const { channels: C, height: H, width: W } = input;
  const outputHeight = grad.shape[grad.shape.length - 2];
  const outputWidth = grad.shape[grad.shape.length - 1];
  const cells: RoutedCell[] = [];
  for (let c = 0; c < C; c++)
    for (let r = 0; r < H; r++)
      for (let q = 0; q < W; q++) cells.push({ channel: c, row: r, col: q, terms: [], value: gradInput.data[(c * H + r) * W + q] });
  for (const route of routes) {
    const upstream = grad.data[(route.channel * outputHeight + route.outRow) * outputWidth + route.outCol];
    for (const cell of route.cells) {
      const term: RoutedTerm = { outRow: route.outRow, outCol: route.outCol, grad: upstream };
      if (route.divisor !== undefined) term.divisor = route.divisor;
      cells[(route.channel * H + cell.row) * W + cell.col].terms.push(term);
    }
  }
  return cells;
}

/** Whether cell (row, col) of plane `plane` receives any upstream value: `cells` as routeGradient lists them for H×W planes. */
export function receivesGradient(cells: readonly { terms: readonly unknown[] }[], plane: number, height: number, width: number): (row: number, col: number) => boolean {
  return (row, col) => cells[(plane * height + row) * width + col].terms.length > 0;
}
