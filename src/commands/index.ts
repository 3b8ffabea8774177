/**
 * Every command, in the order `--help` lists them, each loaded only when needed: a run of one
 * command imports that command's modules alone, which keeps start-up fast (help and completion load all).
 * To add a command: one line `name: async () => (await import("./name.js")).registerName`.
 */
import type { Command } from "commander";
import type { CliContext } from "./context.js";

export type Registrar = (program: Command, context: CliContext) => void;

export const commandLoaders: Record<string, () => Promise<Registrar>> = {
  conv: async () => (await import("./conv.js")).registerConv,
  pool: async () => (await import("./pool.js")).registerPool,
  roi: async () => (await import("./roi.js")).registerRoi,
  spp: async () => (await import("./spp.js")).registerSpp,
  rf: async () => (await import("./rf.js")).registerRf,
  gate: async () => (await import("./gate.js")).registerGate,
  stats: async () => (await import("./stats.js")).registerStats,
  quiz: async () => (await import("./quiz.js")).registerQuiz,
  review: async () => (await import("./review.js")).registerReview,
  exam: async () => (await import("./exam.js")).registerExam,
  completion: async () => (await import("./completion.js")).registerCompletion,
  topics: async () => (await import("./topics.js")).registerTopics,
  problem: async () => (await import("./problem.js")).registerProblem,
  check: async () => (await import("./check.js")).registerCheck,
};
