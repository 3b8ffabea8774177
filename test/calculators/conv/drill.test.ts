/**
 * conv's drill (src/calculators/conv/drill/): its topics and what each drills, the worked numbers of
 * its hints against the calculator, hints on hand-made problems, and its common mistakes.
 */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import {
  containsRun,
  describeHandComputable,
  describeMistakes,
  describeOpeningLines,
  describePinnedHandMadeHints,
  drillTopics,
  evaluate,
  HINT_SEEDS,
  hintCaseOf,
  numbersIn,
  problemsOf,
  workedLines,
} from "../../helpers/drill.js";
import { translator } from "../../../src/i18n/index.js";
import { calculatorAnswer, generateProblem, workedSolution } from "../../../src/quiz/index.js";
import { buildHints, type HintProblem } from "../../../src/tutor/hints.js";
import { diagnose, type DiagnosedProblem } from "../../../src/tutor/mistakes.js";

describe("topics", () => {
  it("lists conv's topics in order", async () => {
    expect(await drillTopics("conv")).toEqual([
      "conv.forward", "conv.padded", "conv.true", "conv.dilated", "conv.grad-input", "conv.grad-kernel", "conv.grad-bias", "conv.output-size",
      "conv.channels", "conv.channels-grad",
    ]);
  });
});

describeOpeningLines([
  ["conv.output-size", /^Output size = ⌊\(n \+ 2·p − k̂\) \/ s⌋ \+ 1 with k̂ = d\(k − 1\) \+ 1 = \d+·\(\d+ − 1\) \+ 1 = \d+: ⌊\(\d+ \+ 2·\d+ − \d+\) \/ \d+⌋ \+ 1 = (\d+)\.$/, /^출력 크기 = /],
]);

describe("worked solutions of the gradients", () => {
  it.each(["conv.grad-input", "conv.grad-kernel", "conv.grad-bias"])("%s: the gradients come before the forward pass", async (topic) => {
    const solution = await workedSolution(await generateProblem(topic, 1, "en"), "en");
    expect(solution.split("\n")[2]).toBe("The gradients (each worked out below)");
    expect(solution.indexOf("∂L/∂b = Σ δ = ")).toBeLessThan(solution.indexOf("Each output cell"));
  });
});

describe("generators exercise what matters", () => {
  const seeds = (count: number) => Array.from({ length: count }, (_, seed) => seed);

  it("conv.padded always uses a stride above 1 or padding", async () => {
    for (const problem of await problemsOf("conv.padded", seeds(30))) {
      expect((problem.given!.stride as number) > 1 || (problem.given!.padding as number) > 0).toBe(true);
    }
  });

  it("conv.grad-bias gives the layer a bias b and never says it has none", async () => {
    for (const problem of await problemsOf("conv.grad-bias", seeds(20))) {
      expect(typeof problem.given!.bias).toBe("number");
      expect(problem.prompt).toContain(`b = ${problem.given!.bias as number}`);
      expect(problem.prompt).not.toMatch(/no bias/);
      const korean = await generateProblem("conv.grad-bias", problem.seed, "ko");
      expect(korean.prompt).not.toMatch(/편향 없음/);
    }
  });

  it("conv.true kernels change when rotated 180°", async () => {
    for (const problem of await problemsOf("conv.true", seeds(30))) {
      const kernel = problem.given!.kernel as number[][];
      const rotated = kernel.map((row) => [...row].reverse()).reverse();
      expect(rotated).not.toEqual(kernel);
    }
  });
});

describe("the multi-channel topics", () => {
  describeHandComputable(["conv.channels", "conv.channels-grad"]);

  it("conv.channels-grad asks ∂L/∂w for both channels (2×2×2)", async () => {
    const answer = (await calculatorAnswer(await generateProblem("conv.channels-grad", 1, "en"))) as number[][][];
    expect([answer.length, answer[0].length, answer[0][0].length]).toEqual([2, 2, 2]);
  });
});

