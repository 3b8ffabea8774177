/**
 * Pure parsers for command-line values: matrices (text or JSON), numbers with fractions, and pairs.
 * They never evaluate text as code; every failure is an InputError naming the argument.
 */
import { check, InputError } from "../engine/errors.js";
import type { Pair } from "../engine/geometry.js";
import { MAX_ELEMENTS, tensor, type Tensor } from "../engine/tensor.js";

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** A number token: 3, -1.5, 2e-3, .5 or a fraction 1/4 (-1/4). Returns undefined when it is not one. */
export function parseNumberToken(token: string): number | undefined {
  if (DECIMAL.test(token)) return Number(token);
  const slash = token.indexOf("/");
  if (slash > 0) {
    const top = token.slice(0, slash);
    const bottom = token.slice(slash + 1);
    if (DECIMAL.test(top) && DECIMAL.test(bottom)) return Number(top) / Number(bottom);
  }
  return undefined;
}

/** Parses one token of a matrix, or throws the error that says what is wrong with it. */
function numberAt(token: string, argument: string, row: number, col: number): number {
  const value = parseNumberToken(token);
  if (value === undefined) {
    if (NON_FINITE.test(token)) throw new InputError(argument, "input.notFinite", { row, col, text: token }, "input.notFiniteHint");
    throw new InputError(argument, "input.notANumber", { row, col, text: token }, "input.notANumberHint");
  }
  if (!Number.isFinite(value)) {
    const code = token.includes("/") ? "input.zeroDenominator" : "input.notFinite";
    throw new InputError(argument, code, { row, col, text: token }, code === "input.notFinite" ? "input.notFiniteHint" : "input.notANumberHint");
  }
  return value;
}

/**
 * A matrix argument's text: JSON nested arrays (1-D to 4-D) when it starts with `[`, else rows split
 * by `;` or new lines with entries split by spaces and/or commas (always 2-D).
 */
export function parseMatrix(text: string, argument: string): Tensor {
  const trimmed = text.trim();
  check(trimmed.length > 0, argument, "input.empty", {}, "input.emptyHint");
  return trimmed.startsWith("[") ? parseJsonMatrix(trimmed, argument) : parseTextMatrix(trimmed, argument);
}

// Character codes the text scanner splits on.
const SPACE = 32, TAB = 9, COMMA = 44, SEMICOLON = 59, NEWLINE = 10, RETURN = 13, MINUS = 45, ZERO = 48, NINE = 57;

/**
 * One pass over the text (no regular expressions, no per-token strings for plain integers), so that
 * a 1024×1024 matrix parses in a few tens of milliseconds.
 */
function parseTextMatrix(text: string, argument: string): Tensor {
  let values = new Float64Array(1024);
  let count = 0;
  let width = -1;
  let rowCount = 0;
  let rowLength = 0;
  let pendingEmptyRows = 0;

  const push = (value: number) => {
    if (count === values.length) {
      check(count < MAX_ELEMENTS, argument, "input.tooLarge", { count: `${MAX_ELEMENTS}+`, limit: MAX_ELEMENTS }, "input.tooLargeHint");
      const grown = new Float64Array(Math.min(values.length * 2, MAX_ELEMENTS));
      grown.set(values);
      values = grown;
    }
    values[count++] = value;
  };
  const endRow = () => {
    if (rowLength === 0) {
      if (rowCount > 0) pendingEmptyRows++;
      return;
    }
    // An empty row between two rows with numbers is a mistake; empty rows at the ends are not.
    check(pendingEmptyRows === 0, argument, "input.emptyRow", { row: rowCount + 1 }, "input.raggedHint");
    if (width < 0) width = rowLength;
    check(rowLength === width, argument, "input.ragged", { row: rowCount + 1, count: rowLength, expected: width }, "input.raggedHint");
    rowCount++;
    rowLength = 0;
  };

  const length = text.length;
  let i = 0;
  while (i <= length) {
    const code = i < length ? text.charCodeAt(i) : NEWLINE;
    if (code === SEMICOLON || code === NEWLINE) {
      endRow();
      i++;
      continue;
    }
    if (code === SPACE || code === TAB || code === COMMA || code === RETURN) {
      i++;
      continue;
    }
    // A token runs to the next separator.
    let end = i;
    let integer = 0;
    let plainInteger = true;
    let digits = 0;
    const negative = code === MINUS;
    for (let j = negative ? i + 1 : i; ; j++) {
      const c = j < length ? text.charCodeAt(j) : NEWLINE;
      if (c === SPACE || c === TAB || c === COMMA || c === RETURN || c === SEMICOLON || c === NEWLINE) {
        end = j;
        break;
      }
      if (c >= ZERO && c <= NINE && digits < 15) {
        integer = integer * 10 + (c - ZERO);
        digits++;
      } else {
        plainInteger = false;
      }
    }
    if (plainInteger && digits > 0) {
      push(negative ? -integer : integer);
    } else {
      push(numberAt(text.slice(i, end), argument, rowCount + 1, rowLength + 1));
    }
    rowLength++;
    i = end;
  }
  check(rowCount > 0, argument, "input.empty", {}, "input.emptyHint");
  return tensor([rowCount, width], values.slice(0, count));
}

