/** roi_pool: torchvision's values, half-away rounding, clipped and empty bins, several boxes, gradients, checks. */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { parseBox } from "../../../src/calculators/roi/index.js";
import { roiBackward, roiBins, roiForward, roundHalfAwayFromZero, setupRoi, type Box, type RoiOptions } from "../../../src/engine/roi-pool.js";
import { toNested, type Tensor } from "../../../src/engine/tensor.js";
import { parseMatrix } from "../../../src/io/parse.js";
import { runInProcess } from "../../helpers/cli.js";

const m = (text: string): Tensor => parseMatrix(text, "input");
/** The 5×5 map x[h][w] = 5h + w of SEMANTICS.md. */
const map5 = m("0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24");
const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });

function pooled(input: Tensor, boxes: Box[], options: RoiOptions) {
  return roiForward(setupRoi(input, boxes, options)).outputs.map(toNested);
}


describe("roundHalfAwayFromZero", () => {
  it.each([
    [0.5, 1], [1.5, 2], [2.5, 3], [-0.5, -1], [-2.5, -3], [1.4, 1], [-1.6, -2], [0, 0], [-0.2, 0],
  ])("%d → %d", (value, expected) => {
    expect(roundHalfAwayFromZero(value)).toBe(expected);
  });

  it("differs from Math.round for negative halves (-2.5 → -3, Math.round gives -2)", () => {
    expect(Math.round(-2.5)).toBe(-2);
    expect(roundHalfAwayFromZero(-2.5)).toBe(-3);
  });
});

describe("roi_pool forward", () => {
  it("map 5x5 box (1,1,7,5) scale 0.5 out 2x2: [[12,14],[17,19]] with overlapping row bins", () => {
    expect(pooled(map5, [box(1, 1, 7, 5)], { outputSize: [2, 2], scale: 0.5 })).toEqual([[[12, 14], [17, 19]]]);
    const setup = setupRoi(map5, [box(1, 1, 7, 5)], { outputSize: [2, 2], scale: 0.5 });
    expect(roiBins(setup)[0][0][0]).toEqual({ rows: [1, 3], cols: [1, 3] });
    expect(roiBins(setup)[0][1][0]).toEqual({ rows: [2, 4], cols: [1, 3] });
  });

  it("map 5x5 box (8,8,12,12) scale 0.5 out 2x2: empty bins give 0 → [[24,0],[0,0]]", () => {
    expect(pooled(map5, [box(8, 8, 12, 12)], { outputSize: [2, 2], scale: 0.5 })).toEqual([[[24, 0], [0, 0]]]);
  });

  it("map 5x5 box (0,0,4,4) scale 1 out 3x3: [[6,8,9],[16,18,19],[21,23,24]]", () => {
    expect(pooled(map5, [box(0, 0, 4, 4)], { outputSize: [3, 3] })).toEqual([[[6, 8, 9], [16, 18, 19], [21, 23, 24]]]);
  });

  it("negative corners (-1.5,-0.5,1,1) round away from zero to (-2,-1): bins clipped, first column bin empty", () => {
    const setup = setupRoi(map5, [box(-1.5, -0.5, 1, 1)], { outputSize: [2, 2] });
    expect([setup.regions[0].startCol, setup.regions[0].startRow]).toEqual([-2, -1]);
    expect(toNested(roiForward(setup).outputs[0])).toEqual([[0, 1], [0, 6]]);
  });

  it("x1 = x2 (a one-column box) is allowed: roi_w = max(0 + 1, 1) = 1", () => {
    expect(pooled(map5, [box(2, 0, 2, 4)], { outputSize: [1, 1] })).toEqual([[[22]]]);
  });

  it("tie in a bin: the first maximum in row-major order is the argmax", () => {
    const setup = setupRoi(m("7 1; 7 7"), [box(0, 0, 1, 1)], { outputSize: [1, 1] });
    expect(Array.from(roiForward(setup).argmax[0])).toEqual([0]);
  });

  it("two boxes: one output and one bin grid per box", () => {
    const setup = setupRoi(map5, [box(0, 0, 4, 4), box(1, 1, 2, 2)], { outputSize: [1, 1] });
    expect(roiForward(setup).outputs.map(toNested)).toEqual([[[24]], [[12]]]);
    expect(roiBins(setup)).toEqual([[[{ rows: [0, 5], cols: [0, 5] }]], [[{ rows: [1, 3], cols: [1, 3] }]]]);
  });

  it("C=2 map: each channel pooled over the same bins", () => {
    const input = parseMatrix("[[[1,2],[3,4]],[[8,7],[6,5]]]", "input");
    expect(pooled(input, [box(0, 0, 1, 1)], { outputSize: [1, 2] })).toEqual([[[[3, 4]], [[8, 7]]]]);
  });
});

describe("roi_pool backward", () => {
  it("overlapping bins share a maximum: its gradient is the sum of the four δ", () => {
    const input = m("0 0 0 0 0; 0 9 0 0 0; 0 0 0 0 0; 0 0 0 0 0; 0 0 0 0 0");
    const setup = setupRoi(input, [box(0, 0, 4, 4)], { outputSize: [3, 3] });
    const gradInput = toNested(roiBackward(setup, m("1 2 0; 3 4 0; 0 0 0")));
    expect((gradInput as number[][])[1][1]).toBe(10);
  });

  it("empty bins send no gradient (box (8,8,12,12) scale 0.5)", () => {
    const setup = setupRoi(map5, [box(8, 8, 12, 12)], { outputSize: [2, 2], scale: 0.5 });
    const gradInput = roiBackward(setup, m("1 2; 3 4"));
    expect(gradInput.data.reduce((a, b) => a + b, 0)).toBe(1);
    expect((toNested(gradInput) as number[][])[4][4]).toBe(1);
  });
});