describe("worked numbers of the hints agree with the calculator", () => {
  it.each(["conv.forward", "conv.padded", "conv.true", "conv.dilated"].flatMap((topic) => HINT_SEEDS.map((seed) => [topic, seed] as const)))("%s seed=%i: s11's terms add up to the answer's first cell", async (topic, seed) => {
    const { hints, answer } = await hintCaseOf(topic, seed);
    const [line] = workedLines(hints.en[2], /^s11 =/);
    expect(line.value).toBe((answer as number[][])[0][0]);
    expect(evaluate(line.products)).toBeCloseTo(line.value, 9);
  });

  it.each(HINT_SEEDS)("conv.grad-input seed=%i: the first row of ∂L/∂a adds up to the answer's first row", async (seed) => {
    const { hints, answer } = await hintCaseOf("conv.grad-input", seed);
    const lines = workedLines(hints.en[2], /^∂L\/∂a1\d = δ/);
    const firstRow = (answer as number[][])[0];
    const reached = hints.en[2].split("\n").slice(1).map((line) => !line.includes("no window"));
    expect(lines.map((line) => line.value)).toEqual(firstRow.filter((_, j) => reached[j]));
    for (const line of lines) expect(evaluate(line.products)).toBeCloseTo(line.value, 9);
  });

  it.each(HINT_SEEDS)("conv.grad-kernel seed=%i: ∂L/∂w11's terms add up to the answer", async (seed) => {
    const { hints, answer } = await hintCaseOf("conv.grad-kernel", seed);
    const [line] = workedLines(hints.en[2], /^∂L\/∂w11 =/);
    expect(line.value).toBe((answer as number[][])[0][0]);
    expect(evaluate(line.products)).toBeCloseTo(line.value, 9);
  });

  it.each(HINT_SEEDS)("conv.grad-bias seed=%i: the substituted sum is the answer", async (seed) => {
    const { hints, answer } = await hintCaseOf("conv.grad-bias", seed);
    expect(evaluate(hints.en[1].split(" = ").pop()!)).toBe(answer);
  });

  it.each(HINT_SEEDS)("conv.output-size seed=%i: the substituted numbers lead to the answer", async (seed) => {
    const { hints, answer } = await hintCaseOf("conv.output-size", seed);
    const last = hints.en[1].trim().replace(/\.$/, "");
    const [, inner, stride] = /⌊(-?\d+)\/(\d+)⌋ \+ 1$/.exec(last)!;
    expect(Math.floor(Number(inner) / Number(stride)) + 1).toBe(answer);
  });
});

