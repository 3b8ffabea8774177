/** The roi explanation as data: each axis's bin ranges (raw, clipped, empty), empty and filled bins, and the routed gradient. */
import { describe, expect, it } from "vitest";
import { setupRoi, type Box } from "../../../src/engine/roi-pool.js";
import type { Tensor } from "../../../src/engine/tensor.js";
import { explainRoi } from "../../../src/calculators/roi/explain.js";
import { parseMatrix } from "../../../src/io/parse.js";

const m = (text: string): Tensor => parseMatrix(text, "input");
/** The 5×5 map x[h][w] = 5h + w of SEMANTICS.md. */
const map5 = m("0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24");
const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });

describe("explainRoi: bin ranges", () => {
  it("box (8,8,12,12) scale 0.5, 2×2: region 4…6 (3 wide, bins of 1.5); bin 1 is clipped to [4,5), bin 2 to [5,5) (empty)", () => {
    const [explained] = explainRoi(setupRoi(map5, [box(8, 8, 12, 12)], { outputSize: [2, 2], scale: 0.5 })).boxes;
    const expected = [
      { lo: 0, hi: 1.5, rawStart: 4, rawEnd: 6, start: 4, end: 5, clipped: true, empty: false },
      { lo: 1.5, hi: 3, rawStart: 5, rawEnd: 7, start: 5, end: 5, clipped: true, empty: true },
    ];
    expect(explained.rowRanges).toEqual(expected);
    expect(explained.colRanges).toEqual(expected);
    expect(explained.clipped).toBe(true);
  });

  it("box (0,0,4,4) scale 1, 3×3: bins of 5/3 overlap and none is clipped", () => {
    const [explained] = explainRoi(setupRoi(map5, [box(0, 0, 4, 4)], { outputSize: [3, 3], scale: 1 })).boxes;
    expect(explained.rowRanges.map((range) => [range.rawStart, range.rawEnd, range.clipped])).toEqual([[0, 2, false], [1, 4, false], [3, 5, false]]);
    expect(explained.clipped).toBe(false);
  });
});

describe("explainRoi: bins", () => {
  it("box (8,8,12,12) scale 0.5: bin (0,0) holds 24 at (4,4); the three others are empty (no position)", () => {
    const [explained] = explainRoi(setupRoi(map5, [box(8, 8, 12, 12)], { outputSize: [2, 2], scale: 0.5 })).boxes;
    expect(explained.bins.map((bin) => bin.empty)).toEqual([false, true, true, true]);
    expect(explained.bins[0]).toMatchObject({ empty: false, value: 24, at: [4, 4], ties: 0 });
    expect("at" in explained.bins[1]).toBe(false);
  });

  it("a bin of equal values names its ties and its first maximum", () => {
    const [explained] = explainRoi(setupRoi(m("5 5; 5 5"), [box(0, 0, 1, 1)], { outputSize: [1, 1], scale: 1 })).boxes;
    expect(explained.bins[0]).toMatchObject({ empty: false, at: [0, 0], ties: 3 });
  });

  it("backward, box (1,1,7,5) scale 0.5 2×2, g=[[1,2],[3,4]]: each bin's maximum receives its g", () => {
    const explanation = explainRoi(setupRoi(map5, [box(1, 1, 7, 5)], { outputSize: [2, 2], scale: 0.5 }), m("1 2; 3 4"));
    const receivers = explanation.backward!.cells.filter((cell) => cell.terms.length > 0).map((cell) => [cell.row, cell.col, cell.value]);
    // Output [[12,14],[17,19]]: the maxima sit at (2,2), (2,4), (3,2), (3,4).
    expect(receivers).toEqual([[2, 2, 1], [2, 4, 2], [3, 2, 3], [3, 4, 4]]);
  });
});
