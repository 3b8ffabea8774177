/** spp's drill: its topics (the vector's length, the pooled vector), their hints and its common mistake. */
import type { CalculatorDrill } from "../../../drill/drill.js";
import { sppLengthHints, sppVectorHints } from "./hints.js";
import * as messages from "./messages.js";
import { sppMistakes } from "./mistakes.js";
import { sppGenerators } from "./topics.js";

export const drill: CalculatorDrill<messages.Key> = {
  messages,
  givenInWords: ["type"],
  topics: sppGenerators,
  hints: { "spp.length": sppLengthHints, "spp.vector": sppVectorHints },
  mistakes: sppMistakes,
};
