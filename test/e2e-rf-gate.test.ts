/**
 * End to end: the built `cnn-drill rf` and `cnn-drill gate` with colour off — stdout, stderr and the
 * exit code, for worked answers, --json, --lang ko and every kind of bad input.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runBuilt } from "./helpers/cli.js";

describe("cnn-drill rf (built)", () => {
  let worked: ReturnType<typeof runBuilt>;
  beforeAll(() => {
    worked = runBuilt(["rf", "--layers", "conv3p1,conv3s2p1,pool2,conv3d2p2", "--input-size", "16"]);
  });

  it("conv3p1,conv3s2p1,pool2,conv3d2p2 --input-size 16: exit 0, nothing on stderr", () => {
    expect(worked.exitCode).toBe(0);
    expect(worked.stderr).toBe("");
  });

  it("writes each layer's formulas with the numbers substituted", () => {
    const out = worked.stdout;
    expect(out).toContain("Receptive field of conv3p1 → conv3s2p1 → pool2 → conv3d2p2, input 16×16");
    expect(out).toMatch(/│ 1 │ conv3p1 +│ 3 +│ 1·1 = 1 +│ r = 1 \+ \(3−1\)·1 = 3 +│ 0 \+ \(\(3−1\)\/2 − 1\)·1 = 0 +│ ⌊\(16 \+ 2·1 − 3\)\/1⌋ \+ 1 = 16 +│/);
    expect(out).toContain("r = 5 + (2−1)·2 = 7");
    expect(out).toMatch(/│ 4 │ conv3d2p2 +│ 2·\(3−1\)\+1 = 5 │ 4·1 = 4 +│ r = 7 \+ \(5−1\)·4 = 23 │ 1 \+ \(\(5−1\)\/2 − 2\)·4 = 1 │ ⌊\(4 \+ 2·2 − 5\)\/1⌋ \+ 1 = 4 +│/);
    expect(out).toContain("Receptive field 23×23 input pixels, jump 4, start 1, output 4×4.");
    expect(out).toContain("1 + (3−1)·1 + (3−1)·1 + (2−1)·2 + (5−1)·4 = 23");
  });

  it("draws the dilated kernel's footprint and says why dilation adds no parameters", () => {
    expect(worked.stdout).toContain("layer 4 conv3d2p2: 3×3 = 9 weights over 5×5\n●·●·●\n·····\n●·●·●\n·····\n●·●·●\n");
    expect(worked.stdout).toContain("no extra parameters");
  });

  it("marks the pixels one output unit reads on the 16×16 input", () => {
    const out = worked.stdout;
    expect(out).toContain("Input 16×16: the pixels output unit (2,2) of 4×4 reads");
    expect(out).toContain("  · · ● ● ● ● ● ● ● ○ ● ● ● ● ● ●\n");
    expect(out).toContain("  · · ○ ○ ○ ○ ○ ○ ○ ○ ○ ○ ○ ○ ○ ○\n");
    expect(out).toContain("169 of the 14×14 pixels");
    expect(out).toContain("reaches past the border");
  });

  it("conv3d2 --input-size 9: the middle unit reads every other pixel", () => {
    const result = runBuilt(["rf", "--layers", "conv3d2", "--input-size", "9"]);
    expect(result.stdout).toContain([
      "  · · · · · · · · ·",
      "  · · · · · · · · ·",
      "  · · ● ○ ● ○ ● · ·",
      "  · · ○ ○ ○ ○ ○ · ·",
      "  · · ● ○ ● ○ ● · ·",
    ].join("\n"));
  });

  it("without --input-size: no size column, a pointer to --input-size", () => {
    const result = runBuilt(["rf", "--layers", "conv3,conv3"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain("output size n");
    expect(result.stdout).toContain("Add --input-size N");
    expect(result.stdout).toContain("Receptive field 5×5 input pixels, jump 1, start 2.");
  });

  it("tconv4s2p1: exact sizes and jump, the field marked as varying, with the reason", () => {
    const result = runBuilt(["rf", "--layers", "conv3p1,tconv4s2p1", "--input-size", "8"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("(8−1)·2 − 2·1 + 4 = 16");
    expect(result.stdout).toContain("1/2 = 0.5");
    expect(result.stdout).toContain("varies");
    expect(result.stdout).toContain("Layer 2 (tconv4s2p1) is a transposed convolution with stride 2");
  });

  it("--json: one object with the contract's keys", () => {
    const result = runBuilt(["rf", "--layers", "conv3p1,conv3s2p1,pool2,conv3d2p2", "--input-size", "32", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ receptiveField: 23, jump: 4, start: 1, outputSize: 8 });
    expect(json.layers).toHaveLength(4);
    expect(json.layers[3]).toMatchObject({ kernel: 3, stride: 1, padding: 2, dilation: 2, effectiveKernel: 5, jump: 4, receptiveField: 23, start: 1, outputSize: 8 });
    expect(json.layers[2]).toMatchObject({ kernel: 2, stride: 2, padding: 0, dilation: 1, effectiveKernel: 2, jump: 4, receptiveField: 7, start: 1, outputSize: 8 });
  });

  it("--json without --input-size: outputSize is null", () => {
    const json = JSON.parse(runBuilt(["rf", "--layers", "pool2", "--json"]).stdout);
    expect(json).toEqual({
      layers: [{ kind: "pool", token: "pool2", kernel: 2, stride: 2, padding: 0, dilation: 1, effectiveKernel: 2, jump: 2, receptiveField: 2, start: 0.5, inputSize: null, outputSize: null }],
      receptiveField: 2, jump: 2, start: 0.5, inputSize: null, outputSize: null,
    });
  });

  it("--lang ko writes Korean", () => {
    const result = runBuilt(["rf", "--layers", "conv3d2", "--input-size", "9", "--lang", "ko"]);
    expect(result.stdout).toContain("conv3d2의 수용 영역, 입력 9×9");
    expect(result.stdout).toContain("수용 영역 5×5 입력 픽셀, 점프 1, 시작 2, 출력 5×5.");
    expect(result.stdout).toContain("팽창이 공짜인 이유");
  });

  it.each([
    [["--layers", "conv3,conv3x"], "error: --layers: layer 2, \"conv3x\", is not a layer\nhint: layers look like conv3, conv3s2p1, conv3d2p2, pool2, pool3s2, tconv4s2p1 (s stride, p padding, d dilation, o output padding), separated by commas\n"],
    [["--layers", "conv3,conv3,pool2", "--input-size", "5"], "error: --layers: layer 3, \"pool2\": the 2-pixel window does not fit its input of size 1 (1 with padding), so the output size would be 0\nhint: use a larger --input-size, more padding, or smaller kernels or strides before this layer\n"],
    [["--layers", "pool2d2"], "error: --layers: layer 1, \"pool2d2\": pooling layers take no dilation (d)\nhint: layers look like conv3, conv3s2p1, conv3d2p2, pool2, pool3s2, tconv4s2p1 (s stride, p padding, d dilation, o output padding), separated by commas\n"],
    [["--layers", "pool3p2"], "error: --layers: layer 1, \"pool3p2\": padding 2 is more than half of the 3-pixel window\nhint: PyTorch allows a pooling padding of at most k/2 (here 1)\n"],
    [["--layers", "conv3s0"], "error: --layers: layer 1, \"conv3s0\": the stride must be at least 1\nhint: add --help to the command to see what each option takes\n"],
    [["--layers", "conv3", "--input-size", "0"], "error: --input-size: \"0\" must be a whole number of at least 1\nhint: give a whole number such as 1, 5 or 32\n"],
    [["--layers", "conv3", "--input-size", "abc"], "error: --input-size: \"abc\" must be a whole number of at least 1\nhint: give a whole number such as 1, 5 or 32\n"],
  ])("rf %j: exit 2, one error line naming the argument, nothing on stdout", (args, stderr) => {
    const result = runBuilt(["rf", ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(stderr);
  });

  it("rf without --layers: usage error, exit 2", () => {
    const result = runBuilt(["rf"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--layers");
  });
});

describe("cnn-drill gate (built)", () => {
  it("and: the truth table with each weighted sum, the weights, the decision line and the plane", () => {
    const result = runBuilt(["gate", "and"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const out = result.stdout;
    expect(out).toContain("AND as one perceptron");
    expect(out).toContain("weights w1 = 0.5, w2 = 0.5, bias b = -0.7");
    expect(out).toContain("│  0 │  1 │ 0.5·0 + 0.5·1 - 0.7 = -0.2 │ 0 │");
    expect(out).toContain("│  1 │  1 │ 0.5·1 + 0.5·1 - 0.7 = 0.3  │ 1 │");
    expect(out).toContain("Outputs for 00, 01, 10, 11: 0, 0, 0, 1");
    expect(out).toContain("Decision line: 0.5·x1 + 0.5·x2 - 0.7 = 0");
    expect(out).toContain([
      "    x2",
      "    │····+++++++++++++",
      "    │······+++++++++++",
      "  1 │····0···++++1++++",
      "    │··········+++++++",
      "    │············+++++",
      "    │··············+++",
      "  0 │····0·······0···+",
      "    │·················",
      "    │·················",
      "    └─────────────────",
      "         0       1     x1",
    ].join("\n"));
  });

  it("xor: hidden columns, all three units' weights, why one line cannot and two layers can", () => {
    const result = runBuilt(["gate", "xor"]);
    expect(result.exitCode).toBe(0);
    const out = result.stdout;
    expect(out).toContain("XOR = AND(NAND(x1, x2), OR(x1, x2))");
    expect(out).toContain("hidden unit h1 = NAND(x1, x2): w1 = -0.5, w2 = -0.5, b = 0.7");
    expect(out).toContain("output unit y = AND(h1, h2):   w1 = 0.5, w2 = 0.5, b = -0.7");
    expect(out).toContain("│  1 │  1 │ -0.5·1 - 0.5·1 + 0.7 = -0.3 │  0 │ 0.5·1 + 0.5·1 - 0.2 = 0.8  │  1 │ 0.5·0 + 0.5·1 - 0.7 = -0.2 │ 0 │");
    expect(out).toContain("Outputs for 00, 01, 10, 11: 0, 1, 1, 0");
    expect(out).toContain("XOR is not linearly separable");
    expect(out).toContain("00 → (1, 0), 01 → (1, 1), 10 → (1, 1), 11 → (0, 1)");
    expect(out).toContain("h1 AND h2 = XOR: the band between");
    expect(out).toContain("  1 │++++1+++····0····");
  });

  it("--weights 0.1,0.2 --bias -0.3: 11 sums to exactly 0 and gives 0", () => {
    const result = runBuilt(["gate", "--weights", "0.1,0.2", "--bias", "-0.3"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("│  1 │  1 │ 0.1·1 + 0.2·1 - 0.3 = 0    │ 0 │");
    expect(result.stdout).toContain("step(0) = 0: it gives 0");
  });

  it("--weights -1/2,-1/2 --bias 7/10 (fractions, leading minus): computes NAND and says so", () => {
    const result = runBuilt(["gate", "--weights", "-1/2,-1/2", "--bias", "7/10"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("These weights compute NAND.");
  });

  it("--json for xor: rows with inputs, hidden units, sums, output; outputs in order 00, 01, 10, 11", () => {
    const result = runBuilt(["gate", "xor", "--json"]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.outputs).toEqual([0, 1, 1, 0]);
    expect(json.rows[0]).toEqual({ inputs: [0, 0], nand: 1, or: 0, nandSum: 0.7, orSum: -0.2, sum: -0.2, output: 0 });
    expect(json.rows[3]).toEqual({ inputs: [1, 1], nand: 0, or: 1, nandSum: -0.3, orSum: 0.8, sum: -0.2, output: 0 });
  });

  it("--json for custom weights: the weights, bias and each row's sum", () => {
    const json = JSON.parse(runBuilt(["gate", "--weights", "1,1", "--bias", "-1", "--json"]).stdout);
    expect(json).toEqual({
      gate: "custom", weights: [1, 1], bias: -1,
      rows: [{ inputs: [0, 0], sum: -1, output: 0 }, { inputs: [0, 1], sum: 0, output: 0 }, { inputs: [1, 0], sum: 0, output: 0 }, { inputs: [1, 1], sum: 1, output: 1 }],
      outputs: [0, 0, 0, 1],
    });
  });

  it("--lang ko writes Korean", () => {
    const result = runBuilt(["gate", "xor", "--lang", "ko"]);
    expect(result.stdout).toContain("XOR = AND(NAND(x1, x2), OR(x1, x2)): 퍼셉트론 두 층");
    expect(result.stdout).toContain("입력 00, 01, 10, 11의 출력: 0, 1, 1, 0");
  });

  it.each([
    [["xnor"], "error: gate \"xnor\" is not one of and, or, nand, nor, xor\nhint: give a gate (cnn-drill gate xor) or your own perceptron (cnn-drill gate --weights 0.5,0.5 --bias -0.7)\n"],
    [[], "error: give a gate name (and, or, nand, nor, xor) or --weights w1,w2 --bias b\nhint: give a gate (cnn-drill gate xor) or your own perceptron (cnn-drill gate --weights 0.5,0.5 --bias -0.7)\n"],
    [["and", "--weights", "1,1", "--bias", "0"], "error: --weights: cannot be used together with the gate name \"and\"\nhint: either cnn-drill gate and, or cnn-drill gate --weights w1,w2 --bias b\n"],
    [["or", "--bias", "0"], "error: --bias: cannot be used together with the gate name \"or\"\nhint: either cnn-drill gate or, or cnn-drill gate --weights w1,w2 --bias b\n"],
    [["--weights", "1,1"], "error: --bias: is required with --weights (the perceptron's bias b)\nhint: e.g. cnn-drill gate --weights 0.5,0.5 --bias -0.7\n"],
    [["--bias", "1"], "error: --weights: is required with --bias (the perceptron's weights w1,w2)\nhint: a gate has two inputs x1, x2: give --weights w1,w2, e.g. --weights 0.5,0.5\n"],
    [["--weights", "1,2,3", "--bias", "0"], "error: --weights: needs 2 numbers (w1,w2), got 3\nhint: a gate has two inputs x1, x2: give --weights w1,w2, e.g. --weights 0.5,0.5\n"],
    [["--weights", "1", "--bias", "0"], "error: --weights: needs 2 numbers (w1,w2), got 1\nhint: a gate has two inputs x1, x2: give --weights w1,w2, e.g. --weights 0.5,0.5\n"],
    [["--weights", "1,x", "--bias", "0"], "error: --weights: row 1, entry 2: \"x\" is not a number\nhint: numbers look like 3, -1.5, 2e-3 or 1/4\n"],
    [["--weights", "1,1", "--bias", "abc"], "error: --bias: \"abc\" is not a number\nhint: numbers look like 3, -1.5, 2e-3 or 1/4\n"],
    [["--weights", "1,1", "--bias", "1/0"], "error: --bias: \"1/0\" is not a number\nhint: numbers look like 3, -1.5, 2e-3 or 1/4\n"],
  ])("gate %j: exit 2, one error line naming the argument, nothing on stdout", (args, stderr) => {
    const result = runBuilt(["gate", ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(stderr);
  });

  it("gate and or: too many arguments is a usage error, exit 2", () => {
    const result = runBuilt(["gate", "and", "or"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("too many arguments");
  });
});

describe("cnn-drill rf edge cases (built)", () => {
  it("tconv3s2d2 --input-size 4: the middle unit reads no pixel, and the output says why", () => {
    const result = runBuilt(["rf", "--layers", "tconv3s2d2", "--input-size", "4"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("(4−1)·2 − 2·0 + 5 = 11");
    expect(result.stdout).toContain("This output unit reads no input pixel");
  });
});
