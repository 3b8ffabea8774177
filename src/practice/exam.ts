/**
 * A mock exam as data: the problems of a seeded plan, each with the shape of its answer (for the
 * answer boxes) and, when asked for, its answer and worked solution from the calculator (numeric) or
 * the bank's explanation (choice). Renderers (src/render/exam.ts) turn it into Markdown or HTML.
 */
import type { Lang } from "../i18n/index.js";
import { calculatorAnswer, generateProblem, shapeOfNested, topicTitle, workedHtml, workedSolution, type NestedNumbers, type ProblemRef, type QuizProblem } from "../quiz/index.js";

/** A worked solution typeset for the HTML answer key (a title and a body of markup). */
export type TypesetSolution = NonNullable<Awaited<ReturnType<typeof workedHtml>>>;

export const DEFAULT_EXAM_COUNT = 8;

export type ExamAnswer =
  | { kind: "numeric"; value: NestedNumbers; solution: string; typeset?: TypesetSolution }
  | { kind: "choice"; letter: string; text: string; explanation: string };

export interface ExamQuestion {
  number: number;
  problem: QuizProblem;
  /** The topic's title in the exam's language. */
  title: string;
  /** numeric: the answer's shape ([] for one number), for the answer box. */
  answerShape?: number[];
  answer?: ExamAnswer;
}

export interface Exam {
  seed: number;
  lang: Lang;
  /** The command that prints this exam again. */
  command: string;
  questions: ExamQuestion[];
  withAnswers: boolean;
}

export async function buildExam(refs: readonly ProblemRef[], options: { seed: number; lang: Lang; withAnswers: boolean; command: string }): Promise<Exam> {
  const { lang, withAnswers } = options;
  const questions: ExamQuestion[] = [];
  for (const [index, ref] of refs.entries()) {
    const problem = await generateProblem(ref.topic, ref.seed, lang);
    const question: ExamQuestion = { number: index + 1, problem, title: topicTitle(problem.topic, lang) };
    if (problem.kind === "numeric") {
      const value = (await calculatorAnswer(problem)) as NestedNumbers;
      question.answerShape = shapeOfNested(value);
      if (withAnswers) question.answer = { kind: "numeric", value, solution: await workedSolution(problem, lang), typeset: await workedHtml(problem, lang) };
    } else if (withAnswers) {
      const { choiceAnswer } = await import("../quiz/choice.js");
      question.answer = { kind: "choice", ...(await choiceAnswer(problem.topic, problem.seed, lang)) };
    }
    questions.push(question);
  }
  return { seed: options.seed, lang, command: options.command, questions, withAnswers };
}
