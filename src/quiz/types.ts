/**
 * The quiz's data types, shared by the quiz core (topics, problems, check) and the practice
 * commands (quiz, review, exam, stats). Problems are pure data; answers are checked by running the
 * calculator command the problem names.
 */
import type { AnswerForm, GivenValue } from "../drill/topic.js";
import type { Lang } from "../i18n/index.js";

export type { AnswerForm, GivenValue } from "../drill/topic.js";

export type TopicKind = "numeric" | "choice";

export interface Topic {
  /** `area.name`, e.g. `conv.forward`. */
  id: string;
  /** Area, the part before the dot: `conv`, `pool`, `roi`, `spp`, `rf`, `gate`, or `concept`-style areas. */
  area: string;
  kind: TopicKind;
  title: Record<Lang, string>;
}


export interface Problem {
  /** `<topic>@<seed>`: the same id always gives the same problem. */
  id: string;
  topic: string;
  seed: number;
  kind: TopicKind;
  /** The question, in the requested language. */
  prompt: string;
  /** numeric: the problem's numbers keyed by the calculator's option names (`input`, `kernel`, `stride`…). */
  given?: Record<string, GivenValue>;
  /** numeric: the key of the calculator's JSON output that is the answer (`output`, `gradInput`…). */
  ask?: string;
  /** numeric: the calculator argv starting with "cnn-drill", whose --json output holds the answer under `ask`. */
  command?: string[];
  /** choice: the options, answered by letter a, b, … or number 1, 2, …. */
  choices?: string[];
}

export interface CheckResult {
  correct: boolean;
  /** 0…1: the share of cells right (numeric), 0 or 1 (choice). */
  score: number;
  /** The right answer: a number, nested arrays, or the choice letter. */
  expected: unknown;
}


/** A problem with what the quiz core adds to the shared type. */
export interface QuizProblem extends Problem {
  /** How the answer is written. */
  answerForm: AnswerForm;
  /** choice: the question's id in the bank. */
  question?: string;
}

export interface ProblemRef {
  topic: string;
  seed: number;
}

export function formatProblemId(topic: string, seed: number): string {
  return `${topic}@${seed}`;
}
