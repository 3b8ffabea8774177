/**
 * Reductions over one rectangular window of an H×W plane, shared by max/avg pooling, RoI pooling
 * and spatial pyramid pooling. Windows are half-open and already clipped to the plane.
 */

/** A window's rows [rowStart, rowEnd) and columns [colStart, colEnd). */
export interface Window {
  rowStart: number;
  rowEnd: number;
  colStart: number;
  colEnd: number;
}

/**
 * The maximum and its flat index r·W + c within the plane. The scan is row-major and a cell
 * replaces the running maximum only when strictly greater, so ties go to the first maximum, as in
 * PyTorch. An empty window gives index −1.
 */
export function windowMax(data: Float64Array, planeOffset: number, width: number, window: Window): { value: number; at: number } {
  let value = -Infinity;
  let at = -1;
  for (let r = window.rowStart; r < window.rowEnd; r++) {
    const row = planeOffset + r * width;
    for (let q = window.colStart; q < window.colEnd; q++) {
      if (data[row + q] > value) {
        value = data[row + q];
        at = r * width + q;
      }
    }
  }
  return { value, at };
}

export function windowSum(data: Float64Array, planeOffset: number, width: number, window: Window): number {
  let total = 0;
  for (let r = window.rowStart; r < window.rowEnd; r++) {
    const row = planeOffset + r * width;
    for (let q = window.colStart; q < window.colEnd; q++) total += data[row + q];
  }
  return total;
}
