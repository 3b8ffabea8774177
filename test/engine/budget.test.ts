/**
 * The budget module: every limit accepts a problem at the limit and refuses one just above it, before
 * any work, with exit 2, one error line naming the option and the size, and a hint.
 */
import { describe, expect, it } from "vitest";
import { checkBudget, LIMITS, withinBudget, type Limit } from "../../src/engine/budget.js";
import type { BudgetLimit } from "../../src/engine/errors.js";
import { setupConv, convBackward } from "../../src/engine/conv2d.js";
import { setupPool } from "../../src/engine/pool2d.js";
import { parseLayers, receptiveField, fieldPixels } from "../../src/engine/receptive-field.js";
import { setupRoi } from "../../src/engine/roi-pool.js";
import { setupSpp, sppForward } from "../../src/engine/spp.js";
import { tensor } from "../../src/engine/tensor.js";
import { parseMatrix } from "../../src/io/parse.js";
import { runInProcess } from "../helpers/cli.js";
import { inputErrorOf } from "../helpers/errors.js";

describe("checkBudget", () => {
  // The problem count and the seed are bounds read where those values are parsed, with errors of their own.
  const limits = (Object.keys(LIMITS) as Limit[]).filter((limit): limit is BudgetLimit => limit !== "problems" && limit !== "seed");

  it.each(limits)("%s: accepts the limit itself", (limit) => {
    expect(() => checkBudget(limit, LIMITS[limit], "input")).not.toThrow();
    expect(withinBudget(limit, LIMITS[limit])).toBe(true);
  });

  it.each(limits)("%s: throws one above the limit, naming the option, the size and a hint", (limit) => {
    const error = inputErrorOf(() => checkBudget(limit, LIMITS[limit] + 1, "kernel"));
    expect(error.argument).toBe("kernel");
    expect(error.code).toBe(`budget.${limit}`);
    expect(error.hintCode).toBe(`budget.${limit}Hint`);
    expect(error.params).toMatchObject({ size: String(LIMITS[limit] + 1), limit: LIMITS[limit] });
    expect(withinBudget(limit, LIMITS[limit] + 1)).toBe(false);
  });

  it("throws for a size that is not a number (NaN never slips through a comparison)", () => {
    expect(inputErrorOf(() => checkBudget("work", Number.NaN, "padding")).code).toBe("budget.work");
  });

  it("shows a size past 2^53 in exponent form, not as a rounded integer", () => {
    expect(inputErrorOf(() => checkBudget("work", 1e300, "padding")).params.size).toBe("1.00e+300");
  });

  it("admits a 1024×1024 map with its gradient and a 3×3 kernel (the largest exam-sized problem)", () => {
    const setup = setupConv(tensor([1024, 1024]), tensor([3, 3]));
    expect(() => convBackward(setup, tensor([1022, 1022]))).not.toThrow();
  });
});

