/** Worked or summarised: each calculator's explain decides, and the decision flips exactly at its limit. */
import { describe, expect, it } from "vitest";
import { setupConv } from "../../src/engine/conv2d.js";
import { setupPool } from "../../src/engine/pool2d.js";
import { setupRoi } from "../../src/engine/roi-pool.js";
import { setupSpp } from "../../src/engine/spp.js";
import { tensor, type Tensor } from "../../src/engine/tensor.js";
import { fitsOnScreen, GRID_LIMIT } from "../../src/engine/worked-limits.js";
import { fitsWorkedAnswer, WORKED_LIMIT } from "../../src/calculators/conv/explain.js";
import { fitsPoolWorkedAnswer, POOL_WORKED_LIMIT } from "../../src/calculators/pool/explain.js";
import { fitsRoiWorkedAnswer, ROI_WORKED_LIMIT } from "../../src/calculators/roi/explain.js";
import { fitsSppWorkedAnswer, SPP_WORKED_LIMIT } from "../../src/calculators/spp/explain.js";

/** A map of the given shape, values 0, 1, 2, … */
const map = (...shape: number[]): Tensor => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => k % 10));

describe("the screen's grid limit", () => {
  it("16×16 fits, 17 rows or 17 columns do not", () => {
    expect(GRID_LIMIT).toEqual({ rows: 16, cols: 16 });
    expect(fitsOnScreen(16, 16)).toBe(true);
    expect(fitsOnScreen(17, 16)).toBe(false);
    expect(fitsOnScreen(16, 17)).toBe(false);
  });
});

describe("conv: at most 64 output cells and 256 input cells", () => {
  it("states its limit", () => expect(WORKED_LIMIT).toEqual({ outputCells: 64, inputCells: 256 }));
  it.each([
    ["8×8 input, 1×1 kernel: 64 outputs", [8, 8], [1, 1], true],
    ["8×9 input, 1×1 kernel: 72 outputs", [8, 9], [1, 1], false],
    ["16×16 input, 9×9 kernel: 64 outputs, 256 inputs", [16, 16], [9, 9], true],
    ["16×17 input, 9×10 kernel: 64 outputs, 272 inputs", [16, 17], [9, 10], false],
  ])("%s → worked %s", (_name, input, kernel, worked) => {
    expect(fitsWorkedAnswer(setupConv(map(...input), map(...kernel)))).toBe(worked);
  });
});

describe("pool: at most 64 windows and 256 input cells", () => {
  it("states its limit", () => expect(POOL_WORKED_LIMIT).toEqual({ windows: 64, inputCells: 256 }));
  it.each([
    ["8×8, k=1: 64 windows", [8, 8], 1, true],
    ["8×9, k=1: 72 windows", [8, 9], 1, false],
    ["2×4×8, k=1: 64 windows over 2 channels", [2, 4, 8], 1, true],
    ["2×4×9, k=1: 72 windows over 2 channels", [2, 4, 9], 1, false],
    ["16×16, k=2: 64 windows, 256 cells", [16, 16], 2, true],
    ["16×17, k=2: 64 windows, 272 cells", [16, 17], 2, false],
  ])("%s → worked %s", (_name, input, k, worked) => {
    expect(fitsPoolWorkedAnswer(setupPool(map(...input), { type: "max", size: [k, k] }))).toBe(worked);
  });
});

describe("roi: at most 64 bins (boxes × channels × bins), 256 map cells, and a map that fits on screen", () => {
  const box = { x1: 0, y1: 0, x2: 7, y2: 7 };
  it("states its limit", () => expect(ROI_WORKED_LIMIT).toEqual({ bins: 64, mapCells: 256 }));
  it.each([
    ["16×16 map, one box, 8×8 bins: 64", [16, 16], 1, 8, true],
    ["16×16 map, two boxes, 8×8 bins: 128", [16, 16], 2, 8, false],
    ["2×8×16 map, 4×8 bins per channel: 64, 256 cells", [2, 8, 16], 1, [4, 8], true],
    ["2×9×16 map: 288 cells", [2, 9, 16], 1, [4, 8], false],
    ["1×17 map: 17 cells but 17 columns (off screen)", [1, 17], 1, 1, false],
  ])("%s → worked %s", (_name, input, boxes, size, worked) => {
    const outputSize: [number, number] = typeof size === "number" ? [size, size] : [size[0], size[1]];
    const setup = setupRoi(map(...input), Array.from({ length: boxes }, () => box), { outputSize, scale: 1 });
    expect(fitsRoiWorkedAnswer(setup)).toBe(worked);
  });
});

describe("spp: at most 128 bins in all, 256 map cells, and a map that fits on screen", () => {
  it("states its limit", () => expect(SPP_WORKED_LIMIT).toEqual({ bins: 128, mapCells: 256 }));
  it.each([
    ["16×16, levels 8,8: 128 bins", [16, 16], [8, 8], true],
    ["16×16, levels 8,8,1: 129 bins", [16, 16], [8, 8, 1], false],
    ["2×8×16, level 8: 128 bins, 256 cells", [2, 8, 16], [8], true],
    ["2×9×16, level 1: 288 cells", [2, 9, 16], [1], false],
    ["1×17, level 1: 17 columns (off screen)", [1, 17], [1], false],
  ])("%s → worked %s", (_name, input, levels, worked) => {
    expect(fitsSppWorkedAnswer(setupSpp(map(...input), { levels, type: "max", method: "adaptive" }))).toBe(worked);
  });
});
