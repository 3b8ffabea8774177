/** Multi-channel conv topics (`cnn-drill conv` with a C×H×W input and a C×k×k filter): the output, and ∂L/∂w per channel. */
import { convBackward, convForward, setupConv } from "../../../engine/conv2d.js";
import { fromRows, tensor } from "../../../engine/tensor.js";
import type { Random } from "../../../drill/random.js";
import type { NumericGenerator } from "../../../drill/topic.js";
import { allZero, drawUntil, nonZeroMatrix, nonZeroTensor } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

interface ChannelsDrawn {
  input: number[][][];
  kernel: number[][][];
  bias: number;
}

/** A 2-channel 3×3 input and a 2-channel 2×2 filter (one output channel). */
function drawChannels(random: Random): ChannelsDrawn {
  const kernelStream = random;
  const kernel = drawUntil(kernelStream, (r) => [r.matrix(2, 2, -1, 2), r.matrix(2, 2, -1, 2)], (planes) => planes.every((p) => p.flat().filter((v) => v !== 0).length >= 2));
  const input = drawUntil(random, (r) => [r.matrix(3, 3, 0, 3), r.matrix(3, 3, 0, 3)], (planes) => planes.every((p) => !allZero(p)));
  const bias = random.chance(0.3) ? random.pick([-2, -1, 1, 2]) : 0;
  return { input, kernel, bias };
}

function channelsSetup(drawn: ChannelsDrawn) {
  return setupConv(tensor([2, 3, 3], drawn.input.flat(2)), tensor([2, 2, 2], drawn.kernel.flat(2)), { bias: [drawn.bias] });
}

const channels: NumericGenerator<Key> = {
  topic: "conv.channels",
  calculator: "conv",
  generate(random) {
    const drawn = drawUntil(random.stream("conv"), drawChannels, (d) => nonZeroTensor(convForward(channelsSetup(d))));
    return {
      given: { input: drawn.input, kernel: drawn.kernel, ...(drawn.bias === 0 ? {} : { bias: drawn.bias }) },
      ask: "output",
      prompt: [{ key: "quiz.prompt.conv.channels", params: { bias: drawn.bias } }, { key: "quiz.prompt.giveOutput" }],
    };
  },
};

const channelsGrad: NumericGenerator<Key> = {
  topic: "conv.channels-grad",
  calculator: "conv",
  generate(random) {
    const drawn = drawChannels(random.stream("conv"));
    const setup = channelsSetup(drawn);
    const grad = drawUntil(random.stream("grad"), (r) => nonZeroMatrix(r, 2, 2, -2, 2, 2), (g) => nonZeroTensor(convBackward(setup, fromRows(g)).gradKernel));
    return {
      given: { input: drawn.input, kernel: drawn.kernel, grad },
      ask: "gradKernel",
      prompt: [{ key: "quiz.prompt.conv.channels-grad" }],
    };
  },
};

export const convChannelsGenerators: readonly NumericGenerator<Key>[] = [channels, channelsGrad];
