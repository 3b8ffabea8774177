/** `cnn-drill check ID --answer A`: exit 0 right, 1 wrong, 2 when the answer cannot be read. */
import type { Command } from "commander";
import { InputError } from "../engine/errors.js";
import { loadMessages, messageOrText } from "../i18n/index.js";
import type { Problem } from "../quiz/types.js";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions, Ui } from "../ui/context.js";

interface CheckCliOptions extends CommonOptions {
  answer: string;
  /** false with --no-record. */
  record: boolean;
}

/** The answer-shape errors of src/quiz/answer.ts that a likely cause can explain. */
const SHAPE_ERRORS = new Set(["quiz.answer.wantMatrix", "quiz.answer.wantMatrixShape", "quiz.answer.wantArray", "quiz.answer.wantArrayShape"]);

/**
 * The shape error `error`, with its hint replaced by the likely cause when one fits (the size without
 * padding, δ's shape for a gradient…); any other error as it is.
 */
async function withLikelyCause(error: unknown, problem: Problem, answerText: string): Promise<unknown> {
  if (!(error instanceof InputError) || !SHAPE_ERRORS.has(error.code) || problem.given === undefined || problem.ask === undefined) return error;
  const { calculatorAnswer, shapeOfNested } = await import("../quiz/index.js");
  const { parseMatrix } = await import("../io/parse.js");
  const { shapeCause } = await import("../tutor/diagnosis.js");
  const expected = (await calculatorAnswer(problem)) as import("../quiz/index.js").NestedNumbers;
  const diagnosed = { topic: problem.topic, given: problem.given, ask: problem.ask };
  const cause = shapeCause(diagnosed, expected, parseMatrix(answerText, "answer").shape);
  if (cause === undefined) return error;
  const want = shapeOfNested(expected);
  const pairText = (value: unknown) => (Array.isArray(value) ? (value[0] === value[1] ? String(value[0]) : value.join("×")) : String(value ?? 1));
  const params = {
    ...error.params,
    p: pairText(problem.given.padding ?? 0),
    s: pairText(problem.given.stride ?? problem.given.size ?? 1),
    d: pairText(problem.given.dilation ?? 1),
    of: problem.ask === "gradKernel" ? "w" : "a",
    shape: want.join("×"),
    rows: want[0] ?? 1,
    cols: want[1] ?? 1,
  };
  return new InputError(error.argument, error.code, params, `tutor.shape.${cause}`);
}

/** The recognised mistakes of a wrong numeric answer, with their messages in the session's language. */
async function diagnosisOf(problem: Problem, outcome: import("../quiz/index.js").CheckOutcome, ui: Ui): Promise<{ id: string; message: string }[]> {
  if (outcome.kind !== "numeric" || outcome.correct) return [];
  const { diagnoseAnswer } = await import("../tutor/diagnosis.js");
  return diagnoseAnswer(problem, outcome.answer, outcome.expected).map((id) => ({ id, message: messageOrText(ui.t, `tutor.mistake.${id}`, id) }));
}

/**
 * Appends the answer to the history (locked, one write), as a session does. Only the first answer to an
 * id counts for the schedule (src/practice/schedule.ts); a failed write is a warning, never an error.
 */
async function recordAnswer(problem: Problem, outcome: import("../quiz/index.js").CheckOutcome, ui: Ui): Promise<void> {
  const { openHistory } = await import("../practice/open-history.js");
  await loadMessages(["practice"]);
  openHistory(ui.io, ui.t).append({ time: new Date().toISOString(), id: problem.id, topic: problem.topic, correct: outcome.correct, score: outcome.score, seconds: 0, via: "check" });
}

export function registerCheck(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("check")
    .description(t("quiz.check.help"))
    .addHelpText("after", examplesHelp(t, "quiz.check.help.examples"))
    .argument("<id>", t("quiz.check.help.id"))
    .requiredOption("--answer <answer>", t("quiz.check.help.answer"))
    .option("--no-record", t("quiz.check.help.noRecord"));
  addCommonOptions(command, t).action((id: string, options: CheckCliOptions) =>
    runAction(context, options, async (ui) => {
      const quiz = await import("../quiz/index.js");
      const ref = quiz.parseProblemId(id, undefined);
      const problem = await quiz.generateProblem(ref.topic, ref.seed, ui.lang);
      const { normaliseAnswerText } = await import("../practice/answer-text.js");
      const answerText = normaliseAnswerText(await ui.reader.text(options.answer, "answer"), problem.ask);
      await loadMessages(["tutor"]);
      let outcome: import("../quiz/index.js").CheckOutcome;
      try {
        outcome = await quiz.checkAnswer(problem, answerText, ui.lang);
      } catch (error) {
        throw await withLikelyCause(error, problem, answerText);
      }
      const diagnosis = await diagnosisOf(problem, outcome, ui);
      if (options.record) await recordAnswer(problem, outcome, ui);
      const exitCode = outcome.correct ? 0 : 1;
      if (ui.json) {
        const extra = outcome.kind === "numeric" ? { cells: outcome.cells } : { chosen: quiz.choiceLetter(outcome.chosen), question: outcome.question };
        return { output: renderJson({ id: problem.id, topic: problem.topic, correct: outcome.correct, score: outcome.score, expected: outcome.expected, ...extra, diagnosis }), exitCode };
      }
      const solution = !outcome.correct && problem.kind === "numeric" ? await quiz.workedSolution(problem, ui.lang, { colour: ui.palette.enabled }) : undefined;
      const { renderCheck } = await import("../views/quiz.js");
      return { output: renderCheck(outcome, solution, ui, diagnosis.map((entry) => entry.message)), exitCode };
    }),
  );
}
