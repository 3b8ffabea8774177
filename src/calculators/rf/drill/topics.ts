/**
 * rf topics: the effective size of a dilated kernel, and the receptive field of a stack of layers
 * (convolutions with stride or dilation, and pooling), as `cnn-drill rf` computes them.
 */
import type { Random } from "../../../drill/random.js";
import type { NumericGenerator, PromptPart } from "../../../drill/topic.js";
import { convLayerToken, drawUntil } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

const dilatedKernel: NumericGenerator<Key> = {
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
      solutionLead: [{ key: "quiz.lead.rf.dilated-kernel", params: { k: kernel, d: dilation } }],
    };
  },
};

/** One drawn layer of a stack: a convolution (with stride or dilation) or a pooling layer. */
interface StackLayer {
  kind: "conv" | "pool";
  kernel: number;
  stride: number;
  dilation: number;
}

function drawLayer(random: Random): StackLayer {
  if (random.chance(0.25)) {
    const [kernel, stride] = random.pick([[2, 2], [2, 2], [3, 2]] as const);
    return { kind: "pool", kernel, stride, dilation: 1 };
  }
  const kernel = random.pick([3, 3, 3, 5, 1]);
  const stride = kernel > 1 && random.chance(0.35) ? 2 : 1;
  const dilation = kernel > 1 && stride === 1 && random.chance(0.3) ? 2 : 1;
  return { kind: "conv", kernel, stride, dilation };
}

/** The `cnn-drill rf` token of a layer: `conv3s2`, `conv3d2`, `pool2`, `pool3s2`. */
function layerToken(layer: StackLayer): string {
  if (layer.kind === "conv") return convLayerToken(layer.kernel, { stride: layer.stride, dilation: layer.dilation });
  return `pool${layer.kernel}${layer.stride === layer.kernel ? "" : `s${layer.stride}`}`;
}

/** A layer as a lecturer writes it: "Layer 2: 3×3 convolution, stride 2." */
function layerPrompt(layer: StackLayer, index: number): PromptPart<Key> {
  const params = { i: index + 1, k: layer.kernel, stride: layer.stride, dilation: layer.dilation };
  if (layer.kind === "pool") return { key: "quiz.prompt.rfLayer.pool", params };
  return { key: layer.dilation > 1 ? "quiz.prompt.rfLayer.convDilated" : "quiz.prompt.rfLayer.conv", params };
}

const stack: NumericGenerator<Key> = {
  topic: "rf.stack",
  calculator: "rf",
  generate(random) {
    const stream = random.stream("layers");
    const count = stream.int(2, 4);
    const layers = drawUntil(
      stream,
      (r) => Array.from({ length: count }, () => drawLayer(r)),
      // At least one layer that multiplies the jump, so that the strides matter.
      (drawn) => drawn.some((layer) => layer.stride > 1) && !drawn.every((layer) => layer.kind === "conv" && layer.kernel === 1),
    );
    return {
      given: { layers: layers.map(layerToken).join(",") },
      ask: "receptiveField",
      answerForm: "number",
      prompt: [{ key: "quiz.prompt.rf.stack", params: { count } }, ...layers.map(layerPrompt), { key: "quiz.prompt.rf.stackAsk" }],
    };
  },
};

export const rfGenerators: NumericGenerator<Key>[] = [dilatedKernel, stack];
