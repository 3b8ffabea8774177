/** Human output of `cnn-drill roi`: rounding, region, bins drawn on the map, each bin's maximum. */
import type { TextContext } from "../../render/context.js";
import type { Key } from "./messages.js";
import type { RoiSetup } from "../../engine/roi-pool.js";
import { rowsOf } from "../../engine/tensor.js";
import { receivesGradient } from "../../engine/routing.js";
import type { RoiBoxExplanation, RoiExplanation } from "./explain.js";
import { summaryLines, type LabelledTensor } from "../../render/summary.js";
import { gridLines, routedGridLines } from "../../render/grid.js";
import { cellLabel } from "../../render/labels.js";
import { arrangeBlocks, type Block } from "../../render/layout.js";
import { binMembership, framedGridLines } from "../../render/frame.js";
import { formatFactor, formatNumber } from "../../render/number.js";

// The worked-or-summarised decision is explain's; index.ts imports it from here until it imports explain.js.

function group(setup: RoiSetup, channel: number): number[] {
  return setup.inputShape.length === 3 ? [channel] : [];
}

export function renderRoiText(explanation: RoiExplanation, context: TextContext<Key>): string {
  const { setup } = explanation;
  const { t, palette } = context;
  const [ph, pw] = setup.outputSize;
  const lines = [palette.heading(t("roi.title", { size: `${ph}×${pw}`, scale: formatNumber(setup.scale) })), ""];
  explanation.boxes.forEach((box, b) => {
    lines.push(...boxLines(box, b, explanation, context), "");
  });
  if (explanation.backward) lines.push(...backwardLines(explanation, explanation.backward, context));
  return `${lines.join("\n").trimEnd()}\n`;
}

function boxLines(box: RoiBoxExplanation, b: number, explanation: RoiExplanation, context: TextContext<Key>): string[] {
  const { setup } = explanation;
  const { t, palette } = context;
  const { region } = box;
  const lines = [palette.heading(t("roi.boxHeading", { box: b + 1, x1: formatNumber(region.box.x1), y1: formatNumber(region.box.y1), x2: formatNumber(region.box.x2), y2: formatNumber(region.box.y2) }))];
  lines.push(`  ${t("roi.corners")}`);
  for (const corner of box.corners) {
    const note = corner.half ? palette.dim(`   (${t("roi.cornerHalf")})`) : "";
    lines.push(`    ${corner.name}·scale = ${formatFactor(corner.value)}·${formatFactor(setup.scale)} = ${formatNumber(corner.scaled)} → ${palette.result(String(corner.rounded))}${note}`);
  }
  lines.push(`  ${t("roi.region", { c1: region.startCol, c2: region.endCol, r1: region.startRow, r2: region.endRow })}`);
  lines.push(`    ${t("roi.roiWidth", { end: region.endCol, start: formatFactor(region.startCol), value: region.roiWidth })}`);
  lines.push(`    ${t("roi.roiHeight", { end: region.endRow, start: formatFactor(region.startRow), value: region.roiHeight })}`);
  const [ph, pw] = setup.outputSize;
  lines.push(`    ${t("roi.binSize", { roiH: region.roiHeight, ph, binH: formatNumber(region.binHeight), roiW: region.roiWidth, pw, binW: formatNumber(region.binWidth) })}`);
  const axes = [
    { heading: "roi.rowBins" as const, index: "i", axis: t("roi.axis.row"), ranges: box.rowRanges, offset: region.startRow, n: setup.height },
    { heading: "roi.colBins" as const, index: "j", axis: t("roi.axis.col"), ranges: box.colRanges, offset: region.startCol, n: setup.width },
  ];
  for (const a of axes) {
    const offset = a.offset < 0 ? `− ${-a.offset}` : `+ ${a.offset}`;
    lines.push(`  ${t(a.heading, { offset, n: a.n })}`);
    a.ranges.forEach((range, i) => {
      let text = `    ${t("roi.binLine", { axis: a.axis, i: i + 1, index: a.index, zeroBased: i, lo: formatNumber(range.lo), hi: formatNumber(range.hi), offset, start: range.rawStart, end: range.rawEnd })}`;
      if (range.clipped) text += ` → ${t("roi.binClipped", { start: range.start, end: range.end })}`;
      if (range.empty) text += palette.warn(`  (${t("roi.binEmptyAxis")})`);
      lines.push(text);
    });
  }
  if (box.rowsOverlap.length > 0) lines.push(palette.dim(`  ${t("roi.rowsOverlap")}`));
  for (const overlap of box.rowsOverlap) lines.push(palette.dim(`    ${t(overlap.end - 1 === overlap.start ? "roi.rowShared" : "roi.rowsShared", { from: overlap.start, to: overlap.end - 1, a: overlap.first + 1, b: overlap.first + 2 })}`));
  if (box.colsOverlap.length > 0) lines.push(palette.dim(`  ${t("roi.colsOverlap")}`));
  for (const overlap of box.colsOverlap) lines.push(palette.dim(`    ${t(overlap.end - 1 === overlap.start ? "roi.colShared" : "roi.colsShared", { from: overlap.start, to: overlap.end - 1, a: overlap.first + 1, b: overlap.first + 2 })}`));
  if (box.clipped) lines.push(palette.warn(`  ${t("roi.clippedNote")}`));
  lines.push("");

  // The picture: the map with the region framed, bin starts ruled, maxima marked.
  lines.push(t("roi.picture"));
  const { mapRows: rowRange, mapCols: colRange } = box;
  const rowBreaks = new Set([rowRange[0], rowRange[1], ...box.rowRanges.filter((range) => !range.empty).map((range) => range.start)]);
  const colBreaks = new Set([colRange[0], colRange[1], ...box.colRanges.filter((range) => !range.empty).map((range) => range.start)]);
  const rowSpans = box.rowRanges.map((range): [number, number] => [range.start, range.end]);
  const colSpans = box.colRanges.map((range): [number, number] => [range.start, range.end]);
  const rowNotes = Array.from({ length: setup.height }, (_, r) => {
    const bins = binMembership(rowSpans, r);
    return bins ? `← ${t("roi.axis.row")} ${bins}` : "";
  });
  const colNotes = Array.from({ length: setup.width }, (_, q) => binMembership(colSpans, q));
  const blocks: Block[] = [];
  for (let c = 0; c < setup.channels; c++) {
    const maxima = new Set(box.bins.flatMap((bin) => (bin.channel === c && !bin.empty ? [`${bin.at[0]},${bin.at[1]}`] : [])));
    const rows = rowsOf({ shape: [setup.channels, setup.height, setup.width], data: setup.input }, c);
    blocks.push({
      title: setup.inputShape.length === 3 ? t("roi.channel", { c: c + 1 }) : "",
      lines: framedGridLines(rows, {
        rowBreaks, colBreaks, rows: rowRange, cols: colRange, marked: (r, q) => maxima.has(`${r},${q}`), palette,
        rowNotes: c === setup.channels - 1 ? rowNotes : undefined,
        colNotes,
      }),
    });
  }
  const pictures = arrangeBlocks(blocks);
  lines.push(...(setup.inputShape.length === 3 ? pictures : pictures.slice(1)), "");

  lines.push(t("roi.bins"));
  for (const bin of box.bins) {
    const label = cellLabel("y", group(setup, bin.channel), bin.row, bin.col);
    const params = { label, r1: bin.rows[0], r2: bin.rows[1], c1: bin.cols[0], c2: bin.cols[1], value: palette.result(formatNumber(bin.value)) };
    if (bin.empty) {
      lines.push(`  ${palette.warn(t("roi.binEmpty", params))}`);
      continue;
    }
    lines.push(`  ${t("roi.binMax", { ...params, values: bin.values.map(formatNumber).join(", "), cell: `(${bin.at[0]}, ${bin.at[1]})` })}`);
    if (bin.ties > 0) lines.push(palette.dim(`    ${t("roi.binTie", { count: bin.ties, value: formatNumber(bin.value) })}`));
  }
  lines.push("");
  const outputs: Block[] = [];
  for (let c = 0; c < setup.channels; c++) {
    const title = `${t("roi.output")}${setup.regions.length > 1 ? ` — ${b + 1}` : ""}${setup.inputShape.length === 3 ? ` — ${t("roi.channel", { c: c + 1 })}` : ""}`;
    outputs.push({ title, lines: gridLines(rowsOf(box.output, c), { style: (text) => palette.result(text) }) });
  }
  lines.push(...arrangeBlocks(outputs));
  return lines;
}