function parseJsonMatrix(text: string, argument: string): Tensor {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(argument, "input.badJson", { detail: (error as Error).message }, "input.badJsonHint");
  }
  check(Array.isArray(value), argument, "input.jsonNotArray", {}, "input.badJsonHint");

  const shape: number[] = [];
  for (let level: unknown = value; Array.isArray(level); level = level[0]) {
    check(shape.length < 4, argument, "input.jsonTooDeep", {}, "input.badJsonHint");
    check(level.length > 0, argument, "input.jsonEmpty", { path: jsonPath(shape.map(() => 0)) }, "input.badJsonHint");
    shape.push(level.length);
  }
  const count = shape.reduce((product, n) => product * n, 1);
  check(count <= MAX_ELEMENTS, argument, "input.tooLarge", { count, limit: MAX_ELEMENTS }, "input.tooLargeHint");

  const data = new Float64Array(count);
  // The fast pass checks and copies without building anything per element; only when it fails does
  // a second, slower pass find the first problem and build its path for the message.
  let next = 0;
  const leafDepth = shape.length - 1;
  const fill = (node: unknown, depth: number): boolean => {
    if (!Array.isArray(node) || node.length !== shape[depth]) return false;
    if (depth === leafDepth) {
      for (let i = 0; i < node.length; i++) {
        const entry: unknown = node[i];
        if (typeof entry !== "number" || !Number.isFinite(entry)) return false;
        data[next++] = entry;
      }
      return true;
    }
    for (let i = 0; i < node.length; i++) if (!fill(node[i], depth + 1)) return false;
    return true;
  };
  if (!fill(value, 0)) throw jsonProblem(value, shape, argument);
  return tensor(shape, data);
}

/** The first entry (row-major) that is not where the shape says, as the error that names its path. */
function jsonProblem(value: unknown, shape: readonly number[], argument: string): InputError {
  const find = (node: unknown, depth: number, path: number[]): InputError | undefined => {
    if (depth === shape.length) {
      if (typeof node === "number" && Number.isFinite(node)) return undefined;
      return new InputError(argument, "input.jsonNotNumber", { path: jsonPath(path), text: JSON.stringify(node) ?? String(node) }, "input.badJsonHint");
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      return new InputError(argument, "input.jsonRagged", {
        path: jsonPath(path),
        count: Array.isArray(node) ? node.length : 0,
        expected: shape[depth],
      }, "input.badJsonHint");
    }
    for (let i = 0; i < node.length; i++) {
      const problem = find(node[i], depth + 1, [...path, i]);
      if (problem) return problem;
    }
    return undefined;
  };
  return find(value, 0, []) ?? new InputError(argument, "input.jsonNotArray", {}, "input.badJsonHint");
}

function jsonPath(path: number[]): string {
  return path.length === 0 ? "(top)" : path.map((i) => `[${i}]`).join("");
}

/** A list of numbers: `1,-2`, `1 -2` or JSON `[1,-2]`; a single number gives a list of one. */
export function parseNumberList(text: string, argument: string): number[] {
  const matrix = parseMatrix(text, argument);
  return Array.from(matrix.data);
}

/** One number (fractions allowed). */
export function parseNumber(text: string, argument: string): number {
  const value = parseNumberToken(text.trim());
  check(value !== undefined && Number.isFinite(value), argument, "number.bad", { text }, "input.notANumberHint");
  return value;
}

/** A whole number of at least 1 (counts, seeds with a lower bound of 1). */
export function parsePositiveInt(text: string, argument: string): number {
  const value = parseNumberToken(text.trim());
  check(value !== undefined && Number.isInteger(value) && value >= 1, argument, "number.notPositiveInteger", { text }, "number.notPositiveIntegerHint");
  return value;
}

export interface PairRule {
  /** Smallest allowed value: 1 for stride and dilation, 0 for padding. */
  min: 0 | 1;
}

/** `2` → (2, 2); `2,1` (or `2x1`) → (2, 1). Whole numbers only, at least `min`. */
export function parsePair(text: string, argument: string, rule: PairRule): Pair {
  const parts = text.trim().split(/\s*[,x×]\s*|\s+/);
  check(parts.length >= 1 && parts.length <= 2 && parts.every((p) => p.length > 0), argument, "pair.bad", { text }, "pair.badHint");
  const values = parts.map((part) => parseNumberToken(part));
  check(values.every((v) => v !== undefined && Number.isFinite(v)), argument, "pair.bad", { text }, "pair.badHint");
  check(values.every((v) => Number.isInteger(v)), argument, "pair.notInteger", { text }, "pair.badHint");
  const [h, w = h] = values as number[];
  if (rule.min === 1) check(h >= 1 && w >= 1, argument, "pair.notPositive", { text }, "pair.badHint");
  else check(h >= 0 && w >= 0, argument, "pair.negative", { text }, "pair.badHint");
  return [h, w];
}

/** One of a fixed set of words, case-insensitive. */
export function parseChoice<T extends string>(text: string, argument: string, choices: readonly T[]): T {
  const word = text.trim().toLowerCase();
  const found = choices.find((choice) => choice === word);
  check(found !== undefined, argument, "choice.bad", { text, choices: choices.join(", ") }, "choice.badHint");
  return found;
}
