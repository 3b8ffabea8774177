/** Human output of `cnn-drill spp`: each level's bins over the map, its pooled grid, and the vector. */
import type { TextContext } from "../../render/context.js";
import type { Key } from "./messages.js";
import { shapeText } from "../../engine/conv2d.js";
import type { SppAxis, SppLevelGeometry, SppMethod, SppSetup } from "../../engine/spp.js";
import { rowsOf } from "../../engine/tensor.js";
import type { SppExplanation, SppLengthStep, SppShapeExplanation, SppSizeIndependence } from "./explain.js";
import { fitsOnScreen, gridLines } from "../../render/grid.js";
import { cellLabel } from "../../render/labels.js";
import { arrangeBlocks, type Block } from "../../render/layout.js";
import { formatNumber } from "../../render/number.js";
import { renderTable } from "../../render/table.js";
import { binMembership, framedGridLines } from "../../render/frame.js";

// The worked-or-summarised decision is explain's; index.ts imports it from here until it imports explain.js.


function group(setup: SppSetup, channel: number): number[] {
  return setup.inputShape.length === 3 ? [channel] : [];
}

/** Bins listed one by one up to this many per axis; beyond, the first and last few around "…". */
const AXIS_BINS_LISTED = 16;

function binsText(axis: SppAxis): string {
  const text = ([start, end]: [number, number]) => `[${start}, ${end})`;
  if (axis.bins.length <= AXIS_BINS_LISTED) return axis.bins.map(text).join(" ");
  return [...axis.bins.slice(0, 3).map(text), "…", ...axis.bins.slice(-2).map(text)].join(" ");
}

function headerLines(setup: SppSetup, { t, palette }: TextContext<Key>): string[] {
  const type = t(setup.type === "max" ? "spp.type.max" : "spp.type.avg");
  return [
    palette.heading(t("spp.title", { levels: setup.levels.map((level) => level.n).join(", "), type })),
    palette.dim(t(setup.method === "adaptive" ? "spp.method.adaptive" : "spp.method.sppnet", { type: setup.type })),
    t("spp.map", { height: setup.height, width: setup.width, channels: setup.channels }),
  ];
}

/** The bins of a level along each axis, and what is unusual about them (bins left out, a count other than n, shared cells). */
function axisLines(method: SppMethod, geometry: SppLevelGeometry, { countDiffers, overlap }: { countDiffers: boolean; overlap: boolean }, { t, palette }: TextContext<Key>): string[] {
  const lines: string[] = [];
  const axes = [
    { axis: t("spp.axis.rows"), one: t("spp.axis.row"), data: geometry.rows },
    { axis: t("spp.axis.cols"), one: t("spp.axis.col"), data: geometry.cols },
  ];
  for (const { axis, one, data } of axes) {
    const params = { axis, a: data.size, n: geometry.n, bins: binsText(data) };
    if (method === "adaptive") {
      lines.push(`  ${t("spp.adaptiveAxis", params)}`);
      continue;
    }
    lines.push(`  ${t("spp.sppnetAxis", { ...params, window: data.window!, stride: data.stride!, count: palette.result(String(data.bins.length)), binCount: data.bins.length })}`);
    if (data.uncovered === 1) lines.push(palette.warn(`    ${t("spp.uncoveredOne", { from: data.size - 1, axis: one })}`));
    else if (data.uncovered > 1) lines.push(palette.warn(`    ${t("spp.uncovered", { from: data.size - data.uncovered, last: data.size - 1, axis })}`));
  }
  if (countDiffers) {
    const differing = geometry.rows.bins.length !== geometry.n ? geometry.rows : geometry.cols;
    const got = `${geometry.rows.bins.length}×${geometry.cols.bins.length}`;
    lines.push(palette.warn(`  ${t("spp.countDiffers", { got, n: geometry.n, a: differing.size })}`));
  }
  if (overlap) lines.push(palette.dim(`  ${t("spp.overlap")}`));
  return lines;
}

