/**
 * What every calculator's typeset answer (its folder's html.ts) shares: the context it renders with,
 * the answer it returns (a title and a body, so a page or the exam's answer key can place it), exam
 * cell symbols in MathML, sums of products broken into lines, and the summary of a large result.
 */
import { shapeText } from "../engine/conv2d.js";
import { rowsOf, summarize } from "../engine/tensor.js";
import type { CommonKey, Lang, Translate } from "../i18n/index.js";
import { fitsOnScreen } from "./grid.js";
import { type CellMark, element, escapeHtml, equation, factor, formula, raw, frac, mi, grid, heading, htmlPage, join, joined, rawMath, mn, mo, mrow, paragraph, times, type MathPart, type Markup } from "./html.js";
import type { HtmlKey } from "./html-messages.js";
import type { LabelledTensor } from "./summary.js";
import { formatNumber } from "./number.js";

/** `Key`: the calculator's message keys (its folder's `Key`, which includes the common ones). */
export interface HtmlContext<Key extends string = CommonKey> {
  t: Translate<Key | HtmlKey>;
  lang: Lang;
}

/** A typeset worked answer: its title (the page's <h1>, or a line in the exam's key) and its body. */
export interface HtmlAnswer {
  title: string;
  body: Markup;
}

/** The standalone page of one answer (`cnn-drill conv … --html`). */
export function answerPage(answer: HtmlAnswer, lang: Lang): string {
  return htmlPage({ lang, title: answer.title, body: join([heading(1, answer.title), answer.body]) });
}

/**
 * An exam cell symbol: a₁₂, with the channel (or filter and channel) as a superscript a⁽²⁾₁₂. Indices
 * are 0-based here and 1-based on paper; past 9 they are separated by a comma (a₁₀,₃).
 */
export function cellSymbol(letter: string, group: readonly number[], row: number, col: number): MathPart {
  const index = row < 9 && col < 9 ? `${row + 1}${col + 1}` : `${row + 1},${col + 1}`;
  const base = `<mi>${escapeHtml(letter)}</mi>`;
  const sub = `<mn>${index}</mn>`;
  if (group.length === 0) return rawMath(`<msub>${base}${sub}</msub>`);
  const sup = mrow(mo("("), rawMath(`<mn>${group.map((g) => g + 1).join(",")}</mn>`), mo(")"));
  return rawMath(`<msubsup>${base}${sub}${sup.mathml}</msubsup>`);
}

/** ∂L/∂x, as a fraction. */
export function derivative(of: MathPart): MathPart {
  return frac(mrow(mo("∂"), mi("L")), mrow(mo("∂"), of));
}

/** A product of two numbers as on paper: 2·(−1). */
export function product(a: number, b: number): MathPart {
  return times(factor(a), factor(b));
}

/** Terms per line of a long sum: MathML is not broken into lines by the browser, so long sums are, here. */
const TERMS_PER_LINE = 6;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * `label = Σ symbols = Σ numbers = value`, typeset as aligned lines (a two-column table: the label,
 * then each line starting with = or +), since browsers do not break MathML into lines; with no
 * terms, `label = value`.
 */
export function sumFormula(label: MathPart, symbols: readonly MathPart[], numbers: readonly MathPart[], value: number, { note }: { note?: string } = {}): Markup {
  // A rounded result follows ≈, not = (the number itself then goes without its ≈).
  const approximate = formatNumber(value).startsWith("≈");
  const equals = mo(approximate ? "≈" : "=");
  const result = rawMath(mn(value).mathml.replace("≈", ""));
  const lines: MathPart[] = [];
  const side = (terms: readonly MathPart[], last?: MathPart) => {
    chunks(terms, TERMS_PER_LINE).forEach((chunk, i, all) => {
      // A continued line starts with +, as in print; only the last line ends with the result.
      const end = i === all.length - 1 && last !== undefined ? [equals, last] : [];
      lines.push(mrow(mo(i === 0 ? "=" : "+"), joined(chunk, "+"), ...end));
    });
  };
  if (symbols.length === 0) lines.push(mrow(equals, result));
  else if (numbers.length === 0) side(symbols, result);
  else {
    side(symbols);
    side(numbers, result);
  }
  const cell = (part: MathPart) => `<math displaystyle="true">${part.mathml}</math>`;
  const rows = lines.map((line, i) => {
    const remark = i === lines.length - 1 && note ? ` <span class="muted">${escapeHtml(note)}</span>` : "";
    return `<tr><td class="lhs">${i === 0 ? cell(label) : ""}</td><td class="rhs">${cell(line)}${remark}</td></tr>`;
  });
  return raw(`<table class="sum"><tbody>${rows.join("")}</tbody></table>`);
}

