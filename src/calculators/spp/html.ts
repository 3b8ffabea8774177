/**
 * The typeset worked answer of `cnn-drill spp` (`--html`, the exam's answer key), from the same
 * explanation as render.ts: per level the bins on each axis, the map as a table with a rule where
 * each bin starts and the maxima marked, each bin's value, the pooled grid; then the vector and its length.
 */
import type { SppAxis, SppSetup } from "../../engine/spp.js";
import { rowsOf } from "../../engine/tensor.js";
import { binGrid, note, summaryHtml, type HtmlAnswer, type HtmlContext } from "../../render/html-answer.js";
import { dataTable, element, figures, formula, frac, grid, heading, join, legend, mn, mo, mrow, paragraph, section, type CellMark, type MathPart, type Markup } from "../../render/html.js";
import { cellLabel } from "../../render/labels.js";
import { formatNumber } from "../../render/number.js";
import type { SppExplanation, SppLengthStep, SppLevelExplanation, SppShapeExplanation } from "./explain.js";
import type { Key } from "./messages.js";

type Context = HtmlContext<Key>;

export function sppHtml({ kind, explanation }: { kind: "worked" | "summary"; explanation: SppExplanation }, context: Context): HtmlAnswer {
  const { setup } = explanation;
  const { t } = context;
  const type = t(setup.type === "max" ? "spp.type.max" : "spp.type.avg");
  const title = t("spp.title", { levels: setup.levels.map((level) => level.n).join(", "), type });
  const parts: Markup[] = [
    note(t(setup.method === "adaptive" ? "spp.method.adaptive" : "spp.method.sppnet", { type: setup.type })),
    paragraph(t("spp.map", { height: setup.height, width: setup.width, channels: setup.channels })),
  ];
  explanation.levels.forEach((_, index) => parts.push(kind === "worked" ? levelSection(explanation, index, context) : levelSummary(explanation, index, context)));
  parts.push(vector(explanation, context, kind === "worked"));
  if (kind === "summary") parts.push(note(t("spp.bigHint")));
  return { title, body: join(parts) };
}

function binsText(axis: SppAxis): string {
  return axis.bins.map(([start, end]) => `[${start}, ${end})`).join(" ");
}

/** Bin i of n over a cells, worked: [⌊i·a/n⌋, ⌈(i+1)·a/n⌉) = [start, end). */
function adaptiveBin(i: number, a: number, n: number, start: number, end: number): MathPart {
  const edge = (k: number, open: string, close: string) => mrow(mo(open), frac(mrow(mn(k), mo("·"), mn(a)), mn(n)), mo(close));
  return mrow(mo("["), edge(i, "⌊", "⌋"), mo(","), edge(i + 1, "⌈", "⌉"), mo(")"), mo("="), mo("["), mn(start), mo(","), mn(end), mo(")"));
}

function axisParts(setup: SppSetup, level: SppLevelExplanation, { t }: Context): Markup[] {
  const { geometry } = level;
  const parts: Markup[] = [];
  const axes = [
    { axis: t("spp.axis.rows"), one: t("spp.axis.row"), data: geometry.rows },
    { axis: t("spp.axis.cols"), one: t("spp.axis.col"), data: geometry.cols },
  ];
  for (const { axis, one, data } of axes) {
    const params = { axis, a: data.size, n: geometry.n, bins: binsText(data) };
    if (setup.method === "adaptive") {
      parts.push(paragraph(t("spp.adaptiveAxis", params)));
      parts.push(element("div", { class: "formulas" }, ...data.bins.map(([start, end], i) => formula(adaptiveBin(i, data.size, geometry.n, start, end)))));
      continue;
    }
    parts.push(paragraph(t("spp.sppnetAxis", { ...params, window: data.window!, stride: data.stride!, count: String(data.bins.length) })));
    if (data.uncovered === 1) parts.push(note(t("spp.uncoveredOne", { from: data.size - 1, axis: one })));
    else if (data.uncovered > 1) parts.push(note(t("spp.uncovered", { from: data.size - data.uncovered, last: data.size - 1, axis })));
  }
  if (level.countDiffers) {
    const differing = geometry.rows.bins.length !== geometry.n ? geometry.rows : geometry.cols;
    parts.push(paragraph(t("spp.countDiffers", { got: `${geometry.rows.bins.length}×${geometry.cols.bins.length}`, n: geometry.n, a: differing.size })));
  }
  if (level.overlap) parts.push(note(t("spp.overlap")));
  return parts;
}

const group = (setup: SppSetup, channel: number): number[] => (setup.inputShape.length === 3 ? [channel] : []);
const channelSuffix = (setup: SppSetup, channel: number, { t }: Context) => (setup.inputShape.length === 3 ? ` — ${t("spp.channel", { c: channel + 1 })}` : "");

