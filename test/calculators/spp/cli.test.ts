/** End to end: the built `cnn-drill spp` — stdout, stderr and exit code. Run `npm run build` first. */
import { describe, expect, it } from "vitest";
import { runBuilt } from "../../helpers/cli.js";

describe("cnn-drill spp (built)", () => {
  it("levels 1,2 --json: levels with n/output/bins, vector, length", () => {
    const result = runBuilt(["spp", "--input", "1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16", "--levels", "1,2", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.vector).toEqual([16, 6, 8, 14, 16]);
    expect(json.length).toBe(5);
    expect(json.levels[0]).toEqual({ n: 1, output: [[16]], bins: [[{ rows: [0, 4], cols: [0, 4] }]] });
    expect(json.levels[1].n).toBe(2);
    expect(json.levels[1].output).toEqual([[6, 8], [14, 16]]);
  });

  it("human output: the length formula", () => {
    const result = runBuilt(["spp", "--input", "[[[1,2],[3,4]],[[5,6],[7,8]]]", "--levels", "1,2"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("length = C·Σn² = 2·(1² + 2²) = 2·5 = 10");
  });

  it("level larger than the map: exit 2", () => {
    const result = runBuilt(["spp", "--input", "1 2; 3 4", "--levels", "1,3"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe("error: --levels: level 3 asks for 3×3 bins but the map is only 2×2");
    expect(result.stderr.split("\n")[1]).toMatch(/^hint: /);
  });

  it("a missing --levels is a usage error: exit 2", () => {
    const result = runBuilt(["spp", "--input", "1 2; 3 4"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--levels");
  });
});