function backwardLines(explanation: RoiExplanation, backward: NonNullable<RoiExplanation["backward"]>, { t, palette }: TextContext<Key>): string[] {
  const { setup } = explanation;
  const H = setup.height;
  const W = setup.width;
  const lines = [palette.heading(t("roi.backward")), ""];
  const blocks: Block[] = [];
  for (let c = 0; c < setup.channels; c++) {
    const suffix = setup.inputShape.length === 3 ? ` — ${t("roi.channel", { c: c + 1 })}` : "";
    blocks.push({ title: `${t("roi.grad")}${suffix}`, lines: gridLines(rowsOf(backward.grad, c)) });
    const receives = receivesGradient(backward.cells, c, H, W);
    blocks.push({ title: `${t("roi.gradInputMarked")}${suffix}`, lines: routedGridLines(rowsOf(backward.gradInput, c), receives, palette) });
  }
  lines.push(...arrangeBlocks(blocks), "");
  for (const cell of backward.cells) {
    if (cell.terms.length === 0) continue;
    const g = group(setup, cell.channel);
    const symbols = cell.terms.map((term) => cellLabel("δ", g, term.outRow, term.outCol));
    const numbers = cell.terms.length > 1 ? ` = ${cell.terms.map((term) => formatFactor(term.grad)).join(" + ")}` : "";
    const where = `${g.length > 0 ? `[${cell.channel + 1}]` : ""}(${cell.row}, ${cell.col})`;
    lines.push(`∂L/∂a${where} = ${symbols.join(" + ")}${numbers} = ${palette.result(formatNumber(cell.value))}`);
  }
  lines.push(palette.dim(t("roi.routeZero")));
  return lines;
}

/** Summary for problems too large to work out bin by bin. */
export function renderRoiSummary(setup: RoiSetup, results: LabelledTensor[], { t, palette }: TextContext<Key>): string {
  const [ph, pw] = setup.outputSize;
  const lines = [palette.heading(t("roi.title", { size: `${ph}×${pw}`, scale: formatNumber(setup.scale) })), ""];
  setup.regions.forEach((region, b) => {
    lines.push(t("roi.boxHeading", { box: b + 1, x1: formatNumber(region.box.x1), y1: formatNumber(region.box.y1), x2: formatNumber(region.box.x2), y2: formatNumber(region.box.y2) }));
    lines.push(`  ${t("roi.region", { c1: region.startCol, c2: region.endCol, r1: region.startRow, r2: region.endRow })}`);
  });
  lines.push("");
  lines.push(...summaryLines(results, t));
  lines.push("", palette.warn(t("roi.bigHint")));
  return `${lines.join("\n")}\n`;
}
