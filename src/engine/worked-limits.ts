/**
 * How large a map a worked answer draws cell by cell: larger ones are summarised. The calculators'
 * explanations decide "worked or summarised" with it (their own limits sit in their explain.ts), and
 * the render kit shows a summary's tensor as a grid only within it.
 */

/** A map drawn as a grid: at most 16×16, what stays readable in a terminal. */
export const GRID_LIMIT = { rows: 16, cols: 16 } as const;

export function fitsOnScreen(rows: number, cols: number): boolean {
  return rows <= GRID_LIMIT.rows && cols <= GRID_LIMIT.cols;
}
