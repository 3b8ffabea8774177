/**
 * What every command shares: the process's streams and environment (injectable for tests), the
 * common options (--json, --lang, --no-color), and the one error path (`runAction`).
 */
import type { Command } from "commander";
import { InputError } from "../engine/errors.js";
import { languageFromEnv, translator, type Lang, type MessageKey, type Translate } from "../i18n/index.js";
import { displayParams } from "../io/display.js";
import { ArgumentReader, type InputSource } from "../io/sources.js";
import { colourEnabled, loadPalette, type Palette } from "../render/colour.js";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  stdin: InputSource;
  /** Whether standard input is an interactive terminal (the quiz needs one). */
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  env: Record<string, string | undefined>;
}

export interface CommonOptions {
  json?: boolean;
  lang?: string;
  /** False with --no-color. */
  color?: boolean;
}

/** Everything an action needs to read its arguments and write its answer. */
export interface Ui {
  io: CliIO;
  lang: Lang;
  t: Translate;
  palette: Palette;
  json: boolean;
  reader: ArgumentReader;
}

export interface CliContext {
  io: CliIO;
  /** Messages in the environment's language, for help text (before --lang is parsed). */
  t: Translate;
  setExitCode(code: number): void;
}

/** The "Examples:" section that `--help` prints after the options (one example per line in the catalogue). */
export function examplesHelp(t: Translate, key: MessageKey): string {
  return `\n${t("help.examples")}\n${t(key)}`;
}

export function addCommonOptions(command: Command, t: Translate, { json = true } = {}): Command {
  if (json) command.option("--json", t("help.json"));
  return command.option("--lang <lang>", t("help.lang")).option("--no-color", t("help.noColor"));
}

function resolveLang(value: string | undefined, env: CliIO["env"]): Lang {
  if (value === undefined) return languageFromEnv(env);
  const lang = value.trim().toLowerCase();
  if (lang === "en" || lang === "ko") return lang;
  throw new InputError("lang", "lang.bad", { text: value }, "lang.badHint");
}

export async function makeUi(io: CliIO, options: CommonOptions): Promise<Ui> {
  const lang = resolveLang(options.lang, io.env);
  return {
    io,
    lang,
    t: translator(lang),
    palette: await loadPalette(colourEnabled({ noColorFlag: options.color === false, env: io.env, stdoutIsTTY: io.stdoutIsTTY })),
    json: options.json === true,
    reader: new ArgumentReader(io.stdin),
  };
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

/** The one place errors become text. Returns the exit code. */
export function reportError(error: unknown, io: CliIO, t: Translate): number {
  if (error instanceof InputError) {
    const where = error.argument ? `--${error.argument}: ` : "";
    const params = displayParams(error.params);
    io.stderr(`${t("error.prefix")}: ${where}${t(error.code, params)}\n`);
    io.stderr(`${t("error.hintPrefix")}: ${t(error.hintCode ?? "error.genericHint", params)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${t("error.internal", { message })}\n${t("error.hintPrefix")}: ${t("error.internalHint")}\n`);
  return 70;
}
