/** pool's drill: its topics (pool.*), their hints and the common mistakes of max-pool backward and its output shapes. */
import type { CalculatorDrill } from "../../../drill/drill.js";
import { poolAvgGradHints, poolMaskHints, poolMaxGradHints, poolMaxHints } from "./hints.js";
import * as messages from "./messages.js";
import { poolMistakes } from "./mistakes.js";
import { poolOutputShapes } from "./shapes.js";
import { poolGenerators } from "./topics.js";

export const drill: CalculatorDrill<messages.Key> = {
  messages,
  givenInWords: ["type"],
  topics: poolGenerators,
  hints: {
    "pool.max": poolMaxHints,
    "pool.max-mask": poolMaskHints,
    "pool.max-grad": poolMaxGradHints,
    "pool.avg-grad": poolAvgGradHints,
  },
  mistakes: poolMistakes,
  outputShapes: poolOutputShapes,
};
