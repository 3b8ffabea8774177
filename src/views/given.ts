/**
 * A numeric problem's values as planes, for the terminal and exam renderers: the given values as
 * labelled planes (matrices) and settings, and an answer's numbers as planes.
 */
import { messageOrText, type Translate } from "../i18n/index.js";
import { givenStatedInPrompt } from "../quiz/drills.js";
import type { GivenValue } from "../quiz/types.js";
import { formatNumber } from "../render/number.js";

export interface GivenPart {
  label: string;
  /** A matrix (one plane); settings have none. */
  rows?: number[][];
  /** A setting's text (`stride = 2`). */
  text?: string;
}

/**
 * The catalogue's name for a given value: the calculator's own (`quiz.given.step.grad` is ∂L/∂y, where
 * conv's `grad` is δ = ∂L/∂s), else the common one (`quiz.given.<name>`), else the option name itself.
 */
function givenLabel(name: string, t: Translate, calculator: string | undefined): string {
  const common = messageOrText(t, `quiz.given.${name}`, name);
  return calculator === undefined ? common : messageOrText(t, `quiz.given.${calculator}.${name}`, common);
}

function isMatrix(value: GivenValue): value is number[][] {
  return Array.isArray(value) && value.length > 0 && Array.isArray(value[0]) && !Array.isArray((value as number[][])[0][0]);
}

function isStack(value: GivenValue): value is number[][][] {
  return Array.isArray(value) && value.length > 0 && isMatrix((value as number[][][])[0] as GivenValue);
}

/** The given values in the problem's order (those the prompt states in words left out): a matrix is one part, a C×H×W stack one part per channel, anything else a setting. */
export function givenParts(given: Record<string, GivenValue>, t: Translate, calculator?: string): GivenPart[] {
  const parts: GivenPart[] = [];
  const statedInPrompt = givenStatedInPrompt();
  for (const [name, value] of Object.entries(given)) {
    if (statedInPrompt.has(name)) continue;
    const label = givenLabel(name, t, calculator);
    if (isMatrix(value)) parts.push({ label, rows: value });
    else if (isStack(value)) value.forEach((plane, c) => parts.push({ label: `${label} — ${t("quiz.given.channel", { c: c + 1 })}`, rows: plane }));
    else if (Array.isArray(value)) parts.push({ label, text: `${label} = ${JSON.stringify(value).replace(/,/g, ", ")}` });
    else parts.push({ label, text: `${label} = ${typeof value === "number" ? formatNumber(value) : value}` });
  }
  return parts;
}

/** Row-major `values` of `shape` as planes: [] → one 1×1 plane, [n] → one row, [.., h, w] → planes of h×w. */
export function planesOf(values: readonly number[], shape: readonly number[]): number[][][] {
  if (shape.length === 0) return [[[values[0]]]];
  if (shape.length === 1) return [[[...values]]];
  const h = shape[shape.length - 2];
  const w = shape[shape.length - 1];
  const out: number[][][] = [];
  for (let offset = 0; offset < values.length; offset += h * w) {
    const plane: number[][] = [];
    for (let i = 0; i < h; i++) plane.push(values.slice(offset + i * w, offset + (i + 1) * w));
    out.push(plane);
  }
  return out;
}
