/**
 * The common mistakes a tutor names. Each calculator's drill lists its own (src/calculators/<name>/drill/mistakes.ts);
 * one mistake, a transposed matrix, can happen in any topic and lives here. Each recomputes the answer under
 * the mistaken rule, with the engine, on the problem's own values; a student's answer that matches a mistaken
 * answer (within the checking tolerance) while the right answer differs is diagnosed as that mistake.
 * Pure: ids only; messages are `tutor.mistake.<id>` in the catalogue.
 */
import type { NestedNumbers } from "../drill/nested.js";
import { shapeOfNested } from "../drill/nested.js";
import { mistake, sameAnswer, type DiagnosedProblem, type Mistake } from "../drill/tutor.js";
import { drillMistakes } from "../quiz/drills.js";

export type { DiagnosedProblem } from "../drill/tutor.js";

/** A mistake's stable id (the contract promises them once released). */
export type MistakeId = string;

/** Rows and columns swapped: the transpose of a matrix answer. */
const transposed = mistake("transposed", (_, expected) => {
  const shape = shapeOfNested(expected);
  if (shape.length !== 2) return undefined;
  const rows = expected as number[][];
  return Array.from({ length: shape[1] }, (_, j) => rows.map((row) => row[j]));
});

/** Every mistake, the drills' in the calculators' order and then the ones any topic can show. */
export function allMistakes(): readonly Mistake[] {
  return [...drillMistakes(), transposed];
}

/** The mistaken answer of every mistake that applies to this problem and differs from the right answer. */
export function mistakenAnswers(problem: DiagnosedProblem, expected: NestedNumbers): { id: MistakeId; answer: NestedNumbers }[] {
  return allMistakes().flatMap((mistake) =>
    mistake.answers(problem, expected).filter((answer) => !sameAnswer(answer, expected)).map((answer) => ({ id: mistake.id, answer })));
}

/** The mistakes whose answer is the student's (empty for a right answer or an unrecognised one). */
export function diagnose(problem: DiagnosedProblem, answer: NestedNumbers, expected: NestedNumbers): MistakeId[] {
  if (sameAnswer(answer, expected)) return [];
  const ids = mistakenAnswers(problem, expected).filter((mistake) => sameAnswer(mistake.answer, answer)).map((mistake) => mistake.id);
  // A mistake with several forms (loss-form) is named once.
  return [...new Set(ids)];
}
