/**
 * roi's drill (src/calculators/roi/drill/): boxes whose rounding matters, image boxes projected onto a
 * stride-16 map, the worked first bin of its hints, a hand-made box, and its common mistake.
 */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { describeMistakes, drillTopics, HINT_SEEDS, hintCaseOf, problemsOf } from "../../helpers/drill.js";
import { translator } from "../../../src/i18n/index.js";
import { generateProblem } from "../../../src/quiz/index.js";
import { buildHints } from "../../../src/tutor/hints.js";

describe("topics", () => {
  it("lists roi's topics in order", async () => {
    expect(await drillTopics("roi")).toEqual(["roi.pool"]);
  });
});

describe("generators exercise what matters", () => {
  const seeds = (count: number) => Array.from({ length: count }, (_, seed) => seed);

  it("roi.pool boxes have corners whose rounding matters", async () => {
    for (const problem of await problemsOf("roi.pool", seeds(30))) {
      const box = problem.given!.box as number[];
      const scale = problem.given!.scale as number;
      expect(box.filter((v) => !Number.isInteger(v * scale)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("roi.pool: some boxes are image pixels projected onto a stride-16 map (scale 1/16), and the prompt says so", async () => {
    const problems = await problemsOf("roi.pool", seeds(60));
    const realistic = problems.filter((p) => p.given!.scale === 1 / 16);
    expect(realistic.length).toBeGreaterThan(10);
    expect(realistic.length).toBeLessThan(50);
    for (const problem of realistic) {
      expect(problem.prompt).toContain("An 80×80 image went through a backbone of total stride 16");
      expect((problem.given!.box as number[]).some((v) => v >= 16)).toBe(true);
      const korean = await generateProblem("roi.pool", problem.seed, "ko");
      expect(korean.prompt).toContain("80×80 영상이 전체 스트라이드 16인 백본");
    }
    for (const problem of problems.filter((p) => p.given!.scale !== 1 / 16)) expect(problem.prompt).not.toContain("stride 16");
  });
});

describe("worked numbers of the hints agree with the calculator", () => {
  it.each(HINT_SEEDS)("roi.pool seed=%i: the first bin's maximum is the answer's first cell", async (seed) => {
    const { hints, answer } = await hintCaseOf("roi.pool", seed);
    const match = /= (-?[\d.]+)\./.exec(hints.en[2]) ?? /is (0)\./.exec(hints.en[2]);
    expect(Number(match![1])).toBe((answer as number[][])[0][0]);
  });
});

describe("hints on hand-made problems", () => {
  const t = translator("en");

  it("roi box=(1,2,5,7) scale=0.5: corners round half away from zero", () => {
    const input = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 1], [2, 3, 4, 5, 6], [7, 8, 9, 1, 2], [3, 4, 5, 6, 7]];
    const hints = buildHints({ topic: "roi.pool", given: { input, box: [1, 2, 5, 7], output: 2, scale: 0.5 } }, t);
    expect(hints[1]).toContain("x1·scale = 1·0.5 = 0.5 → 1");
    expect(hints[1]).toContain("x2·scale = 5·0.5 = 2.5 → 3");
    expect(hints[1]).toContain("Row bins: rows 1–2, 3–4. Column bins: columns 1–2, 2–3.");
    expect(hints[2]).toContain("max(7, 8, 3, 4) = 8");
  });

  it("throws when the box is not a list", () => {
    expectInputError(() => buildHints({ topic: "roi.pool", given: { input: [[1, 2], [3, 4]], box: "0,0,1,1", output: 1 } }, t), undefined, "hint.givenBad");
  });
});

describeMistakes("roi", { "roi-floor": "roi.pool" });
