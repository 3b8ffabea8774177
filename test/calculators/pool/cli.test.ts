/** End to end: the built `cnn-drill pool` — stdout, stderr and exit code. Run `npm run build` first. */
import { describe, expect, it } from "vitest";
import { runBuilt } from "../../helpers/cli.js";

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
    expect(result.stdout).toContain("Input a with padding (· = −∞, never chosen)");
    expect(result.stdout).toContain("[-1]");
    expect(result.stdout).toContain("[3]");
  });

  it("max pooling pads with −∞: an all-negative padded window gives its own maximum and says why, in both languages", () => {
    const args = ["pool", "--input", "-1 -2 -3; -4 -5 -6; -7 -8 -9", "--size", "2", "--stride", "2", "--padding", "1"];
    const result = runBuilt(args);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("y11 = max(a11) = max([-1]) = -1  at a11\n    3 cells of this window lie off the input (padding, −∞): never chosen\n    every real cell here is negative: zero padding would wrongly give 0, which is why max pooling pads with −∞\n");
    // y22's window reads no padding: nothing to say about it.
    expect(result.stdout.split("\n").filter((line) => line.includes("zero padding would wrongly give 0"))).toHaveLength(3);
    const korean = runBuilt([...args, "--lang", "ko"]).stdout;
    expect(korean).toContain("패딩을 붙인 입력 a (· = −∞, 최댓값으로 뽑히지 않음)");
    expect(korean).toContain("0으로 패딩하면 0이 잘못 뽑히므로 최대 풀링은 −∞로 패딩합니다");
  });

  it("average pooling pads with zeros and labels them so", () => {
    const result = runBuilt(["pool", "--input", "1 2; 3 4", "--type", "avg", "--size", "2", "--stride", "1", "--padding", "1"]);
    expect(result.stdout).toContain("Input a with zero padding (· = 0)");
    expect(result.stdout).not.toContain("−∞");
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
