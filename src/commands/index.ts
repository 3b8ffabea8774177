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

/** A command that speaks of topics: every calculator's drill (topics, hints, mistakes) is loaded with it. */
function withTopics(messages: readonly MessageArea[], load: () => Promise<Registrar>): CommandLoader {
  return async () => {
    const [{ loadDrills }, register] = await Promise.all([import("../quiz/drills.js"), load()]);
    await loadDrills();
    return { messages, register };
  };
}

export const commandLoaders: Record<string, CommandLoader> = {
  ...Object.fromEntries(CALCULATOR_NAMES.map((name) => [name, calculatorCommand(name)])),
  stats: withTopics(practice, async () => (await import("./stats.js")).registerStats),
  quiz: withTopics(practice, async () => (await import("./quiz.js")).registerQuiz),
  review: withTopics(practice, async () => (await import("./review.js")).registerReview),
  exam: withTopics(practice, async () => (await import("./exam.js")).registerExam),
  completion: async () => ({ messages: ["practice"], register: (await import("./completion.js")).registerCompletion }),
  topics: withTopics(["quiz"], async () => (await import("./topics.js")).registerTopics),
  problem: withTopics(["quiz"], async () => (await import("./problem.js")).registerProblem),
  check: withTopics(["quiz"], async () => (await import("./check.js")).registerCheck),
  hint: withTopics(["quiz", "hint"], async () => (await import("./hint.js")).registerHint),
  plan: withTopics(practice, async () => (await import("./plan.js")).registerPlan),
  config: async () => ({ messages: ["practice"], register: (await import("./config.js")).registerConfig }),
};
