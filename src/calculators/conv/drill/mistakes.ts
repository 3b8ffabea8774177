/**
 * The common mistakes of conv problems: the kernel flipped or not, the bias left out, ∂L/∂a with
 * w unrotated, and the output-size formula's "+ 1" or two-sided padding forgotten (conv.output-size,
 * answered by rf). Each recomputes the answer under the mistaken rule with the engine.
 */
import { convBackward, convForward, rotate180, setupConv, type ConvMode } from "../../../engine/conv2d.js";
import { effectiveKernel } from "../../../engine/geometry.js";
import { tensor, toNested, type Tensor } from "../../../engine/tensor.js";
import { biasOf, numberOf, pairOf, paddingOf, singleLayer, tensorOf } from "../../../drill/given-values.js";
import { mistake, type DiagnosedProblem, type Mistake } from "../../../drill/tutor.js";
import type { DrillMistakeId } from "./messages.js";

/** The conv problem's setup, with some values overridden by a mistake. */
function convOf(given: DiagnosedProblem["given"], change: { kernel?: Tensor; mode?: ConvMode; bias?: number[] | null } = {}) {
  const input = tensorOf(given.input);
  const kernel = change.kernel ?? tensorOf(given.kernel);
  if (input === undefined || kernel === undefined) return undefined;
  const bias = change.bias === null ? undefined : change.bias ?? biasOf(given.bias);
  return setupConv(input, kernel, {
    stride: pairOf(given.stride, 1),
    padding: paddingOf(given.padding),
    dilation: pairOf(given.dilation, 1),
    mode: change.mode ?? (given.mode === "conv" ? "conv" : "corr"),
    bias,
  });
}

/** A kernel with each plane rotated 180°. */
function rotatedKernel(kernel: Tensor): Tensor {
  const [kh, kw] = kernel.shape.slice(-2);
  const out = new Float64Array(kernel.data.length);
  for (let offset = 0; offset < out.length; offset += kh * kw) out.set(rotate180(kernel.data.subarray(offset, offset + kh * kw), kh, kw), offset);
  return tensor(kernel.shape, out);
}

function isConvTopic(problem: DiagnosedProblem): boolean {
  return problem.topic.startsWith("conv.") && problem.given.input !== undefined && problem.given.kernel !== undefined;
}

export const convMistakes: readonly Mistake<DrillMistakeId>[] = [
  mistake("flipped-kernel", (problem) => {
    if (!isConvTopic(problem) || problem.ask !== "output" || problem.given.mode === "conv") return undefined;
    const setup = convOf(problem.given, { mode: "conv" });
    return setup && toNested(convForward(setup));
  }),
  mistake("unflipped-kernel", (problem) => {
    if (!isConvTopic(problem) || problem.ask !== "output" || problem.given.mode !== "conv") return undefined;
    const setup = convOf(problem.given, { mode: "corr" });
    return setup && toNested(convForward(setup));
  }),
  mistake("missing-bias", (problem) => {
    const bias = biasOf(problem.given.bias);
    if (!isConvTopic(problem) || problem.ask !== "output" || bias === undefined || bias.every((b) => b === 0)) return undefined;
    const setup = convOf(problem.given, { bias: null });
    return setup && toNested(convForward(setup));
  }),
  mistake("grad-input-unrotated", (problem) => {
    if (!isConvTopic(problem) || problem.ask !== "gradInput") return undefined;
    const kernel = tensorOf(problem.given.kernel);
    const grad = tensorOf(problem.given.grad);
    // gradInput correlates δ with rot180(w); handing it rot180(w) makes it use w itself.
    const setup = kernel && convOf(problem.given, { kernel: rotatedKernel(kernel) });
    return setup && grad && toNested(convBackward(setup, grad).gradInput);
  }),
  mistake("output-size-no-plus-one", (problem) => {
    const layer = singleLayer(problem);
    const n = numberOf(problem.given.inputSize);
    if (problem.ask !== "outputSize" || layer === undefined || layer.kind === "tconv" || n === undefined) return undefined;
    return Math.floor((n + 2 * layer.padding - effectiveKernel(layer.kernel, layer.dilation)) / layer.stride);
  }),
  mistake("output-size-one-side-padding", (problem) => {
    const layer = singleLayer(problem);
    const n = numberOf(problem.given.inputSize);
    if (problem.ask !== "outputSize" || layer === undefined || layer.kind === "tconv" || layer.padding === 0 || n === undefined) return undefined;
    return Math.floor((n + layer.padding - effectiveKernel(layer.kernel, layer.dilation)) / layer.stride) + 1;
  }),
];
