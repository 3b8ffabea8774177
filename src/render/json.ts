/** JSON output: exactly one object on stdout, tensors as nested arrays. */
import { toNested, type Tensor } from "../engine/tensor.js";

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

/**
 * JSON text of a value; tensors are written straight from their typed arrays (row by row with
 * join), which is several times faster than building nested arrays for JSON.stringify.
 */
export function jsonText(value: unknown): string {
  if (isTensor(value)) return tensorJson(value);
  if (Array.isArray(value)) return `[${value.map((entry) => (entry === undefined ? "null" : jsonText(entry))).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const parts: string[] = [];
    for (const [key, entry] of Object.entries(value)) {
      if (entry !== undefined) parts.push(`${JSON.stringify(key)}:${jsonText(entry)}`);
    }
    return `{${parts.join(",")}}`;
  }
  if (typeof value === "number" && Object.is(value, -0)) return "0";
  return JSON.stringify(value) ?? "null";
}

function tensorJson(t: Tensor): string {
  const { shape, data } = t;
  if (shape.length === 0) return jsonText(data[0]);
  const strides = shape.map((_, dim) => shape.slice(dim + 1).reduce((a, b) => a * b, 1));
  const write = (dim: number, offset: number): string => {
    if (dim === shape.length - 1) return `[${data.subarray(offset, offset + shape[dim]).join(",")}]`;
    const parts: string[] = new Array(shape[dim]);
    for (let i = 0; i < shape[dim]; i++) parts[i] = write(dim + 1, offset + i * strides[dim]);
    return `[${parts.join(",")}]`;
  };
  return write(0, 0);
}

export function renderJson(value: Record<string, unknown>): string {
  return `${jsonText(value)}\n`;
}
