/**
 * What `check` (and the practice session) tell a student about a wrong answer beyond ✓/✗: the
 * recognised mistakes of a readable answer, and the likely cause of an answer of the wrong shape (from
 * the output shapes its drill gives, for topics that ask for a layer's output). Pure: ids only; the
 * messages live in the `tutor` area.
 */
import { sameShape, type PaddingSpec } from "../engine/conv2d.js";
import { shapeOfNested, type NestedNumbers } from "../drill/nested.js";
import type { LayerGeometry } from "../drill/tutor.js";
import { findDrill } from "../quiz/drills.js";
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

/**
 * The likely cause of an answer of shape `got` when `expected` was asked, or undefined when no
 * cause fits (or the shape is right). Causes are tried most telling first.
 */
export function shapeCause(problem: DiagnosedProblem, expected: NestedNumbers, got: readonly number[]): ShapeCause | undefined {
  const want = shapeOfNested(expected);
  if (sameShape(want, got)) return undefined;
  const given = problem.given;
  const shapes = findDrill(problem.topic)?.outputShapes;
  if (problem.ask === "output" && shapes !== undefined) {
    const actual = shapes.geometry(given);
    const candidates: [ShapeCause, LayerGeometry | undefined][] = [
      ["no-padding", isZeroPadding(actual.padding) ? undefined : { ...actual, padding: [0, 0] }],
      ["no-stride", actual.stride.every((s) => s === 1) ? undefined : { ...actual, stride: [1, 1] }],
      ["no-dilation", actual.dilation.every((d) => d === 1) ? undefined : { ...actual, dilation: [1, 1] }],
    ];
    for (const [cause, geometry] of candidates) {
      const shape = geometry && shapes.outputShape(given, geometry);
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
