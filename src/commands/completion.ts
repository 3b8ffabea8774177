/** `cnn-drill completion bash|zsh|fish`: a completion script generated from the full command tree. */
import { Argument, type Command } from "commander";
import { LANGS } from "../i18n/index.js";
import { check } from "../engine/errors.js";
import { completionModel, completionScript, SHELLS, type Shell } from "./completion-script.js";
import { runAction } from "./context.js";
import type { CliContext } from "../ui/context.js";

export function registerCompletion(program: Command, context: CliContext): void {
  const { t } = context;
  const shell = new Argument("<shell>", t("practice.completion.help.shell"));
  shell.argChoices = [...SHELLS];
  program
    .command("completion")
    .description(t("practice.completion.help"))
    .addArgument(shell)
    .addHelpText("after", `\n${t("practice.completion.helpAfter")}`)
    .action((shellName: string) =>
      runAction(context, {}, async () => {
        const chosen = shellName.trim().toLowerCase() as Shell;
        check(SHELLS.includes(chosen), undefined, "practice.completion.badShell", { text: shellName, choices: SHELLS.join(", ") }, "practice.completion.badShellHint");
        // This run registered only `completion`: build the whole tree to describe it.
        const full = await context.fullProgram();
        const { topicCompletions } = await import("../practice/topics.js");
        const model = completionModel(full, { "--lang": LANGS, "--topic": topicCompletions() });
        return { output: completionScript(chosen, model) };
      }),
    );
}