function levelLines(explanation: SppExplanation, index: number, context: TextContext<Key>): string[] {
  const { setup } = explanation;
  const { t, palette } = context;
  const level = explanation.levels[index];
  const { geometry } = level;
  const nh = geometry.rows.bins.length;
  const nw = geometry.cols.bins.length;
  const lines = [palette.heading(t("spp.level", { n: geometry.n, bins: `${nh}×${nw}` })), ...axisLines(setup.method, geometry, level, context), ""];

  lines.push(t(setup.type === "max" ? "spp.picture" : "spp.pictureAvg") + (level.overlap ? t("spp.pictureNotes") : ""));
  const rowBreaks = new Set([0, setup.height, ...geometry.rows.bins.map(([start]) => start)]);
  const colBreaks = new Set([0, setup.width, ...geometry.cols.bins.map(([start]) => start)]);
  const rowNotes = level.overlap
    ? Array.from({ length: setup.height }, (_, r) => {
      const bins = binMembership(geometry.rows.bins, r);
      return bins ? `← ${t("spp.rowBin", { bins })}` : "";
    })
    : undefined;
  const colNotes = level.overlap ? Array.from({ length: setup.width }, (_, q) => binMembership(geometry.cols.bins, q)) : undefined;
  const pictures: Block[] = [];
  for (let c = 0; c < setup.channels; c++) {
    const maxima = new Set(level.bins.filter((bin) => bin.channel === c && bin.at).map((bin) => `${bin.at![0]},${bin.at![1]}`));
    const lastRow = Math.max(...geometry.rows.bins.map(([, end]) => end));
    const lastCol = Math.max(...geometry.cols.bins.map(([, end]) => end));
    pictures.push({
      title: setup.inputShape.length === 3 ? t("spp.channel", { c: c + 1 }) : "",
      lines: framedGridLines(rowsOf({ shape: [setup.channels, setup.height, setup.width], data: setup.input }, c), {
        rowBreaks: new Set([...rowBreaks, lastRow].filter((b) => b <= lastRow)),
        colBreaks: new Set([...colBreaks, lastCol].filter((b) => b <= lastCol)),
        rows: [0, lastRow],
        cols: [0, lastCol],
        marked: (r, q) => maxima.has(`${r},${q}`),
        rowNotes: c === setup.channels - 1 ? rowNotes : undefined,
        colNotes,
        palette,
      }),
    });
  }
  const drawn = arrangeBlocks(pictures);
  lines.push(...(setup.inputShape.length === 3 ? drawn : drawn.slice(1)), "");

  for (const bin of level.bins) {
    const label = cellLabel("y", group(setup, bin.channel), bin.row, bin.col);
    const params = { label, r1: bin.rows[0], r2: bin.rows[1], c1: bin.cols[0], c2: bin.cols[1], value: palette.result(formatNumber(bin.value)) };
    if (setup.type === "max") {
      const tie = bin.ties > 0 ? palette.dim(`  (${t("spp.binTie", { count: bin.ties })})`) : "";
      lines.push(`  ${t("spp.binMax", { ...params, row: bin.at![0], col: bin.at![1] })}${tie}`);
    } else {
      const sum = bin.values.reduce((total, value) => total + value, 0);
      lines.push(`  ${t("spp.binAvg", { ...params, count: bin.values.length, sum: formatNumber(sum) })}`);
    }
  }
  lines.push("");
  const pooled: Block[] = [];
  const output = explanation.result.levels[index].output;
  for (let c = 0; c < setup.channels; c++) {
    const title = `${t("spp.pooled", { bins: `${nh}×${nw}` })}${setup.inputShape.length === 3 ? ` — ${t("spp.channel", { c: c + 1 })}` : ""}`;
    pooled.push({ title, lines: gridLines(rowsOf(output, c), { style: (text) => palette.result(text) }) });
  }
  lines.push(...arrangeBlocks(pooled));
  return lines;
}

function vectorLines(explanation: SppExplanation, context: TextContext<Key>, showLevels: boolean): string[] {
  const { t, palette } = context;
  const { result } = explanation;
  const lines = [palette.heading(t("spp.vector"))];
  if (explanation.vectorWritten) {
    if (showLevels) {
      for (const level of result.levels) lines.push(`  ${t("spp.vectorLevel", { n: level.n, values: Array.from(level.output.data, formatNumber).join(", ") })}`);
    }
    lines.push(`  ${t("spp.vectorAll", { length: result.length, values: palette.result(result.vector.map(formatNumber).join(", ")) })}`);
  } else {
    lines.push(`  ${t("spp.vectorLong", { length: result.length })}`);
  }
  const { height, width } = explanation.setup;
  lines.push(lengthLine(explanation.length, context), independenceLine(explanation.sizeIndependence, height, width, explanation.length.length, context));
  return lines;
}

