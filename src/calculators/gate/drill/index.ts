/** gate's drill: its topics (XOR from NAND, OR and AND; one perceptron) and their hints. */
import type { CalculatorDrill } from "../../../drill/drill.js";
import { gatePerceptronHints, gateXorHints } from "./hints.js";
import * as messages from "./messages.js";
import { gateGenerators } from "./topics.js";

export const drill: CalculatorDrill<messages.Key> = {
  messages,
  givenInWords: ["nand", "or", "and"],
  topics: gateGenerators,
  hints: { "gate.xor": gateXorHints, "gate.perceptron": gatePerceptronHints },
  mistakes: [],
};
