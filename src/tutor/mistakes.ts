/**
 * The common mistakes a tutor names. Each one recomputes the answer under the mistaken rule, with the
 * engine, on the problem's own values (`given`, keyed by the calculator's option names); a student's
 * answer that matches a mistaken answer (within the checking tolerance) while the right answer differs
 * is diagnosed as that mistake. Pure: no text here — ids only; messages live in the catalogue.
 */
import { convBackward, convForward, rotate180, setupConv, type ConvMode } from "../engine/conv2d.js";
import { effectiveKernel } from "../engine/geometry.js";
import { axisWindow, poolBackward, setupPool, type PoolSetup, type PoolType } from "../engine/pool2d.js";
import { parseLayers, receptiveField, type LayerSpec } from "../engine/receptive-field.js";
import { roiForward, setupRoi, type Box } from "../engine/roi-pool.js";
import { tensor, toNested, type Tensor } from "../engine/tensor.js";
import { flattenNested, isClose, shapeOfNested, type NestedNumbers } from "../quiz/answer.js";
import type { GivenValue } from "../quiz/types.js";
import { biasOf, numberOf, pairOf, paddingOf, tensorOf } from "./given-values.js";
import { STEP_MISTAKE_IDS, stepMistakenAnswers } from "./step-mistakes.js";

/** Stable ids (the contract promises them once released). */
export const MISTAKE_IDS = [
  "flipped-kernel",
  "unflipped-kernel",
  "missing-bias",
  "transposed",
  "grad-input-unrotated",
  "pool-grad-to-all",
  "pool-grad-averaged",
  "pool-overlap-not-summed",
  "pool-tie-all",
  "output-size-no-plus-one",
  "output-size-one-side-padding",
  "dilated-size-d-times-k",
  "rf-no-jump",
  "roi-floor",
  "spp-no-channels",
  ...STEP_MISTAKE_IDS,
] as const;

export type MistakeId = (typeof MISTAKE_IDS)[number];

/** What a diagnosis needs of a problem: its topic, its values and the asked key. */
export interface DiagnosedProblem {
  topic: string;
  given: Readonly<Record<string, GivenValue>>;
  ask: string;
}

interface Mistake {
  id: MistakeId;
  /** The answer under the mistaken rule, or undefined when the mistake does not apply to this problem. */
  answer(problem: DiagnosedProblem, expected: NestedNumbers): NestedNumbers | undefined;
}

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

function poolOf(given: DiagnosedProblem["given"], type: PoolType = given.type === "avg" ? "avg" : "max"): PoolSetup | undefined {
  const input = tensorOf(given.input);
  if (input === undefined || given.size === undefined) return undefined;
  const size = pairOf(given.size, 1);
  return setupPool(input, { type, size, stride: pairOf(given.stride ?? given.size, 1), padding: pairOf(given.padding, 0) });
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

// --------------------------------------------------------------------------------- pooling routing

/**
 * Max-pool gradient routed by a mistaken rule: `write` decides what each window does to the cells it
 * covers (the real ones, padding excluded), given the window's δ, its cells and which of them hold its maximum.
 */
function routeMaxPool(setup: PoolSetup, grad: Tensor, write: (out: Float64Array, cells: number[], maxima: number[], delta: number) => void): Tensor {
  const { channels, height, width, outputHeight, outputWidth, input } = setup;
  const out = new Float64Array(channels * height * width);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < outputHeight; i++) {
      const rows = axisWindow(setup, 0, i);
      for (let j = 0; j < outputWidth; j++) {
        const cols = axisWindow(setup, 1, j);
        const cells: number[] = [];
        for (let r = rows.start; r < rows.end; r++) {
          for (let col = cols.start; col < cols.end; col++) cells.push(c * height * width + r * width + col);
        }
        const best = Math.max(...cells.map((cell) => input[cell]));
        write(out, cells, cells.filter((cell) => input[cell] === best), grad.data[(c * outputHeight + i) * outputWidth + j]);
      }
    }
  }
  return tensor(setup.inputShape, out);
}

function maxPoolGradProblem(problem: DiagnosedProblem): { setup: PoolSetup; grad: Tensor } | undefined {
  if (!problem.topic.startsWith("pool.") || problem.ask !== "gradInput" || problem.given.type === "avg") return undefined;
  const setup = poolOf(problem.given, "max");
  const grad = tensorOf(problem.given.grad);
  return setup && grad ? { setup, grad } : undefined;
}

