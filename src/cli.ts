/** The thin command-line entry: builds the commander program and dispatches to one file per command. */
import { Command, CommanderError } from "commander";
import { commandLoaders } from "./commands/index.js";
import { addCommonOptions, examplesHelp, runAction } from "./commands/context.js";
import { InputError } from "./engine/errors.js";
import { reportError, type CliContext, type CliIO, type CommonOptions } from "./ui/context.js";
import { languageFromEnv, loadMessages, parseLang, translator, type Lang, type Translate } from "./i18n/index.js";
import { displayLines } from "./io/display.js";
import { guardProcessOutput } from "./io/output.js";
import { readProcessStdin } from "./io/sources.js";
import { VERSION } from "./version.js";

const VERSION_FLAGS = ["-V", "--version"];

/**
 * The options every command takes, which also work before the command's name (`cnn-drill --lang ko topics`),
 * each with whether it reads a value. `--json` goes only to the commands that print JSON.
 */
export const GLOBAL_OPTIONS: Readonly<Record<string, { key: keyof CommonOptions; takesValue: boolean }>> = {
  "--lang": { key: "lang", takesValue: true },
  "--no-color": { key: "color", takesValue: false },
  "--json": { key: "json", takesValue: false },
};

/** The arguments that remain once the global options (and their values) in front are taken away: the command's name first. */
export function afterGlobalOptions(argv: readonly string[]): readonly string[] {
  let i = 0;
  while (i < argv.length) {
    const flag = argv[i].split("=")[0];
    const option = GLOBAL_OPTIONS[flag];
    if (option === undefined) break;
    i += option.takesValue && !argv[i].includes("=") ? 2 : 1;
  }
  return argv.slice(i);
}

/**
 * The commands a run needs registered: the one it names, none for --version or a bare `cnn-drill`
 * (which prints the short start), and all of them otherwise (help, a mistyped command's suggestions, completion).
 */
export function commandsFor(argv: readonly string[]): string[] {
  const [first] = afterGlobalOptions(argv);
  if (first === undefined || VERSION_FLAGS.includes(first)) return [];
  if (first in commandLoaders) return [first];
  return Object.keys(commandLoaders);
}

/**
 * Global options given before the command's name are the program's (options are positional: a command
 * reads its own after its name). Before the action runs they are handed to the command, unless it was
 * given its own value after its name, which wins. `--json` before a command that has no JSON is an error.
 */
function passGlobalOptions(program: Command, command: Command): void {
  for (const { key } of Object.values(GLOBAL_OPTIONS)) {
    if (program.getOptionValueSource(key) !== "cli") continue;
    const taken = command.options.some((option) => option.attributeName() === key);
    if (!taken) {
      // --lang and --no-color change nothing in a command that prints neither prose nor colour (completion).
      if (key === "json") throw new InputError("json", "usage.noJson", { command: command.name() }, "usage.noJsonHint");
      continue;
    }
    if (command.getOptionValueSource(key) === "cli") continue;
    command.setOptionValueWithSource(key, program.getOptionValue(key), "cli");
  }
}

/** Commander's help headings, in the session's language (its own English words stay as they are). */
function helpTitles(t: Translate): Record<string, string> {
  return {
    "Usage:": t("help.title.usage"),
    "Options:": t("help.title.options"),
    "Global Options:": t("help.title.globalOptions"),
    "Arguments:": t("help.title.arguments"),
    "Commands:": t("help.title.commands"),
  };
}

/** What commander adds after a description, `(choices: "md", "html", default: "md")`, in the session's language. */
function describedWithValues(description: string, choices: readonly string[] | undefined, defaultValue: unknown, t: Translate): string {
  const extra: string[] = [];
  if (choices !== undefined) extra.push(t("help.choices", { choices: choices.map((choice) => JSON.stringify(choice)).join(", ") }));
  if (defaultValue !== undefined) extra.push(t("help.default", { value: JSON.stringify(defaultValue) }));
  return extra.length === 0 ? description : `${description} (${extra.join(", ")})`;
}

/**
 * Commander's own words (help headings, the help option, defaults and choices) in the session's language,
 * through its configuration hooks; its usage errors are translated line by line by `usageError`.
 */
function speakCommander(command: Command, t: Translate): Command {
  const titles = helpTitles(t);
  return command
    .helpOption("-h, --help", t("help.helpOption"))
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      // As commander's, with its words translated: boolean flags show no default.
      optionDescription: (option) => describedWithValues(option.description, option.argChoices, option.required || option.optional ? option.defaultValue : undefined, t),
      argumentDescription: (argument) => describedWithValues(argument.description, argument.argChoices, argument.defaultValue, t),
    })
    .showHelpAfterError(t("help.more"))
    .exitOverride();
}

/**
 * Commander checks required options before it looks for unknown ones, so a mistyped `--inptu` would be
 * reported as a missing `--input`. Required options are checked here instead, just before the action:
 * after unknown options and missing arguments, with commander's own error.
 */
function checkRequiredOptionsLast(command: Command): void {
  const required = command.options.filter((option) => option.mandatory);
  if (required.length === 0) return;
  for (const option of required) option.makeOptionMandatory(false);
  command.hook("preAction", () => {
    const missing = required.find((option) => command.getOptionValue(option.attributeName()) === undefined);
    if (missing !== undefined) command.error(`error: required option '${missing.flags}' not specified`, { code: "commander.missingMandatoryOptionValue" });
  });
}

