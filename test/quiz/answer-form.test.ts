/**
 * A problem's answer form ("Answer with: one number / a list / a matrix") is what the calculator's
 * answer is: every numeric topic, over many seeds (so a topic that sometimes asks for a bias is caught).
 */
import { describe, expect, it } from "vitest";
import { calculatorAnswer, generateProblem, numericGenerators, shapeOfNested, type NestedNumbers } from "../../src/quiz/index.js";

const SEEDS = Array.from({ length: 30 }, (_, i) => i * 104729 + 1);

/** The form an answer of this shape is written in. */
function formOf(shape: readonly number[]): string {
  if (shape.length === 0) return "number";
  return shape.length === 1 ? "list" : "matrix";
}

describe.each(numericGenerators().map((generator) => generator.topic))("%s", (topic) => {
  it("states the form of its answer", async () => {
    for (const seed of SEEDS) {
      const problem = await generateProblem(topic, seed, "en");
      const shape = shapeOfNested((await calculatorAnswer(problem)) as NestedNumbers);
      expect(problem.answerForm, `${problem.id} asks ${problem.ask}`).toBe(formOf(shape));
    }
  });
});
