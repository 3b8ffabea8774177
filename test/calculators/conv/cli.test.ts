/** End-to-end: the built command (bin → dist), with colour off unless a test turns it on. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBuilt, runInProcess } from "../../helpers/cli.js";

const X = "1 2 3; 4 5 6; 7 8 9";

describe("cnn-drill conv (built command)", () => {
  it("prints the worked answer of x=3x3 k=2x2 with every cell as a sum of products", () => {
    const result = runBuilt(["conv", "--input", X, "--kernel", "1 0; 0 -1"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Cross-correlation");
    expect(result.stdout).toContain("s11 = a11·w11 + a12·w12 + a21·w21 + a22·w22");
    expect(result.stdout).toContain("= 1·1 + 2·0 + 4·0 + 5·(-1) = -4");
    expect(result.stdout).toContain("s22 = a22·w11 + a23·w12 + a32·w21 + a33·w22");
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it("shows the rotated kernel and the flipped pairing in conv mode", () => {
    const result = runBuilt(["conv", "--input", X, "--kernel", "1 2; 3 4", "--mode", "conv"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("True convolution");
    expect(result.stdout).toContain("Kernel rotated 180°");
    expect(result.stdout).toContain("s11 = a11·w22 + a12·w21 + a21·w12 + a22·w11");
    expect(result.stdout).toMatch(/= 23\n/);
  });

  it("works out the backward pass with --grad", () => {
    const result = runBuilt(["conv", "--input", X, "--kernel", "1 0; 0 -1", "--grad", "1 1; 1 1"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("∂L/∂a22 = δ11·w22 + δ12·w21 + δ21·w12 + δ22·w11");
    expect(result.stdout).toContain("∂L/∂w11 = δ11·a11 + δ12·a12 + δ21·a21 + δ22·a22");
    expect(result.stdout).toContain("= 1·1 + 1·2 + 1·4 + 1·5 = 12");
    expect(result.stdout).toContain("∂L/∂b = δ11 + δ12 + δ21 + δ22");
    expect(result.stdout).toContain("rot180(w)");
  });

  it("a backward answer opens with the gradients and their formulas, then works them out", () => {
    const out = runBuilt(["conv", "--input", X, "--kernel", "1 0; 0 -1", "--grad", "1 1; 1 1"]).stdout;
    const lines = out.split("\n");
    expect(lines[2]).toBe("The gradients (each worked out below)");
    expect(lines[3]).toBe("∂L/∂a = full correlation of δ′ (δ padded) with the kernel rotated 180°; ∂L/∂w = correlation of the input a with δ; ∂L/∂b = Σ δ");
    expect(out.indexOf("∂L/∂b = Σ δ = 4")).toBeLessThan(out.indexOf("Each output cell"));
  });

  it("stride 1: δ′ is δ padded and nothing is inserted (no \"0 zeros\"), in both languages", () => {
    const args = ["conv", "--input", X, "--kernel", "1 0; 0 -1", "--grad", "1 1; 1 1"];
    const out = runBuilt(args).stdout;
    expect(out).toContain("∂L/∂a: full correlation of δ padded (δ′) with the kernel rotated 180°");
    expect(out).toContain("δ′ = δ padded by d(k−1) − p = 1 (stride 1: nothing is inserted between entries; · marks the padding zeros)");
    expect(out).toContain("∂L/∂w: correlation of the input with δ (each weight");
    expect(out).not.toMatch(/0 zeros|dilated by the stride/);
    const korean = runBuilt([...args, "--lang", "ko"]).stdout;
    expect(korean).toContain("스트라이드가 1이라 원소 사이에는 아무것도 끼우지 않음");
    expect(korean).not.toContain("0을 0개씩");
  });

  it("stride 2: both headings say δ is dilated by the stride, ∂L/∂w shows that δ, and the leftover row and column are explained", () => {
    const input = "1 2 3 0 1; 4 5 6 1 2; 7 8 9 2 0; 1 2 3 4 1; 0 1 0 1 0";
    const out = runBuilt(["conv", "--input", input, "--kernel", "1 0; 2 -1", "--grad", "1 2; -1 1", "--stride", "2"]).stdout;
    expect(out).toContain("∂L/∂a: full correlation of δ dilated by the stride and padded (δ′) with the kernel rotated 180°");
    expect(out).toContain("δ′ = δ dilated by the stride (1 zero between neighbouring entries), then padded by d(k−1) − p = 1");
    expect(out).toContain("∂L/∂w: correlation of the input with δ dilated by the stride (each weight sums δ times the inputs it touched)");
    expect(out).toContain([
      "δ dilated by the stride (1 zero between entries)    ∂L/∂w",
      " 1   ·   2                                           9  -4",
      " ·   ·   ·                                          18   9",
      "-1   ·   1",
    ].join("\n"));
    expect(out).toContain("Height: n + 2·p − k̂ = 3 is not a multiple of s = 2, so the last 1 row of the padded input is read by no window: its ∂L/∂a is 0 and it adds nothing to ∂L/∂w.");
    expect(out).toContain("Width: n + 2·p − k̂ = 3 is not a multiple of s = 2, so the last 1 column");
  });

  it("dilation 2 backward: the rotated kernel is dilated too, and ∂L/∂w is read every 2 cells", () => {
    const out = runBuilt(["conv", "--input", "1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16", "--kernel", "1 0; 0 1", "--dilation", "2", "--grad", "1 2; 3 4"]).stdout;
    expect(out).toContain("dilation 2: the rotated kernel is dilated too, its neighbouring elements reading δ′ cells 2 apart");
    expect(out).toContain("dilation 2: ∂L/∂w_mn is this correlation at the offset (d·(m−1), d·(n−1)) in the padded input, so it is taken every 2 cells");
  });

  it("the output size is written ⌊(n + 2·p − k̂)/s⌋ + 1, as pool writes it", () => {
    expect(runBuilt(["conv", "--input", X, "--kernel", "1 0; 0 -1"]).stdout).toContain("height: ⌊(3 + 2·0 − 2) / 1⌋ + 1 = 2");
    expect(runBuilt(["conv", "--input", X, "--kernel", "1 0; 0 -1", "--padding", "same"]).stdout).toContain("height: ⌊(3 + 0 + 1 − 2) / 1⌋ + 1 = 3");
  });

  it("marks input cells that no window reaches (x=4x4 k=3 s=2)", () => {
    const result = runBuilt(["conv", "--input", "1 2 3 4; 5 6 7 8; 9 10 11 12; 13 14 15 16", "--kernel", "1 1 1; 1 1 1; 1 1 1", "--stride", "2", "--grad", "1"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("∂L/∂a44 = 0  (no window reads this cell)");
  });

  it("prints exactly one JSON object with --json", () => {
    const result = runBuilt(["conv", "--input", X, "--kernel", "1 0; 0 -1", "--grad", "1 1; 1 1", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toEqual({
      output: [[-4, -4], [-4, -4]],
      gradInput: [[1, 1, 0], [1, 0, -1], [0, -1, -1]],
      gradKernel: [[12, 16], [24, 28]],
      gradBias: 4,
    });
  });

  it("accepts a value that starts with a minus sign", () => {
    const result = runBuilt(["conv", "--input", "-1 2; 3 -4", "--kernel", "-1", "--json"]);
    expect(JSON.parse(result.stdout).output).toEqual([[1, -2], [-3, 4]]);
  });

  it("reads the input from standard input with -", () => {
    const result = runBuilt(["conv", "--input", "-", "--kernel", "1 1", "--json"], { stdin: "1 2 3\n4 5 6\n" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).output).toEqual([[3, 5], [9, 11]]);
  });

  it("reads matrices from files with @path (text and JSON)", () => {
    const folder = mkdtempSync(join(tmpdir(), "cnn-drill-"));
    writeFileSync(join(folder, "x.txt"), "1 2\n3 4\n");
    writeFileSync(join(folder, "k.json"), "[[1]]");
    const result = runBuilt(["conv", "--input", `@${join(folder, "x.txt")}`, "--kernel", `@${join(folder, "k.json")}`, "--json"]);
    expect(JSON.parse(result.stdout).output).toEqual([[1, 2], [3, 4]]);
  });

  it("handles channels and a filter bank with per-filter bias", () => {
    const result = runBuilt(["conv", "--input", "[[[1,2],[3,4]],[[5,6],[7,8]]]", "--kernel", "[[[[1]],[[1]]],[[[1]],[[-1]]]]", "--bias", "0,1", "--json"]);
    expect(JSON.parse(result.stdout).output).toEqual([[[6, 8], [10, 12]], [[-3, -3], [-3, -3]]]);
  });

  it("labels channels and filters in the worked answer", () => {
    const result = runBuilt(["conv", "--input", "[[[1,2],[3,4]],[[5,6],[7,8]]]", "--kernel", "[[[[1]],[[1]]],[[[1]],[[-1]]]]", "--bias", "0,1"]);
    expect(result.stdout).toContain("s[2]11 = a[1]11·w[2,1]11 + a[2]11·w[2,2]11 + b2");
  });

  it("summarises a large input and points to --json", () => {
    const row = Array.from({ length: 40 }, (_, i) => i % 7).join(" ");
    const result = runBuilt(["conv", "--input", Array(40).fill(row).join(";"), "--kernel", "1 0; 0 1"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("39×39");
    expect(result.stdout).toContain("--json");
    expect(result.stdout.split("\n").length).toBeLessThan(20);
  });

  it("speaks Korean with --lang ko and with a Korean locale", () => {
    const flag = runBuilt(["conv", "--input", X, "--kernel", "1", "--lang", "ko"]);
    expect(flag.stdout).toContain("출력 칸별 계산");
    const locale = runBuilt(["conv", "--input", X, "--kernel", "1"], { env: { LANG: "ko_KR.UTF-8" } });
    expect(locale.stdout).toContain("출력 칸별 계산");
    const error = runBuilt(["conv", "--input", "1 2; 3", "--kernel", "1", "--lang", "ko"]);
    expect(error.stderr).toBe("오류: --input: 2번째 행에는 숫자가 1개, 1번째 행에는 2개 있습니다\n도움말: 모든 행의 원소 개수가 같아야 합니다. 행은 ; 또는 줄바꿈으로 나눕니다\n");
  });

  it("colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off", () => {
    const args = ["conv", "--input", X, "--kernel", "1 0; 0 -1"];
    expect(runBuilt(args, { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).toMatch(/\u001b\[/);
    expect(runBuilt(args, { env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
    expect(runBuilt([...args, "--no-color"], { env: { NO_COLOR: "", FORCE_COLOR: "1" } }).stdout).not.toMatch(/\u001b\[/);
    expect(runBuilt(args, { env: { NO_COLOR: "", TERM: "dumb" } }).stdout).not.toMatch(/\u001b\[/);
  });
});

describe("cnn-drill conv errors: one clear line, a hint, exit 2, nothing on stdout", () => {
  const cases: [string, string[], string][] = [
    ["ragged rows", ["--input", "1 2; 3 4 5", "--kernel", "1"], "error: --input: row 2 has 3 numbers, row 1 has 2"],
    ["a non-number", ["--input", "1 2; 3 x", "--kernel", "1"], "error: --input: row 2, entry 2: \"x\" is not a number"],
    ["NaN", ["--input", "1 NaN", "--kernel", "1"], "error: --input: row 1, entry 2: \"NaN\" is not a finite number"],
    ["Infinity", ["--kernel", "Infinity", "--input", "1"], "error: --kernel: row 1, entry 1: \"Infinity\" is not a finite number"],
    ["empty input", ["--input", "", "--kernel", "1"], "error: --input: the value is empty"],
    ["zero stride", ["--input", X, "--kernel", "1", "--stride", "0"], "error: --stride: must be at least 1, got 0"],
    ["zero dilation", ["--input", X, "--kernel", "1", "--dilation", "1,0"], "error: --dilation: must be at least 1, got 1,0"],
    ["negative padding", ["--input", X, "--kernel", "1", "--padding", "-1"], "error: --padding: must not be negative, got -1"],
    ["a bad padding word", ["--input", X, "--kernel", "1", "--padding", "full"], "error: --padding: \"full\" is not a padding: give a number, a pair like 1,0, same or valid"],
    ["a kernel bigger than the padded input", ["--input", "1 2; 3 4", "--kernel", "1 2 3; 4 5 6; 7 8 9"], "error: --kernel: the kernel spans 3×3 but the padded input is only 2×2"],
    ["a channel mismatch", ["--input", "[[[1]],[[2]]]", "--kernel", "[[[1]],[[2]],[[3]]]"], "error: --kernel: the kernel has 3 input channels but the input has 2"],
    ["a gradient of the wrong shape", ["--input", X, "--kernel", "1 0; 0 1", "--grad", "1 2 3"], "error: --grad: the gradient is 1×3 but the output is 2×2"],
    ["same with stride 2", ["--input", X, "--kernel", "1 0; 0 1", "--padding", "same", "--stride", "2"], "error: --padding: \"same\" padding needs stride 1 (got --stride 2,2), as in PyTorch"],
    ["an unreadable file", ["--input", "@/nonexistent/x.txt", "--kernel", "1"], "error: --input: cannot read \"/nonexistent/x.txt\": no such file"],
    ["a folder given as a file", ["--input", "@/tmp", "--kernel", "1"], "error: --input: cannot read \"/tmp\": it is a folder"],
    ["a bad mode", ["--input", X, "--kernel", "1", "--mode", "flip"], "error: --mode: \"flip\" is not one of corr, conv"],
    ["a bad language", ["--input", X, "--kernel", "1", "--lang", "fr"], "error: --lang: \"fr\" is not a supported language"],
    ["an absurdly large output", ["--input", X, "--kernel", "1", "--padding", "5000"], "error: --padding: the result would have 100060009 values, more than the limit of 4194304"],
    ["too many biases for one filter", ["--input", X, "--kernel", "1", "--bias", "1,2"], "error: --bias: one filter takes one bias, got 2 values"],
  ];

  it.each(cases)("%s", (_name, args, line) => {
    const result = runBuilt(["conv", ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(line);
    expect(lines.length).toBeLessThanOrEqual(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown option is a usage error (exit 2)", () => {
    const result = runBuilt(["conv", "--input", X, "--kernel", "1", "--strid", "2"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("unknown option '--strid'");
  });

  it("a missing required option is a usage error (exit 2)", () => {
    const result = runBuilt(["conv", "--input", X]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("--kernel");
  });

  it("refuses - when standard input is a terminal instead of waiting", async () => {
    const result = await runInProcess(["conv", "--input", "-", "--kernel", "1"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("error: --input: \"-\" reads standard input, but standard input is a terminal");
  });

  it("refuses a second - (standard input can be read once)", async () => {
    const result = await runInProcess(["conv", "--input", "-", "--kernel", "-"], { stdin: "1 2" });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("error: --kernel: only one argument can read standard input (\"-\"); --input already does");
  });

  it("--help and --version exit 0", () => {
    expect(runBuilt(["conv", "--help"]).exitCode).toBe(0);
    const version = runBuilt(["--version"]);
    expect(version.exitCode).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
