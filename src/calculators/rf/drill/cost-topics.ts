/**
 * rf cost topics: the learnable parameters and the multiply-accumulates (MACs) of one or two layers
 * with small channel counts, as `cnn-drill rf --channels` counts them (PyTorch's modules, biases on).
 * One variant of each gives the standard conv's count and asks for the depthwise-separable pair's.
 */
import { layerOutputSize, parseLayers } from "../../../engine/receptive-field.js";
import type { Random } from "../../../drill/random.js";
import type { NumericGenerator, NumericSpec, PromptPart } from "../../../drill/topic.js";
import { drawUntil } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

/** One layer as the prompt states it and the `rf` token that computes it. */
interface Layer {
  token: string;
  part: PromptPart<Key>;
  /** Output channels (pooling keeps its input's). */
  channels: number;
}

function conv(index: number, inChannels: number, outChannels: number, kernel: number, stride: number, padding: number): Layer {
  const suffix = `${stride > 1 ? `s${stride}` : ""}${padding > 0 ? `p${padding}` : ""}`;
  return {
    token: `conv${kernel}c${outChannels}${suffix}`,
    part: { key: "quiz.prompt.rfcost.conv", params: { index, k: kernel, cin: inChannels, cout: outChannels, s: stride, p: padding } },
    channels: outChannels,
  };
}

function pool(index: number, channels: number): Layer {
  return { token: "pool2", part: { key: "quiz.prompt.rfcost.pool", params: { index, k: 2 } }, channels };
}

function fullyConnected(index: number, units: number): Layer {
  return { token: `fc${units}`, part: { key: "quiz.prompt.rfcost.fc", params: { index, n: units } }, channels: units };
}

/** A conv whose padding keeps the size (k = 3, p = 1) or not (k = 1 or no padding), with stride 1 or 2. */
function randomConv(random: Random, index: number, inChannels: number, outChannels: number): Layer {
  const kernel = random.pick([1, 3, 3, 3, 5]);
  const stride = kernel > 1 && random.chance(0.3) ? 2 : 1;
  const padding = kernel > 1 && random.chance(0.6) ? Math.floor(kernel / 2) : 0;
  return conv(index, inChannels, outChannels, kernel, stride, padding);
}

interface Stack {
  channels: number;
  inputSize: number;
  layers: Layer[];
}

/** True when every layer of the stack leaves at least one pixel on an n×n input. */
function fits({ inputSize, layers }: Stack): boolean {
  let size = inputSize;
  for (const spec of parseLayers(layers.map((layer) => layer.token).join(","))) {
    size = layerOutputSize(spec, size);
    if (size < 1) return false;
  }
  return true;
}

/**
 * One or two layers on a C×n×n input: a conv, then (sometimes) a second conv, a 2×2 pooling and a conv,
 * or a fully connected layer. Sizes stay small: n from 4 to 8, channels up to 16.
 */
function randomStack(random: Random): Stack {
  return drawUntil(random, drawStack, fits);
}

function drawStack(random: Random): Stack {
  const channels = random.pick([1, 2, 3, 3, 4, 8]);
  const inputSize = random.int(4, 8);
  const first = randomConv(random, 1, channels, random.pick([2, 4, 6, 8, 16]));
  const shape = random.pick(["one", "two", "two", "pool", "fc"] as const);
  if (shape === "one") return { channels, inputSize, layers: [first] };
  if (shape === "two") {
    const kernel = random.pick([1, 3]);
    return { channels, inputSize, layers: [first, conv(2, first.channels, random.pick([4, 8, 10, 16]), kernel, 1, Math.floor(kernel / 2))] };
  }
  if (shape === "pool") {
    const second = pool(2, first.channels);
    return { channels, inputSize, layers: [first, second, conv(3, second.channels, random.pick([4, 8, 16]), 3, 1, 1)] };
  }
  return { channels, inputSize, layers: [first, fullyConnected(2, random.pick([2, 5, 10]))] };
}

/** A standard k×k conv C → D and its depthwise-separable pair: k×k depthwise (groups C), then 1×1 C → D. */
function separablePair(random: Random): { channels: number; outChannels: number; inputSize: number } {
  return { channels: random.pick([4, 8, 16, 32]), outChannels: random.pick([8, 16, 32, 64]), inputSize: random.pick([4, 6, 8, 10, 14]) };
}

const params: NumericGenerator<Key> = {
  topic: "rf.params",
  calculator: "rf",
  generate(random) {
    const stream = random.stream("layers");
    if (stream.chance(0.3)) {
      const { channels, outChannels } = separablePair(stream);
      const standard = 3 * 3 * channels * outChannels + outChannels;
      return {
        given: { layers: `conv3c${channels}g${channels}p1,conv1c${outChannels}`, channels },
        ask: "params",
        answerForm: "number",
        prompt: [{ key: "quiz.prompt.rf.params.separable", params: { cin: channels, cout: outChannels, standard } }],
      };
    }
    const { channels, inputSize, layers } = randomStack(stream);
    const needsSize = layers.some((layer) => layer.token.startsWith("fc"));
    return {
      given: { layers: layers.map((layer) => layer.token).join(","), channels, ...(needsSize ? { inputSize } : {}) },
      ask: "params",
      answerForm: "number",
      prompt: [
        needsSize ? { key: "quiz.prompt.rfcost.input", params: { c: channels, n: inputSize } } : { key: "quiz.prompt.rfcost.inputChannels", params: { c: channels } },
        ...layers.map((layer) => layer.part),
        { key: "quiz.prompt.rf.params" },
      ],
    };
  },
};

const macs: NumericGenerator<Key> = {
  topic: "rf.macs",
  calculator: "rf",
  generate(random): NumericSpec<Key> {
    const stream = random.stream("layers");
    if (stream.chance(0.3)) {
      const { channels, outChannels, inputSize } = separablePair(stream);
      const standard = 3 * 3 * channels * outChannels * inputSize * inputSize;
      return {
        given: { layers: `conv3c${channels}g${channels}p1,conv1c${outChannels}`, channels, inputSize },
        ask: "macs",
        answerForm: "number",
        prompt: [{ key: "quiz.prompt.rf.macs.separable", params: { cin: channels, cout: outChannels, n: inputSize, standard } }],
      };
    }
    const { channels, inputSize, layers } = randomStack(stream);
    return {
      given: { layers: layers.map((layer) => layer.token).join(","), channels, inputSize },
      ask: "macs",
      answerForm: "number",
      prompt: [
        { key: "quiz.prompt.rfcost.input", params: { c: channels, n: inputSize } },
        ...layers.map((layer) => layer.part),
        { key: "quiz.prompt.rf.macs" },
      ],
    };
  },
};

export const rfCostGenerators: NumericGenerator<Key>[] = [params, macs];
