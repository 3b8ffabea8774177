/** Answers as the calculators' JSON holds them (a number or nested arrays), compared within the quiz's tolerance. */

/** A number or nested arrays of numbers, as the calculator's JSON holds them. */
export type NestedNumbers = number | NestedNumbers[];

/** Right when within this distance of the expected value (an exact fraction like 1/3 always is). */
export const ANSWER_TOLERANCE = 0.01;

/** The shape of a nested array: [] for a number. */
export function shapeOfNested(value: NestedNumbers): number[] {
  const shape: number[] = [];
  let level: NestedNumbers = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return shape;
}

export function flattenNested(value: NestedNumbers): number[] {
  return Array.isArray(value) ? value.flatMap(flattenNested) : [value];
}

/** Within the quiz's tolerance of the expected value. */
export function isClose(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= ANSWER_TOLERANCE + 1e-9;
}
