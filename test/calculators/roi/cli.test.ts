/** End to end: the built `cnn-drill roi` — stdout, stderr and exit code. Run `npm run build` first. */
import { describe, expect, it } from "vitest";
import { runBuilt } from "../../helpers/cli.js";

const map5 = "0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24";

describe("cnn-drill roi (built)", () => {
  it("box (1,1,7,5) scale 0.5 --json: output, bins, gradInput", () => {
    const result = runBuilt(["roi", "--input", map5, "--box", "1,1,7,5", "--scale", "0.5", "--output", "2x2", "--grad", "1 2; 3 4", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.output).toEqual([[12, 14], [17, 19]]);
    expect(json.bins).toEqual([[
      [{ rows: [1, 3], cols: [1, 3] }, { rows: [1, 3], cols: [3, 5] }],
      [{ rows: [2, 4], cols: [1, 3] }, { rows: [2, 4], cols: [3, 5] }],
    ]]);
    expect(json.gradInput[2]).toEqual([0, 0, 1, 0, 2]);
    expect(json.gradInput[3]).toEqual([0, 0, 3, 0, 4]);
  });

  it("two boxes --json: output is a list, one per box", () => {
    const result = runBuilt(["roi", "--input", map5, "--box", "0,0,4,4", "--box", "-1,-1,1,1", "--output", "1", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).output).toEqual([[[24]], [[6]]]);
  });

  it("human output: rounding steps and the framed picture", () => {
    const result = runBuilt(["roi", "--input", map5, "--box", "1,1,7,5", "--scale", "0.5", "--output", "2"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("x2·scale = 7·0.5 = 3.5 → 4   (halfway: rounds away from zero)");
    expect(result.stdout).toContain("┼─────────────┼─────────────┼");
  });

  it("reversed box: exit 2 with a hint", () => {
    const result = runBuilt(["roi", "--input", map5, "--box", "4,0,1,2", "--output", "2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "error: --box: box 1 (4,0,1,2) has x2 < x1 or y2 < y1\n" +
      "hint: give the top-left corner first: x1 ≤ x2 and y1 ≤ y2 (torchvision would silently use a 1-cell region)\n",
    );
  });

  it("box outside the map: exit 2", () => {
    const result = runBuilt(["roi", "--input", map5, "--box", "20,20,30,30", "--output", "2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("error: --box: box 1 (20,20,30,30) lands on columns 20…30 and rows 20…30, outside the map (columns 0…4, rows 0…4)\n");
  });

  it("--grad with two boxes: exit 2", () => {
    const result = runBuilt(["roi", "--input", map5, "--box", "0,0,1,1", "--box", "1,1,2,2", "--output", "1", "--grad", "1"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("error: --grad: gradients are worked out for one box, but 2 boxes were given\nhint: run once per box with its own --grad\n");
  });
});
