/**
 * The interactive drill loop, shared by `quiz` and `review`. Prompts, output, clock and history are
 * injected, so tests drive a whole session without a terminal; the commands pass @inquirer/prompts.
 *
 * Per problem: show it (id, prompt, given grids), ask (a one-line matrix/number/list, or a select for
 * choices), re-ask an unreadable or wrong-shaped answer with its hint (never marked wrong), record the
 * answer at once, then a short confirmation, or the diff grid with the recognised mistake and a choice:
 * retry, next hint, the worked solution, or move on. `h` at the prompt shows the next staged hint. After
 * a solution the session waits for Enter. Every try is recorded (with its number and the hints seen);
 * the schedule counts the first. Ctrl-C (inquirer's ExitPromptError) ends the session cleanly: what
 * was answered is already saved.
 */
import { InputError } from "../engine/errors.js";
import { codeText, messageOrText, type Lang, type Translate } from "../i18n/index.js";
import { calculatorAnswer, checkAnswer, choiceLetter, generateProblem, workedSolution, type CheckOutcome, type ProblemRef, type QuizProblem } from "../quiz/index.js";
import { diagnoseAnswer } from "../tutor/diagnosis.js";
import { hasHints, hintsFor } from "../tutor/hints.js";
import { normaliseAnswerText } from "./answer-text.js";
import type { HistoryRecord } from "./history.js";

/** What the student types to give up on a numeric problem and see the worked solution. */
export const GIVE_UP = "?";
/** What the student types for the next staged hint. */
export const HINT = "h";

/** After a wrong answer: what the student may do next. */
export const NEXT_ACTIONS = ["retry", "hint", "solution", "next"] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];

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
  /** Waits for Enter (after a solution, before the next problem). */
  pause(options: { message: string; problem: QuizProblem }): Promise<void>;
}

