/** `cnn-drill check ID --answer A`: exit 0 right, 1 wrong, 2 when the answer cannot be read. */
import type { Command } from "commander";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

interface CheckCliOptions extends CommonOptions {
  answer: string;
}

export function registerCheck(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("check")
    .description(t("quiz.check.help"))
    .addHelpText("after", examplesHelp(t, "quiz.check.help.examples"))
    .argument("<id>", t("quiz.check.help.id"))
    .requiredOption("--answer <answer>", t("quiz.check.help.answer"));
  addCommonOptions(command, t).action((id: string, options: CheckCliOptions) =>
    runAction(context, options, async (ui) => {
      const quiz = await import("../quiz/index.js");
      const ref = quiz.parseProblemId(id, undefined);
      const answerText = await ui.reader.text(options.answer, "answer");
      const problem = await quiz.generateProblem(ref.topic, ref.seed, ui.lang);
      const outcome = await quiz.checkAnswer(problem, answerText, ui.lang);
      const exitCode = outcome.correct ? 0 : 1;
      if (ui.json) {
        const extra = outcome.kind === "numeric" ? { cells: outcome.cells } : { chosen: quiz.choiceLetter(outcome.chosen), question: outcome.question };
        return { output: renderJson({ id: problem.id, topic: problem.topic, correct: outcome.correct, score: outcome.score, expected: outcome.expected, ...extra }), exitCode };
      }
      const solution = !outcome.correct && problem.kind === "numeric" ? await quiz.workedSolution(problem, ui.lang, { colour: ui.palette.enabled }) : undefined;
      const { renderCheck } = await import("../views/quiz.js");
      return { output: renderCheck(outcome, solution, ui), exitCode };
    }),
  );
}
