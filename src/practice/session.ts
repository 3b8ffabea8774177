/**
 * The interactive drill loop, shared by `quiz` and `review`. Prompts, output, clock and history are
 * injected, so tests drive a whole session without a terminal; the commands pass @inquirer/prompts.
 *
 * Per problem: show it (id, prompt, given grids), ask (a one-line matrix/number/list, or a select for
 * choices), re-ask an unreadable or wrong-shaped answer with its hint (never marked wrong), record the
 * answer at once, then a short confirmation or the diff grid and the worked solution. Ctrl-C
 * (inquirer's ExitPromptError) ends the session cleanly: what was answered is already saved.
 */
import { InputError } from "../engine/errors.js";
import { codeText, type Lang, type Translate } from "../i18n/index.js";
import { checkAnswer, choiceLetter, generateProblem, workedSolution, type CheckOutcome, type ProblemRef, type QuizProblem } from "../quiz/index.js";
import type { HistoryRecord } from "./history.js";

/** What the student types to give up on a numeric problem and see the worked solution. */
export const GIVE_UP = "?";

export interface InputPromptOptions {
  message: string;
  /** true when the answer can be checked; otherwise the message to show before asking again. */
  validate(value: string): Promise<true | string>;
  /** The problem being answered (prompts may ignore it; test prompts use it to answer). */
  problem: QuizProblem;
}

export interface SelectPromptOptions {
  message: string;
  choices: { name: string; value: string }[];
  problem: QuizProblem;
}

export interface SessionPrompts {
  input(options: InputPromptOptions): Promise<string>;
  select(options: SelectPromptOptions): Promise<string>;
}

/** How the session's text looks: drawn by the commands' views (practice itself draws nothing). */
export interface SessionView {
  /** A problem as shown before asking: heading, prompt, given values, how to answer. */
  problem(problem: QuizProblem, index: number, total: number): string;
  /** The line after a right answer. */
  right(seconds: number): string;
  /** After a wrong answer: the check's diff and the worked solution; after giving up (no outcome): the solution. */
  wrong(outcome: CheckOutcome | undefined, solution: string | undefined): string;
}

export interface SessionDeps {
  prompts: SessionPrompts;
  /** Writes session text as it happens (the summary is returned, not written). */
  write(text: string): void;
  /** Milliseconds, for timing answers. */
  now(): number;
  /** Saves one answer (the history appends at once, so Ctrl-C loses nothing). */
  record(record: HistoryRecord): void;
  lang: Lang;
  t: Translate;
  view: SessionView;
  /** Worked solutions in colour. */
  colour: boolean;
}

export interface SessionAnswer {
  id: string;
  topic: string;
  correct: boolean;
  score: number;
  seconds: number;
  /** The student typed `?` instead of an answer. */
  gaveUp: boolean;
}

export interface SessionResult {
  answers: SessionAnswer[];
  /** The number of problems planned. */
  planned: number;
  /** Ended by Ctrl-C. */
  interrupted: boolean;
}

/** Answers counted: how many, how many right, and the seconds they took. */
export interface SessionTally {
  right: number;
  total: number;
  seconds: number;
}

export interface SessionSummary {
  /** One tally per topic, in the order the topics were first answered. */
  byTopic: (SessionTally & { topic: string })[];
  /** The whole session. */
  total: SessionTally;
}

export function summariseSession(answers: readonly SessionAnswer[]): SessionSummary {
  const byTopic = new Map<string, SessionTally & { topic: string }>();
  const total: SessionTally = { right: 0, total: 0, seconds: 0 };
  for (const answer of answers) {
    const tally = byTopic.get(answer.topic) ?? { topic: answer.topic, right: 0, total: 0, seconds: 0 };
    for (const counted of [tally, total]) {
      counted.total++;
      if (answer.correct) counted.right++;
      counted.seconds += answer.seconds;
    }
    byTopic.set(answer.topic, tally);
  }
  return { byTopic: [...byTopic.values()], total };
}

/** inquirer rejects with ExitPromptError when the user presses Ctrl-C (and AbortPromptError on abort). */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");
}

/** An unreadable answer's message and hint, as shown before asking again. */
function answerErrorText(error: InputError, t: Translate): string {
  const message = codeText(t, error.code, error.params);
  return error.hintCode ? `${message} — ${codeText(t, error.hintCode, error.params)}` : message;
}

function roundSeconds(ms: number): number {
  return Math.max(0, Math.round(ms / 100) / 10);
}

interface Asked {
  outcome?: CheckOutcome;
  gaveUp: boolean;
}

async function ask(problem: QuizProblem, deps: SessionDeps): Promise<Asked> {
  const { prompts, t, lang } = deps;
  if (problem.kind === "choice") {
    const choices = (problem.choices ?? []).map((text, i) => ({ name: `${choiceLetter(i)}) ${text}`, value: choiceLetter(i) }));
    const value = await prompts.select({ message: t("practice.quiz.choicePrompt"), choices, problem });
    return { outcome: await checkAnswer(problem, value, lang), gaveUp: false };
  }
  let outcome: CheckOutcome | undefined;
  const validate = async (value: string): Promise<true | string> => {
    if (value.trim() === GIVE_UP) return true;
    try {
      outcome = await checkAnswer(problem, value, lang);
      return true;
    } catch (error) {
      if (error instanceof InputError) return answerErrorText(error, t);
      throw error;
    }
  };
  const value = await prompts.input({ message: t("practice.quiz.answerPrompt"), validate, problem });
  if (value.trim() === GIVE_UP) return { gaveUp: true };
  // The prompt validated this very text; check again only if a prompt skipped validation.
  if (outcome === undefined) {
    const verdict = await validate(value);
    if (verdict !== true) throw new InputError("answer", "practice.quiz.unchecked", { text: value });
  }
  return { outcome, gaveUp: false };
}

/** Runs the problems in order; returns every answer given (also when interrupted by Ctrl-C). */
export async function runSession(refs: readonly ProblemRef[], deps: SessionDeps): Promise<SessionResult> {
  const answers: SessionAnswer[] = [];
  const { lang, view } = deps;
  try {
    for (let index = 0; index < refs.length; index++) {
      const problem = await generateProblem(refs[index].topic, refs[index].seed, lang);
      deps.write(view.problem(problem, index, refs.length));
      const started = deps.now();
      const asked = await ask(problem, deps);
      const finished = deps.now();
      const seconds = roundSeconds(finished - started);
      const correct = asked.outcome?.correct ?? false;
      const score = asked.outcome?.score ?? 0;
      deps.record({ time: new Date(finished).toISOString(), id: problem.id, topic: problem.topic, correct, score, seconds });
      answers.push({ id: problem.id, topic: problem.topic, correct, score, seconds, gaveUp: asked.gaveUp });

      if (correct) {
        deps.write(view.right(seconds));
        continue;
      }
      const solution = problem.kind === "numeric" ? await workedSolution(problem, lang, { colour: deps.colour }) : undefined;
      deps.write(view.wrong(asked.outcome, solution));
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    return { answers, planned: refs.length, interrupted: true };
  }
  return { answers, planned: refs.length, interrupted: false };
}
