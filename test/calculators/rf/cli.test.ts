/**
 * End to end: the built `cnn-drill rf` with colour off — stdout, stderr and the exit code, for
 * worked answers, --json, --lang ko and every kind of bad input.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { runBuilt } from "../../helpers/cli.js";

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
    [["--layers", "conv3,conv3x"], "error: --layers: layer 2, \"conv3x\", is not a layer\nhint: layers look like conv3, conv3s2p1, conv3d2p2, conv3c64p1, pool2, pool3s2, tconv4s2p1, fc10 (s stride, p padding, d dilation, o output padding, c output channels, g groups), separated by commas\n"],
    [["--layers", "conv3,conv3,pool2", "--input-size", "5"], "error: --layers: layer 3, \"pool2\": the 2-pixel window does not fit its input of size 1 (1 with padding), so the output size would be 0\nhint: use a larger --input-size, more padding, or smaller kernels or strides before this layer\n"],
    [["--layers", "pool2d2"], "error: --layers: layer 1, \"pool2d2\": pooling layers take no dilation (d)\nhint: layers look like conv3, conv3s2p1, conv3d2p2, conv3c64p1, pool2, pool3s2, tconv4s2p1, fc10 (s stride, p padding, d dilation, o output padding, c output channels, g groups), separated by commas\n"],
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

describe("cnn-drill rf edge cases (built)", () => {
  it("tconv3s2d2 --input-size 4: the middle unit reads no pixel, and the output says why", () => {
    const result = runBuilt(["rf", "--layers", "tconv3s2d2", "--input-size", "4"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("(4−1)·2 − 2·0 + 5 = 11");
    expect(result.stdout).toContain("This output unit reads no input pixel");
  });
});
