/**
 * Every numeric topic of the registry over many seeds: reproducible, its calculator command runs, the
 * checker accepts the calculator's answer and rejects a changed one, and the problem is not degenerate.
 * What each topic drills is tested with its calculator's drill (test/calculators/<name>/drill.test.ts).
 */
import { describe, expect, it } from "vitest";
import { inputErrorOf } from "../helpers/errors.js";
import { commandLoaders } from "../../src/commands/index.js";
import {
  calculatorJson,
  checkAnswer,
  CHOICE_TOPICS,
  flattenNested,
  generateProblem,
  listTopics,
  numericGenerators,
  parseProblemId,
  shapeOfNested,
  type NestedNumbers,
  type QuizProblem,
} from "../../src/quiz/index.js";
import { CALCULATOR_NAMES, isCalculatorName, loadDrill } from "../../src/calculators/index.js";

const SEEDS = Array.from({ length: 25 }, (_, i) => i * 7919 + 3);

/** Every numeric topic, from the registry (each calculator's drill lists its own; its drill test pins them). */
const NUMERIC_TOPICS = numericGenerators().map((generator) => generator.topic);

/** The answer as a student would type it: rows split by ;, or JSON for 3-D. */
function answerText(expected: NestedNumbers): string {
  const shape = shapeOfNested(expected);
  if (shape.length === 0) return String(expected);
  if (shape.length === 1) return (expected as number[]).join(" ");
  if (shape.length === 2) return (expected as number[][]).map((row) => row.join(" ")).join("; ");
  return JSON.stringify(expected);
}

/** The expected value with its first cell changed by 1. */
function changed(expected: NestedNumbers): NestedNumbers {
  if (!Array.isArray(expected)) return expected + 1;
  const [first, ...rest] = expected;
  return [changed(first), ...rest];
}

/** [rows, cols] of every given grid (each channel of a C×H×W input). */
function matrices(problem: QuizProblem): number[][] {
  const sizes: number[][] = [];
  for (const value of Object.values(problem.given ?? {})) {
    if (!Array.isArray(value) || !Array.isArray(value[0])) continue;
    const planes = Array.isArray((value as unknown[][])[0][0]) ? (value as number[][][]) : [value as number[][]];
    for (const plane of planes) sizes.push([plane.length, plane[0].length]);
  }
  return sizes;
}

describe("topic list", () => {
  it("lists every drill's numeric topics, in the calculators' order, and the seven concept topics", async () => {
    const topics = listTopics();
    const drills = await Promise.all(CALCULATOR_NAMES.map(loadDrill));
    expect(topics.filter((t) => t.kind === "numeric").map((t) => t.id)).toEqual(drills.flatMap((drill) => drill.topics.map((generator) => generator.topic)));
    expect(NUMERIC_TOPICS.length).toBeGreaterThan(20);
    expect(topics.filter((t) => t.kind === "choice").map((t) => t.id)).toEqual([...CHOICE_TOPICS]);
  });

  it("has unique ids of the form area.name, with titles in both languages", () => {
    const topics = listTopics();
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
    for (const topic of topics) {
      expect(topic.id).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(topic.area).toBe(topic.id.split(".")[0]);
      expect(topic.title.en).not.toBe(`quiz.topic.${topic.id}`);
      expect(topic.title.ko).not.toBe(topic.title.en);
    }
  });

  it("lists only topics whose calculator command is registered", () => {
    for (const generator of numericGenerators()) expect(Object.keys(commandLoaders)).toContain(generator.calculator);
  });

  it("lists only topics answered by a registered calculator", () => {
    for (const generator of numericGenerators()) expect(isCalculatorName(generator.calculator), `${generator.topic}: ${generator.calculator}`).toBe(true);
  });
});

