/**
 * gate's drill (src/calculators/gate/drill/): perceptrons whose outputs vary and whose sums meet 0,
 * XOR networks with varied weights, the textbook weights, and hints on hand-made problems.
 */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { describeMistakes, drillTopics, problemsOf } from "../../helpers/drill.js";
import { TEXTBOOK_GATES } from "../../../src/calculators/gate/drill/topics.js";
import { translator } from "../../../src/i18n/index.js";
import { calculatorJson } from "../../../src/quiz/index.js";
import { buildHints, type HintProblem } from "../../../src/tutor/hints.js";

describe("topics", () => {
  it("lists gate's topics in order", async () => {
    expect(await drillTopics("gate")).toEqual(["gate.xor", "gate.perceptron"]);
  });
});

describe("generators exercise what matters", () => {
  const seeds = (count: number) => Array.from({ length: count }, (_, seed) => seed);

  it("gate.perceptron outputs are never constant, and some weighted sums are exactly 0", async () => {
    let zeroSums = 0;
    for (const problem of await problemsOf("gate.perceptron", seeds(40))) {
      const json = await calculatorJson(problem);
      const outputs = json.outputs as number[];
      expect(new Set(outputs).size).toBe(2);
      if ((json.rows as { sum: number }[]).some((row) => row.sum === 0)) zeroSums++;
    }
    expect(zeroSums).toBeGreaterThan(3);
  });

  it("gate.xor draws varied weights that compute NAND, OR and AND, and mostly asks a unit's weighted sums", async () => {
    const problems = await problemsOf("gate.xor", seeds(60));
    const asks = new Set<string>();
    for (const problem of problems) {
      const json = await calculatorJson(problem);
      expect(json.nandOutputs).toEqual([1, 1, 1, 0]);
      expect(json.orOutputs).toEqual([0, 1, 1, 1]);
      expect(json.outputs).toEqual([0, 1, 1, 0]);
      for (const unit of ["nand", "or", "and"]) expect(problem.prompt).toContain(`${unit.toUpperCase()} (${(problem.given![unit] as number[]).join(", ")})`);
      asks.add(problem.ask!);
    }
    expect([...asks].sort()).toEqual(["andSums", "nandSums", "orSums", "outputs"]);
    expect(new Set(problems.map((p) => JSON.stringify(p.given))).size).toBeGreaterThanOrEqual(40);
    expect(problems.filter((p) => p.ask === "outputs").length).toBeLessThan(20);
  });

  it("the textbook weights in gate prompts are the calculator's", async () => {
    for (const [name, weights] of Object.entries(TEXTBOOK_GATES)) {
      const json = await calculatorJson({ id: "x@1", topic: "gate.xor", seed: 1, kind: "numeric", prompt: "", command: ["cnn-drill", "gate", name] });
      expect([...(json.weights as number[]), json.bias]).toEqual([...weights]);
    }
  });
});

describe("hints on hand-made problems", () => {
  const t = translator("en");

  it("gate weights=1,1 bias=-1: the row with z = 0 is the one worked", () => {
    const hints = buildHints({ topic: "gate.perceptron", given: { weights: [1, 1], bias: -1 } }, t);
    expect(hints[1]).toContain("x = (0, 1)");
    expect(hints[1]).toContain("z = 1·0 + 1·1 + (-1) = 0, which is not > 0, so 0 (step(0) = 0)");
  });

  it("gate xor: the gate name comes from the command's positional word", () => {
    const problem: HintProblem = { topic: "gate.xor", given: {}, command: ["cnn-drill", "gate", "or"] };
    expect(buildHints(problem, t)[0]).toContain("The OR unit has w1 = 0.5, w2 = 0.5, b = -0.2.");
  });

  it("throws when the gate is not a textbook gate", () => {
    expectInputError(() => buildHints({ topic: "gate.xor", given: { gate: "xnor" } }, t), undefined, "hint.givenBad");
  });
});

// The gate topics have no common mistakes of their own yet (a transposed answer is the tutor's, for any topic).
describeMistakes("gate", {});
