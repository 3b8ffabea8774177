/**
 * The typeset worked answer of `cnn-drill roi` (`--html`, the exam's answer key), from the same
 * explanation as render.ts: each corner's rounding, the region and its bins, the map as a table with
 * the region framed, bin starts ruled and maxima marked, each bin's maximum, and the routed gradient.
 */
import type { RoiSetup } from "../../engine/roi-pool.js";
import { rowsOf } from "../../engine/tensor.js";
import { binGrid, cellSymbol, derivative, note, product, sumFormula, summaryHtml, type HtmlAnswer, type HtmlContext } from "../../render/html-answer.js";
import { element, figures, formula, grid, heading, join, legend, mi, mn, mo, mrow, paragraph, rawMath, routedMarks, section, type Markup } from "../../render/html.js";
import { formatNumber, formatFactor } from "../../render/number.js";
import { cellLabel } from "../../render/labels.js";
import type { LabelledTensor } from "../../render/summary.js";
import type { RoiBoxExplanation, RoiExplanation } from "./explain.js";
import type { Key } from "./messages.js";

type Context = HtmlContext<Key>;

function title(setup: RoiSetup, { t }: Context): string {
  const [ph, pw] = setup.outputSize;
  return t("roi.title", { size: `${ph}×${pw}`, scale: formatNumber(setup.scale) });
}

function boxHeading(setup: RoiSetup, b: number, { t }: Context): string {
  const { box } = setup.regions[b];
  return t("roi.boxHeading", { box: b + 1, x1: formatNumber(box.x1), y1: formatNumber(box.y1), x2: formatNumber(box.x2), y2: formatNumber(box.y2) });
}

export function roiWorkedHtml(explanation: RoiExplanation, context: Context): HtmlAnswer {
  const parts = explanation.boxes.map((box, b) => boxSection(box, b, explanation, context));
  if (explanation.backward) parts.push(backward(explanation, explanation.backward, context));
  return { title: title(explanation.setup, context), body: join(parts) };
}

/** Problems too large to work out bin by bin: each box's region and a summary of each result. */
export function roiSummaryHtml(setup: RoiSetup, results: readonly LabelledTensor[], context: Context): HtmlAnswer {
  const { t } = context;
  const parts: Markup[] = setup.regions.map((region, b) => paragraph(`${boxHeading(setup, b, context)} — ${t("roi.region", { c1: region.startCol, c2: region.endCol, r1: region.startRow, r2: region.endRow })}`));
  parts.push(summaryHtml(results, t), note(t("roi.bigHint")));
  return { title: title(setup, context), body: join(parts) };
}

const group = (setup: RoiSetup, channel: number): number[] => (setup.inputShape.length === 3 ? [channel] : []);

function list(items: readonly Markup[]): Markup {
  return element("ul", { class: "steps" }, ...items.map((item) => element("li", {}, item)));
}

