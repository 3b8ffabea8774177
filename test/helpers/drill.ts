/**
 * What the per-calculator drill tests (test/calculators/<name>/drill.test.ts) share: a drill's topics
 * and mistakes from the registry, problems over many seeds, the recognition of a drill's mistakes,
 * and the readers of hint texts (the numbers they show, their worked lines).
 */
import { describe, expect, it } from "vitest";
import type { CalculatorName } from "../../src/calculators/index.js";
import { loadDrill } from "../../src/calculators/index.js";
import { LANGS, type Lang } from "../../src/i18n/index.js";
import { calculatorAnswer, calculatorJson, flattenNested, generateProblem, workedSolution, type NestedNumbers, type QuizProblem } from "../../src/quiz/index.js";
import { hintsFor, type HintProblem } from "../../src/tutor/hints.js";
import { diagnose, mistakenAnswers, type DiagnosedProblem } from "../../src/tutor/mistakes.js";

/** The topic ids of a calculator's drill, in its order. */
export async function drillTopics(name: CalculatorName): Promise<string[]> {
  return (await loadDrill(name)).topics.map((generator) => generator.topic);
}

/** The mistake ids of a calculator's drill, in its order. */
export async function drillMistakeIds(name: CalculatorName): Promise<string[]> {
  return (await loadDrill(name)).mistakes.map((mistake) => mistake.id);
}

/** The English problems of `topic` for these seeds. */
export function problemsOf(topic: string, seeds: readonly number[]): Promise<QuizProblem[]> {
  return Promise.all(seeds.map((seed) => generateProblem(topic, seed, "en")));
}

/** How many decimals a value has (to 9 places). */
export function decimals(value: number): number {
  const text = String(Math.round(value * 1e9) / 1e9);
  return text.includes(".") ? text.split(".")[1].length : 0;
}

/** A generated problem as the tutor diagnoses it, with its right answer. */
export async function solved(topic: string, seed: number): Promise<{ problem: DiagnosedProblem; expected: NestedNumbers }> {
  const problem = await generateProblem(topic, seed, "en");
  const expected = (await calculatorAnswer(problem)) as NestedNumbers;
  return { problem: { topic, given: problem.given!, ask: problem.ask! }, expected };
}

const MISTAKE_SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

/**
 * The drill's mistakes, each recognised on the topic named for it over several seeds. `topicOf` names
 * the topic of every mistake of the drill (the ids are stable: the list pins them).
 */
export function describeMistakes(name: CalculatorName, topicOf: Readonly<Record<string, string>>): void {
  describe(`every mistake of the ${name} drill is recognised on its own topic`, () => {
    it("names a topic for every id", async () => {
      expect(Object.keys(topicOf).sort()).toEqual((await drillMistakeIds(name)).sort());
    });

    it.each(Object.entries(topicOf))("%s on %s, over several seeds", async (id, topic) => {
      expect(await recognisedCount(id, topic)).toBeGreaterThanOrEqual(3);
    });
  });
}

/** On how many seeds of `topic` mistake `id` applies, each time diagnosed as itself. */
export async function recognisedCount(id: string, topic: string): Promise<number> {
  let recognised = 0;
  for (const seed of MISTAKE_SEEDS) {
    const { problem, expected } = await solved(topic, seed);
    const mistaken = mistakenAnswers(problem, expected).find((m) => m.id === id);
    if (mistaken === undefined) continue;
    expect(diagnose(problem, mistaken.answer, expected), `${topic}@${seed}`).toContain(id);
    recognised++;
  }
  return recognised;
}

/**
 * Topics whose worked solution opens with the asked quantity: the first line is the formula with the
 * problem's numbers and the answer (captured by `english`'s first group), in both languages.
 */
export function describeOpeningLines(cases: readonly (readonly [string, RegExp, RegExp])[]): void {
  describe("worked solutions open with the asked quantity", () => {
    it.each(cases)("%s: the first line is the formula with the problem's numbers and the answer, in both languages", async (topic, english, korean) => {
      for (const seed of [1, 2, 3, 4, 5]) {
        const problem = await generateProblem(topic, seed, "en");
        const answer = (await calculatorJson(problem))[problem.ask!];
        const first = (await workedSolution(problem, "en")).split("\n")[0];
        expect(first).toMatch(english);
        expect(Number(english.exec(first)![1])).toBe(answer);
        expect((await workedSolution(problem, "ko")).split("\n")[0]).toMatch(korean);
      }
    });
  });
}

/**
 * Topics drilled by hand on small numbers: varied (at least 20 distinct problems in 100 seeds), never
 * an all-zero answer, answers with at most two decimals (unless `manyDecimals`), stated in exam notation.
 */
