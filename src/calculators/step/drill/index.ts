/** step's drill: the training-step topics (train.*), their hints and its common mistakes. */
import type { CalculatorDrill } from "../../../drill/drill.js";
import { trainChainHints, trainDeltaHints, trainUpdateHints } from "./hints.js";
import * as messages from "./messages.js";
import { stepMistakes } from "./mistakes.js";
import { trainSigmoidHints } from "./sigmoid-hints.js";
import { trainGenerators } from "./topics.js";

export const drill: CalculatorDrill<messages.Key> = {
  messages,
  givenInWords: ["act", "pool", "poolStride", "loss"],
  topics: trainGenerators,
  hints: {
    "train.delta": trainDeltaHints,
    "train.update": (given, t, ask) => trainUpdateHints(given, t, ask ?? "updatedKernel"),
    "train.step": (given, t, ask) => trainUpdateHints(given, t, ask ?? "updatedKernel"),
    "train.chain": (given, t, ask) => trainChainHints(given, t, ask ?? "gradKernel"),
    "train.sigmoid": (given, t, ask) => trainSigmoidHints(given, t, ask ?? "gradKernel"),
  },
  mistakes: stepMistakes,
};
