/**
 * Reading a student's answer against the shape of the expected one. An answer of the wrong shape,
 * or one that cannot be read, is an InputError (exit 2) naming what was expected — never "wrong".
 */
import { shapeText } from "../engine/conv2d.js";
import { InputError } from "../engine/errors.js";
import { parseMatrix } from "../io/parse.js";
import { shapeOfNested, type NestedNumbers } from "../drill/nested.js";

export { ANSWER_TOLERANCE, flattenNested, isClose, shapeOfNested, type NestedNumbers } from "../drill/nested.js";

export interface ReadAnswer {
  /** The answer's numbers in row-major order, as many as the expected value has. */
  values: number[];
}

/** A whole number in groups of three digits split by commas: `18,144`, `−1,000,000`. */
const THOUSANDS = /^[-−+]?\d{1,3}(,\d{3})+$/;

/** Reads `text` (a matrix argument's text: rows split by `;`, JSON, fractions) as an answer shaped like `expected`. */
export function readNumericAnswer(text: string, expected: NestedNumbers, argument = "answer"): ReadAnswer {
  const want = shapeOfNested(expected);
  // One number written with thousands separators, as rf prints counts (231,211,008): the commas group digits.
  if (want.length === 0 && THOUSANDS.test(text.trim())) return { values: [Number(text.trim().replace(/,/g, "").replace("−", "-"))] };
  const parsed = parseMatrix(text, argument);
  const values = Array.from(parsed.data);
  const got = parsed.shape;
  const size = want.reduce((product, n) => product * n, 1);
  const count = values.length;
  const sameShape = got.length === want.length && got.every((n, i) => n === want[i]);

  if (want.length === 0) {
    if (count !== 1) throw new InputError(argument, "quiz.answer.wantNumber", { count }, "quiz.answer.wantNumberHint");
    return { values };
  }
  if (want.length === 1) {
    // A list: "1 2 3", "1,2,3", [1,2,3] or one column.
    const isLine = got.length === 1 || (got.length === 2 && (got[0] === 1 || got[1] === 1));
    if (count !== size) throw new InputError(argument, "quiz.answer.wantList", { size, count }, "quiz.answer.listHint");
    if (!isLine) throw new InputError(argument, "quiz.answer.wantListShape", { size, shape: shapeText(got) }, "quiz.answer.listHint");
    return { values };
  }
  if (want.length === 2) {
    if (sameShape) return { values };
    if (count !== size) throw new InputError(argument, "quiz.answer.wantMatrix", { shape: shapeText(want), count }, "quiz.answer.matrixHint");
    throw new InputError(argument, "quiz.answer.wantMatrixShape", { shape: shapeText(want), got: shapeText(got) }, "quiz.answer.matrixHint");
  }
  // C×H×W and more: JSON of the same shape, or the channels' rows stacked as text (C·H rows of W).
  const stacked = got.length === 2 && got[1] === want[want.length - 1] && count === size;
  if (sameShape || stacked) return { values };
  if (count !== size) throw new InputError(argument, "quiz.answer.wantArray", { shape: shapeText(want), count }, "quiz.answer.arrayHint");
  throw new InputError(argument, "quiz.answer.wantArrayShape", { shape: shapeText(want), got: shapeText(got) }, "quiz.answer.arrayHint");
}

/** A choice: letter `a`…, or number `1`…; returns the 0-based position. */
export function readChoiceAnswer(text: string, count: number, argument = "answer"): number {
  const word = text.trim().toLowerCase().replace(/[).]$/, "");
  let index = -1;
  if (/^[a-z]$/.test(word)) index = word.charCodeAt(0) - 97;
  else if (/^\d+$/.test(word)) index = Number(word) - 1;
  if (index < 0 || index >= count) {
    throw new InputError(argument, "quiz.answer.wantChoice", { text, last: choiceLetter(count - 1), count });
  }
  return index;
}

/** `a`, `b`, … for position 0, 1, …. */
export function choiceLetter(index: number): string {
  return String.fromCharCode(97 + index);
}
