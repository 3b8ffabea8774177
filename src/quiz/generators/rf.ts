/**
 * rf topics: the effective size of a dilated kernel, and the receptive field of a stack of layers
 * (convolutions with stride or dilation, and pooling), as `cnn-drill rf` computes them.
 */
import type { Random } from "../random.js";
import type { NumericGenerator } from "./types.js";
import { convLayerToken, drawUntil } from "./util.js";

const dilatedKernel: NumericGenerator = {
  topic: "rf.dilated-kernel",
  calculator: "rf",
  generate(random) {
    const stream = random.stream("layer");
    // Rates as in the lectures (2, 4) and in DeepLab's atrous pyramid (6, 12, 18, 24), and a few others.
    const kernel = stream.pick([2, 3, 3, 3, 5, 7]);
    const dilation = stream.pick([2, 2, 3, 4, 5, 6, 8, 12, 18, 24]);
    return {
      given: { layers: convLayerToken(kernel, { dilation }) },
      ask: "receptiveField",
      answerForm: "number",
      prompt: [{ key: "quiz.prompt.rf.dilated-kernel", params: { kernel, dilation } }],
    };
  },
};

function layerToken(random: Random): string {
  if (random.chance(0.25)) return random.pick(["pool2", "pool2", "pool3s2"]);
  const kernel = random.pick([3, 3, 3, 5, 1]);
  const stride = kernel > 1 && random.chance(0.35) ? 2 : 1;
  const dilation = kernel > 1 && stride === 1 && random.chance(0.3) ? 2 : 1;
  return convLayerToken(kernel, { stride, dilation });
}

const stack: NumericGenerator = {
  topic: "rf.stack",
  calculator: "rf",
  generate(random) {
    const stream = random.stream("layers");
    const count = stream.int(2, 4);
    const layers = drawUntil(
      stream,
      (r) => Array.from({ length: count }, () => layerToken(r)),
      // At least one layer that multiplies the jump, so that the strides matter.
      (tokens) => tokens.some((token) => token.startsWith("pool") || token.includes("s2")) && !tokens.every((token) => token === "conv1"),
    );
    return {
      given: { layers: layers.join(",") },
      ask: "receptiveField",
      answerForm: "number",
      prompt: [{ key: "quiz.prompt.rf.stack", params: { layers: layers.join(", ") } }, { key: "quiz.prompt.rfLegend" }],
    };
  },
};

export const rfGenerators: NumericGenerator[] = [dilatedKernel, stack];
