/**
 * The HTML kit: standalone, print-friendly pages whose grids are tables (marks as cell classes, with a
 * legend) and whose formulas are MathML, which Chromium and Firefox typeset natively. No box-drawing
 * text and no monospace alignment anywhere: a CJK font draws box characters double-width.
 *
 * Everything returns strings of markup; text is escaped here, so callers pass plain text.
 */
import { receivesGradient } from "../engine/routing.js";
import { formatNumber } from "./number.js";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Markup that is already safe (built by this kit). Plain strings passed where Markup is expected are escaped. */
export interface Markup {
  readonly html: string;
}

const markup = (html: string): Markup => ({ html });
const asHtml = (part: Markup | string): string => (typeof part === "string" ? escapeHtml(part) : part.html);

export function raw(html: string): Markup {
  return markup(html);
}

export function join(parts: readonly (Markup | string)[], separator = ""): Markup {
  return markup(parts.map(asHtml).join(separator));
}

export function element(tag: string, attributes: Record<string, string | undefined>, ...children: (Markup | string)[]): Markup {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([name, value]) => ` ${name}="${escapeHtml(value!)}"`)
    .join("");
  return markup(`<${tag}${attrs}>${children.map(asHtml).join("")}</${tag}>`);
}

export const heading = (level: 1 | 2 | 3, text: Markup | string, className?: string): Markup => element(`h${level}`, { class: className }, text);
export const paragraph = (text: Markup | string, className?: string): Markup => element("p", { class: className }, text);
export const section = (className: string, ...children: (Markup | string)[]): Markup => element("section", { class: className }, ...children);

// ------------------------------------------------------------------------------------------ MathML

/** A MathML fragment (the content of a <math> element). */
export interface MathPart {
  readonly mathml: string;
}

const math = (mathml: string): MathPart => ({ mathml });

/** MathML built by the caller (already escaped): for the few shapes the helpers here do not make. */
export function rawMath(mathml: string): MathPart {
  return math(mathml);
}

/** An identifier (italic for one letter, as in print). */
export function mi(name: string): MathPart {
  return math(`<mi>${escapeHtml(name)}</mi>`);
}

/** An operator: + − · = ( ) ⌊ ⌋ × … */
export function mo(symbol: string): MathPart {
  return math(`<mo>${escapeHtml(symbol)}</mo>`);
}

export function mtext(text: string): MathPart {
  return math(`<mtext>${escapeHtml(text)}</mtext>`);
}

/** A number as the text renderers print it (fractions as a/b, a real minus sign); negative numbers carry their sign. */
export function mn(value: number): MathPart {
  const text = formatNumber(value);
  if (text.startsWith("-") || text.startsWith("−")) return mrow(mo("−"), math(`<mn>${escapeHtml(text.slice(1))}</mn>`));
  return math(`<mn>${escapeHtml(text)}</mn>`);
}

/** A factor in a product: negative numbers in parentheses, as on paper: 2·(−1). */
export function factor(value: number): MathPart {
  return value < 0 ? fenced(mn(value)) : mn(value);
}

export function mrow(...parts: MathPart[]): MathPart {
  return math(`<mrow>${parts.map((part) => part.mathml).join("")}</mrow>`);
}

/** A symbol with 1-based indices: s₁₁, or s₁₀,₂ when an index has two digits. */
export function indexed(base: string, ...indices: number[]): MathPart {
  const subscript = indices.join(indices.some((i) => i >= 10) ? "," : "");
  return math(`<msub><mi>${escapeHtml(base)}</mi><mn>${escapeHtml(subscript)}</mn></msub>`);
}

export function sup(base: MathPart, exponent: MathPart): MathPart {
  return math(`<msup>${base.mathml}${exponent.mathml}</msup>`);
}

export function frac(numerator: MathPart, denominator: MathPart): MathPart {
  return math(`<mfrac>${numerator.mathml}${denominator.mathml}</mfrac>`);
}

export function fenced(inner: MathPart, open = "(", close = ")"): MathPart {
  return mrow(mo(open), inner, mo(close));
}

export function floor(inner: MathPart): MathPart {
  return fenced(inner, "⌊", "⌋");
}

export function ceil(inner: MathPart): MathPart {
  return fenced(inner, "⌈", "⌉");
}

/** parts joined by an operator: sum(a, b, c) → a + b + c. */
export function joined(parts: readonly MathPart[], operator: string): MathPart {
  return mrow(...parts.flatMap((part, i) => (i === 0 ? [part] : [mo(operator), part])));
}

/** a·b: a product of two factors. */
export function times(a: MathPart, b: MathPart): MathPart {
  return mrow(a, mo("·"), b);
}

/** A chain of equal expressions: lhs = e1 = e2 = … */
export function equation(...sides: MathPart[]): MathPart {
  return joined(sides, "=");
}

