/** A problem's typed values (nested number arrays, numbers, words) as the option parsers would give them. */
import { tensor, type Tensor } from "../engine/tensor.js";
import type { GivenValue } from "./spec.js";

// Its own few lines rather than the drill kit's shapeOfNested: a calculator's run loads nothing of the drills.
function shapeOf(value: GivenValue): number[] {
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

/** Nested arrays (or one number) → a tensor of their shape. */
export function givenTensor(value: GivenValue): Tensor {
  if (typeof value === "string") throw new Error(`expected numbers, got "${value}"`);
  const data = (Array.isArray(value) ? value.flat(3) : [value]) as number[];
  const shape = shapeOf(value);
  // A number or a flat list is one row, as parseMatrix reads "5" or "1 2 3".
  if (shape.length <= 1) return tensor([1, data.length], data);
  return tensor(shape, data);
}

/** `2` → [2, 2]; `[2, 1]` → [2, 1]. */
export function givenPair(value: GivenValue): [number, number] {
  if (typeof value === "number") return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((entry) => typeof entry === "number")) return [value[0] as number, value[1] as number];
  throw new Error(`expected a number or a pair, got ${JSON.stringify(value)}`);
}

/** `3` → [3]; `[1, 2]` → [1, 2]. */
export function givenList(value: GivenValue): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value) && value.every((entry) => typeof entry === "number")) return value as number[];
  throw new Error(`expected a list of numbers, got ${JSON.stringify(value)}`);
}

export function givenNumber(value: GivenValue): number {
  if (typeof value === "number") return value;
  throw new Error(`expected a number, got ${JSON.stringify(value)}`);
}

export function givenText(value: GivenValue): string {
  if (typeof value === "string") return value;
  throw new Error(`expected a word, got ${JSON.stringify(value)}`);
}
