/**
 * spp's drill (src/calculators/spp/drill/): the opening line of the length's worked solution, the
 * worked numbers of its hints, and its common mistake.
 */
import { describe, expect, it } from "vitest";
import { describeMistakes, describeOpeningLines, drillTopics, evaluate, HINT_SEEDS, hintCaseOf } from "../../helpers/drill.js";
import { generateProblem, workedSolution } from "../../../src/quiz/index.js";

describe("topics", () => {
  it("lists spp's topics in order", async () => {
    expect(await drillTopics("spp")).toEqual(["spp.length", "spp.vector"]);
  });
});

describeOpeningLines([
  ["spp.length", /^Length = C · Σ n² = \d+ · \([\d² +]+\) = (\d+): /, /^길이 = C · Σ n² = /],
]);

describe("a worked solution's opening line", () => {
  it("a problem built by hand (not from its id) gets no opening line", async () => {
    const problem = await generateProblem("spp.length", 1, "en");
    const solution = await workedSolution({ ...problem, given: { ...problem.given, levels: [1] } }, "en");
    expect(solution).not.toMatch(/^Length/);
  });
});

describe("worked numbers of the hints agree with the calculator", () => {
  it.each(HINT_SEEDS)("spp.vector seed=%i: the first level's bins are the vector's first entries", async (seed) => {
    const { hints, answer } = await hintCaseOf("spp.vector", seed);
    const values = hints.en[2].split("\n").slice(1).map((line) => Number(line.split(" = ").pop()));
    expect(values).toEqual((answer as number[]).slice(0, values.length));
    expect(values.length).toBeLessThan((answer as number[]).length);
  });

  it.each(HINT_SEEDS)("spp.length seed=%i: the substituted numbers lead to the answer", async (seed) => {
    const { hints, answer } = await hintCaseOf("spp.length", seed);
    const last = hints.en[1].trim().replace(/\.$/, "");
    const [, channels, sum] = /= (\d+)·\(([\d + ]+)\)$/.exec(last)!;
    expect(Number(channels) * evaluate(sum)).toBe(answer);
  });
});

describeMistakes("spp", { "spp-no-channels": "spp.length" });
