/**
 * Every command, in the order `--help` lists them, each loaded only when needed: a run of one
 * command imports that command's modules alone, which keeps start-up fast (help and completion load all).
 * The calculators come from their own list (src/calculators/index.ts); the other commands are listed here.
 */
import type { Command } from "commander";
import { CALCULATOR_NAMES, loadCalculator, type CalculatorName } from "../calculators/index.js";
import { addMessages, type MessageArea } from "../i18n/index.js";
import type { CliContext } from "../ui/context.js";

export type Registrar = (program: Command, context: CliContext) => void;

/** A loaded command: the message areas its help and output speak (the common ones are always there) and its registrar. */
export interface LoadedCommand {
  messages: readonly MessageArea[];
  register: Registrar;
}

export type CommandLoader = () => Promise<LoadedCommand>;

function calculatorCommand(name: CalculatorName): CommandLoader {
  return async () => {
    const spec = await loadCalculator(name);
    addMessages(spec.messages);
    const { registerCalculator } = await import("./calculator.js");
    return { messages: [], register: (program, context) => registerCalculator(program, context, spec) };
  };
}

const practice: readonly MessageArea[] = ["quiz", "practice"];

export const commandLoaders: Record<string, CommandLoader> = {
  ...Object.fromEntries(CALCULATOR_NAMES.map((name) => [name, calculatorCommand(name)])),
  stats: async () => ({ messages: practice, register: (await import("./stats.js")).registerStats }),
  quiz: async () => ({ messages: practice, register: (await import("./quiz.js")).registerQuiz }),
  review: async () => ({ messages: practice, register: (await import("./review.js")).registerReview }),
  exam: async () => ({ messages: practice, register: (await import("./exam.js")).registerExam }),
  completion: async () => ({ messages: ["practice"], register: (await import("./completion.js")).registerCompletion }),
  topics: async () => ({ messages: ["quiz"], register: (await import("./topics.js")).registerTopics }),
  problem: async () => ({ messages: ["quiz"], register: (await import("./problem.js")).registerProblem }),
  check: async () => ({ messages: ["quiz"], register: (await import("./check.js")).registerCheck }),
  hint: async () => ({ messages: ["quiz", "hint"], register: (await import("./hint.js")).registerHint }),
  plan: async () => ({ messages: practice, register: (await import("./plan.js")).registerPlan }),
  config: async () => ({ messages: ["practice"], register: (await import("./config.js")).registerConfig }),
};
