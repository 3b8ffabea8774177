/** JSON output: exactly one object on stdout, tensors as nested arrays. */
import { toNested, type Tensor } from "../engine/tensor.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

export function isTensor(value: unknown): value is Tensor {
  return typeof value === "object" && value !== null && "data" in value && (value as Tensor).data instanceof Float64Array;
}

/** Replaces tensors (anywhere in the object) by nested arrays. */
export function jsonReady(value: unknown): unknown {
  if (isTensor(value)) return toNested(value);
  if (Array.isArray(value)) return value.map(jsonReady);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, jsonReady(entry)]));
  }
  return value;
}

export function renderJson(value: Record<string, unknown>): string {
  return `${JSON.stringify(jsonReady(value))}\n`;
}
