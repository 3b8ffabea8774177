/** Matrices as aligned text grids, with per-cell styling (colour and symbols) decided by the caller. */
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

/** A grid too large to read is summarised instead. */
export const GRID_LIMIT = { rows: 16, cols: 16 } as const;

export function fitsOnScreen(rows: number, cols: number): boolean {
  return rows <= GRID_LIMIT.rows && cols <= GRID_LIMIT.cols;
}