function levelSection(explanation: SppExplanation, index: number, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const level = explanation.levels[index];
  const { geometry } = level;
  const bins = `${geometry.rows.bins.length}×${geometry.cols.bins.length}`;
  const parts: Markup[] = [heading(2, t("spp.level", { n: geometry.n, bins })), ...axisParts(setup, level, context)];

  parts.push(paragraph(t("html.sppPicture")));
  // The bins cover [0, last end): with the paper's window the trailing cells may lie outside every bin.
  const lastRow = Math.max(...geometry.rows.bins.map(([, end]) => end));
  const lastCol = Math.max(...geometry.cols.bins.map(([, end]) => end));
  const maps = Array.from({ length: setup.channels }, (_, c) => {
    const maxima = new Set(level.bins.filter((bin) => bin.channel === c && bin.at).map((bin) => `${bin.at![0]},${bin.at![1]}`));
    return binGrid(rowsOf({ shape: [setup.channels, setup.height, setup.width], data: setup.input }, c), {
      caption: setup.inputShape.length === 3 ? t("spp.channel", { c: c + 1 }) : undefined,
      rows: [0, lastRow], cols: [0, lastCol],
      rowStarts: new Set(geometry.rows.bins.map(([start]) => start)),
      colStarts: new Set(geometry.cols.bins.map(([start]) => start)),
      isMax: (r, q) => maxima.has(`${r},${q}`),
    });
  });
  const entries: { mark: CellMark; label: string }[] = [{ mark: "bin-start-col", label: t("html.legend.bins") }];
  if (setup.type === "max") entries.push({ mark: "max", label: t("html.legend.max") });
  if (lastRow < setup.height || lastCol < setup.width) entries.push({ mark: "outside", label: t("html.legend.outside") });
  parts.push(figures(...maps), legend(entries));

  const lines = level.bins.map((bin) => {
    const label = cellLabel("y", group(setup, bin.channel), bin.row, bin.col);
    const params = { label, r1: bin.rows[0], r2: bin.rows[1], c1: bin.cols[0], c2: bin.cols[1], value: formatNumber(bin.value) };
    if (setup.type === "max") {
      const tie = bin.ties > 0 ? ` (${t("spp.binTie", { count: bin.ties })})` : "";
      return paragraph(`${t("spp.binMax", { ...params, row: bin.at![0], col: bin.at![1] })}${tie}`);
    }
    const sum = bin.values.reduce((total, value) => total + value, 0);
    return paragraph(t("spp.binAvg", { ...params, count: bin.values.length, sum: formatNumber(sum) }));
  });
  parts.push(element("ul", { class: "steps" }, ...lines.map((line) => element("li", {}, line))));
  const output = explanation.result.levels[index].output;
  parts.push(figures(...Array.from({ length: setup.channels }, (_, c) => grid(rowsOf(output, c), { caption: `${t("spp.pooled", { bins })}${channelSuffix(setup, c, context)}` }))));
  return section("part", ...parts);
}

function levelSummary(explanation: SppExplanation, index: number, context: Context): Markup {
  const { t } = context;
  const level = explanation.levels[index];
  const output = explanation.result.levels[index].output;
  return section("part",
    heading(2, t("spp.level", { n: level.geometry.n, bins: `${level.geometry.rows.bins.length}×${level.geometry.cols.bins.length}` })),
    ...axisParts(explanation.setup, level, context),
    summaryHtml([{ label: t("spp.pooled", { bins: output.shape.join("×") }), tensor: output }], t),
  );
}

function vector(explanation: SppExplanation, context: Context, showLevels: boolean): Markup {
  const { setup, result } = explanation;
  const { t } = context;
  const parts: Markup[] = [heading(2, t("spp.vector"))];
  if (explanation.vectorWritten) {
    if (showLevels) for (const level of result.levels) parts.push(paragraph(t("spp.vectorLevel", { n: level.n, values: Array.from(level.output.data, formatNumber).join(", ") })));
    parts.push(paragraph(t("spp.vectorAll", { length: result.length, values: result.vector.map(formatNumber).join(", ") })));
  } else {
    parts.push(paragraph(t("spp.vectorLong", { length: result.length })));
  }
  parts.push(paragraph(lengthText(explanation.length, context)));
  const independence = explanation.sizeIndependence;
  parts.push(independence.method === "adaptive"
    ? paragraph(t("spp.independent", { height: setup.height, width: setup.width, length: result.length, min: independence.min, bigger: independence.bigger }))
    : note(t("spp.dependsSppnet")));
  return section("part", ...parts);
}

/** The length's sum of squares worked out, or the bin counts when they are not n². */
function lengthText(step: SppLengthStep, { t }: Context): string {
  if (step.kind === "squares") return t("spp.length", { channels: step.channels, squares: step.ns.map((n) => `${n}²`).join(" + "), sum: step.sumOfSquares, length: step.length });
  return t("spp.lengthDiffers", { channels: step.channels, products: step.counts.map(([rows, cols]) => `${rows}·${cols}`).join(" + "), length: step.length, expected: step.expected });
}

/** `spp --shape`: the count of each level as a table (n, bins, C·bins) and the length, from the shape alone. */
export function sppShapeHtml({ result, type, levels, length }: SppShapeExplanation, context: Context): HtmlAnswer {
  const { t } = context;
  const { channels, height, width } = result;
  const rows = levels.map((level) => [
    String(level.n),
    level.countDiffers ? t("spp.binsDiffer", { got: `${level.rows.bins.length}×${level.cols.bins.length} = ${level.bins}`, n: level.n }) : `${level.n}² = ${level.bins}`,
    `${channels}·${level.bins} = ${level.numbers}`,
  ]);
  const ns = levels.map((level) => level.n);
  return {
    title: t("spp.shapeTitle", { levels: ns.join(", ") }),
    body: join([
      note(t(result.method === "adaptive" ? "spp.method.adaptive" : "spp.method.sppnet", { type })),
      paragraph(t("spp.shapeMap", { height, width, channels })),
      heading(2, t("spp.countHeading")),
      dataTable([t("spp.column.level"), t("spp.column.bins"), t("spp.column.numbers")], rows),
      paragraph(lengthText(length, context)),
    ]),
  };
}
