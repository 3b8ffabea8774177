import { describe, expect, it } from "vitest";
import { windowMax, windowSum } from "../../src/engine/window.js";

// A 3×4 plane at offset 2 in its array: rows 5 1 5 0 / 2 5 3 5 / 0 0 0 0.
const data = Float64Array.from([9, 9, 5, 1, 5, 0, 2, 5, 3, 5, 0, 0, 0, 0]);

describe("window reductions", () => {
  it("windowMax gives the first maximum in row-major order on ties", () => {
    expect(windowMax(data, 2, 4, { rowStart: 0, rowEnd: 2, colStart: 0, colEnd: 4 })).toEqual({ value: 5, at: 0 });
    expect(windowMax(data, 2, 4, { rowStart: 0, rowEnd: 2, colStart: 1, colEnd: 4 })).toEqual({ value: 5, at: 2 });
    expect(windowMax(data, 2, 4, { rowStart: 1, rowEnd: 3, colStart: 1, colEnd: 2 })).toEqual({ value: 5, at: 5 });
  });

  it("windowMax of an empty window has no position", () => {
    expect(windowMax(data, 2, 4, { rowStart: 1, rowEnd: 1, colStart: 0, colEnd: 4 }).at).toBe(-1);
  });

  it("windowSum adds the window's cells only", () => {
    expect(windowSum(data, 2, 4, { rowStart: 0, rowEnd: 2, colStart: 1, colEnd: 3 })).toBe(1 + 5 + 5 + 3);
  });
});
