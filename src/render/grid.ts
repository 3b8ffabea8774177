/** Matrices as aligned text grids, with per-cell styling (colour and symbols) decided by the caller. */
import type { Palette } from "./colour.js";
import { formatNumber } from "./number.js";
import { padStart, visibleWidth } from "./layout.js";

export interface GridOptions {
  /** Text of a cell; default formatNumber(value). */
  text?: (value: number, row: number, col: number) => string;
  /** Colour or mark for a cell, applied after alignment so that widths stay right. */
  style?: (text: string, row: number, col: number) => string;
}

/** Right-aligned columns, one line per row, `[` `]`-free so that it can be copied back as input. */
export function gridLines(rows: readonly (readonly number[])[], options: GridOptions = {}): string[] {
  const text = options.text ?? ((value: number) => formatNumber(value));
  const cells = rows.map((row, i) => row.map((value, j) => text(value, i, j)));
  const width = Math.max(1, ...cells.flat().map(visibleWidth));
  return cells.map((row, i) =>
    row.map((cell, j) => {
      const aligned = padStart(cell, width);
      return options.style ? options.style(aligned, i, j) : aligned;
    }).join("  "),
  );
}

/**
 * How marked cells look: written [x] and highlighted, the others followed by a space so the columns
 * stay aligned; `dimUnmarked` dims the others (a routed gradient: the cells that receive none).
 */
export function markedCellOptions(marked: (row: number, col: number) => boolean, palette: Palette, { dimUnmarked = false } = {}): Required<GridOptions> {
  return {
    text: (value, row, col) => (marked(row, col) ? `[${formatNumber(value)}]` : `${formatNumber(value)} `),
    style: (text, row, col) => (marked(row, col) ? palette.highlight(text) : dimUnmarked ? palette.dim(text) : text),
  };
}

/** A grid with marked cells (see markedCellOptions). */
export function markedGridLines(rows: readonly (readonly number[])[], marked: (row: number, col: number) => boolean, palette: Palette, options: { dimUnmarked?: boolean } = {}): string[] {
  return gridLines(rows, markedCellOptions(marked, palette, options));
}

/** A routed gradient: the cells that receive some upstream value marked [x], the rest (zeros) dimmed. */
export function routedGridLines(rows: readonly (readonly number[])[], receives: (row: number, col: number) => boolean, palette: Palette): string[] {
  return markedGridLines(rows, receives, palette, { dimUnmarked: true });
}

/** A grid too large to read is summarised instead (the limit is the engine's, which explanations decide with). */
export { GRID_LIMIT, fitsOnScreen } from "../engine/worked-limits.js";