/** A <math> element; `block` for a displayed formula on its own line. */
export function formula(content: MathPart, { block = false, className }: { block?: boolean; className?: string } = {}): Markup {
  return markup(`<math${block ? ' display="block"' : ""}${className ? ` class="${escapeHtml(className)}"` : ""}>${content.mathml}</math>`);
}

// ------------------------------------------------------------------------------------------- grids

/** What a cell is marked as; each mark is a class with its own style and legend entry. */
export type CellMark = "window" | "max" | "routed" | "padding" | "inserted" | "entry" | "kernel" | "empty" | "bin-start-row" | "bin-start-col" | "bin-end-row" | "bin-end-col" | "outside" | "wrong" | "right";

export interface GridOptions {
  caption?: Markup | string;
  /** Text of a cell (default: the number as the text renderers print it). */
  text?: (value: number, row: number, col: number) => string;
  /** Marks of a cell. */
  marks?: (row: number, col: number) => readonly CellMark[];
  /** Row and column headers, e.g. 1-based indices; none by default. */
  rowHeaders?: readonly string[];
  colHeaders?: readonly string[];
  /** Small square cells without text (a picture of which cells are read): many columns fit a page. */
  compact?: boolean;
}

/** A matrix as a table: one <td> per value, marks as classes. */
export function grid(values: readonly (readonly number[])[], options: GridOptions = {}): Markup {
  const text = options.text ?? ((value: number) => formatNumber(value));
  const rows: string[] = [];
  if (options.colHeaders) rows.push(`<tr>${options.rowHeaders ? "<th></th>" : ""}${options.colHeaders.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("")}</tr>`);
  values.forEach((row, r) => {
    const header = options.rowHeaders ? `<th scope="row">${escapeHtml(options.rowHeaders[r] ?? "")}</th>` : "";
    const cells = row.map((value, c) => {
      const marks = options.marks?.(r, c) ?? [];
      return `<td${marks.length > 0 ? ` class="${marks.join(" ")}"` : ""}>${escapeHtml(text(value, r, c))}</td>`;
    });
    rows.push(`<tr>${header}${cells.join("")}</tr>`);
  });
  const table = `<table class="grid${options.compact ? " compact" : ""}"><tbody>${rows.join("")}</tbody></table>`;
  if (options.caption === undefined) return markup(table);
  return markup(`<figure class="grid-figure"><figcaption>${asHtml(options.caption)}</figcaption>${table}</figure>`);
}

/** Figures side by side (input, kernel, output …), wrapping on narrow pages. */
export function figures(...items: Markup[]): Markup {
  return markup(`<div class="figures">${items.map((item) => item.html).join("")}</div>`);
}

/** The legend of the marks a page uses: a sample cell and what it means (`compact`: for compact grids' stronger colours). */
/** The "routed" mark of the cells a routed gradient reaches: plane `plane` of an H×W map, cells in row-major order with their terms. */
export function routedMarks(cells: readonly { terms: readonly unknown[] }[], plane: number, height: number, width: number): (row: number, col: number) => CellMark[] {
  const receives = receivesGradient(cells, plane, height, width);
  return (row, col) => (receives(row, col) ? ["routed"] : []);
}

export function legend(entries: readonly { mark: CellMark; label: string }[], { compact = false }: { compact?: boolean } = {}): Markup {
  if (entries.length === 0) return markup("");
  const items = entries.map(({ mark, label }) => `<li><span class="swatch ${mark}"></span>${escapeHtml(label)}</li>`);
  return markup(`<ul class="legend${compact ? " compact" : ""}">${items.join("")}</ul>`);
}

// ------------------------------------------------------------------------------------------ tables

