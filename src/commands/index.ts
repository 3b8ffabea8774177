/**
 * Every command, in the order `--help` lists them, each loaded only when needed: a run of one
 * command imports that command's modules alone, which keeps start-up fast (help and completion load all).
 * To add a command: one entry naming the message areas it speaks and how to load its registrar.
 */
import type { Command } from "commander";
import type { MessageArea } from "../i18n/index.js";
import type { CliContext } from "./context.js";

export type Registrar = (program: Command, context: CliContext) => void;

export interface CommandEntry {
  /** Message areas the command's output uses (the common messages are always loaded). */
  messages: readonly MessageArea[];
  load: () => Promise<Registrar>;
}

export const commandLoaders: Record<string, CommandEntry> = {
  conv: { messages: ["conv"], load: async () => (await import("./conv.js")).registerConv },
  pool: { messages: ["pool"], load: async () => (await import("./pool.js")).registerPool },
  roi: { messages: ["roi"], load: async () => (await import("./roi.js")).registerRoi },
  spp: { messages: ["spp"], load: async () => (await import("./spp.js")).registerSpp },
  rf: { messages: ["rf"], load: async () => (await import("./rf.js")).registerRf },
  gate: { messages: ["gate"], load: async () => (await import("./gate.js")).registerGate },
  stats: { messages: ["quiz", "practice"], load: async () => (await import("./stats.js")).registerStats },
  quiz: { messages: ["quiz", "practice"], load: async () => (await import("./quiz.js")).registerQuiz },
  review: { messages: ["quiz", "practice"], load: async () => (await import("./review.js")).registerReview },
  exam: { messages: ["quiz", "practice"], load: async () => (await import("./exam.js")).registerExam },
  completion: { messages: ["practice"], load: async () => (await import("./completion.js")).registerCompletion },
  topics: { messages: ["quiz"], load: async () => (await import("./topics.js")).registerTopics },
  problem: { messages: ["quiz"], load: async () => (await import("./problem.js")).registerProblem },
  check: { messages: ["quiz"], load: async () => (await import("./check.js")).registerCheck },
};
