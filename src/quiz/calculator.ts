/**
 * Runs a calculator command in this process, as the user would run it. The checker reads answers
 * only from here: it never computes them itself.
 */
import type { Lang } from "../i18n/index.js";
import type { Problem } from "./types.js";

export interface CalculatorRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `argv` (starting with "cnn-drill") through the CLI's `main`, capturing its output. */
async function runCalculator(argv: readonly string[], { colour = false }: { colour?: boolean } = {}): Promise<CalculatorRun> {
  if (argv[0] !== "cnn-drill") throw new Error(`calculator command must start with "cnn-drill": ${argv.join(" ")}`);
  // Imported on demand: the CLI entry imports the commands, which import the quiz.
  const { main } = await import("../cli.js");
  let stdout = "";
  let stderr = "";
  const exitCode = await main(argv.slice(1), {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    stdin: { stdinIsTTY: true, readStdin: async () => "" },
    stdinIsTTY: true,
    stdoutIsTTY: false,
    env: colour ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" },
  });
  return { exitCode, stdout, stderr };
}

function failed(argv: readonly string[], run: CalculatorRun): Error {
  return new Error(`calculator failed (exit ${run.exitCode}): ${argv.join(" ")}\n${run.stderr.trim()}`);
}

/** The calculator's whole --json output for a numeric problem. */
export async function calculatorJson(problem: Problem): Promise<Record<string, unknown>> {
  if (problem.command === undefined) throw new Error(`problem ${problem.id} has no command`);
  const argv = [...problem.command, "--json"];
  const run = await runCalculator(argv);
  if (run.exitCode !== 0) throw failed(argv, run);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** The right answer of a numeric problem: the calculator's JSON value under `ask`. */
export async function calculatorAnswer(problem: Problem): Promise<unknown> {
  const json = await calculatorJson(problem);
  if (problem.ask === undefined || !(problem.ask in json)) throw new Error(`calculator output of ${problem.id} has no key "${problem.ask}"`);
  return json[problem.ask];
}

/** The worked solution: the same command's human output in `lang`. */
export async function workedSolution(problem: Problem, lang: Lang, { colour = false }: { colour?: boolean } = {}): Promise<string> {
  if (problem.command === undefined) throw new Error(`problem ${problem.id} has no command`);
  const argv = [...problem.command, "--lang", lang, ...(colour ? [] : ["--no-color"])];
  const run = await runCalculator(argv, { colour });
  if (run.exitCode !== 0) throw failed(argv, run);
  return run.stdout;
}
