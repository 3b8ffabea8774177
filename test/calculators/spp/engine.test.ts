/** Spatial pyramid pooling: adaptive bins (PyTorch), the paper's window/stride, vector order and length, checks. */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { adaptiveAxis, sppBins, sppForward, sppnetAxis, setupSpp, type SppOptions } from "../../../src/engine/spp.js";
import { tensor, toNested, type Tensor } from "../../../src/engine/tensor.js";
import { parseMatrix } from "../../../src/io/parse.js";
import { runInProcess } from "../../helpers/cli.js";

const m = (text: string): Tensor => parseMatrix(text, "input");
const oneTo16 = m("1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16");


function ramp(shape: number[]): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return tensor(shape, Float64Array.from({ length: size }, (_, i) => (i * 7) % 11));
}

describe("spp adaptive (PyTorch adaptive pooling)", () => {
  it("x=4x4 levels 1,2 max: vector [16, 6, 8, 14, 16]", () => {
    const result = sppForward(setupSpp(oneTo16, { levels: [1, 2] }));
    expect(result.vector).toEqual([16, 6, 8, 14, 16]);
    expect(result.length).toBe(5);
  });

  it("x=4x4 levels 2 avg: [[3.5,5.5],[11.5,13.5]]", () => {
    const result = sppForward(setupSpp(oneTo16, { levels: [2], type: "avg" }));
    expect(toNested(result.levels[0].output)).toEqual([[3.5, 5.5], [11.5, 13.5]]);
  });

  it("a=5 n=2: bins [0,3) and [2,5) overlap", () => {
    expect(adaptiveAxis(5, 2).bins).toEqual([[0, 3], [2, 5]]);
  });

  it("C=2 x=2x2 levels 1,2: vector channel-major then row-major per level, levels concatenated", () => {
    const input = parseMatrix("[[[1,2],[3,4]],[[10,20],[30,40]]]", "input");
    const result = sppForward(setupSpp(input, { levels: [1, 2] }));
    expect(result.vector).toEqual([4, 40, 1, 2, 3, 4, 10, 20, 30, 40]);
    expect(result.length).toBe(2 * (1 + 4));
  });

  it.each([[6, 6], [7, 9], [13, 13], [20, 11], [32, 32]])("length is C·Σn² = 3·21 = 63 for a %ix%i map (levels 1,2,4)", (h, w) => {
    const result = sppForward(setupSpp(ramp([3, h, w]), { levels: [1, 2, 4] }));
    expect(result.length).toBe(63);
    expect(result.vector.length).toBe(63);
  });

  it("JSON bins: one n×n grid of {rows, cols} per level", () => {
    const bins = sppBins(setupSpp(oneTo16, { levels: [1, 2] }));
    expect(bins[0]).toEqual([[{ rows: [0, 4], cols: [0, 4] }]]);
    expect(bins[1][1][0]).toEqual({ rows: [2, 4], cols: [0, 2] });
  });
});

describe("spp paper (§2.3 window ⌈a/n⌉, stride ⌊a/n⌋) vs adaptive", () => {
  it("a=13: the paper's windows equal the adaptive bins for n = 6, 3, 2, 1", () => {
    for (const n of [6, 3, 2, 1]) expect(sppnetAxis(13, n).bins).toEqual(adaptiveAxis(13, n).bins);
  });

  it("a=5 n=3: the paper gives 4 windows, adaptive gives 3", () => {
    expect(sppnetAxis(5, 3).bins).toEqual([[0, 2], [1, 3], [2, 4], [3, 5]]);
    expect(adaptiveAxis(5, 3).bins).toHaveLength(3);
  });

  it("a=7 n=4: the paper gives 6 windows", () => {
    expect(sppnetAxis(7, 4).bins).toHaveLength(6);
  });

  it("a=10 n=4: the paper's 4 windows never pool the last column", () => {
    const axis = sppnetAxis(10, 4);
    expect(axis.bins).toEqual([[0, 3], [2, 5], [4, 7], [6, 9]]);
    expect(axis.uncovered).toBe(1);
  });

  it("x=5x5 level 3 sppnet: a 4×4 level, so length 16, not C·Σn² = 9", () => {
    const result = sppForward(setupSpp(ramp([5, 5]), { levels: [3], method: "sppnet" }));
    expect(result.levels[0].output.shape).toEqual([4, 4]);
    expect(result.length).toBe(16);
    expect(result.expectedLength).toBe(9);
  });
});

