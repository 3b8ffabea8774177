/** What check says of a wrong answer: its recognised mistakes, and the likely cause of a wrong shape. */
import { describe, expect, it } from "vitest";
import { calculatorAnswer, generateProblem, type NestedNumbers } from "../../src/quiz/index.js";
import { diagnoseAnswer, nestLike, shapeCause, SHAPE_CAUSES } from "../../src/tutor/diagnosis.js";
import type { DiagnosedProblem } from "../../src/tutor/mistakes.js";

describe("nestLike", () => {
  it("puts row-major values back into the expected shape", () => {
    expect(nestLike([1, 2, 3, 4, 5, 6], [[0, 0, 0], [0, 0, 0]])).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(nestLike([7], 0)).toBe(7);
    expect(nestLike([1, 2, 3, 4], [[[0, 0]], [[0, 0]]])).toEqual([[[1, 2]], [[3, 4]]]);
  });
});

describe("diagnoseAnswer", () => {
  const problem: DiagnosedProblem = { topic: "conv.forward", ask: "output", given: { input: [[1, 2, 0], [0, 1, 3], [2, 1, 1]], kernel: [[1, 0], [0, 1]], bias: 2 } };
  // s = a·w + b: [[1+1, 2+3], [0+1, 1+1]] + 2
  const expected = [[4, 7], [3, 4]];

  it("names the missing bias of an answer that left it out", () => {
    expect(diagnoseAnswer(problem, [2, 5, 1, 2], expected)).toEqual(["missing-bias"]);
  });

  it("names nothing for the right answer or an unrecognised one", () => {
    expect(diagnoseAnswer(problem, [4, 7, 3, 4], expected)).toEqual([]);
    expect(diagnoseAnswer(problem, [9, 9, 9, 9], expected)).toEqual([]);
  });

  it("names nothing when the problem has no given values or no asked key", () => {
    expect(diagnoseAnswer({ topic: "conv.forward" }, [2, 5, 1, 2], expected)).toEqual([]);
    expect(diagnoseAnswer({ topic: "conv.forward", given: problem.given }, [2, 5, 1, 2], expected)).toEqual([]);
  });

  it.each(["conv.forward", "conv.padded", "pool.max-grad", "conv.output-size", "roi.pool"])("never diagnoses the right answer of %s (seeds 1–20)", async (topic) => {
    for (let seed = 1; seed <= 20; seed++) {
      const generated = await generateProblem(topic, seed, "en");
      const right = (await calculatorAnswer(generated)) as NestedNumbers;
      const flat = Array.isArray(right) ? right.flat(3) as number[] : [right];
      expect(diagnoseAnswer(generated, flat, right), generated.id).toEqual([]);
    }
  });
});

describe("shapeCause", () => {
  // 5×5 input, 3×3 kernel, stride 2, padding 1: ⌊(5 + 2 − 3)/2⌋ + 1 = 3.
  const conv: DiagnosedProblem = {
    topic: "conv.padded",
    ask: "output",
    given: { input: Array.from({ length: 5 }, () => [1, 2, 3, 4, 5]), kernel: [[1, 0, 1], [0, 1, 0], [1, 0, 1]], stride: 2, padding: 1 },
  };
  const threeByThree = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];

  it("names the missing padding for the unpadded size (⌊(5 − 3)/2⌋ + 1 = 2)", () => {
    expect(shapeCause(conv, threeByThree, [2, 2])).toBe("no-padding");
  });

  it("names the missing stride for the stride-1 size (5 + 2 − 3 + 1 = 5)", () => {
    expect(shapeCause(conv, threeByThree, [5, 5])).toBe("no-stride");
  });

  it("names the missing dilation for the undilated size", () => {
    // 7×7 input, 3×3 kernel, dilation 2: k̂ = 5, 7 − 5 + 1 = 3; undilated 7 − 3 + 1 = 5.
    const dilated: DiagnosedProblem = { topic: "conv.dilated", ask: "output", given: { input: Array.from({ length: 7 }, () => [1, 2, 3, 4, 5, 6, 7]), kernel: [[1, 0, 1], [0, 1, 0], [1, 0, 1]], dilation: 2 } };
    expect(shapeCause(dilated, threeByThree, [5, 5])).toBe("no-dilation");
  });

  it("names δ's shape for a gradient with the output's shape", () => {
    const grad: DiagnosedProblem = { topic: "pool.max-grad", ask: "gradInput", given: { input: [[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4], [5, 6, 7, 8]], size: 2, grad: [[1, 2], [3, 4]] } };
    expect(shapeCause(grad, [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], [2, 2])).toBe("grad-shape");
  });

  it("names the missing pooling padding for the unpadded number of windows", () => {
    // 4×4, window 2, stride 2, padding 1: ⌊(4 + 2 − 2)/2⌋ + 1 = 3; unpadded 2.
    const pool: DiagnosedProblem = { topic: "pool.max", ask: "output", given: { input: [[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4], [5, 6, 7, 8]], size: 2, stride: 2, padding: 1 } };
    expect(shapeCause(pool, threeByThree, [2, 2])).toBe("no-padding");
  });

  it("names a transposed shape of a non-square answer", () => {
    expect(shapeCause({ ...conv, ask: "outputs" }, [[0, 0, 0], [0, 0, 0]], [3, 2])).toBe("transposed");
  });

  it("names no cause for the right shape or a shape no cause explains", () => {
    expect(shapeCause(conv, threeByThree, [3, 3])).toBeUndefined();
    expect(shapeCause(conv, threeByThree, [4, 4])).toBeUndefined();
    expect(shapeCause({ ...conv, given: { ...conv.given, padding: 0, stride: 1 } }, threeByThree, [2, 2])).toBeUndefined();
  });

  it("has a stable list of causes", () => {
    expect(SHAPE_CAUSES).toEqual(["no-padding", "no-stride", "no-dilation", "grad-shape", "transposed"]);
  });
});
