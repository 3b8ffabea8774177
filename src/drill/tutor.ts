/**
 * What a calculator's drill gives the tutor: staged hints per topic and the common mistakes of its
 * problems. Both are pure: built from a problem's `given` values (keyed by the calculator's option
 * names) with the engine; hints speak through a translator, mistakes are ids whose messages are
 * `tutor.mistake.<id>`.
 */
import type { PaddingSpec } from "../engine/conv2d.js";
import type { Pair } from "../engine/geometry.js";
import type { Translate } from "../i18n/index.js";
import { flattenNested, isClose, shapeOfNested, type NestedNumbers } from "./nested.js";
import type { Given } from "./given.js";
import type { GivenValue } from "./topic.js";

/** The mistake ids a set of message keys names: `tutor.mistake.flipped-kernel` → `flipped-kernel`. */
export type MistakeOf<Key extends string> = Key extends `tutor.mistake.${infer Id}` ? Id : never;

/**
 * The hints of one topic, level 1 first: level 1 says what is asked and how it is found (never the
 * answer), the last works the first cell, row or term. `ask`: the problem's asked key, for topics
 * that ask for different ones.
 */
export type HintBuilder<Key extends string = string> = (given: Given, t: Translate<Key>, ask: string | undefined) => string[];

/** What a diagnosis needs of a problem: its topic, its values and the asked key. */
export interface DiagnosedProblem {
  topic: string;
  given: Readonly<Record<string, GivenValue>>;
  ask: string;
}

/** A common mistake: it recomputes the answer under the mistaken rule, on the problem's own values. */
export interface Mistake<Id extends string = string> {
  /** A stable id (the contract promises them once released); its message is `tutor.mistake.<id>`. */
  id: Id;
  /** Every answer the mistaken rule gives on this problem (several for a mistake with several forms; none when it does not apply). */
  answers(problem: DiagnosedProblem, expected: NestedNumbers): NestedNumbers[];
}

/** A mistake with one form: its answer under the mistaken rule, or undefined when it does not apply. */
export function mistake<Id extends string>(id: Id, answer: (problem: DiagnosedProblem, expected: NestedNumbers) => NestedNumbers | undefined): Mistake<Id> {
  return {
    id,
    answers: (problem, expected) => {
      const value = answer(problem, expected);
      return value === undefined ? [] : [value];
    },
  };
}

/** A layer's sliding-window geometry: what a student may forget when sizing its output. */
export interface LayerGeometry {
  stride: Pair;
  padding: PaddingSpec;
  dilation: Pair;
}

/**
 * For a drill whose problems ask for a layer's output: the layer's geometry as the problem gives it,
 * and the output's shape under another geometry (the shape an answer has when the stride, padding
 * or dilation was forgotten). The tutor names the forgotten part from these.
 */
export interface OutputShapes {
  geometry(given: DiagnosedProblem["given"]): LayerGeometry;
  /** Undefined when the problem has no such layer or the geometry does not fit its input. */
  outputShape(given: DiagnosedProblem["given"], geometry: LayerGeometry): number[] | undefined;
}

/** The same shape and every number within the quiz's tolerance. */
export function sameAnswer(a: NestedNumbers, b: NestedNumbers): boolean {
  const shapeA = shapeOfNested(a);
  const shapeB = shapeOfNested(b);
  if (shapeA.length !== shapeB.length || shapeA.some((n, i) => n !== shapeB[i])) return false;
  const flatA = flattenNested(a);
  const flatB = flattenNested(b);
  return flatA.every((value, i) => isClose(value, flatB[i]));
}
