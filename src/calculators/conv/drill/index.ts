/** conv's drill: its topics (conv.*, the multi-channel ones too), their hints its common mistakes and its output shapes. */
import type { CalculatorDrill } from "../../../drill/drill.js";
import { convChannelsGradHints, convChannelsHints } from "./channel-hints.js";
import { convChannelsGenerators } from "./channel-topics.js";
import { convForwardHints, convGradBiasHints, convGradInputHints, convGradKernelHints, convOutputSizeHints } from "./hints.js";
import * as messages from "./messages.js";
import { convMistakes } from "./mistakes.js";
import { convOutputShapes } from "./shapes.js";
import { convGenerators } from "./topics.js";

export const drill: CalculatorDrill<messages.Key> = {
  messages,
  givenInWords: ["layers", "inputSize", "mode"],
  topics: [...convGenerators, ...convChannelsGenerators],
  hints: {
    "conv.forward": convForwardHints,
    "conv.padded": convForwardHints,
    "conv.true": convForwardHints,
    "conv.dilated": convForwardHints,
    "conv.grad-input": convGradInputHints,
    "conv.grad-kernel": convGradKernelHints,
    "conv.grad-bias": convGradBiasHints,
    "conv.output-size": convOutputSizeHints,
    "conv.channels": convChannelsHints,
    "conv.channels-grad": convChannelsGradHints,
  },
  mistakes: convMistakes,
  outputShapes: convOutputShapes,
};