describe("problem ids", () => {
  it("parses topic@seed", () => {
    expect(parseProblemId("conv.forward@1234", undefined)).toEqual({ topic: "conv.forward", seed: 1234 });
  });

  for (const bad of ["conv.forward", "conv.forward@", "conv.forward@-1", "conv.forward@1.5", "conv.forward@x", "@12", "nope.topic@1", "conv.forward@4294967296"]) {
    it(`throws when the id is ${JSON.stringify(bad)}`, () => {
      expect(() => parseProblemId(bad, undefined)).toThrow();
    });
  }

  it("names no option when a positional id has an unknown topic or a bad seed", () => {
    expect(inputErrorOf(() => parseProblemId("nope.topic@1", undefined)).argument).toBeUndefined();
    expect(inputErrorOf(() => parseProblemId("conv.forward@x", undefined)).argument).toBeUndefined();
    expect(inputErrorOf(() => parseProblemId("nope.topic@1", "id")).argument).toBe("id");
  });

  it("gives different problems for different seeds", async () => {
    const a = await generateProblem("conv.forward", 1, "en");
    const b = await generateProblem("conv.forward", 2, "en");
    expect(a.given).not.toEqual(b.given);
  });
});

describe.each(NUMERIC_TOPICS)("%s", (topic) => {
  it.each(SEEDS)(`seed=%i: reproducible, runs, checks, not degenerate`, async (seed) => {
    const problem = await generateProblem(topic, seed, "en");
    expect(problem.id).toBe(`${topic}@${seed}`);
    expect(await generateProblem(topic, seed, "en")).toEqual(problem);

    // The Korean problem is the same problem in other words.
    const korean = await generateProblem(topic, seed, "ko");
    expect(korean.given).toEqual(problem.given);
    expect(korean.command).toEqual(problem.command);
    expect(korean.prompt).not.toBe(problem.prompt);
    for (const prompt of [problem.prompt, korean.prompt]) {
      expect(prompt).not.toMatch(/\{\w+\}|quiz\.prompt/);
      // The exam's notation, not command-line syntax: no layer tokens, ∂L/∂a for the input's gradient.
      expect(prompt).not.toMatch(/\b(conv|pool)\d+([spd]\d+)*(?!\w)|∂L\/∂input|∂L\/∂입력|layers =|type =|mode =/);
    }

    expect(problem.kind).toBe("numeric");
    expect(problem.command?.[0]).toBe("cnn-drill");
    const json = await calculatorJson(problem);
    expect(json).toHaveProperty(problem.ask!);
    const expected = json[problem.ask!] as NestedNumbers;

    // Not degenerate: an answer that is not all zero, from grids of exam size.
    expect(flattenNested(expected).some((value) => value !== 0)).toBe(true);
    const backward = problem.given !== undefined && "grad" in problem.given;
    for (const [h, w] of matrices(problem)) {
      expect(h).toBeLessThanOrEqual(backward ? 4 : 5);
      expect(w).toBeLessThanOrEqual(backward ? 4 : 5);
    }

    const right = await checkAnswer(problem, answerText(expected), "en");
    expect(right.correct).toBe(true);
    expect(right.score).toBe(1);
    const wrong = await checkAnswer(problem, answerText(changed(expected)), "en");
    expect(wrong.correct).toBe(false);
    // One cell off: per-cell credit for values; a mask loses one of its true cells (marked or wrongly marked).
    const counted = problem.ask === "mask" ? flattenNested(expected).filter((value) => value !== 0).length : flattenNested(expected).length;
    expect(wrong.score).toBeCloseTo((counted - 1) / counted, 10);
  });
});

/** Topics that cannot give 20 distinct problems in 100 seeds, each with the reason (none today). */
const FEW_PROBLEMS: Readonly<Record<string, string>> = {};

describe("every numeric topic varies", () => {
  it.each(numericGenerators().map((generator) => generator.topic))("%s gives at least 20 distinct problems in 100 seeds", async (topic) => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const problem = await generateProblem(topic, seed, "en");
      // What the student sees: the question and its numbers.
      seen.add(JSON.stringify([problem.prompt, problem.given]));
    }
    if (topic in FEW_PROBLEMS) return;
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });

  it("lists only real topics among those excused", () => {
    const topics = new Set(numericGenerators().map((generator) => generator.topic as string));
    for (const topic of Object.keys(FEW_PROBLEMS)) expect(topics.has(topic)).toBe(true);
  });
});
