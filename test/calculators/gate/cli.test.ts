/**
 * End to end: the built `cnn-drill gate` with colour off — stdout, stderr and the exit code, for
 * worked answers, --json, --lang ko and every kind of bad input.
 */
import { describe, expect, it } from "vitest";
import { runBuilt } from "../../helpers/cli.js";

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

  it("xor --nand -1,-1,1.5 --or 1,1,-0.5 --and 1,1,-1.5: the units' weights and sums in the table", () => {
    const result = runBuilt(["gate", "xor", "--nand", "-1,-1,1.5", "--or", "1,1,-0.5", "--and", "1,1,-1.5"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("hidden unit h1 = NAND(x1, x2): w1 = -1, w2 = -1, b = 1.5");
    expect(result.stdout).toContain("output unit y = AND(h1, h2):   w1 = 1, w2 = 1, b = -1.5");
    expect(result.stdout).toContain("│  1 │  1 │ -1·1 - 1·1 + 1.5 = -0.5 │  0 │ 1·1 + 1·1 - 0.5 = 1.5  │  1 │ 1·0 + 1·1 - 1.5 = -0.5 │ 0 │");
  });

  it("xor --json: each unit's sums and outputs as top-level keys (with --or 2,2,-1)", () => {
    const json = JSON.parse(runBuilt(["gate", "xor", "--or", "2,2,-1", "--json"]).stdout);
    expect(json.nandSums).toEqual([0.7, 0.2, 0.2, -0.3]);
    expect(json.nandOutputs).toEqual([1, 1, 1, 0]);
    expect(json.orSums).toEqual([-1, 1, 1, 3]);
    expect(json.orOutputs).toEqual([0, 1, 1, 1]);
    expect(json.andSums).toEqual([-0.2, 0.3, 0.3, -0.2]);
    expect(json.andOutputs).toEqual([0, 1, 1, 0]);
    expect(json.outputs).toEqual([0, 1, 1, 0]);
    expect(json.units.or).toEqual({ weights: [2, 2], bias: -1 });
  });

  it.each([
    [["and", "--nand", "1,1,1"], "error: --nand: sets a unit of the XOR network: use it with cnn-drill gate xor\nhint: e.g. cnn-drill gate xor --nand -1,-1,1.5 --or 1,1,-0.5 --and 1,1,-1.5\n"],
    [["--or", "1,1,-0.5"], "error: --or: sets a unit of the XOR network: use it with cnn-drill gate xor\nhint: e.g. cnn-drill gate xor --nand -1,-1,1.5 --or 1,1,-0.5 --and 1,1,-1.5\n"],
    [["xor", "--nand", "1,1"], "error: --nand: needs 3 numbers (w1,w2,b), got 2\nhint: give a unit as w1,w2,b, e.g. --nand -1,-1,1.5\n"],
    [["xor", "--and", "1,x,1"], "error: --and: row 1, entry 2: \"x\" is not a number\nhint: numbers look like 3, -1.5, 2e-3 or 1/4\n"],
    [["xor", "--or", "1,1,0.5"], "error: --or: these weights output 1 1 1 1 for the inputs 00, 01, 10, 11; the OR unit must output 0 1 1 1\nhint: each unit of XOR = AND(NAND, OR) must compute its own gate; cnn-drill gate --weights w1,w2 --bias b shows what any weights compute\n"],
    [["xor", "--nand", "1,1,1", "--weights", "1,1"], "error: --weights: cannot be used together with the gate name \"xor\"\nhint: either cnn-drill gate xor, or cnn-drill gate --weights w1,w2 --bias b\n"],
  ])("gate %j (xor units): exit 2, one error line naming the option, nothing on stdout", (args, stderr) => {
    const result = runBuilt(["gate", ...args]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(stderr);
  });

  it("a wrong unit is explained in Korean with --lang ko", () => {
    const result = runBuilt(["gate", "xor", "--and", "1,1,0", "--lang", "ko"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe("오류: --and: 이 가중치의 출력은 입력 00, 01, 10, 11 순서로 0 1 1 1입니다. AND 유닛이라면 0 0 0 1이어야 합니다");
  });

  it("gate and or: too many arguments is a usage error, exit 2", () => {
    const result = runBuilt(["gate", "and", "or"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("too many arguments");
  });
});