describe("budget limits in the engine, at the limit and just above", () => {
  // Kernel 32×64 (2^11 taps) over a 256×256 output (2^16 cells) is exactly 2^27 multiply-adds.
  it("conv work x=287x319 k=32x64: exactly the limit is accepted", () => {
    const setup = setupConv(tensor([256 + 31, 256 + 63]), tensor([32, 64]));
    expect(setup.outputHeight * setup.outputWidth * 32 * 64).toBe(LIMITS.work);
  });

  it("throws when conv work is one output row above the limit (x=288x319 k=32x64)", () => {
    const error = inputErrorOf(() => setupConv(tensor([256 + 32, 256 + 63]), tensor([32, 64])));
    expect([error.argument, error.code]).toEqual(["kernel", "budget.work"]);
  });

  it("throws when conv inputs together pass the element limit (input + kernel + grad)", () => {
    const setup = setupConv(tensor([2048, 1024]), tensor([1, 1]));
    const error = inputErrorOf(() => convBackward(setup, tensor([2048, 1024])));
    expect([error.argument, error.code]).toEqual(["grad", "budget.elements"]);
  });

  it("throws when conv padding makes the output too large, naming --padding", () => {
    const error = inputErrorOf(() => setupConv(tensor([1, 1]), tensor([1, 1]), { padding: [1024, 1024] }));
    expect([error.argument, error.code]).toEqual(["padding", "budget.outputElements"]);
  });

  it("pool work x=64x64 size=32 stride=1: 33²·32² = 1,115,136 reads is accepted; size=64 stride=1 on 2048×2048 throws naming --size", () => {
    expect(() => setupPool(tensor([64, 64]), { size: [32, 32], stride: [1, 1] })).not.toThrow();
    const error = inputErrorOf(() => setupPool(tensor([2048, 2048]), { size: [64, 64], stride: [1, 1] }));
    expect([error.argument, error.code]).toEqual(["size", "budget.work"]);
  });

  it("max pool x=1024x1024 size=1: 2^20 listed windows is the limit; x=1024x1025 throws naming --stride; avg pool has no such limit", () => {
    expect(() => setupPool(tensor([1024, 1024]), { size: [1, 1] })).not.toThrow();
    const error = inputErrorOf(() => setupPool(tensor([1024, 1025]), { size: [1, 1] }));
    expect([error.argument, error.code]).toEqual(["stride", "budget.listedWindows"]);
    expect(() => setupPool(tensor([1024, 1025]), { size: [1, 1], type: "avg" })).not.toThrow();
  });

  it("roi output=256: 65,536 listed bins is the limit; 256x257 throws naming --output", () => {
    const box = { x1: 0, y1: 0, x2: 1, y2: 1 };
    expect(() => setupRoi(tensor([2, 2]), [box], { outputSize: [256, 256] })).not.toThrow();
    const error = inputErrorOf(() => setupRoi(tensor([2, 2]), [box], { outputSize: [256, 257] }));
    expect([error.argument, error.code]).toEqual(["output", "budget.listedBins"]);
  });

  it("spp levels=256 on 256×256: 65,536 bins is accepted and computed (no stack overflow); one bin more throws", () => {
    const result = sppForward(setupSpp(tensor([256, 256]), { levels: [256] }));
    expect(result.vector.length).toBe(65536);
    const error = inputErrorOf(() => setupSpp(tensor([256, 256]), { levels: [256, 1] }));
    expect([error.argument, error.code]).toEqual(["levels", "budget.listedBins"]);
  });

  it("spp levels=200000 on 1×1 is refused before any bin is built", () => {
    const error = inputErrorOf(() => setupSpp(tensor([1, 1]), { levels: Array.from({ length: 200_000 }, () => 1) }));
    expect(error.code).toBe("budget.listedBins");
  });

  it("rf: 1000 layers are accepted, 1001 throw naming --layers", () => {
    expect(parseLayers(Array(1000).fill("conv3").join(","))).toHaveLength(1000);
    const error = inputErrorOf(() => parseLayers(Array(1001).fill("conv3").join(",")));
    expect([error.argument, error.code, error.params.size]).toEqual(["layers", "budget.layers", "1001"]);
  });

  it.each(["conv4097", "conv3d4097", "conv3p4097", "pool4097", "tconv4s4097", "tconv3s4o4097"])("throws when rf layer %s has a value above 4096", (token) => {
    const error = inputErrorOf(() => parseLayers(token));
    expect([error.argument, error.code]).toEqual(["layers", "budget.layerValue"]);
  });

  it("rf conv4096d4096 (each value at the limit) is accepted", () => {
    expect(receptiveField(parseLayers("conv4096d4096")).receptiveField).toBe(4095 * 4096 + 1);
  });

  it("throws when finding the field of a unit would take too many steps (n=30, 1000 × conv4096p4096)", () => {
    const stack = receptiveField(parseLayers(Array(1000).fill("conv4096p4096").join(",")), 30);
    expect(inputErrorOf(() => fieldPixels(stack, 0)).code).toBe("budget.fieldTaps");
  });

  it("a matrix of 2^22 numbers parses; one more number throws", () => {
    const row = "1 ".repeat(1024);
    const rows = Array(4096).fill(row).join("\n");
    expect(parseMatrix(rows, "input").data.length).toBe(LIMITS.elements);
    expect(inputErrorOf(() => parseMatrix(`${rows}\n${row}`, "input")).code).toBe("input.tooLarge");
  });
});

describe("budget limits for counts and seeds, at the limit and just above (through the CLI)", () => {
  it("exam --count 100 is accepted, 101 is exit 2 with a hint", async () => {
    expect((await runInProcess(["exam", "--count", String(LIMITS.problems), "--seed", "1"])).exitCode).toBe(0);
    const { stderr, exitCode } = await runInProcess(["exam", "--count", String(LIMITS.problems + 1), "--seed", "1"]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error: --count: .*\nhint: .*\n$/);
  });

  it("problem conv.forward@<largest seed> is accepted, one more is exit 2 with a hint", async () => {
    expect((await runInProcess(["problem", `conv.forward@${LIMITS.seed}`, "--json"])).exitCode).toBe(0);
    const { stderr, exitCode } = await runInProcess(["problem", `conv.forward@${LIMITS.seed + 1}`]);
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/^error: .*\nhint: .*\n$/);
  });
});

describe("budget errors through the CLI: exit 2, one error line naming the option, a hint", () => {
  const cases: [string, string[], string][] = [
    ["conv work", ["conv", "--input", "1", "--kernel", Array(64).fill(Array(64).fill(1).join(" ")).join(";"), "--padding", "1000"], "--kernel: the computation would take"],
    ["pool work", ["pool", "--input", Array(300).fill(Array(300).fill(1).join(" ")).join(";"), "--size", "150", "--stride", "1"], "--size: the computation would take"],
    ["roi output", ["roi", "--input", "1 2; 3 4", "--box", "0,0,1,1", "--output", "2000", "--json"], "--output: the answer would list 4000000 bins"],
    ["rf layers", ["rf", "--layers", Array(1001).fill("conv3").join(",")], "--layers: has 1001 layers"],
    ["rf dilation", ["rf", "--layers", "conv3d100000"], "--layers: layer 1 (conv3d100000): 100000 is more than the limit of 4096"],
  ];

  it.each(cases)("%s", async (_name, args, message) => {
    for (const lang of ["en", "ko"]) {
      const { stdout, stderr, exitCode } = await runInProcess([...args, "--lang", lang]);
      expect(exitCode).toBe(2);
      expect(stdout).toBe("");
      const lines = stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(lang === "en" ? /^error: / : /^오류: /);
      expect(lines[1]).toMatch(lang === "en" ? /^hint: / : /^도움말: /);
      if (lang === "en") expect(lines[0]).toContain(message);
    }
  });
});
