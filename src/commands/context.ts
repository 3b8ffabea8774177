/** What every command shares on top of src/ui: the common options (--json, --lang, --no-color), examples in help, and the one action shape (`runAction`). */
import type { Command } from "commander";
import { languageFromEnv, translator, type MessageKey, type Translate } from "../i18n/index.js";
import { makeUi, reportError, type CliContext, type CommonOptions, type Ui } from "../ui/context.js";

/** The "Examples:" section that `--help` prints after the options (one example per line in the catalogue). */
export function examplesHelp(t: Translate, key: MessageKey): string {
  return `\n${t("help.examples")}\n${t(key)}`;
}

export function addCommonOptions(command: Command, t: Translate, { json = true } = {}): Command {
  if (json) command.option("--json", t("help.json"));
  return command.option("--lang <lang>", t("help.lang")).option("--no-color", t("help.noColor"));
}

/**
 * Runs an action: the body returns its whole output (written only on success, so nothing is ever
 * half-printed) and an exit code; input errors become one line (plus a hint) on stderr and exit 2.
 */
export async function runAction(
  context: CliContext,
  options: CommonOptions,
  body: (ui: Ui) => Promise<{ output: string; exitCode?: number }> | { output: string; exitCode?: number },
): Promise<void> {
  const { io } = context;
  let t = translator(languageFromEnv(io.env));
  try {
    const ui = await makeUi(io, options);
    t = ui.t;
    const { output, exitCode = 0 } = await body(ui);
    io.stdout(output);
    context.setExitCode(exitCode);
  } catch (error) {
    context.setExitCode(reportError(error, io, t));
  }
}
