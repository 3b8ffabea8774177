/** Framed grids: a matrix with indices, a frame around a region and rules along bin boundaries (RoI and SPP draw their bins with it). */
import type { Palette } from "./colour.js";
import { padStart, visibleWidth } from "./layout.js";
import { formatNumber } from "./number.js";

export interface FrameOptions {
  /** Boundaries (0…H) where a horizontal rule is drawn, inside the framed rows. */
  rowBreaks: ReadonlySet<number>;
  colBreaks: ReadonlySet<number>;
  /** The framed part, half-open. */
  rows: readonly [number, number];
  cols: readonly [number, number];
  marked?: (row: number, col: number) => boolean;
  /** Written right of each row (e.g. the bins it belongs to). */
  rowNotes?: readonly string[];
  /** Written under each column, in a footer line. */
  colNotes?: readonly string[];
  palette: Palette;
}

/** 1-based numbers of the bins that contain index k: "1", "1,2", or "" for none. */
export function binMembership(bins: readonly (readonly [number, number])[], k: number): string {
  return bins.flatMap(([start, end], i) => (k >= start && k < end ? [String(i + 1)] : [])).join(",");
}

/**
 * A matrix with 0-based row and column indices, a frame (│ ─ ┼) around a region and along bin
 * boundaries, cells outside the region dimmed, and marked cells written [x] (and highlighted).
 */
export function framedGridLines(values: readonly (readonly number[])[], options: FrameOptions): string[] {
  const { rowBreaks, colBreaks, rows, cols, marked, palette, rowNotes, colNotes } = options;
  const height = values.length;
  const width = height === 0 ? 0 : values[0].length;
  const isMarked = (r: number, c: number) => marked?.(r, c) ?? false;
  const texts = values.map((row, r) => row.map((value, c) => (isMarked(r, c) ? `[${formatNumber(value)}]` : formatNumber(value))));
  const cellWidth = Math.max(1, ...texts.flat().map(visibleWidth), ...Array.from({ length: width }, (_, c) => String(c).length), ...(colNotes ?? []).map(visibleWidth));
  const labelWidth = String(Math.max(0, height - 1)).length;
  const inRows = (r: number) => r >= rows[0] && r < rows[1];
  const inCols = (c: number) => c >= cols[0] && c < cols[1];
  const colBreakAt = (b: number) => colBreaks.has(b) && b >= cols[0] && b <= cols[1];

  const cell = (text: string) => ` ${padStart(text, cellWidth)} `;
  const header = " ".repeat(labelWidth) + " " + Array.from({ length: width }, (_, c) => ` ${cell(String(c))}`).join("");
  const lines = [palette.dim(header.trimEnd())];
  const rule = (): string => {
    let line = " ".repeat(labelWidth) + " ";
    for (let b = 0; b <= width; b++) {
      line += colBreakAt(b) ? "┼" : inCols(b - 1) && inCols(b) ? "─" : " ";
      if (b < width) line += inCols(b) ? "─".repeat(cellWidth + 2) : " ".repeat(cellWidth + 2);
    }
    return line.trimEnd();
  };
  for (let r = 0; r <= height; r++) {
    if (rowBreaks.has(r) && r >= rows[0] && r <= rows[1]) lines.push(rule());
    if (r === height) break;
    let line = palette.dim(padStart(String(r), labelWidth)) + " ";
    for (let b = 0; b <= width; b++) {
      line += colBreakAt(b) && inRows(r) ? "│" : " ";
      if (b === width) break;
      const text = cell(texts[r][b]);
      line += isMarked(r, b) ? palette.highlight(text) : inRows(r) && inCols(b) ? text : palette.dim(text);
    }
    const note = rowNotes?.[r] ?? "";
    lines.push(note ? `${line}  ${palette.dim(note)}` : line.trimEnd());
  }
  if (colNotes) lines.push(palette.dim((" ".repeat(labelWidth) + " " + colNotes.map((note) => ` ${cell(note)}`).join("")).trimEnd()));
  return lines;
}
