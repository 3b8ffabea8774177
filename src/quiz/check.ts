/** Checking an answer: numeric answers against the calculator's output, choice answers against the bank. */
import type { Lang } from "../i18n/index.js";
import { choiceLetter, flattenNested, isClose, readChoiceAnswer, readNumericAnswer, shapeOfNested, type NestedNumbers } from "./answer.js";
import { calculatorAnswer } from "./calculator.js";
import type { CheckResult, Problem } from "./types.js";

export interface NumericCheck extends CheckResult {
  kind: "numeric";
  /** The calculator's value under `ask`. */
  expected: NestedNumbers;
  /** Shape of the expected value ([] for a number). */
  shape: number[];
  /** The answer's numbers, row-major. */
  answer: number[];
  /** The expected numbers, row-major. */
  expectedValues: number[];
  /** Per cell, row-major: within tolerance. */
  cells: boolean[];
  /** A 0/1 mask (`ask` = `mask`): how it was scored, by its marked cells. */
  marks?: MaskMarks;
}

/** A mask scored by its marked cells: the share of the true cells marked, less the wrongly marked. */
export interface MaskMarks {
  /** Cells that are 1 in the expected mask. */
  trueCells: number;
  /** Of those, the ones the answer marks. */
  marked: number;
  /** Cells the answer marks that are 0 in the expected mask. */
  wronglyMarked: number;
}

/**
 * Per-cell partial credit is for value matrices; a mask is mostly zeros, so an all-zero answer would
 * score high per cell. It scores (marked − wrongly marked) / true cells, never below 0.
 */
export function scoreMask(answer: readonly number[], expected: readonly number[]): { score: number; marks: MaskMarks } {
  let trueCells = 0;
  let marked = 0;
  let wronglyMarked = 0;
  expected.forEach((value, i) => {
    const answerMarks = !isClose(answer[i], 0);
    if (value !== 0) {
      trueCells++;
      if (isClose(answer[i], value)) marked++;
    } else if (answerMarks) wronglyMarked++;
  });
  const score = trueCells === 0 ? 0 : Math.max(0, (marked - wronglyMarked) / trueCells);
  return { score, marks: { trueCells, marked, wronglyMarked } };
}

export interface ChoiceCheck extends CheckResult {
  kind: "choice";
  /** The right letter. */
  expected: string;
  /** Positions (0-based) as shown. */
  chosen: number;
  answerIndex: number;
  /** The options as shown, in `lang`. */
  choices: string[];
  explanation: string;
  question: string;
}

export type CheckOutcome = NumericCheck | ChoiceCheck;

/**
 * Checks `answerText` (already read from `@file` or `-`) for `problem`. Throws InputError when the
 * answer cannot be read or has the wrong shape.
 */
export async function checkAnswer(problem: Problem, answerText: string, lang: Lang): Promise<CheckOutcome> {
  if (problem.kind === "choice") return checkChoice(problem, answerText, lang);
  const expected = (await calculatorAnswer(problem)) as NestedNumbers;
  const { values } = readNumericAnswer(answerText, expected);
  const expectedValues = flattenNested(expected);
  const cells = expectedValues.map((value, i) => isClose(values[i], value));
  const right = cells.filter(Boolean).length;
  const correct = right === cells.length;
  const mask = problem.ask === "mask" ? scoreMask(values, expectedValues) : undefined;
  // A mask scores 1 exactly when every cell is right: a marked cell is one not within tolerance of 0.
  const score = mask !== undefined ? mask.score : cells.length === 0 ? 0 : right / cells.length;
  return {
    kind: "numeric",
    correct,
    score,
    ...(mask === undefined ? {} : { marks: mask.marks }),
    expected,
    shape: shapeOfNested(expected),
    answer: values,
    expectedValues,
    cells,
  };
}

async function checkChoice(problem: Problem, answerText: string, lang: Lang): Promise<ChoiceCheck> {
  const { drawChoice } = await import("./choice.js");
  const { question, order, answer } = await drawChoice(problem.topic, problem.seed);
  const chosen = readChoiceAnswer(answerText, order.length);
  return {
    kind: "choice",
    correct: chosen === answer,
    score: chosen === answer ? 1 : 0,
    expected: choiceLetter(answer),
    chosen,
    answerIndex: answer,
    choices: order.map((i) => question.choices[i][lang]),
    explanation: question.explanation[lang],
    question: question.id,
  };
}