describe("hints on hand-made problems", () => {
  const t = translator("en");

  it("x=3x3 k=2 corr: the textbook first window", () => {
    const hints = buildHints({ topic: "conv.forward", given: { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 0], [0, -1]] } }, t);
    expect(hints[0]).toContain("The output s is 2×2");
    expect(hints[0]).toContain("⌊(3 + 2·0 − 2)/1⌋ + 1 = 2");
    expect(hints[1]).toContain("s11 = a11·w11 + a12·w12 + a21·w21 + a22·w22");
    expect(hints[2]).toContain("s11 = 1·1 + 2·0 + 4·0 + 5·(-1) = -4");
  });

  it("x=3x3 k=2 conv mode: the rotated kernel meets the first window", () => {
    const hints = buildHints({ topic: "conv.true", given: { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 0], [0, -1]], mode: "conv" } }, t);
    expect(hints[1]).toContain("s11 = a11·w22 + a12·w21 + a21·w12 + a22·w11");
    expect(hints[2]).toContain("s11 = 1·(-1) + 2·0 + 4·0 + 5·1 = 4");
  });

  it("x=3x3 k=2 s=1 grad: ∂L/∂a11 is reached by one window, δ′ padded by 1", () => {
    const hints = buildHints({ topic: "conv.grad-input", given: { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 0], [0, -1]], grad: [[1, 1], [1, 1]] } }, t);
    expect(hints[1]).toContain("∂L/∂a11 = δ11·w11");
    expect(hints[1]).toContain("The kernel rotated 180°:\n    -1   0\n     0   1");
    expect(hints[2]).toContain("∂L/∂a12 = δ11·w12 + δ12·w11 = 1·0 + 1·1 = 1");
  });

  it("x=4x4 k=2 s=2 grad: δ′ has one zero between entries", () => {
    const hints = buildHints({ topic: "conv.grad-input", given: { input: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 1, 2, 3], [4, 5, 6, 7]], kernel: [[1, 2], [3, 4]], stride: 2, grad: [[1, 2], [3, 4]] } }, t);
    expect(hints[0]).toContain("1 zero between neighbouring entries (stride 2) and 1 ring of zeros");
    expect(hints[1]).toContain("0  0  0  0  0\n    0  1  0  2  0\n    0  0  0  0  0\n    0  3  0  4  0");
  });

  it("x=5x5 k=2 s=2 grad: the last row and column are read by no window", () => {
    const input = [[1, 2, 3, 4, 5], [5, 6, 7, 8, 9], [9, 1, 2, 3, 4], [4, 5, 6, 7, 8], [1, 1, 1, 1, 1]];
    const hints = buildHints({ topic: "conv.grad-input", given: { input, kernel: [[1, 2], [3, 4]], stride: 2, grad: [[1, 2], [3, 4]] } }, t);
    expect(hints[0]).toContain("The last 1 row and column of a are read by no window, so they get 0.");
    expect(hints[2]).toContain("∂L/∂a15 = 0 (no window reads it)");
  });

  const twoChannels = {
    input: [[[1, 2, 0], [0, 1, 3], [2, 1, 1]], [[0, 1, 1], [2, 0, 1], [1, 1, 0]]],
    kernel: [[[1, 0], [-1, 2]], [[0, 1], [1, -1]]],
    bias: 1,
  };

  it("conv.channels x=2x3x3 k=2x2x2 b=1: s11 adds the two channels' window sums and the bias", () => {
    const hints = buildHints({ topic: "conv.channels", given: twoChannels }, t);
    expect(hints).toHaveLength(3);
    expect(hints[0]).toContain("The output s is 2×2");
    expect(hints[1]).toContain("s11 = (a[1]11·w[1]11 + a[1]12·w[1]12 + a[1]21·w[1]21 + a[1]22·w[1]22) + (a[2]11·w[2]11");
    expect(hints[2]).toContain("channel 1: 1·1 + 2·0 + 0·(-1) + 1·2 = 3\n  channel 2: 0·0 + 1·1 + 2·1 + 0·(-1) = 3\n  s11 = 3 + 3 + 1 = 7");
    // The calculator's whole answer, 7 8 / 1 5, is in no level.
    for (const level of hints) expect(containsRun(numbersIn(level), [7, 8, 1, 5])).toBe(false);
  });

  it("conv.channels-grad x=2x3x3 k=2x2x2 grad=2x2: the first element of each plane", () => {
    const hints = buildHints({ topic: "conv.channels-grad", given: { ...twoChannels, grad: [[1, -1], [2, 0]] } }, t);
    expect(hints[0]).toContain("∂L/∂w has the shape of w, 2×2×2");
    expect(hints[1]).toContain("∂L/∂w[2]11 = δ11·a[2]11 + δ12·a[2]12 + δ21·a[2]21 + δ22·a[2]22");
    // The calculator gives ∂L/∂w = [[[-1, 4], [3, 0]], [[3, 0], [4, 1]]].
    expect(hints[2]).toContain("∂L/∂w[1]11 = 1·1 + (-1)·2 + 2·0 + 0·1 = -1\n  ∂L/∂w[2]11 = 1·0 + (-1)·1 + 2·2 + 0·0 = 3");
    for (const level of hints) expect(containsRun(numbersIn(level), [-1, 4, 3, 0, 3, 0, 4, 1])).toBe(false);
  });

  it("conv.channels hints exist in Korean", () => {
    const hints = buildHints({ topic: "conv.channels", given: twoChannels }, translator("ko"));
    expect(hints[2]).toContain("채널 1: 1·1 + 2·0 + 0·(-1) + 1·2 = 3");
  });

  it("throws when the kernel has another number of channels than the input", () => {
    expectInputError(() => buildHints({ topic: "conv.channels", given: { ...twoChannels, kernel: [[[1, 0], [0, 1]]] } }, t), undefined, "hint.givenBad");
  });

  it("throws when a given value is missing", () => {
    expectInputError(() => buildHints({ topic: "conv.forward", given: { input: [[1, 2], [3, 4]] } }, t), undefined, "hint.givenBad");
  });

  it("throws when a number is not a number", () => {
    expectInputError(() => buildHints({ topic: "conv.output-size", given: { layers: "conv3", inputSize: "7" } }, t), undefined, "hint.givenBad");
  });

  it("throws when the engine refuses the problem (kernel larger than the input)", () => {
    expectInputError(() => buildHints({ topic: "conv.forward", given: { input: [[1, 2], [3, 4]], kernel: [[1, 2, 3], [4, 5, 6], [7, 8, 9]] } }, t), "kernel", "conv.kernelTooLarge");
  });
});

