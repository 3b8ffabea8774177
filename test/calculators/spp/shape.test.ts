/**
 * `cnn-drill spp --shape C,H,W`: the bins and the vector's length from the map's shape alone. Every
 * spp --shape reference case (PyTorch, test/fixtures/torch-cases-round2.json) through the built command;
 * the worked answer in both languages; every input check.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engineAdapters } from "../../engine-adapters/index.js";
import { firstDifference, runBuilt, runInProcess } from "../../helpers/cli.js";

interface TorchCase {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

const SHAPE_CASES = (JSON.parse(readFileSync(new URL("../../fixtures/torch-cases-round2.json", import.meta.url), "utf8")) as TorchCase[])
  .filter((c) => c.args[0] === "spp" && c.args.includes("--shape"));

describe(`spp --shape reference cases (${SHAPE_CASES.length})`, () => {
  it("are there, and include 256×13×13 with levels 1,2,4 → 5,376", () => {
    expect(SHAPE_CASES.length).toBeGreaterThanOrEqual(20);
    expect(SHAPE_CASES.find((c) => c.args.join(" ") === "spp --shape 256,13,13 --levels 1,2,4")?.expect.length).toBe(5376);
  });

  it.each(SHAPE_CASES.map((c) => [c.name, c.args.join(" "), c] as const))("%s through the engine adapter: %s", (_name, _args, testCase) => {
    const actual = engineAdapters.spp(testCase.args.slice(1));
    for (const [key, value] of Object.entries(testCase.expect)) expect(firstDifference(actual[key], value), key).toBeUndefined();
  });

  it.each(SHAPE_CASES.map((c) => [c.name, c.args.join(" "), c] as const))("%s through the built command: %s --json", (_name, _args, testCase) => {
    const result = runBuilt([...testCase.args, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    for (const [key, value] of Object.entries(testCase.expect)) expect(firstDifference(json[key], value), key).toBeUndefined();
    expect(json).not.toHaveProperty("vector");
    for (const level of json.levels) expect(Object.keys(level).sort()).toEqual(["bins", "n"]);
  });
});

describe("spp --shape JSON", () => {
  it("256,13,13 levels 1,2,4: levels with n and bins, length 5376, no output and no vector", async () => {
    const result = await runInProcess(["spp", "--shape", "256,13,13", "--levels", "1,2,4", "--json"]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.length).toBe(5376);
    expect(json.levels.map((level: { n: number }) => level.n)).toEqual([1, 2, 4]);
    expect(json.levels[1].bins).toEqual([
      [{ rows: [0, 7], cols: [0, 7] }, { rows: [0, 7], cols: [6, 13] }],
      [{ rows: [6, 13], cols: [0, 7] }, { rows: [6, 13], cols: [6, 13] }],
    ]);
    expect(json).not.toHaveProperty("vector");
    expect(json.levels[0]).not.toHaveProperty("output");
  });

  it("the same levels and bins as pooling a map of that shape, and the same length", async () => {
    const map = "[[[1,2,3,4,5],[6,7,8,9,10],[1,0,1,0,1]],[[2,2,2,2,2],[0,1,0,1,0],[5,4,3,2,1]]]";
    for (const method of ["adaptive", "sppnet"]) {
      const pooled = JSON.parse((await runInProcess(["spp", "--input", map, "--levels", "1,2,3", "--method", method, "--json"])).stdout);
      const counted = JSON.parse((await runInProcess(["spp", "--shape", "2,3,5", "--levels", "1,2,3", "--method", method, "--json"])).stdout);
      expect(counted.length, method).toBe(pooled.length);
      expect(counted.levels, method).toEqual(pooled.levels.map(({ n, bins }: { n: number; bins: unknown }) => ({ n, bins })));
    }
  });
});

describe("spp --shape worked answer (built)", () => {
  it("English: each level's bins, the table of n, n² and C·n², the total", () => {
    const result = runBuilt(["spp", "--shape", "256,13,13", "--levels", "1,2,4"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Input: a 13×13 map, 256 channels (C = 256); nothing is pooled, only counted");
    expect(result.stdout).toContain("rows (a = 13): bin i = [⌊i·13/4⌋, ⌈(i+1)·13/4⌉): [0, 4) [3, 7) [6, 10) [9, 13)");
    expect(result.stdout).toMatch(/│ +2 │ 2² = 4 +│ 256·4 = 1024 +│/);
    expect(result.stdout).toMatch(/│ +4 │ 4² = 16 +│ 256·16 = 4096 +│/);
    expect(result.stdout).toContain("length = C·Σn² = 256·(1² + 2² + 4²) = 256·21 = 5376");
  });

  it("Korean: the same numbers in Korean words", () => {
    const result = runBuilt(["spp", "--shape", "256,13,13", "--levels", "1,2,4", "--lang", "ko"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("입력: 13×13 맵, 채널 256개 (C = 256). 풀링은 하지 않고 개수만 셉니다");
    expect(result.stdout).toContain("길이 = C·Σn² = 256·(1² + 2² + 4²) = 256·21 = 5376");
    expect(result.stdout).toMatch(/│ +레벨 n │ 구간 n² +│ 숫자 C·n² +│/);
  });

  it("the paper's windows: a level whose bins are not n² says so, and the length is not C·Σn²", () => {
    const result = runBuilt(["spp", "--shape", "2,7,7", "--levels", "4,1", "--method", "sppnet"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/│ +4 │ 6×6 = 36 \(not 4²\) │ 2·36 = 72 +│/);
    expect(result.stdout).toContain("length = 2·(6·6 + 1·1) = 74, not C·Σn² = 34");
  });

  it("an H,W shape is one channel", async () => {
    const result = await runInProcess(["spp", "--shape", "5,6", "--levels", "1,2"]);
    expect(result.stdout).toContain("Input: a 5×6 map, 1 channel (C = 1)");
    expect(result.stdout).toContain("length = C·Σn² = 1·(1² + 2²) = 1·5 = 5");
  });

  it("more than 16 bins on an axis are listed by their first and last ones", async () => {
    const result = await runInProcess(["spp", "--shape", "1,40,40", "--levels", "20"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("rows (a = 40): bin i = [⌊i·40/20⌋, ⌈(i+1)·40/20⌉): [0, 2) [2, 4) [4, 6) … [36, 38) [38, 40)");
  });
});

describe("spp --shape input checks (exit 2, one error line and a hint, nothing on stdout)", () => {
  it.each([
    ["throws when --shape and --input are both given", ["--shape", "1,4,4", "--input", "1 2; 3 4", "--levels", "1"], "error: --shape: cannot be used with --input"],
    ["throws when neither --shape nor --input is given", ["--levels", "1,2"], "error: no map given: --input (the map) or --shape (its shape alone) is needed"],
    ["throws when the shape is not numbers split by commas", ["--shape", "256x13x13", "--levels", "1"], "error: --shape: expected C,H,W (or H,W) with whole numbers of at least 1, got \"256x13x13\""],
    ["throws when a size is 0", ["--shape", "0,13,13", "--levels", "1"], "error: --shape: expected C,H,W (or H,W) with whole numbers of at least 1, got \"0,13,13\""],
    ["throws when a size is a fraction", ["--shape", "1,2.5,3", "--levels", "1"], "error: --shape: expected C,H,W (or H,W) with whole numbers of at least 1, got \"1,2.5,3\""],
    ["throws when a size is too large to count exactly", ["--shape", "99999999999999999999,3,3", "--levels", "1"], "error: --shape: expected C,H,W (or H,W) with whole numbers of at least 1, got \"99999999999999999999,3,3\""],
    ["throws when the shape has four sizes", ["--shape", "1,2,3,4", "--levels", "1"], "error: --shape: expected C,H,W (or H,W) with whole numbers of at least 1, got \"1,2,3,4\""],
    ["throws when the shape has one size", ["--shape", "13", "--levels", "1"], "error: --shape: expected C,H,W (or H,W) with whole numbers of at least 1, got \"13\""],
    ["throws when a level is larger than the map", ["--shape", "1,3,3", "--levels", "4"], "error: --levels: level 4 asks for 4×4 bins but the map is only 3×3"],
    ["throws when a level is 0", ["--shape", "1,3,3", "--levels", "0"], "error: --levels: level 0 is not a whole number of at least 1"],
    ["throws when the levels make too many bins to list", ["--shape", "1,1000,1000", "--levels", "300"], "error: --levels: these levels make 90000 bins, more than the 65536 that can be listed"],
  ])("%s", (_name, args, firstLine) => {
    const result = runBuilt(["spp", ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(firstLine);
    expect(lines[1]).toMatch(/^hint: /);
  });

  it.each([
    [["--shape", "1,4,4", "--input", "1 2; 3 4", "--levels", "1"], "오류: --shape: --input 과 함께 쓸 수 없습니다"],
    [["--levels", "1,2"], "오류: 맵이 없습니다: --input(맵) 또는 --shape(맵의 크기)가 필요합니다"],
    [["--shape", "256x13", "--levels", "1"], "오류: --shape: C,H,W (또는 H,W) 형태의 1 이상의 정수여야 하는데 \"256x13\"입니다"],
  ])("in Korean: %j", async (args, firstLine) => {
    const result = await runInProcess(["spp", ...args, "--lang", "ko"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(firstLine);
    expect(result.stderr.split("\n")[1]).toMatch(/^도움말: /);
  });
});
