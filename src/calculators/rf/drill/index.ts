/** rf's drill: its topics (dilated kernels, stacks, parameters and MACs), their hints and its common mistakes. */
import type { CalculatorDrill } from "../../../drill/drill.js";
import { rfMacsHints, rfParamsHints } from "./cost-hints.js";
import { rfCostGenerators } from "./cost-topics.js";
import { rfDilatedKernelHints, rfStackHints } from "./hints.js";
import * as messages from "./messages.js";
import { rfMistakes } from "./mistakes.js";
import { rfGenerators } from "./topics.js";

export const drill: CalculatorDrill<messages.Key> = {
  messages,
  givenInWords: ["layers", "inputSize"],
  topics: [...rfGenerators, ...rfCostGenerators],
  hints: {
    "rf.dilated-kernel": rfDilatedKernelHints,
    "rf.stack": rfStackHints,
    "rf.params": rfParamsHints,
    "rf.macs": rfMacsHints,
  },
  mistakes: rfMistakes,
};
