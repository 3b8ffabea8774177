/** `cnn-drill hint ID [--level N]`: one staged hint of a problem, level 1 unless asked otherwise. */
import type { Command } from "commander";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

interface HintCliOptions extends CommonOptions {
  level?: string;
}

export function registerHint(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("hint")
    .description(t("hint.help"))
    .addHelpText("after", examplesHelp(t, "hint.help.examples"))
    .argument("<id>", t("hint.help.id"))
    .option("--level <n>", t("hint.help.level"));
  addCommonOptions(command, t).action((id: string, options: HintCliOptions) =>
    runAction(context, options, async (ui) => {
      const quiz = await import("../quiz/index.js");
      const { hintsFor, parseHintLevel } = await import("../tutor/hints.js");
      const ref = quiz.parseProblemId(id, undefined);
      const problem = await quiz.generateProblem(ref.topic, ref.seed, ui.lang);
      const hints = await hintsFor(problem, ui.lang);
      const level = options.level === undefined ? 1 : parseHintLevel(options.level, hints.length);
      const text = hints[level - 1];
      if (ui.json) return { output: renderJson({ id: problem.id, level, levels: hints.length, text }) };
      const { renderHint } = await import("../views/quiz.js");
      return { output: renderHint({ id: problem.id, level, levels: hints.length, text }, ui) };
    }),
  );
}