describe("roi input checks", () => {
  it("throws when x2 < x1", () => {
    expectInputError(() => setupRoi(map5, [box(3, 0, 1, 2)], { outputSize: [1, 1] }), "box", "roi.boxReversed");
  });

  it("throws when y2 < y1", () => {
    expectInputError(() => setupRoi(map5, [box(0, 3, 1, 2)], { outputSize: [1, 1] }), "box", "roi.boxReversed");
  });

  it("throws when the box lands entirely outside the map (after scaling)", () => {
    expectInputError(() => setupRoi(map5, [box(12, 0, 20, 2)], { outputSize: [1, 1], scale: 0.5 }), "box", "roi.boxOutside");
    expectInputError(() => setupRoi(map5, [box(-5, -5, -2, -2)], { outputSize: [1, 1] }), "box", "roi.boxOutside");
  });

  it("throws when the scale is 0 or negative", () => {
    expectInputError(() => setupRoi(map5, [box(0, 0, 1, 1)], { outputSize: [1, 1], scale: 0 }), "scale", "roi.scaleBad");
    expectInputError(() => setupRoi(map5, [box(0, 0, 1, 1)], { outputSize: [1, 1], scale: -1 }), "scale", "roi.scaleBad");
  });

  it("throws when the output size is below 1", () => {
    expectInputError(() => setupRoi(map5, [box(0, 0, 1, 1)], { outputSize: [0, 2] }), "output", "pair.notPositive");
  });

  it("throws when no box is given", () => {
    expectInputError(() => setupRoi(map5, [], { outputSize: [1, 1] }), "box", "roi.noBox");
  });

  it("throws when the input is 1-D", () => {
    expectInputError(() => setupRoi(parseMatrix("[1,2]", "input"), [box(0, 0, 1, 1)], { outputSize: [1, 1] }), "input", "input.rank");
  });

  it("throws when a box has three numbers or a word", () => {
    expectInputError(() => parseBox("1,2,3"), "box", "roi.boxBad");
    expectInputError(() => parseBox("1,2,3,x"), "box", "roi.boxBad");
  });

  it("parses a box with spaces, negatives and fractions", () => {
    expect(parseBox("-1/2, 0 3 4.5")).toEqual({ x1: -0.5, y1: 0, x2: 3, y2: 4.5 });
  });

  it("throws when --grad is given with two boxes", () => {
    const setup = setupRoi(map5, [box(0, 0, 1, 1), box(1, 1, 2, 2)], { outputSize: [1, 1] });
    expectInputError(() => roiBackward(setup, m("1")), "grad", "roi.gradOneBox");
  });

  it("throws when the gradient has the wrong shape", () => {
    const setup = setupRoi(map5, [box(0, 0, 1, 1)], { outputSize: [2, 2] });
    expectInputError(() => roiBackward(setup, m("1 2")), "grad", "roi.gradShape");
  });
});

describe("roi human output", () => {
  it("box (1,1,7,5) scale 0.5: each corner rounded step by step, region, bins, picture, maxima", async () => {
    const result = await runInProcess(["roi", "--input", "0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24", "--box", "1,1,7,5", "--scale", "0.5", "--output", "2"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("x1·scale = 1·0.5 = 0.5 → 1");
    expect(result.stdout).toContain("y2·scale = 5·0.5 = 2.5 → 3");
    expect(result.stdout).toContain("Region: columns 1…4, rows 1…3");
    // Bin labels count from 1; the formula's i (like the map) from 0, and each line says which i it is.
    expect(result.stdout).toContain("Row bins, i = 0, 1, … (row bin i + 1): rows ⌊i·bin_h⌋ + 1 … ⌈(i+1)·bin_h⌉ + 1, clipped to [0, 5]");
    expect(result.stdout).toContain("row bin 2 (i = 1): [⌊1.5⌋ + 1, ⌈3⌉ + 1) = [2, 4)");
    expect(result.stdout).toContain("Each bin's maximum (first maximum on ties; positions (row, column) counted from 0, as on the map)");
    expect(result.stdout).toContain("row 2 is in row bins 1 and 2");
    expect(result.stdout).toContain("│  ← row bin 1,2");
    expect(result.stdout).toContain("2     10 │   11   [12] │   13   [14] │");
    expect(result.stdout).toContain("y22 = max over rows [2, 4), columns [3, 5) = max(13, 14, 18, 19) = 19  at (3, 4)");
  });

  it("box (8,8,12,12) scale 0.5: names the empty bins", async () => {
    const result = await runInProcess(["roi", "--input", "0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24", "--box", "8,8,12,12", "--scale", "1/2", "--output", "2x2"]);
    expect(result.stdout).toContain("y12 = empty bin (rows [4, 5), columns [5, 5)) → 0");
    expect(result.stdout).toContain("Part of the region lies outside the map");
  });
});