// ------------------------------------------------------------------------------------ sizes

/** The layer of a one-layer size problem (`conv5d2` with `inputSize`). */
function singleLayer(problem: DiagnosedProblem): LayerSpec | undefined {
  if (typeof problem.given.layers !== "string") return undefined;
  const layers = parseLayers(problem.given.layers);
  return layers.length === 1 ? layers[0] : undefined;
}

// ------------------------------------------------------------------------------------ the catalogue

const MISTAKES: readonly Mistake[] = [
  {
    id: "flipped-kernel",
    answer: (problem) => {
      if (!isConvTopic(problem) || problem.ask !== "output" || problem.given.mode === "conv") return undefined;
      const setup = convOf(problem.given, { mode: "conv" });
      return setup && toNested(convForward(setup));
    },
  },
  {
    id: "unflipped-kernel",
    answer: (problem) => {
      if (!isConvTopic(problem) || problem.ask !== "output" || problem.given.mode !== "conv") return undefined;
      const setup = convOf(problem.given, { mode: "corr" });
      return setup && toNested(convForward(setup));
    },
  },
  {
    id: "missing-bias",
    answer: (problem) => {
      const bias = biasOf(problem.given.bias);
      if (!isConvTopic(problem) || problem.ask !== "output" || bias === undefined || bias.every((b) => b === 0)) return undefined;
      const setup = convOf(problem.given, { bias: null });
      return setup && toNested(convForward(setup));
    },
  },
  {
    id: "transposed",
    answer: (_, expected) => {
      const shape = shapeOfNested(expected);
      if (shape.length !== 2) return undefined;
      const rows = expected as number[][];
      return Array.from({ length: shape[1] }, (_, j) => rows.map((row) => row[j]));
    },
  },
  {
    id: "grad-input-unrotated",
    answer: (problem) => {
      if (!isConvTopic(problem) || problem.ask !== "gradInput") return undefined;
      const kernel = tensorOf(problem.given.kernel);
      const grad = tensorOf(problem.given.grad);
      // gradInput correlates δ with rot180(w); handing it rot180(w) makes it use w itself.
      const setup = kernel && convOf(problem.given, { kernel: rotatedKernel(kernel) });
      return setup && grad && toNested(convBackward(setup, grad).gradInput);
    },
  },
  {
    id: "pool-grad-to-all",
    answer: (problem) => {
      const routed = maxPoolGradProblem(problem);
      return routed && toNested(routeMaxPool(routed.setup, routed.grad, (out, cells, _, delta) => cells.forEach((cell) => { out[cell] += delta; })));
    },
  },
  {
    id: "pool-grad-averaged",
    answer: (problem) => {
      const routed = maxPoolGradProblem(problem);
      const avg = routed && poolOf(problem.given, "avg");
      return avg && routed && toNested(poolBackward(avg, routed.grad));
    },
  },
  {
    id: "pool-overlap-not-summed",
    answer: (problem) => {
      const routed = maxPoolGradProblem(problem);
      if (routed === undefined || routed.setup.stride.every((s, axis) => s >= routed.setup.size[axis])) return undefined;
      // A later window overwrites what an earlier one wrote, instead of adding to it.
      return toNested(routeMaxPool(routed.setup, routed.grad, (out, _, maxima, delta) => { out[maxima[0]] = delta; }));
    },
  },
  {
    id: "pool-tie-all",
    answer: (problem) => {
      if (!problem.topic.startsWith("pool.") || problem.given.type === "avg") return undefined;
      if (problem.ask === "gradInput") {
        const routed = maxPoolGradProblem(problem);
        return routed && toNested(routeMaxPool(routed.setup, routed.grad, (out, _, maxima, delta) => maxima.forEach((cell) => { out[cell] += delta; })));
      }
      if (problem.ask === "mask") {
        const setup = poolOf(problem.given, "max");
        if (setup === undefined) return undefined;
        const grad = tensor([setup.channels, setup.outputHeight, setup.outputWidth]);
        grad.data.fill(1);
        const marked = routeMaxPool(setup, grad, (out, _, maxima) => maxima.forEach((cell) => { out[cell] = 1; }));
        return toNested(marked);
      }
      return undefined;
    },
  },
  {
    id: "output-size-no-plus-one",
    answer: (problem) => {
      const layer = singleLayer(problem);
      const n = numberOf(problem.given.inputSize);
      if (problem.ask !== "outputSize" || layer === undefined || layer.kind === "tconv" || n === undefined) return undefined;
      return Math.floor((n + 2 * layer.padding - effectiveKernel(layer.kernel, layer.dilation)) / layer.stride);
    },
  },
  {
    id: "output-size-one-side-padding",
    answer: (problem) => {
      const layer = singleLayer(problem);
      const n = numberOf(problem.given.inputSize);
      if (problem.ask !== "outputSize" || layer === undefined || layer.kind === "tconv" || layer.padding === 0 || n === undefined) return undefined;
      return Math.floor((n + layer.padding - effectiveKernel(layer.kernel, layer.dilation)) / layer.stride) + 1;
    },
  },
  {
    id: "dilated-size-d-times-k",
    answer: (problem) => {
      const layer = singleLayer(problem);
      if (layer === undefined || layer.kind !== "conv" || layer.dilation === 1) return undefined;
      const wrongKernel = layer.dilation * layer.kernel;
      if (problem.ask === "receptiveField") return wrongKernel;
      const n = numberOf(problem.given.inputSize);
      if (problem.ask !== "outputSize" || n === undefined) return undefined;
      return Math.floor((n + 2 * layer.padding - wrongKernel) / layer.stride) + 1;
    },
  },
  {
    id: "rf-no-jump",
    answer: (problem) => {
      if (problem.ask !== "receptiveField" || typeof problem.given.layers !== "string") return undefined;
      const layers = parseLayers(problem.given.layers);
      if (layers.length < 2 || receptiveField(layers).receptiveField === null) return undefined;
      return 1 + layers.reduce((sum, layer) => sum + effectiveKernel(layer.kernel, layer.dilation) - 1, 0);
    },
  },
  {
    id: "roi-floor",
    answer: (problem) => {
      const input = tensorOf(problem.given.input);
      const box = problem.given.box;
      const scale = numberOf(problem.given.scale) ?? 1;
      if (!problem.topic.startsWith("roi.") || problem.ask !== "output" || input === undefined || !Array.isArray(box) || box.length !== 4) return undefined;
      // Corners floored after scaling; scale 1 then leaves the already whole corners as they are.
      const [x1, y1, x2, y2] = (box as number[]).map((v) => Math.floor(v * scale));
      const size = pairOf(problem.given.output, 1);
      const floored: Box = { x1, y1, x2, y2 };
      try {
        return toNested(roiForward(setupRoi(input, [floored], { outputSize: size, scale: 1 })).outputs[0]);
      } catch {
        return undefined; // the floored box can fall off the map: no such answer
      }
    },
  },
  {
    id: "spp-no-channels",
    answer: (problem) => {
      const input = tensorOf(problem.given.input);
      const levels = problem.given.levels;
      if (problem.ask !== "length" || input === undefined || input.shape.length !== 3 || !Array.isArray(levels)) return undefined;
      return (levels as number[]).reduce((sum, n) => sum + n * n, 0);
    },
  },
];