/** A data table with a header row. */
export function dataTable(header: readonly (Markup | string)[], rows: readonly (readonly (Markup | string)[])[], className = "data"): Markup {
  const head = `<thead><tr>${header.map((cell) => `<th scope="col">${asHtml(cell)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((row) => `<tr>${row.map((cell) => `<td>${asHtml(cell)}</td>`).join("")}</tr>`).join("")}</tbody>`;
  return markup(`<table class="${className}">${head}${body}</table>`);
}

// -------------------------------------------------------------------------------------------- page

export const PAGE_CSS = `
:root { --ink: #111; --muted: #555; --line: #333; --soft: #f3f3f3; --window: #dbeafe; --max: #fde68a; --routed: #bbf7d0; --kernel: #ede9fe; --wrong: #fecaca; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; }
body {
  margin: 0 auto; max-width: 52rem; padding: 1.5rem;
  font-family: "Noto Sans KR", "Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", system-ui, sans-serif;
  font-size: 11pt; line-height: 1.5; word-break: keep-all; overflow-wrap: break-word;
}
h1 { font-size: 1.5rem; margin: 0 0 .4rem; }
h2 { font-size: 1.15rem; margin: 1.2rem 0 .4rem; }
h3 { font-size: 1rem; margin: .9rem 0 .3rem; }
.muted, figcaption { color: var(--muted); }
math { font-size: 1.05em; }
math[display="block"] { margin: .25rem 0; text-align: left; }
.formulas math[display="block"] { margin: .15rem 0; }
div.formulas math { math-style: normal; }
div.formulas { display: flex; flex-wrap: wrap; gap: .3rem 1.6rem; margin: .2rem 0 .6rem 1rem; }
table.sum { border-collapse: collapse; margin: .3rem 0; break-inside: avoid; }
table.sum td { padding: .1rem .2rem; vertical-align: baseline; }
table.sum td.lhs { text-align: right; white-space: nowrap; }
table.sum td.rhs { text-align: left; }
mrow.chosen { background: var(--max); outline: 1px solid #b45309; padding: 0 .15em; font-weight: bold; }
p.muted { margin: .2rem 0 .5rem; }
ul.steps { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
ul.steps p { margin: .1rem 0; }
.settings, .notes { margin: .3rem 0; }
section.part { margin-top: 1rem; }
.figures { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; margin: .6rem 0; }
figure { margin: 0; }
figcaption { font-size: .9rem; margin-bottom: .2rem; }
table.grid { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.grid td, table.grid th { border: 1px solid var(--line); min-width: 2.3rem; height: 1.9rem; padding: .1rem .4rem; text-align: right; }
table.grid.compact td { min-width: 0; width: .95rem; height: .95rem; padding: 0; font-size: .75rem; line-height: 1; text-align: center; }
table.grid.compact th { min-width: 0; height: auto; padding: 0 .25rem; font-size: .7rem; }
table.grid.compact td.kernel, table.grid.compact td.window { background: #60a5fa; }
table.grid.compact td.inserted, ul.legend.compact .swatch.inserted { background: #d4d4d4; }
ul.legend.compact .swatch.kernel, ul.legend.compact .swatch.window { background: #60a5fa; }
table.data math { math-style: normal; }
table.grid th { border: none; color: var(--muted); font-weight: normal; font-size: .8rem; text-align: center; }
table.grid td.padding, .swatch.padding { background: repeating-linear-gradient(45deg, #fff, #fff 3px, #e5e5e5 3px, #e5e5e5 6px); color: var(--muted); }
table.grid td.padding.window { background: repeating-linear-gradient(45deg, var(--window), var(--window) 3px, #bfd3ee 3px, #bfd3ee 6px); }
table.grid td.inserted, .swatch.inserted { background: var(--soft); color: var(--muted); }
table.grid td.window, .swatch.window { background: var(--window); }
table.grid td.kernel, .swatch.kernel { background: var(--kernel); }
table.grid td.routed, .swatch.routed { background: var(--routed); }
table.grid td.max, .swatch.max { background: var(--max); font-weight: bold; outline: 2px solid #b45309; outline-offset: -3px; }
table.grid td.wrong, .swatch.wrong { background: var(--wrong); }
table.grid td.right, .swatch.right { background: var(--routed); }
table.grid td.empty, .swatch.empty { color: var(--muted); }
table.grid td.bin-start-row { border-top: 3px solid var(--ink); }
table.grid td.bin-start-col { border-left: 3px solid var(--ink); }
table.grid td.bin-end-row { border-bottom: 3px solid var(--ink); }
table.grid td.bin-end-col { border-right: 3px solid var(--ink); }
table.grid td.outside, .swatch.outside { color: #999; background: #fafafa; }
.swatch.bin-start-col { border-left: 3px solid var(--ink); border-top: 3px solid var(--ink); }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .9rem; color: var(--muted); }
ul.legend li { display: flex; align-items: center; gap: .4rem; }
.swatch { display: inline-block; width: 1.1rem; height: 1.1rem; border: 1px solid var(--line); }
table.data { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
table.data th, table.data td { border-bottom: 1px solid #ccc; padding: .2rem .6rem; text-align: left; }
table.data th { border-bottom: 2px solid var(--line); }
.summary { border-left: 4px solid var(--line); padding: .3rem .8rem; background: var(--soft); }
@page { size: A4; margin: 16mm 14mm; }
@media print { body { max-width: none; padding: 0; } }
`.trim();

/** A standalone page: inline CSS, no network, `lang` set so that Korean text gets a Korean font. */
export function htmlPage({ lang, title, body, css = "" }: { lang: string; title: string; body: Markup; css?: string }): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="cnn-drill">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${PAGE_CSS}${css ? `\n${css}` : ""}\n</style>`,
    "</head>",
    "<body>",
    body.html,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
