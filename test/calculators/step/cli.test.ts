/** End to end: the built `cnn-drill step` — stdout, stderr and exit code. Run `npm run build` first. */
import { describe, expect, it } from "vitest";
import { runBuilt, runInProcess } from "../../helpers/cli.js";

const SEED = ["step", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1"];

describe("cnn-drill step (built)", () => {
  it("conv → ReLU → 2×2 max pool, target 4, η = 0.1 --json: every stage, the loss and the update", () => {
    const result = runBuilt(["step", "--input", "1 2 0; 0 1 3; 2 1 0", "--kernel", "1 -1; 0 2", "--relu", "--pool", "max", "--target", "4", "--lr", "0.1", "--json"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.stdout);
    // 1 − 0.1·8 is 0.19999999999999996 in float64, as in PyTorch: the update is compared to 12 decimals.
    expect(json.updatedKernel.flat().map((v: number) => Number(v.toFixed(12)))).toEqual([0.2, -1, -0.4, 0.8]);
    expect(json.updatedBias).toBeCloseTo(-0.4, 12);
    delete json.updatedKernel;
    delete json.updatedBias;
    expect(json).toEqual({
      preActivation: [[1, 8], [1, -2]],
      activation: [[1, 8], [1, 0]],
      output: [[8]],
      loss: 8,
      gradOutput: [[4]],
      gradActivation: [[0, 4], [0, 0]],
      gradPreActivation: [[0, 4], [0, 0]],
      gradInput: [[0, 4, -4], [0, 0, 8], [0, 0, 0]],
      gradKernel: [[8, 0], [4, 12]],
      gradBias: 4,
    });
  });

  it("the worked answer walks every stage in exam order, numbered", () => {
    const result = runBuilt([...SEED, "--relu", "--target", "-3 -4; -5 -4", "--lr", "1/2"]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const stages = result.stdout.split("\n").filter((line) => /^\d\. /.test(line)).map((line) => line.slice(0, 2));
    expect(stages).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
    expect(result.stdout).toContain("∂L/∂y11 = y11 − t11 = 0 − (-3) = 3");
    expect(result.stdout).toContain("w′11 = w11 − η·∂L/∂w11");
  });

  it("forward only says how to get the backward pass, in Korean too", () => {
    const en = runBuilt([...SEED, "--relu"]);
    expect(en.exitCode).toBe(0);
    expect(en.stdout).toContain("Forward pass only");
    const ko = runBuilt([...SEED, "--relu", "--lang", "ko"]);
    expect(ko.exitCode).toBe(0);
    expect(ko.stdout).toContain("순전파만 계산했습니다");
  });

  it("sigmoid values are shown to 4 significant digits and marked ≈; --json stays exact", () => {
    const text = runBuilt([...SEED, "--act", "sigmoid", "--grad", "1 0; 0 1"]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain("h11 = σ(s11) = σ(-4) ≈ 0.01799");
    const json = JSON.parse(runBuilt([...SEED, "--act", "sigmoid", "--grad", "1 0; 0 1", "--json"]).stdout);
    expect(json.activation[0][0]).toBeCloseTo(0.01798620996209156, 16);
  });

  it("reads the target from standard input with -", () => {
    const result = runBuilt([...SEED, "--target", "-", "--json"], { stdin: "0 0\n0 0\n" });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).loss).toBe(32);
  });

  it("a 20×20 input is summarised, not worked cell by cell", () => {
    const big = Array.from({ length: 20 }, (_, r) => Array.from({ length: 20 }, (_, c) => (r + c) % 5).join(" ")).join("; ");
    const summary = runBuilt(["step", "--input", big, "--kernel", "1 0; 0 1", "--relu"]);
    expect(summary.exitCode).toBe(0);
    expect(summary.stdout).toContain("too large to work out cell by cell");
  });
});

/** Every input check: exit 2, one error line naming the argument and a hint, nothing on stdout. */
describe("cnn-drill step input checks (in process)", () => {
  const cases: [string, string[], string][] = [
    ["--target and --grad together", [...SEED, "--target", "1 1; 1 1", "--grad", "1 1; 1 1"], "error: --grad: give either --target or --grad, not both"],
    ["--loss without --target", [...SEED, "--loss", "mse"], "error: --loss: a loss needs a target"],
    ["--lr without --target or --grad", [...SEED, "--lr", "0.1"], "error: --lr: the update needs a gradient: --lr without --target or --grad"],
    ["--lr zero", [...SEED, "--grad", "1 1; 1 1", "--lr", "0"], "error: --lr: the learning rate must be a positive number, not 0"],
    ["--lr not a number", [...SEED, "--grad", "1 1; 1 1", "--lr", "fast"], "error: --lr: \"fast\" is not a number"],
    ["--pool-size without --pool", [...SEED, "--pool-size", "2"], "error: --pool-size: --pool-size sets the pooling, but no --pool is given"],
    ["--pool-stride without --pool", [...SEED, "--pool-stride", "1"], "error: --pool-stride: --pool-stride sets the pooling, but no --pool is given"],
    ["--relu with --act sigmoid", [...SEED, "--relu", "--act", "sigmoid"], "error: --relu: --relu is short for --act relu, so it cannot go with --act sigmoid"],
    ["an unknown activation", [...SEED, "--act", "gelu"], "error: --act:"],
    ["an unknown pooling", [...SEED, "--pool", "min"], "error: --pool:"],
    ["an unknown loss", [...SEED, "--target", "1 1; 1 1", "--loss", "l1"], "error: --loss:"],
    ["a pool window larger than s", [...SEED, "--pool", "max", "--pool-size", "3"], "error: --pool-size: the 3×3 pooling window does not fit the 2×2 conv output"],
    ["a target of the wrong shape", [...SEED, "--target", "1 2 3"], "error: --target: the target is 1×3 but the output y is 2×2"],
    ["a target shaped like s when a pool shrinks y", [...SEED, "--pool", "max", "--target", "1 1; 1 1"], "error: --target: the target is 2×2 but the output y is 1×1"],
    ["a gradient of the wrong shape", [...SEED, "--grad", "1 2"], "error: --grad: the gradient is 1×2 but the output y is 2×2"],
    ["a kernel larger than the input", ["step", "--input", "1 2; 3 4", "--kernel", "1 2 3; 4 5 6; 7 8 9"], "error: --kernel:"],
  ];
  it.each(cases)("throws when %s", async (_name, argv, firstLine) => {
    const result = await runInProcess(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0].startsWith(firstLine), lines[0]).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^hint: /);
  });

  it("--relu with --act relu is the same step", async () => {
    const both = await runInProcess([...SEED, "--relu", "--act", "relu", "--json"]);
    const short = await runInProcess([...SEED, "--relu", "--json"]);
    expect(both.exitCode).toBe(0);
    expect(both.stdout).toBe(short.stdout);
  });
});
