/**
 * What commands and practice share, below both: the process's streams and environment (injectable
 * for tests), the per-run `Ui` (language, messages, colours, argument reader) and the one error reporter.
 */
import type { Command } from "commander";
import { InputError } from "../engine/errors.js";
import { codeText, languageFromEnv, parseLang, translator, type Lang, type Translate } from "../i18n/index.js";
import { ArgumentReader, type InputSource } from "../io/sources.js";
import { colourEnabled, loadPalette, type Palette } from "../render/colour.js";
import { displayParams } from "../io/display.js";

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
  /** The program with every command registered (completion describes it), built by the entry. */
  fullProgram(): Promise<Command>;
}

function resolveLang(value: string | undefined, env: CliIO["env"]): Lang {
  if (value === undefined) return languageFromEnv(env);
  const lang = parseLang(value);
  if (lang !== undefined) return lang;
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

/** The one place errors become text. Returns the exit code. */
export function reportError(error: unknown, io: CliIO, t: Translate): number {
  if (error instanceof InputError) {
    const where = error.argument ? `--${error.argument}: ` : "";
    const params = displayParams(error.params);
    io.stderr(`${t("error.prefix")}: ${where}${codeText(t, error.code, params)}\n`);
    io.stderr(`${t("error.hintPrefix")}: ${codeText(t, error.hintCode ?? "error.genericHint", params)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`${t("error.internal", { message })}\n${t("error.hintPrefix")}: ${t("error.internalHint")}\n`);
  return 70;
}