describe("spp input checks", () => {
  const options = (levels: number[]): SppOptions => ({ levels });
  it("throws when a level is larger than the map (n=5 on 4x4)", () => {
    expectInputError(() => setupSpp(oneTo16, options([1, 5])), "levels", "spp.levelTooLarge");
  });

  it("throws when a level is larger than one side only (n=3 on 2x8)", () => {
    expectInputError(() => setupSpp(ramp([2, 8]), options([3])), "levels", "spp.levelTooLarge");
  });

  it("throws when a level larger than the map is asked with --method sppnet", () => {
    expectInputError(() => setupSpp(oneTo16, { levels: [5], method: "sppnet" }), "levels", "spp.levelTooLarge");
  });

  it("throws when a level is 0 or not whole", () => {
    expectInputError(() => setupSpp(oneTo16, options([0])), "levels", "spp.levelBad");
    expectInputError(() => setupSpp(oneTo16, options([1.5])), "levels", "spp.levelBad");
  });

  it("throws when no level is given", () => {
    expectInputError(() => setupSpp(oneTo16, options([])), "levels", "spp.noLevels");
  });

  it("throws when the input is 1-D", () => {
    expectInputError(() => setupSpp(parseMatrix("[1,2,3]", "input"), options([1])), "input", "input.rank");
  });

  it("throws when --method is unknown (exit 2)", async () => {
    const result = await runInProcess(["spp", "--input", "1 2; 3 4", "--levels", "1", "--method", "pyramid"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("error: --method: \"pyramid\" is not one of adaptive, sppnet\nhint: give one of these words exactly: adaptive, sppnet\n");
  });
});

describe("spp human output", () => {
  it("x=4x8 levels 1,2,4: bins, pooled grids, and the length worked out", async () => {
    const result = await runInProcess(["spp", "--input", "8 0 1 5 5 5 8 0; 5 9 1 7 1 8 7 5; 8 8 0 2 5 5 3 2; 9 2 9 1 6 5 8 6", "--levels", "1,2,4"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("columns (a = 8): bin i = [⌊i·8/4⌋, ⌈(i+1)·8/4⌉): [0, 2) [2, 4) [4, 6) [6, 8)");
    expect(result.stdout).toContain("Pooled 2×2\n9  8\n9  8");
    expect(result.stdout).toContain("length = C·Σn² = 1·(1² + 2² + 4²) = 1·21 = 21");
    expect(result.stdout).toContain("This length does not depend on the input size");
  });

  it("x=5x5 level 3 --method sppnet: says it gives 4×4 bins and why", async () => {
    const result = await runInProcess(["spp", "--input", "1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25", "--levels", "3", "--method", "sppnet"]);
    expect(result.stdout).toContain("window ⌈5/3⌉ = 2, stride ⌊5/3⌋ = 1 → ⌊(5 − 2) / 1⌋ + 1 = 4 bins");
    expect(result.stdout).toContain("The paper's window and stride give 4×4 bins here, not 3×3");
    expect(result.stdout).toContain("length = 1·(4·4) = 16, not C·Σn² = 9");
  });

  it("tie x=4x4 level 1: the first 9 in row-major order (1,1) is chosen and the tie is named", async () => {
    const result = await runInProcess(["spp", "--input", "8 0 1 5; 5 9 1 7; 8 8 0 2; 9 2 9 1", "--levels", "1"]);
    expect(result.stdout).toContain("y11 = max over rows [0, 4), columns [0, 4) = 9  at (1, 1)  (tie: 2 other cells hold the same value");
  });

  it("x=4x10 level 4 --method sppnet: names the column never pooled", async () => {
    const rows = Array.from({ length: 4 }, () => "1 2 3 4 5 6 7 8 9 10").join("; ");
    const result = await runInProcess(["spp", "--input", rows, "--levels", "4", "--method", "sppnet", "--type", "avg"]);
    expect(result.stdout).toContain("column 9 is never pooled: the last window ends before it");
  });
});