export function describeHandComputable(topics: readonly string[], manyDecimals: readonly string[] = []): void {
  const seeds = Array.from({ length: 100 }, (_, i) => i + 1);
  describe.each(topics)("%s", (topic) => {
    it("gives at least 20 distinct problems in 100 seeds", async () => {
      const distinct = new Set((await problemsOf(topic, seeds)).map((problem) => JSON.stringify(problem.given)));
      expect(distinct.size).toBeGreaterThanOrEqual(20);
    });

    it("never asks for an all-zero answer", async () => {
      for (const problem of await problemsOf(topic, seeds)) {
        const answer = flattenNested((await calculatorAnswer(problem)) as NestedNumbers);
        expect(answer.some((v) => Math.abs(v) > 1e-9), problem.id).toBe(true);
      }
    });

    it.skipIf(manyDecimals.includes(topic))("has answers with at most two decimals", async () => {
      for (const problem of await problemsOf(topic, seeds)) {
        const answer = flattenNested((await calculatorAnswer(problem)) as NestedNumbers);
        expect(Math.max(...answer.map(decimals)), problem.id).toBeLessThanOrEqual(2);
      }
    });

    it("states the problem in the seed's notation, in both languages", async () => {
      const [en, ko] = await Promise.all([generateProblem(topic, 3, "en"), generateProblem(topic, 3, "ko")]);
      expect(en.prompt).not.toContain("∂L/∂input");
      expect(ko.prompt).not.toBe(en.prompt);
      expect(ko.prompt).toMatch(/[가-힣]/);
    });
  });
}

/** A problem, its hints in both languages and its answer (from the calculator, as `check` gets it). */
export interface HintCase {
  problem: QuizProblem;
  hints: Record<Lang, string[]>;
  answer: unknown;
}

const hintCases = new Map<string, Promise<HintCase>>();

/** The hint case of `topic@seed`, computed once per test file. */
export function hintCaseOf(topic: string, seed: number): Promise<HintCase> {
  const key = `${topic}@${seed}`;
  if (!hintCases.has(key)) {
    hintCases.set(key, (async () => {
      const problem = await generateProblem(topic, seed, "en");
      const hints = { en: await hintsFor(problem, "en"), ko: await hintsFor(problem, "ko") };
      return { problem, hints, answer: await calculatorAnswer(problem) };
    })());
  }
  return hintCases.get(key)!;
}

/** The seeds the hint tests draw their problems from. */
export const HINT_SEEDS = Array.from({ length: 20 }, (_, i) => i * 7919 + 11);

/**
 * The numbers a text shows as values, in order. Cell and symbol names (a11, w12, δ21, x1, h2) are
 * names, not values, and the formula's 2·p is a constant of every problem.
 */
export function numbersIn(text: string): number[] {
  const values = text.replace(/[A-Za-zδ_]+\d+/g, " ").replace(/2·p/g, " ").match(/-?\d+(?:\.\d+)?/g) ?? [];
  return values.map(Number);
}

export function containsRun(haystack: readonly number[], needle: readonly number[]): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((value, i) => Math.abs(haystack[start + i] - value) < 1e-9)) return true;
  }
  return false;
}

export function flat(value: unknown): number[] {
  return Array.isArray(value) ? value.flatMap(flat) : [value as number];
}

/** The value of `3·(-1) + (-4)/4 + 2` (products, quotients and sums of plain numbers only). */
export function evaluate(expression: string): number {
  const value = (text: string) => Number(text.trim().replace(/^\((.*)\)$/, "$1"));
  return expression.split(" + ").reduce((total, term) => {
    const [product, divisor] = term.split("/");
    const factors = product.split("·").map(value);
    return total + factors.reduce((a, b) => a * b, 1) / (divisor === undefined ? 1 : value(divisor));
  }, 0);
}

/** The lines `name = … = products = value` of a worked level, as [products, value]. */
export function workedLines(level: string, name: RegExp): { products: string; value: number }[] {
  return level.split("\n").filter((line) => name.test(line.trim())).map((line) => {
    const sides = line.split(" = ");
    return { products: sides[sides.length - 2], value: Number(sides[sides.length - 1]) };
  });
}

/**
 * Hand-made problems of topics whose hints are pinned by hand (as well as by the generated problem):
 * one file snapshot per problem and language, in `folder` (the test file's __snapshots__/hints/).
 */
export function describePinnedHandMadeHints(folder: URL, handMade: readonly (readonly [string, HintProblem])[]): void {
  describe("pinned hints", () => {
    it.each(handMade.flatMap(([name, problem]) => LANGS.map((lang) => [name, lang, problem] as const)))("%s (hand-made) in %s", async (name, lang, problem) => {
      const hints = await hintsFor(problem, lang);
      const text = [`${name}: ${JSON.stringify(problem.given)}`, ...hints.map((hint, i) => `--- ${i + 1}/${hints.length}\n${hint}`)].join("\n\n");
      await expect(`${text}\n`).toMatchFileSnapshot(new URL(`${name}.hand-made.${lang}.txt`, folder).pathname);
    });
  });
}
