/** Exam-style cell labels: a11, w12, s21 — with channels a[2]11 and indices past 9 as a(10,3). */

export function cellIndex(row: number, col: number): string {
  return row < 9 && col < 9 ? `${row + 1}${col + 1}` : `(${row + 1},${col + 1})`;
}

/** `prefix` then optional bracketed group (channel, or filter and channel) then the 1-based cell index. */
export function cellLabel(letter: string, group: readonly number[], row: number, col: number): string {
  const groupText = group.length > 0 ? `[${group.map((g) => g + 1).join(",")}]` : "";
  return `${letter}${groupText}${cellIndex(row, col)}`;
}

/** A (height, width) setting as exams write it: `2` when both agree, else `(2, 1)`. */
export function pairText([h, w]: readonly [number, number]): string {
  return h === w ? `${h}` : `(${h}, ${w})`;
}
