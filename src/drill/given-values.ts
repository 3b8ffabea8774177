/**
 * Lenient readers of a problem's given values for the mistake catalogue: a value that does not fit
 * gives undefined (or the default), so a mistake that cannot apply is simply not tried.
 */
import type { PaddingSpec } from "../engine/conv2d.js";
import type { Pair } from "../engine/geometry.js";
import { parseLayers, type LayerSpec } from "../engine/receptive-field.js";
import { tensor, type Tensor } from "../engine/tensor.js";
import { flattenNested, shapeOfNested, type NestedNumbers } from "./nested.js";
import type { GivenValue } from "./topic.js";

export function tensorOf(value: GivenValue | undefined): Tensor | undefined {
  if (value === undefined || typeof value === "string") return undefined;
  return tensor(shapeOfNested(value as NestedNumbers), flattenNested(value as NestedNumbers));
}

export function pairOf(value: GivenValue | undefined, fallback: number): Pair {
  if (typeof value === "number") return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === "number")) return [value[0] as number, value[1] as number];
  return [fallback, fallback];
}

export function numberOf(value: GivenValue | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function paddingOf(value: GivenValue | undefined): PaddingSpec {
  return value === "same" || value === "valid" ? value : pairOf(value, 0);
}

export function biasOf(value: GivenValue | undefined): number[] | undefined {
  if (typeof value === "number") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return value as number[];
  return undefined;
}

/** The layer of a one-layer size problem (`conv5d2` with `inputSize`); undefined for none or a stack. */
export function singleLayer(problem: { given: Readonly<Record<string, GivenValue>> }): LayerSpec | undefined {
  if (typeof problem.given.layers !== "string") return undefined;
  const layers = parseLayers(problem.given.layers);
  return layers.length === 1 ? layers[0] : undefined;
}