/** Builds the program with the commands named (all of them when omitted). */
export async function buildProgram(context: CliContext, names: readonly string[] = Object.keys(commandLoaders)): Promise<Command> {
  const { t } = context;
  const output = {
    writeOut: (text: string) => context.io.stdout(text),
    writeErr: (text: string) => context.io.stderr(text),
    outputError: (text: string, write: (text: string) => void) => write(displayLines(usageError(text, t))),
  };
  const program = new Command("cnn-drill")
    .description(t("help.program"))
    .version(VERSION, "-V, --version", t("help.version"))
    .helpCommand("help [command]", t("help.helpCommand"))
    .enablePositionalOptions()
    .showSuggestionAfterError()
    .configureOutput(output);
  speakCommander(program, t);
  addCommonOptions(program, t);
  program.hook("preAction", passGlobalOptions).addHelpText("after", `${examplesHelp(t, "help.program.examples")}\n\n${t("help.start")}`);
  // A bare `cnn-drill` (global options at most) registers no command: it prints the short start.
  if (names.length === 0) program.action(() => runAction(context, program.opts(), (ui) => {
    if (ui.json) throw new InputError("json", "usage.jsonNeedsCommand", {}, "usage.jsonNeedsCommandHint");
    return { output: `${ui.t("help.startIntro")}\n\n${ui.t("help.start")}\n\n${ui.t("help.startMore")}\n` };
  }));
  const commands = await Promise.all(names.map((name) => commandLoaders[name]()));
  await loadMessages(commands.flatMap((command) => command.messages));
  for (const command of commands) command.register(program, context);
  for (const command of program.commands) {
    speakCommander(command.configureOutput(output), t);
    checkRequiredOptionsLast(command);
  }
  return program;
}

/**
 * The language named by `--lang en|ko` (or `--lang=ko`) anywhere in argv, so that help and usage
 * errors, which commander prints before any action runs, speak it too. Undefined when absent or invalid
 * (the action then reports an invalid value).
 */
export function languageFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--") break;
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice("--lang=".length) : undefined;
    const lang = value === undefined ? undefined : parseLang(value);
    if (lang !== undefined) return lang;
  }
  return undefined;
}

const USAGE_ERRORS: readonly [RegExp, (match: RegExpMatchArray, t: Translate) => string][] = [
  [/^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\.$/, (m, t) =>
    // With no positional argument expected, the extra word is almost always an unquoted value.
    t("usage.tooManyArguments", { command: m[1], expected: Number(m[2]), got: Number(m[3]) }) + (m[2] === "0" ? `\n${t("usage.tooManyArgumentsHint")}` : "")],
  [/^error: required option '([^']*)' not specified$/, (m, t) => t("usage.requiredOption", { option: m[1] })],
  [/^error: unknown option '([^']*)'$/, (m, t) => t("usage.unknownOption", { option: m[1] })],
  [/^error: unknown command '([^']*)'$/, (m, t) => t("usage.unknownCommand", { command: m[1] })],
  [/^error: option '([^']*)' argument missing$/, (m, t) => t("usage.argumentMissing", { option: m[1] })],
  [/^error: missing required argument '([^']*)'$/, (m, t) => t("usage.missingArgument", { argument: m[1] })],
  [/^\(Did you mean one of (.*)\?\)$/, (m, t) => t("usage.didYouMeanOneOf", { suggestions: m[1] })],
  [/^\(Did you mean (.*)\?\)$/, (m, t) => t("usage.didYouMean", { suggestion: m[1] })],
];

/**
 * Commander's usage errors, line by line, in the session's language (English keeps commander's words);
 * "too many arguments" for a command without positional arguments (an unquoted matrix) gets a hint. Unknown lines pass through.
 */
export function usageError(text: string, t: Translate): string {
  return text.split("\n").map((line) => {
    for (const [pattern, render] of USAGE_ERRORS) {
      const match = line.match(pattern);
      if (match) return render(match, t);
    }
    return line;
  }).join("\n");
}

/** Runs the CLI with injected streams; resolves to the exit code. Used by tests and by `run`. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const t = translator(languageFromArgv(argv) ?? languageFromEnv(io.env));
  const context: CliContext = {
    io,
    t,
    setExitCode: (code) => { exitCode = code; },
    fullProgram: () => buildProgram({ ...context, setExitCode: () => {} }),
  };
  const program = await buildProgram(context, commandsFor(argv));
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version exit 0; every usage error (unknown option, missing value…) is exit 2.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportError(error, io, t);
  }
  return exitCode;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdin: { stdinIsTTY: process.stdin.isTTY === true, readStdin: (limit) => readProcessStdin(limit) },
    stdinIsTTY: process.stdin.isTTY === true,
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}

/** Entry for bin/cnn-drill.js. Sets the exit code and lets Node flush stdout before exiting. */
export async function run(argv: string[]): Promise<void> {
  const t = translator(languageFromArgv(argv) ?? languageFromEnv(process.env));
  guardProcessOutput(process, (reason) => `${t("error.prefix")}: ${t("output.writeFailed", { reason })}\n${t("error.hintPrefix")}: ${t("output.writeFailedHint")}\n`);
  process.exitCode = await main(argv, processIO());
}
