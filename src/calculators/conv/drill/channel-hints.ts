/**
 * Hints for the multi-channel conv topics (one filter over a C×H×W input): the output size and
 * the sum over channels, the first window of every channel written out, then the first cell worked
 * channel by channel; backward, ∂L/∂w plane by plane. Results come from the engine.
 */
import { convBackward, convForward, setupConv } from "../../../engine/conv2d.js";
import { effectiveKernel } from "../../../engine/geometry.js";
import { fromRows, rowsOf, tensor } from "../../../engine/tensor.js";
import type { Translate } from "../../../i18n/index.js";
import { allTaps, windowTaps, type ConvProblem } from "./hints.js";
import { matrixOf, numberOf, planesOf, type Given } from "../../../drill/given.js";
import { factor, label, num } from "../../../drill/text.js";
import { InputError } from "../../../engine/errors.js";
import type { Key } from "./messages.js";

interface ChannelsProblem {
  /** One single-channel problem per channel: that channel of a with that plane of w. */
  channels: ConvProblem[];
  bias: number | undefined;
  setup: ReturnType<typeof setupConv>;
}

function readChannels(given: Given): ChannelsProblem {
  const input = planesOf(given, "input");
  const kernel = planesOf(given, "kernel");
  if (kernel.length !== input.length) throw new InputError(undefined, "hint.givenBad", { name: "kernel", expected: `${input.length}×k×k` });
  const stride = numberOf(given, "stride", 1);
  const padding = numberOf(given, "padding", 0);
  const dilation = numberOf(given, "dilation", 1);
  const bias = given.bias === undefined ? undefined : numberOf(given, "bias");
  const [c, h, w] = [input.length, input[0].length, input[0][0].length];
  const [kh, kw] = [kernel[0].length, kernel[0][0].length];
  const setup = setupConv(tensor([c, h, w], input.flat(2)), tensor([c, kh, kw], kernel.flat(2)), {
    stride: [stride, stride], padding: [padding, padding], dilation: [dilation, dilation], bias,
  });
  const channels = input.map((plane, index): ConvProblem => ({ input: plane, kernel: kernel[index], stride, padding, dilation, mode: "corr", bias: undefined }));
  return { channels, bias, setup };
}

/** `a[2]` for channel index 1: the tool's label for a cell of channel 2. */
function channelLetter(letter: string, channel: number): string {
  return `${letter}[${channel + 1}]`;
}

export function convChannelsHints(given: Given, t: Translate<Key>): string[] {
  const { channels, bias, setup } = readChannels(given);
  const first = channels[0];
  const k = first.kernel.length;
  const params = {
    n: first.input.length, k, p: first.padding, s: first.stride, d: first.dilation,
    span: effectiveKernel(k, first.dilation), h: setup.outputHeight, w: setup.outputWidth, c: channels.length,
  };
  const how = [t("hint.conv.size", params)];
  if (first.padding > 0) how.push(t("hint.conv.padding", { p: first.padding }));
  how.push(t("hint.conv.channels", params));
  if (first.dilation > 1) how.push(t("hint.conv.dilation", params));
  if (first.stride > 1) how.push(t("hint.conv.stride", { s: first.stride }));
  if (bias !== undefined) how.push(t("hint.conv.bias", { b: num(bias) }));

  const taps = channels.map((channel) => windowTaps(channel, 0, 0));
  const symbols = taps.map((channelTaps, c) =>
    `(${channelTaps.map((tap) => `${tap.inside ? label(channelLetter("a", c), tap.row, tap.col) : "0"}·${label(channelLetter("w", c), tap.kernelRow, tap.kernelCol)}`).join(" + ")})`);
  const window = [t("hint.conv.channelsFirstWindow"), `  s11 = ${symbols.join(" + ")}${bias === undefined ? "" : " + b"}`];
  if (taps.flat().some((tap) => !tap.inside)) window.push(t("hint.conv.paddingTaps"));

  const sums = taps.map((channelTaps) => channelTaps.reduce((total, tap) => total + tap.input * tap.weight, 0));
  const channelLines = taps.map((channelTaps, c) =>
    `  ${t("hint.conv.channelLine", { c: c + 1 })}: ${channelTaps.map((tap) => `${factor(tap.input)}·${factor(tap.weight)}`).join(" + ")} = ${num(sums[c])}`);
  const value = rowsOf(convForward(setup))[0][0];
  const total = `  s11 = ${sums.map((sum, c) => (c === 0 ? num(sum) : factor(sum))).join(" + ")}${bias === undefined ? "" : ` + ${factor(bias)}`} = ${num(value)}`;
  return [how.join(" "), window.join("\n"), [t("hint.conv.withNumbers"), ...channelLines, total].join("\n")];
}

export function convChannelsGradHints(given: Given, t: Translate<Key>): string[] {
  const { channels, setup } = readChannels(given);
  const grad = matrixOf(given, "grad");
  const gradKernel = convBackward(setup, fromRows(grad)).gradKernel;
  const k = channels[0].kernel.length;
  const size = [t("hint.conv.channelsGrad.size", { c: channels.length, k, h: setup.outputHeight, w: setup.outputWidth })];
  if (channels[0].stride > 1) size.push(t("hint.conv.gradKernel.stride", { s: channels[0].stride }));
  if (channels[0].padding > 0) size.push(t("hint.conv.gradKernel.padding", { p: channels[0].padding }));

  const terms = channels.map((channel) =>
    allTaps(channel, setup.outputHeight, setup.outputWidth).filter(({ tap }) => tap.kernelRow === 0 && tap.kernelCol === 0 && tap.inside));
  const symbolic = terms.map((channelTerms, c) =>
    `  ∂L/∂${label(channelLetter("w", c), 0, 0)} = ${channelTerms.map(({ i, j, tap }) => `${label("δ", i, j)}·${label(channelLetter("a", c), tap.row, tap.col)}`).join(" + ") || "0"}`);
  const worked = terms.map((channelTerms, c) => {
    const products = channelTerms.map(({ i, j, tap }) => `${factor(grad[i][j])}·${factor(tap.input)}`).join(" + ") || "0";
    return `  ∂L/∂${label(channelLetter("w", c), 0, 0)} = ${products} = ${num(rowsOf(gradKernel, c)[0][0])}`;
  });
  return [
    size.join(" "),
    [t("hint.conv.channelsGrad.first"), ...symbolic].join("\n"),
    [t("hint.conv.withNumbers"), ...worked, t("hint.conv.gradKernel.next")].join("\n"),
  ];
}