/** A part of a formula set off by a style (the chosen maximum): a class on an <mrow>, which MathML lets CSS style. */
export function highlighted(part: MathPart, className: "chosen"): MathPart {
  return rawMath(`<mrow class="${className}">${part.mathml}</mrow>`);
}

/** A paragraph of a side remark (a note, a tie, a padding rule). */
export function note(text: string): Markup {
  return paragraph(text, "muted");
}

/** Large results: one line each (shape, min, max, sum), and the grid itself when it is small enough to read. */
export function summaryHtml(results: readonly LabelledTensor[], t: Translate<CommonKey>): Markup {
  const parts: Markup[] = [];
  for (const { label, tensor } of results) {
    const { min, max, sum } = summarize(tensor);
    parts.push(paragraph(t("output.summary", { what: label, shape: shapeText(tensor.shape), min: formatNumber(min), max: formatNumber(max), sum: formatNumber(sum) })));
    const [h, w] = tensor.shape.slice(-2);
    if (tensor.shape.length === 2 && fitsOnScreen(h, w)) parts.push(grid(rowsOf(tensor)));
  }
  return element("div", { class: "summary" }, ...parts);
}

/** `⌊(n + pad − span) / s⌋ + 1 = out`, the output size of one axis. */
export function outputSizeFormula({ n, pad, span, s, out, round = "floor" }: { n: number; pad: MathPart; span: number; s: number; out: number; round?: "floor" | "ceil" }): Markup {
  const inner = mrow(mrow(mo("("), mn(n), mo("+"), pad, mo("−"), mn(span), mo(")")), mo("/"), mn(s));
  const rounded = round === "floor" ? mrow(mo("⌊"), inner, mo("⌋")) : mrow(mo("⌈"), inner, mo("⌉"));
  return formula(equation(mrow(rounded, mo("+"), mn(1)), mn(out)));
}

/**
 * A map with a pooling grid drawn on it (RoI pooling, SPP): row and column numbers from 0, thick rules
 * where each bin starts and around the region, the cells outside the region dimmed, maxima marked.
 */
export function binGrid(values: readonly (readonly number[])[], options: {
  caption?: string;
  /** The region, half-open: [start, end) of rows and of columns. */
  rows: readonly [number, number];
  cols: readonly [number, number];
  /** Rows (columns) where a bin starts. */
  rowStarts: ReadonlySet<number>;
  colStarts: ReadonlySet<number>;
  isMax: (row: number, col: number) => boolean;
}): Markup {
  const { rows, cols } = options;
  const inside = (r: number, q: number) => r >= rows[0] && r < rows[1] && q >= cols[0] && q < cols[1];
  return grid(values, {
    caption: options.caption,
    rowHeaders: values.map((_, r) => String(r)),
    colHeaders: (values[0] ?? []).map((_, q) => String(q)),
    marks: (r, q) => {
      if (!inside(r, q)) return ["outside"];
      const marks: CellMark[] = [];
      if (options.rowStarts.has(r)) marks.push("bin-start-row");
      if (options.colStarts.has(q)) marks.push("bin-start-col");
      if (r === rows[1] - 1) marks.push("bin-end-row");
      if (q === cols[1] - 1) marks.push("bin-end-col");
      if (options.isMax(r, q)) marks.push("max");
      return marks;
    },
  });
}
