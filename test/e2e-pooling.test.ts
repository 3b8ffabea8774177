/** End to end: the built `cnn-drill pool`, `roi` and `spp` — stdout, stderr and exit code. Run `npm run build` first. */
import { describe, expect, it } from "vitest";
import { runBuilt } from "./helpers/cli.js";

const map5 = "0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24";

describe("cnn-drill pool (built)", () => {
  it("max x=[[1,2,1],[1,9,1],[1,1,1]] k=2 s=1 --grad ones --json: output, mask, argmax, gradInput", () => {
    const result = runBuilt(["pool", "--input", "1 2 1; 1 9 1; 1 1 1", "--size", "2", "--stride", "1", "--grad", "1 1; 1 1", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      output: [[9, 9], [9, 9]],
      mask: [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
      argmax: [[[1, 1], [1, 1]], [[1, 1], [1, 1]]],
      gradInput: [[0, 0, 0], [0, 4, 0], [0, 0, 0]],
    });
  });

  it("avg --json: output and gradInput only (no mask/argmax)", () => {
    const result = runBuilt(["pool", "--type", "avg", "--input", "1 2 3; 4 5 6; 7 8 9", "--size", "2", "--padding", "1", "--grad", "1 1; 1 1", "--json"]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json).sort()).toEqual(["gradInput", "output"]);
    expect(json.output).toEqual([[0.25, 1.25], [2.75, 7]]);
  });

  it("human output without colour marks the chosen cells with [x]", () => {
    const result = runBuilt(["pool", "--input", "-1 2; 3 -4", "--size", "2", "--stride", "1", "--padding", "1"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain("\u001b[");
    expect(result.stdout).toContain("Input a with zero padding (· = padding)");
    expect(result.stdout).toContain("[-1]");
    expect(result.stdout).toContain("[3]");
  });

  it("with FORCE_COLOR the chosen cell is coloured and still marked [x]", () => {
    const result = runBuilt(["pool", "--input", "1 2; 3 9", "--size", "2"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("\u001b[");
    expect(result.stdout).toContain("[9]");
  });

  it("reads the input from standard input with -", () => {
    const result = runBuilt(["pool", "--input", "-", "--size", "2", "--json"], { stdin: "1 2\n3 4\n" });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).output).toEqual([[4]]);
  });

  it("padding over half the window: exit 2, one error line and a hint, nothing on stdout", () => {
    const result = runBuilt(["pool", "--input", "1 2 3; 4 5 6; 7 8 9", "--size", "2", "--padding", "2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "error: --padding: padding 2 is more than half the 2-cell window (at most 1)\n" +
      "hint: PyTorch refuses pooling padding above kernel // 2: a window could then hold only padding\n",
    );
  });

  it("window larger than the padded input: exit 2", () => {
    const result = runBuilt(["pool", "--input", "1 2; 3 4", "--size", "3"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: --size: the 3×3 window does not fit the padded input (2×2)\nhint: use a smaller --size or more --padding (at most size // 2)\n");
  });

  it("gradient of the wrong shape: exit 2, in Korean with --lang ko", () => {
    const result = runBuilt(["pool", "--input", "1 2; 3 4", "--size", "1", "--grad", "1 2", "--lang", "ko"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("오류: --grad: 기울기는 1×2인데 출력은 2×2입니다\n도움말: --grad 는 ∂L/∂출력입니다. 출력 칸마다 숫자 하나를 주세요\n");
  });

  it("a 40×40 input is summarised in a few lines, and --json still prints every value", () => {
    const rows = Array.from({ length: 40 }, (_, i) => Array.from({ length: 40 }, (_, j) => (i + j) % 5).join(" ")).join("; ");
    const human = runBuilt(["pool", "--input", rows, "--size", "2"]);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain("use --json for every value");
    expect(human.stdout.split("\n").length).toBeLessThan(20);
    const json = JSON.parse(runBuilt(["pool", "--input", rows, "--size", "2", "--json"]).stdout);
    expect(json.output).toHaveLength(20);
    expect(json.output[19]).toHaveLength(20);
  });
});

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
