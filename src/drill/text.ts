/** How hints write numbers, cell labels, small matrices and bins (exam notation, as the worked answers do). */
import type { Translate } from "../i18n/index.js";

/** Up to 4 decimals, trailing zeros trimmed, float noise removed, no negative zero. */
export function num(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  if (Math.abs(rounded - Math.round(rounded)) < 1e-9) return String(Math.round(rounded) || 0);
  return rounded.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
}

/** A factor inside a product: negatives in parentheses, as written by hand (`2·(-1)`). */
export function factor(value: number): string {
  const text = num(value);
  return text.startsWith("-") ? `(${text})` : text;
}

/** A term added to a sum: `+ 3` or `+ (-3)`, so that the sign stays visible. */
export function sumOf(values: readonly number[]): string {
  return values.map((value, index) => (index === 0 ? num(value) : factor(value))).join(" + ");
}

/** Exam-style cell label with 1-based indices: a11, w12, δ21; a(10,3) past 9. */
export function label(letter: string, row: number, col: number): string {
  return row < 9 && col < 9 ? `${letter}${row + 1}${col + 1}` : `${letter}(${row + 1},${col + 1})`;
}

/** A small matrix as aligned rows, each indented by `indent` spaces. */
export function matrixLines(rows: readonly (readonly string[])[], indent = 4): string {
  const width = Math.max(...rows.flat().map((cell) => cell.length));
  return rows.map((row) => " ".repeat(indent) + row.map((cell) => cell.padStart(width)).join("  ")).join("\n");
}

export function numberMatrixLines(rows: readonly (readonly number[])[], indent = 4): string {
  return matrixLines(rows.map((row) => row.map(num)), indent);
}

/** An inclusive range of 0-based indices as `1–2` (or `3` for one index). */
export function span(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

/** The message parameters of one bin [r0, r1) × [c0, c1): its ranges and their lengths (for "row"/"rows"). */
export function binPlace(r0: number, r1: number, c0: number, c1: number) {
  return { rows: span(r0, r1 - 1), cols: span(c0, c1 - 1), rowCount: r1 - r0, colCount: c1 - c0 };
}

/** Half-open bins [start, end) as `1–2, 2–3`; an empty bin as its word. */
export function binList(bins: readonly (readonly [number, number])[], t: Translate): string {
  return bins.map(([start, end]) => (end > start ? span(start, end - 1) : t("hint.bin.empty"))).join(", ");
}