function independenceLine(independence: SppSizeIndependence, height: number, width: number, length: number, { t, palette }: TextContext<Key>): string {
  if (independence.method === "sppnet") return palette.dim(`  ${t("spp.dependsSppnet")}`);
  return `  ${t("spp.independent", { height, width, length, min: independence.min, bigger: independence.bigger })}`;
}

export function renderSppText(explanation: SppExplanation, context: TextContext<Key>): string {
  const lines = [...headerLines(explanation.setup, context), ""];
  explanation.levels.forEach((_, index) => lines.push(...levelLines(explanation, index, context), ""));
  lines.push(...vectorLines(explanation, context, true));
  return `${lines.join("\n")}\n`;
}

/** Summary for maps too large to draw: each level's bins and shape, then the vector and its length. */
export function renderSppSummary(explanation: SppExplanation, context: TextContext<Key>): string {
  const { setup } = explanation;
  const { t, palette } = context;
  const lines = [...headerLines(setup, context), ""];
  explanation.levels.forEach((level, index) => {
    lines.push(palette.heading(t("spp.bigLevel", { n: level.geometry.n, shape: shapeText(explanation.result.levels[index].output.shape) })));
    lines.push(...axisLines(setup.method, level.geometry, level, context));
    const output = explanation.result.levels[index].output;
    const [h, w] = output.shape.slice(-2);
    if (output.shape.length === 2 && fitsOnScreen(h, w)) lines.push(...gridLines(rowsOf(output)).map((line) => `  ${line}`));
    lines.push("");
  });
  lines.push(...vectorLines(explanation, context, false), "", palette.warn(t("spp.bigHint")));
  return `${lines.join("\n")}\n`;
}

/** The length's sum of squares worked out: `C·(1² + 2² + 4²) = C·21 = length`, or the bin counts when they are not n². */
function lengthLine(step: SppLengthStep, { t, palette }: TextContext<Key>): string {
  if (step.kind === "squares") {
    const squares = step.ns.map((n) => `${n}²`).join(" + ");
    return `  ${t("spp.length", { channels: step.channels, squares, sum: step.sumOfSquares, length: palette.result(String(step.length)) })}`;
  }
  const products = step.counts.map(([rows, cols]) => `${rows}·${cols}`).join(" + ");
  return palette.warn(`  ${t("spp.lengthDiffers", { channels: step.channels, products, length: step.length, expected: step.expected })}`);
}

/** `spp --shape`: each level's bins on both axes, a table of n, bins and C·bins, then the length. */
export function renderSppShapeText({ result, type, levels, length, sizeIndependence }: SppShapeExplanation, context: TextContext<Key>): string {
  const { t, palette } = context;
  const { channels, height, width } = result;
  const lines = [
    palette.heading(t("spp.shapeTitle", { levels: levels.map((level) => level.n).join(", ") })),
    palette.dim(t(result.method === "adaptive" ? "spp.method.adaptive" : "spp.method.sppnet", { type })),
    t("spp.shapeMap", { height, width, channels }),
    "",
  ];
  for (const level of levels) {
    lines.push(palette.heading(t("spp.level", { n: level.n, bins: `${level.rows.bins.length}×${level.cols.bins.length}` })));
    lines.push(...axisLines(result.method, level, level, context), "");
  }
  lines.push(palette.heading(t("spp.countHeading")));
  const rows = levels.map((level) => [
    String(level.n),
    level.countDiffers ? t("spp.binsDiffer", { got: `${level.rows.bins.length}×${level.cols.bins.length} = ${level.bins}`, n: level.n }) : `${level.n}² = ${level.bins}`,
    `${channels}·${level.bins} = ${level.numbers}`,
  ]);
  lines.push(renderTable([t("spp.column.level"), t("spp.column.bins"), t("spp.column.numbers")], rows, palette, ["right", "left", "left"]));
  lines.push(lengthLine(length, context), independenceLine(sizeIndependence, height, width, result.length, context));
  return `${lines.join("\n")}\n`;
}