const handMade: [string, HintProblem][] = [
  ["conv.channels", { topic: "conv.channels", given: { input: [[[1, 2, 0], [0, 1, 3], [2, 1, 1]], [[0, 1, 1], [2, 0, 1], [1, 1, 0]]], kernel: [[[1, 0], [-1, 2]], [[0, 1], [1, -1]]], bias: 1 } }],
  ["conv.channels-grad", { topic: "conv.channels-grad", given: { input: [[[1, 2, 0], [0, 1, 3], [2, 1, 1]], [[0, 1, 1], [2, 0, 1], [1, 1, 0]]], kernel: [[[1, 0], [-1, 2]], [[0, 1], [1, -1]]], grad: [[1, -1], [2, 0]] } }],
];
describePinnedHandMadeHints(new URL("__snapshots__/hints/", import.meta.url), handMade);

describeMistakes("conv", {
  "flipped-kernel": "conv.forward",
  "unflipped-kernel": "conv.true",
  "missing-bias": "conv.forward",
  "grad-input-unrotated": "conv.grad-input",
  "output-size-no-plus-one": "conv.output-size",
  "output-size-one-side-padding": "conv.output-size",
});

describe("mistakes a tutor would recognise", () => {
  const forward: DiagnosedProblem = { topic: "conv.forward", given: { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 0], [0, -1]], bias: 10 }, ask: "output" };
  const right = [[6, 6], [6, 6]];

  it("the kernel flipped (true convolution): -w22·a… gives +4 before the bias", () => {
    expect(diagnose(forward, [[14, 14], [14, 14]], right)).toEqual(["flipped-kernel"]);
  });

  it("the bias forgotten: every cell off by b", () => {
    expect(diagnose(forward, [[-4, -4], [-4, -4]], right)).toEqual(["missing-bias"]);
  });

  it("an answer that is merely wrong is not diagnosed", () => {
    expect(diagnose(forward, [[6, 6], [6, 7]], right)).toEqual([]);
  });

  it("a wrong number of cells is not a mistake of the catalogue", () => {
    expect(diagnose(forward, [[6, 6, 6]], right)).toEqual([]);
  });

  it("conv5p1 on a 20-wide input: 18 is right; 17 is what both forgetting the +1 and padding one side only give", () => {
    const size: DiagnosedProblem = { topic: "conv.output-size", given: { layers: "conv5p1", inputSize: 20 }, ask: "outputSize" };
    expect(diagnose(size, 17, 18)).toEqual(["output-size-no-plus-one", "output-size-one-side-padding"]);
  });
});