function sameAnswer(a: NestedNumbers, b: NestedNumbers): boolean {
  const shapeA = shapeOfNested(a);
  const shapeB = shapeOfNested(b);
  if (shapeA.length !== shapeB.length || shapeA.some((n, i) => n !== shapeB[i])) return false;
  const flatA = flattenNested(a);
  const flatB = flattenNested(b);
  return flatA.every((value, i) => isClose(value, flatB[i]));
}

/** The mistaken answer of every mistake that applies to this problem and differs from the right answer. */
export function mistakenAnswers(problem: DiagnosedProblem, expected: NestedNumbers): { id: MistakeId; answer: NestedNumbers }[] {
  const out: { id: MistakeId; answer: NestedNumbers }[] = [];
  for (const mistake of MISTAKES) {
    const answer = mistake.answer(problem, expected);
    if (answer !== undefined && !sameAnswer(answer, expected)) out.push({ id: mistake.id, answer });
  }
  for (const mistake of stepMistakenAnswers(problem)) if (!sameAnswer(mistake.answer, expected)) out.push(mistake);
  return out;
}

/** The mistakes whose answer is the student's (empty for a right answer or an unrecognised one). */
export function diagnose(problem: DiagnosedProblem, answer: NestedNumbers, expected: NestedNumbers): MistakeId[] {
  if (sameAnswer(answer, expected)) return [];
  const ids = mistakenAnswers(problem, expected).filter((mistake) => sameAnswer(mistake.answer, answer)).map((mistake) => mistake.id);
  // A mistake with several forms (loss-form) is named once.
  return [...new Set(ids)];
}

