/** roi's drill: RoI pooling's topic, its hints and its common mistake. */
import type { CalculatorDrill } from "../../../drill/drill.js";
import { roiHints } from "./hints.js";
import * as messages from "./messages.js";
import { roiMistakes } from "./mistakes.js";
import { roiGenerators } from "./topics.js";

export const drill: CalculatorDrill<messages.Key> = {
  messages,
  givenInWords: [],
  topics: roiGenerators,
  hints: { "roi.pool": roiHints },
  mistakes: roiMistakes,
};