function boxSection(box: RoiBoxExplanation, b: number, explanation: RoiExplanation, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const { region } = box;
  const parts: Markup[] = [heading(2, boxHeading(setup, b, context)), paragraph(t("roi.corners"))];
  parts.push(list(box.corners.map((corner) => {
    const name = rawMath(`<msub><mi>${corner.name[0]}</mi><mn>${corner.name[1]}</mn></msub>`);
    const line = mrow(name, mo("·"), mi("scale"), mo("="), product(corner.value, setup.scale), mo("="), mn(corner.scaled), mo("→"), mn(corner.rounded));
    return join([formula(line), corner.half ? ` (${t("roi.cornerHalf")})` : ""]);
  })));
  parts.push(paragraph(t("roi.region", { c1: region.startCol, c2: region.endCol, r1: region.startRow, r2: region.endRow })));
  const [ph, pw] = setup.outputSize;
  parts.push(list([
    t("roi.roiWidth", { end: region.endCol, start: formatFactor(region.startCol), value: region.roiWidth }),
    t("roi.roiHeight", { end: region.endRow, start: formatFactor(region.startRow), value: region.roiHeight }),
    t("roi.binSize", { roiH: region.roiHeight, ph, binH: formatNumber(region.binHeight), roiW: region.roiWidth, pw, binW: formatNumber(region.binWidth) }),
  ].map((text) => paragraph(text))));
  const axes = [
    { heading: "roi.rowBins" as const, axis: t("roi.axis.row"), ranges: box.rowRanges, offset: region.startRow, n: setup.height },
    { heading: "roi.colBins" as const, axis: t("roi.axis.col"), ranges: box.colRanges, offset: region.startCol, n: setup.width },
  ];
  for (const a of axes) {
    const offset = a.offset < 0 ? `− ${-a.offset}` : `+ ${a.offset}`;
    parts.push(paragraph(t(a.heading, { offset, n: a.n })));
    parts.push(list(a.ranges.map((range, i) => {
      let text = t("roi.binLine", { axis: a.axis, i: i + 1, lo: formatNumber(range.lo), hi: formatNumber(range.hi), offset, start: range.rawStart, end: range.rawEnd });
      if (range.clipped) text += ` → ${t("roi.binClipped", { start: range.start, end: range.end })}`;
      if (range.empty) text += ` (${t("roi.binEmptyAxis")})`;
      return paragraph(text);
    })));
  }
  const shared = (first: number, start: number, end: number, one: "roi.rowShared" | "roi.colShared", many: "roi.rowsShared" | "roi.colsShared") =>
    note(t(end - 1 === start ? one : many, { from: start, to: end - 1, a: first + 1, b: first + 2 }));
  if (box.rowsOverlap.length > 0) parts.push(note(t("roi.rowsOverlap")), ...box.rowsOverlap.map((o) => shared(o.first, o.start, o.end, "roi.rowShared", "roi.rowsShared")));
  if (box.colsOverlap.length > 0) parts.push(note(t("roi.colsOverlap")), ...box.colsOverlap.map((o) => shared(o.first, o.start, o.end, "roi.colShared", "roi.colsShared")));
  if (box.clipped) parts.push(paragraph(t("roi.clippedNote")));

  // The map: the region framed, a rule where each (non-empty) bin starts, each bin's maximum marked.
  parts.push(paragraph(t("html.roiPicture")));
  const rowStarts = new Set(box.rowRanges.filter((range) => !range.empty).map((range) => range.start));
  const colStarts = new Set(box.colRanges.filter((range) => !range.empty).map((range) => range.start));
  const maps = Array.from({ length: setup.channels }, (_, c) => {
    const maxima = new Set(box.bins.flatMap((bin) => (bin.channel === c && !bin.empty ? [`${bin.at[0]},${bin.at[1]}`] : [])));
    return binGrid(rowsOf({ shape: [setup.channels, setup.height, setup.width], data: setup.input }, c), {
      caption: setup.inputShape.length === 3 ? t("roi.channel", { c: c + 1 }) : undefined,
      rows: box.mapRows, cols: box.mapCols, rowStarts, colStarts,
      isMax: (r, q) => maxima.has(`${r},${q}`),
    });
  });
  parts.push(figures(...maps), legend([
    { mark: "bin-start-col", label: t("html.legend.bins") },
    { mark: "max", label: t("html.legend.max") },
    { mark: "outside", label: t("html.legend.outside") },
  ]));

  parts.push(paragraph(t("roi.bins")));
  parts.push(list(box.bins.flatMap((bin) => {
    const label = cellLabel("y", group(setup, bin.channel), bin.row, bin.col);
    const params = { label, r1: bin.rows[0], r2: bin.rows[1], c1: bin.cols[0], c2: bin.cols[1], value: formatNumber(bin.value) };
    if (bin.empty) return [paragraph(t("roi.binEmpty", params))];
    const items = [paragraph(t("roi.binMax", { ...params, values: bin.values.map(formatNumber).join(", "), cell: `(${bin.at[0]}, ${bin.at[1]})` }))];
    if (bin.ties > 0) items.push(note(t("roi.binTie", { count: bin.ties, value: formatNumber(bin.value) })));
    return [join(items)];
  })));
  const outputs = Array.from({ length: setup.channels }, (_, c) => grid(rowsOf(box.output, c), {
    caption: `${t("roi.output")}${setup.regions.length > 1 ? ` — ${b + 1}` : ""}${setup.inputShape.length === 3 ? ` — ${t("roi.channel", { c: c + 1 })}` : ""}`,
  }));
  parts.push(figures(...outputs));
  return section("part", ...parts);
}

function backward(explanation: RoiExplanation, back: NonNullable<RoiExplanation["backward"]>, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const { height: H, width: W } = setup;
  const parts: Markup[] = [heading(2, t("roi.backward"))];
  const items: Markup[] = [];
  for (let c = 0; c < setup.channels; c++) {
    const suffix = setup.inputShape.length === 3 ? ` — ${t("roi.channel", { c: c + 1 })}` : "";
    items.push(grid(rowsOf(back.grad, c), { caption: `${t("roi.grad")}${suffix}` }));
    items.push(grid(rowsOf(back.gradInput, c), {
      caption: `${t("html.gradInput")}${suffix}`,
      rowHeaders: Array.from({ length: H }, (_, r) => String(r)),
      colHeaders: Array.from({ length: W }, (_, q) => String(q)),
      marks: routedMarks(back.cells, c, H, W),
    }));
  }
  parts.push(figures(...items), legend([{ mark: "routed", label: t("html.legend.routed") }]));
  for (const cell of back.cells) {
    if (cell.terms.length === 0) continue;
    const g = group(setup, cell.channel);
    // Map cells are named by their 0-based (row, column), as in the picture.
    const where = rawMath(`<mrow><msub><mi>a</mi><mrow>${g.length > 0 ? `<mn>${cell.channel + 1}</mn><mo>,</mo>` : ""}<mn>${cell.row}</mn><mo>,</mo><mn>${cell.col}</mn></mrow></msub></mrow>`);
    const symbols = cell.terms.map((term) => cellSymbol("δ", g, term.outRow, term.outCol));
    const numbers = cell.terms.length > 1 ? cell.terms.map((term) => mn(term.grad)) : [];
    parts.push(sumFormula(derivative(where), symbols, numbers, cell.value));
  }
  parts.push(note(t("roi.routeZero")));
  return section("part", ...parts);
}
