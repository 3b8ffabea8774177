/**
 * What `check` (and the practice session) tell a student about a wrong answer beyond ✓/✗: the
 * recognised mistakes of a readable answer, and the likely cause of an answer of the wrong shape.
 * Pure: ids only; the messages live in the `tutor` area.
 */
import { setupConv, type PaddingSpec } from "../engine/conv2d.js";
import type { Pair } from "../engine/geometry.js";
import { setupPool } from "../engine/pool2d.js";
import { paddingOf, pairOf, tensorOf } from "../drill/given-values.js";
import { shapeOfNested, type NestedNumbers } from "../drill/nested.js";
import { diagnose, type DiagnosedProblem, type MistakeId } from "./mistakes.js";

/** The flat row-major `values` in the shape of `like` (a number when `like` is one). */
export function nestLike(values: readonly number[], like: NestedNumbers): NestedNumbers {
  let next = 0;
  const build = (model: NestedNumbers): NestedNumbers => (Array.isArray(model) ? model.map(build) : values[next++]);
  return build(like);
}

/** The mistakes a numeric answer (row-major, shaped like `expected`) shows; empty when none is recognised. */
export function diagnoseAnswer(problem: Partial<DiagnosedProblem> & { topic: string }, answer: readonly number[], expected: NestedNumbers): MistakeId[] {
  if (problem.given === undefined || problem.ask === undefined) return [];
  return diagnose({ topic: problem.topic, given: problem.given, ask: problem.ask }, nestLike(answer, expected), expected);
}

/** Stable ids of the likely causes of an answer with the wrong shape (messages `tutor.shape.<id>`). */
export const SHAPE_CAUSES = ["no-padding", "no-stride", "no-dilation", "grad-shape", "transposed"] as const;
export type ShapeCause = (typeof SHAPE_CAUSES)[number];

function isZeroPadding(padding: PaddingSpec): boolean {
  return padding === "valid" || (Array.isArray(padding) && padding[0] === 0 && padding[1] === 0);
}

interface Geometry {
  stride: Pair;
  padding: PaddingSpec;
  dilation: Pair;
}

/** The output shape of the problem's conv or pooling layer under `geometry`; undefined when it has none. */
function outputShapeUnder(problem: DiagnosedProblem, geometry: Geometry): number[] | undefined {
  const input = tensorOf(problem.given.input);
  if (input === undefined) return undefined;
  try {
    if (problem.topic.startsWith("conv.")) {
      const kernel = tensorOf(problem.given.kernel);
      if (kernel === undefined) return undefined;
      const setup = setupConv(input, kernel, geometry);
      return setup.isBank ? [setup.filters, setup.outputHeight, setup.outputWidth] : [setup.outputHeight, setup.outputWidth];
    }
    if (problem.topic.startsWith("pool.") && problem.given.size !== undefined && geometry.padding !== "same" && geometry.padding !== "valid") {
      const setup = setupPool(input, { size: pairOf(problem.given.size, 1), stride: geometry.stride, padding: geometry.padding });
      return input.shape.length === 3 ? [setup.channels, setup.outputHeight, setup.outputWidth] : [setup.outputHeight, setup.outputWidth];
    }
  } catch {
    return undefined; // the mistaken geometry does not fit the input: no such shape
  }
  return undefined;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/**
 * The likely cause of an answer of shape `got` when `expected` was asked, or undefined when no
 * cause fits (or the shape is right). Causes are tried most telling first.
 */
export function shapeCause(problem: DiagnosedProblem, expected: NestedNumbers, got: readonly number[]): ShapeCause | undefined {
  const want = shapeOfNested(expected);
  if (sameShape(want, got)) return undefined;
  const given = problem.given;
  const isPool = problem.topic.startsWith("pool.");
  const actual: Geometry = {
    stride: pairOf(isPool ? given.stride ?? given.size : given.stride, 1),
    padding: paddingOf(given.padding),
    dilation: pairOf(given.dilation, 1),
  };
  if (problem.ask === "output") {
    const candidates: [ShapeCause, Geometry | undefined][] = [
      ["no-padding", isZeroPadding(actual.padding) ? undefined : { ...actual, padding: [0, 0] }],
      ["no-stride", actual.stride.every((s) => s === 1) ? undefined : { ...actual, stride: [1, 1] }],
      ["no-dilation", actual.dilation.every((d) => d === 1) ? undefined : { ...actual, dilation: [1, 1] }],
    ];
    for (const [cause, geometry] of candidates) {
      const shape = geometry && outputShapeUnder(problem, geometry);
      if (shape !== undefined && !sameShape(shape, want) && sameShape(shape, got)) return cause;
    }
  }
  if (problem.ask === "gradInput" || problem.ask === "gradKernel") {
    // An answer shaped like δ (the layer's output) where the gradient has the shape of a or w.
    const grad = given.grad;
    if (grad !== undefined && typeof grad !== "string" && typeof grad !== "number" && sameShape(shapeOfNested(grad as NestedNumbers), got)) return "grad-shape";
  }
  if (want.length === 2 && want[0] !== want[1] && sameShape([want[1], want[0]], got)) return "transposed";
  return undefined;
}
