/**
 * pool's drill (src/calculators/pool/drill/): its topics and what each drills (ties, overlapping
 * windows, masks), the worked numbers of its hints, a hand-made tie, and its common mistakes.
 */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { describeMistakes, drillTopics, HINT_SEEDS, hintCaseOf, problemsOf, workedLines } from "../../helpers/drill.js";
import { translator } from "../../../src/i18n/index.js";
import { calculatorJson, checkAnswer, flattenNested, type NestedNumbers, type QuizProblem } from "../../../src/quiz/index.js";
import { buildHints } from "../../../src/tutor/hints.js";

describe("topics", () => {
  it("lists pool's topics in order", async () => {
    expect(await drillTopics("pool")).toEqual(["pool.max", "pool.max-mask", "pool.max-grad", "pool.avg-grad"]);
  });
});

/** Whether some window of a max-pool problem holds its maximum twice. */
function hasTie(problem: QuizProblem): boolean {
  const input = problem.given!.input as number[][];
  const size = problem.given!.size as number;
  const stride = problem.given!.stride as number;
  const padding = (problem.given!.padding as number | undefined) ?? 0;
  const n = input.length;
  const out = Math.floor((n + 2 * padding - size) / stride) + 1;
  for (let i = 0; i < out; i++)
    for (let j = 0; j < out; j++) {
      const values: number[] = [];
      for (let r = i * stride - padding; r < i * stride - padding + size; r++)
        for (let c = j * stride - padding; c < j * stride - padding + size; c++) if (r >= 0 && r < n && c >= 0 && c < n) values.push(input[r][c]);
      const best = Math.max(...values);
      if (values.filter((v) => v === best).length > 1) return true;
    }
  return false;
}

describe("generators exercise what matters", () => {
  const seeds = (count: number) => Array.from({ length: count }, (_, seed) => seed);

  it("pool.max has ties in some problems but not all", async () => {
    let withTies = 0;
    for (const problem of await problemsOf("pool.max", seeds(60))) {
      const json = await calculatorJson(problem);
      const input = problem.given!.input as number[][];
      const argmax = json.argmax as number[][][];
      // The chosen cells hold the outputs; a tie is a window whose maximum appears twice.
      const values = (json.output as number[][]).flat();
      const chosen = argmax.flat().map(([r, c]) => input[r][c]);
      expect(chosen).toEqual(values);
      withTies += Number(hasTie(problem));
    }
    expect(withTies).toBeGreaterThan(5);
    expect(withTies).toBeLessThan(55);
  });

  it("pool.max outputs repeat a value in at most half their cells (never constant) over 100 seeds", async () => {
    for (const problem of await problemsOf("pool.max", seeds(100))) {
      const output = ((await calculatorJson(problem)).output as number[][]).flat();
      const most = Math.max(...output.map((value) => output.filter((v) => v === value).length));
      expect(most).toBeLessThanOrEqual(Math.floor(output.length / 2));
    }
  });

  it("pool.max-mask: an all-zero answer scores 0", async () => {
    for (const problem of await problemsOf("pool.max-mask", seeds(20))) {
      const input = problem.given!.input as number[][];
      const zeros = input.map((row) => row.map(() => 0).join(" ")).join("; ");
      const outcome = await checkAnswer(problem, zeros, "en");
      expect([outcome.correct, outcome.score]).toEqual([false, 0]);
    }
  });

  it("pool topics use overlapping windows (stride < size) in some problems", async () => {
    const overlapping = (await problemsOf("pool.max-grad", seeds(60))).filter((p) => (p.given!.stride as number) < (p.given!.size as number));
    expect(overlapping.length).toBeGreaterThan(5);
  });

  it("pool.avg-grad answers are multiples of 1/4", async () => {
    for (const problem of await problemsOf("pool.avg-grad", seeds(20))) {
      const values = flattenNested((await calculatorJson(problem)).gradInput as NestedNumbers);
      for (const value of values) expect(Number.isInteger(value * 4)).toBe(true);
    }
  });
});

describe("worked numbers of the hints agree with the calculator", () => {
  it.each(["pool.max", "pool.max-mask"].flatMap((topic) => HINT_SEEDS.map((seed) => [topic, seed] as const)))("%s seed=%i: the first row of windows gives the first row of maxima", async (topic, seed) => {
    const { problem, hints } = await hintCaseOf(topic, seed);
    const lines = workedLines(hints.en[2].replace(/, at a\d+/g, ""), /^s1\d =/);
    const forward = await hintCaseOf("pool.max", seed);
    if (topic === "pool.max") expect(lines.map((line) => line.value)).toEqual((forward.answer as number[][])[0]);
    for (const line of lines) expect(Math.max(...line.products.replace(/^max\(|\)$/g, "").split(", ").map(Number))).toBe(line.value);
    expect(problem.topic).toBe(topic);
  });

  it.each(["pool.max-grad", "pool.avg-grad"].flatMap((topic) => HINT_SEEDS.map((seed) => [topic, seed] as const)))("%s seed=%i: the first row of ∂L/∂a is the answer's first row", async (topic, seed) => {
    const { hints, answer } = await hintCaseOf(topic, seed);
    const values = hints.en[2].split("\n").slice(1).map((line) => Number(line.split(" = ").pop()));
    expect(values).toEqual((answer as number[][])[0]);
  });
});

describe("hints on hand-made problems", () => {
  const t = translator("en");

  it("pool size=2 stride=2 with a tie: the first maximum is taken", () => {
    const hints = buildHints({ topic: "pool.max-grad", given: { input: [[3, 3], [1, 3]], size: 2, stride: 2, grad: [[5]] } }, t);
    expect(hints[1]).toContain("Its maximum is 3, at a11. (3 cells hold 3; the first one, a11, is taken.) So δ11 = 5 goes to a11 alone.");
    expect(hints[2]).toContain("∂L/∂a11 = δ11 = 5\n  ∂L/∂a12 = 0");
  });

  it("throws when a matrix is ragged", () => {
    expectInputError(() => buildHints({ topic: "pool.max", given: { input: [[1, 2], [3]], size: 2 } }, t), undefined, "hint.givenBad");
  });
});

describeMistakes("pool", {
  "pool-grad-to-all": "pool.max-grad",
  "pool-grad-averaged": "pool.max-grad",
  "pool-overlap-not-summed": "pool.max-grad",
  "pool-tie-all": "pool.max-mask",
});
