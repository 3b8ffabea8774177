/**
 * Typed readers for a problem's `given` values (keyed by the calculator's option names). A missing
 * or malformed value is an InputError naming the key: hints are built only from values that fit.
 */
import { InputError } from "../engine/errors.js";

/** A problem's given values, as `problem --json` shows them. */
export type Given = Readonly<Record<string, unknown>>;

function bad(name: string, expected: string): InputError {
  return new InputError(undefined, "hint.givenBad", { name, expected });
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

export function numberOf(given: Given, name: string, fallback?: number): number {
  const value = given[name];
  if (value === undefined && fallback !== undefined) return fallback;
  if (!isNumber(value)) throw bad(name, "number");
  return value;
}

export function stringOf(given: Given, name: string, fallback?: string): string {
  const value = given[name];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "string") throw bad(name, "text");
  return value;
}

export function listOf(given: Given, name: string): number[] {
  const value = given[name];
  if (!Array.isArray(value) || value.length === 0 || !value.every(isNumber)) throw bad(name, "list");
  return value;
}

function isMatrix(value: unknown): value is number[][] {
  return Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row) && row.length === (value[0] as unknown[]).length && row.length > 0 && row.every(isNumber));
}

/** An H×W matrix. */
export function matrixOf(given: Given, name: string): number[][] {
  const value = given[name];
  if (!isMatrix(value)) throw bad(name, "matrix");
  return value;
}

/** A C×H×W array, or an H×W matrix read as one channel. */
export function planesOf(given: Given, name: string): number[][][] {
  const value = given[name];
  if (isMatrix(value)) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(isMatrix)) {
    const [h, w] = [value[0].length, value[0][0].length];
    if (value.every((plane) => plane.length === h && plane[0].length === w)) return value;
  }
  throw bad(name, "matrix");
}