/** How the session's text looks: drawn by the commands' views (practice itself draws nothing). */
export interface SessionView {
  /** A problem as shown before asking: heading, prompt, given values, how to answer. */
  problem(problem: QuizProblem, index: number, total: number): string;
  /** The line after a right answer. */
  right(seconds: number): string;
  /** After a wrong answer: the check's diff (and the recognised mistakes); after giving up (no outcome): nothing. */
  wrong(outcome: CheckOutcome | undefined, diagnosis: readonly string[]): string;
  /** The worked solution, opening with the asked quantity's right value. */
  solution(problem: QuizProblem, expected: unknown, solution: string): string;
  /** A staged hint (level of levels), or the note that there are no more. */
  hint(text: string | undefined, level: number, levels: number): string;
  /** The prompt's message: the asked quantity first. */
  answerPrompt(problem: QuizProblem, expected: unknown): string;
  /** The choices after a wrong answer, in order, with their labels. */
  nextActions(actions: readonly NextAction[]): { name: string; value: NextAction }[];
  nextMessage: string;
  pauseMessage: string;
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
  /** Tries at this problem (the first one is the one counted). */
  attempts: number;
  /** Hints seen before the first answer. */
  hints: number;
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

type Asked = { kind: "answer"; outcome: CheckOutcome } | { kind: "giveUp" } | { kind: "hint" };

async function ask(problem: QuizProblem, deps: SessionDeps, message: string): Promise<Asked> {
  const { prompts, t, lang } = deps;
  if (problem.kind === "choice") {
    const choices = (problem.choices ?? []).map((text, i) => ({ name: `${choiceLetter(i)}) ${text}`, value: choiceLetter(i) }));
    const value = await prompts.select({ message: t("practice.quiz.choicePrompt"), choices, problem });
    return { kind: "answer", outcome: await checkAnswer(problem, value, lang) };
  }
  let outcome: CheckOutcome | undefined;
  const isCommand = (value: string) => value.trim() === GIVE_UP || value.trim().toLowerCase() === HINT;
  const validate = async (value: string): Promise<true | string> => {
    if (isCommand(value)) return true;
    try {
      outcome = await checkAnswer(problem, normaliseAnswerText(value, problem.ask), lang);
      return true;
    } catch (error) {
      if (error instanceof InputError) return answerErrorText(error, t);
      throw error;
    }
  };
  const value = await prompts.input({ message, validate, problem });
  if (value.trim() === GIVE_UP) return { kind: "giveUp" };
  if (value.trim().toLowerCase() === HINT) return { kind: "hint" };
  // The prompt validated this very text; check again only if a prompt skipped validation.
  if (outcome === undefined) {
    const verdict = await validate(value);
    if (verdict !== true) throw new InputError("answer", "practice.quiz.unchecked", { text: value });
  }
  return { kind: "answer", outcome: outcome! };
}

/** The messages of the mistakes a wrong numeric answer shows. */
function diagnosisOf(problem: QuizProblem, outcome: CheckOutcome, t: Translate): string[] {
  if (outcome.kind !== "numeric" || outcome.correct) return [];
  return diagnoseAnswer(problem, outcome.answer, outcome.expected).map((id) => messageOrText(t, `tutor.mistake.${id}`, id));
}

/** One problem, from its first try to the student moving on; returns the first try as counted. */
async function drill(problem: QuizProblem, deps: SessionDeps): Promise<SessionAnswer> {
  const { lang, view, prompts } = deps;
  const numeric = problem.kind === "numeric";
  const hints = numeric && hasHints(problem.topic) ? await hintsFor(problem, lang) : [];
  const expected = numeric ? await calculatorAnswer(problem) : undefined;
  const message = numeric ? view.answerPrompt(problem, expected) : "";
  let hintsSeen = 0;
  let first: SessionAnswer | undefined;
  const showHint = () => {
    deps.write(view.hint(hints[hintsSeen], hintsSeen + 1, hints.length));
    if (hintsSeen < hints.length) hintsSeen++;
  };
  const showSolution = async (outcome: CheckOutcome | undefined) => {
    const solution = await workedSolution(problem, lang, { colour: deps.colour });
    deps.write(view.solution(problem, outcome?.expected ?? expected, solution));
    await prompts.pause({ message: view.pauseMessage, problem });
  };
  let started = deps.now();
  for (let attempt = 1; ; ) {
    const asked = await ask(problem, deps, message);
    if (asked.kind === "hint") {
      showHint();
      continue;
    }
    const finished = deps.now();
    const seconds = roundSeconds(finished - started);
    const outcome = asked.kind === "answer" ? asked.outcome : undefined;
    const correct = outcome?.correct ?? false;
    const score = outcome?.score ?? 0;
    deps.record({ time: new Date(finished).toISOString(), id: problem.id, topic: problem.topic, correct, score, seconds, attempt, hints: hintsSeen });
    first ??= { id: problem.id, topic: problem.topic, correct, score, seconds, gaveUp: asked.kind === "giveUp", attempts: 0, hints: hintsSeen };
    first.attempts = attempt;

    if (correct) {
      deps.write(view.right(seconds));
      return first;
    }
    if (asked.kind === "giveUp") {
      await showSolution(undefined);
      return first;
    }
    deps.write(view.wrong(outcome, diagnosisOf(problem, outcome!, deps.t)));
    if (!numeric) {
      // A choice's explanation came with the verdict.
      await prompts.pause({ message: view.pauseMessage, problem });
      return first;
    }
    const actions = NEXT_ACTIONS.filter((action) => action !== "hint" || hintsSeen < hints.length);
    const action = (await prompts.select({ message: view.nextMessage, choices: view.nextActions(actions), problem })) as NextAction;
    if (action === "solution") {
      await showSolution(outcome);
      return first;
    }
    if (action === "next") return first;
    if (action === "hint") showHint();
    attempt++;
    started = deps.now();
  }
}

/** Runs the problems in order; returns every first answer given (also when interrupted by Ctrl-C). */
export async function runSession(refs: readonly ProblemRef[], deps: SessionDeps): Promise<SessionResult> {
  const answers: SessionAnswer[] = [];
  const { lang, view } = deps;
  try {
    for (let index = 0; index < refs.length; index++) {
      const problem = await generateProblem(refs[index].topic, refs[index].seed, lang);
      deps.write(view.problem(problem, index, refs.length));
      answers.push(await drill(problem, deps));
    }
  } catch (error) {
    if (!isPromptExit(error)) throw error;
    return { answers, planned: refs.length, interrupted: true };
  }
  return { answers, planned: refs.length, interrupted: false };
}
