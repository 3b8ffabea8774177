/** Human output of `cnn-drill pool`: each window, the output, and where the gradient goes. */
import type { TextContext } from "../../render/context.js";
import type { Key } from "./messages.js";
import type { PoolSetup } from "../../engine/pool2d.js";
import { rowsOf, type Tensor } from "../../engine/tensor.js";
import { receivesGradient } from "../../engine/routing.js";
import type { AvgWindowStep, MaxPoolExplanation, MaxWindowStep, PaddedFrame, PoolExplanation, PoolSizeStep } from "./explain.js";
import type { Translate } from "../../i18n/index.js";
import type { Palette } from "../../render/colour.js";
import { gridLines, markedGridLines, routedGridLines } from "../../render/grid.js";
import { cellLabel, pairText } from "../../render/labels.js";
import { arrangeBlocks, type Block } from "../../render/layout.js";
import { summaryLines, type LabelledTensor } from "../../render/summary.js";
import { formatFactor, formatNumber } from "../../render/number.js";

// The worked-or-summarised decision is explain's; index.ts imports it from here until it imports explain.js.


function sizeText([h, w]: readonly [number, number]): string {
  return `${h}×${w}`;
}

/** Channel group for labels: none for a 2-D input. */
function group(setup: PoolSetup, channel: number): number[] {
  return setup.inputShape.length === 3 ? [channel] : [];
}

function channelSuffix(setup: PoolSetup, channel: number, t: Translate<Key>): string {
  return setup.inputShape.length === 3 ? ` — ${t("pool.channel", { c: channel + 1 })}` : "";
}

function headerLines(setup: PoolSetup, sizes: readonly PoolSizeStep[], { t, palette }: TextContext<Key>): string[] {
  const params = { size: sizeText(setup.size), stride: pairText(setup.stride), padding: pairText(setup.padding) };
  const lines = [palette.heading(t(setup.type === "max" ? "pool.title.max" : "pool.title.avg", params)), ""];
  sizes.forEach((size, index) => {
    const values = { axis: t(index === 0 ? "pool.axis.height" : "pool.axis.width"), n: size.n, k: size.k, s: size.s, p: size.p };
    const out = palette.result(String(size.out));
    if (size.rule === "floor") lines.push(`  ${t("pool.outputSizeFloor", { ...values, out })}`);
    else if (size.rule === "ceil") lines.push(`  ${t("pool.outputSizeCeilSame", { ...values, out })}`);
    else lines.push(`  ${t("pool.outputSizeCeil", { ...values, raw: size.raw })}${t("pool.ceilDropped", { start: size.start, limit: size.limit, out })}`);
  });
  return lines;
}

function noteLines(explanation: PoolExplanation, { t, palette }: TextContext<Key>): string[] {
  const { setup } = explanation;
  const lines: string[] = [];
  if (explanation.overlap) lines.push(palette.warn(t("pool.overlap", explanation.overlap)));
  if (explanation.unreadCells > 0) lines.push(palette.dim(t("pool.gap", { count: explanation.unreadCells })));
  if (setup.type === "avg" && (explanation.frame.padded || setup.ceilMode)) {
    lines.push(palette.dim(t(setup.countIncludePad ? "pool.countIncludePad" : "pool.excludePad")));
    if (setup.ceilMode && setup.countIncludePad) lines.push(palette.dim(t("pool.ceilDivisor")));
  }
  return lines;
}

/** One channel of the input framed by its padding (·). */
function inputBlock(frame: PaddedFrame, channel: number, title: string, palette: Palette): Block {
  const isPadding = (u: number, v: number) => frame.isPadding[u][v];
  const lines = gridLines(frame.grids[channel], {
    text: (value, u, v) => (isPadding(u, v) ? "·" : formatNumber(value)),
    style: (text, u, v) => (isPadding(u, v) ? palette.dim(text) : text),
  });
  return { title, lines };
}

function outputBlock(output: Tensor, setup: PoolSetup, channel: number, { t, palette }: TextContext<Key>): Block {
  return { title: `${t("pool.output")}${channelSuffix(setup, channel, t)}`, lines: gridLines(rowsOf(output, channel), { style: (text) => palette.result(text) }) };
}

export function renderPoolText(explanation: PoolExplanation, context: TextContext<Key>): string {
  const { setup } = explanation;
  const { t, palette } = context;
  const lines = headerLines(setup, explanation.sizes, context);
  const notes = noteLines(explanation, context);
  if (notes.length > 0) lines.push("", ...notes);
  lines.push("");

  const { frame } = explanation;
  // The title says what a padded cell is: −∞ for max pooling (never chosen), 0 for average pooling.
  const inputTitle = !frame.padded ? "pool.input" : explanation.type === "max" ? "pool.paddedInputMax" : "pool.paddedInput";
  const blocks: Block[] = [];
  for (let c = 0; c < setup.channels; c++) {
    blocks.push(inputBlock(frame, c, `${t(inputTitle)}${channelSuffix(setup, c, t)}`, palette));
    blocks.push(outputBlock(explanation.output, setup, c, context));
  }
  lines.push(...arrangeBlocks(blocks), "");

  lines.push(palette.heading(t(setup.type === "max" ? "pool.windows.max" : "pool.windows.avg")));
  let lastChannel = -1;
  for (const step of explanation.windows) {
    if (setup.inputShape.length === 3 && step.channel !== lastChannel) {
      lines.push(palette.dim(`— ${t("pool.channel", { c: step.channel + 1 })}`));
      lastChannel = step.channel;
    }
    lines.push(...(step.kind === "max" ? maxWindowLines(step, setup, context) : avgWindowLines(step, setup, context)));
  }

  if (explanation.type === "max") lines.push("", ...maskLines(explanation, context));
  if (explanation.backward) lines.push("", ...backwardLines(explanation, explanation.backward, context));
  return `${lines.join("\n")}\n`;
}

function maxWindowLines(step: MaxWindowStep, setup: PoolSetup, { t, palette }: TextContext<Key>): string[] {
  const g = group(setup, step.channel);
  const label = cellLabel("y", g, step.row, step.col);
  const symbols = step.cells.map((cell) => cellLabel("a", g, cell.row, cell.col));
  const numbers = step.cells.map((cell) => {
    const text = formatNumber(cell.value);
    return cell === step.chosen ? palette.highlight(`[${text}]`) : text;
  });
  const { chosen } = step;
  const lines = [`${label} = max(${symbols.join(", ")}) = max(${numbers.join(", ")}) = ${palette.result(formatNumber(step.value))}  ${t("pool.chosenAt", { cell: cellLabel("a", g, chosen.row, chosen.col) })}`];
  if (step.tiedWith.length > 0) {
    const cells = [chosen, ...step.tiedWith].map((cell) => cellLabel("a", g, cell.row, cell.col)).join(" = ");
    lines.push(palette.warn(`    ${t("pool.tie", { cells, value: formatNumber(chosen.value), first: cellLabel("a", g, chosen.row, chosen.col) })}`));
  }
  const offInput = step.paddedCells + step.outsideCells;
  if (offInput > 0) lines.push(palette.dim(`    ${t("pool.paddedNever", { count: offInput })}`));
  if (step.zeroPaddingWouldWin) lines.push(palette.warn(`    ${t("pool.paddedNegative")}`));
  return lines;
}

function avgWindowLines(step: AvgWindowStep, setup: PoolSetup, { t, palette }: TextContext<Key>): string[] {
  const g = group(setup, step.channel);
  const label = cellLabel("y", g, step.row, step.col);
  const symbols = step.cells.map((cell) => cellLabel("a", g, cell.row, cell.col));
  const numbers = step.cells.map((cell) => formatNumber(cell.value));
  const notes: string[] = [];
  if (setup.countIncludePad) {
    if (step.paddedCells > 0) notes.push(t("pool.paddedZeros", { count: step.paddedCells }));
    if (step.outsideCells > 0) notes.push(t("pool.pastPadding", { count: step.outsideCells }));
  } else if (step.paddedCells + step.outsideCells > 0) {
    notes.push(t("pool.paddedExcluded", { count: step.paddedCells + step.outsideCells }));
  }
  const padNote = notes.length > 0 ? palette.dim(`  (${notes.join("; ")})`) : "";
  const { divisor } = step;
  const indent = " ".repeat(label.length);
  if (step.cells.length === 1) {
    // One real cell: no sum to write out.
    return [
      `${label} = ${symbols[0]} / ${divisor}${padNote}`,
      `${indent} = ${numbers[0]} / ${divisor} = ${palette.result(formatNumber(step.value))}`,
    ];
  }
  return [
    `${label} = (${symbols.join(" + ")}) / ${divisor}${padNote}`,
    `${indent} = (${numbers.join(" + ")}) / ${divisor} = ${formatNumber(step.sum)} / ${divisor} = ${palette.result(formatNumber(step.value))}`,
  ];
}

function maskLines(explanation: MaxPoolExplanation, context: TextContext<Key>): string[] {
  const { setup } = explanation;
  const { t, palette } = context;
  const times = explanation.timesChosen;
  const lines = [palette.heading(t("pool.mask.title"))];
  const blocks: Block[] = [];
  for (let c = 0; c < setup.channels; c++) {
    const rows = rowsOf({ shape: [setup.channels, setup.height, setup.width], data: setup.input }, c);
    blocks.push({ title: `${t("pool.input")}${channelSuffix(setup, c, t)}`, lines: markedGridLines(rows, (r, q) => times[c][r][q] > 0, palette) });
  }
  lines.push(...arrangeBlocks(blocks));
  for (const shared of explanation.sharedMaxima) {
    const g = group(setup, shared.channel);
    const windows = shared.windows.map((window) => cellLabel("y", g, window.row, window.col)).join(", ");
    lines.push(t("pool.mask.times", { cell: cellLabel("a", g, shared.row, shared.col), count: shared.windows.length, windows }));
  }
  lines.push(palette.dim(t("pool.mask.rest")));
  return lines;
}

function backwardLines(explanation: PoolExplanation, backward: NonNullable<PoolExplanation["backward"]>, context: TextContext<Key>): string[] {
  const { setup } = explanation;
  const { t, palette } = context;
  const lines = [palette.heading(t("pool.backward")), ""];
  const H = setup.height;
  const W = setup.width;
  const blocks: Block[] = [];
  for (let c = 0; c < setup.channels; c++) {
    blocks.push({ title: `${t("pool.grad")}${channelSuffix(setup, c, t)}`, lines: gridLines(rowsOf(backward.grad, c)) });
    const receives = receivesGradient(backward.cells, c, H, W);
    blocks.push({ title: `${t("pool.gradInputMarked")}${channelSuffix(setup, c, t)}`, lines: routedGridLines(rowsOf(backward.gradInput, c), receives, palette) });
  }
  lines.push(...arrangeBlocks(blocks), "");
  lines.push(t(setup.type === "max" ? "pool.route.max" : "pool.route.avg"));
  let silent = 0;
  for (const cell of backward.cells) {
    if (cell.terms.length === 0) {
      silent++;
      continue;
    }
    const g = group(setup, cell.channel);
    const label = `∂L/∂${cellLabel("a", g, cell.row, cell.col)}`;
    const symbols = cell.terms.map((term) => `${cellLabel("δ", g, term.outRow, term.outCol)}${term.divisor !== undefined ? `/${term.divisor}` : ""}`);
    const numbers = cell.terms.map((term) => `${formatFactor(term.grad)}${term.divisor !== undefined ? `/${term.divisor}` : ""}`);
    const worked = cell.terms.length > 1 || cell.terms[0].divisor !== undefined ? ` = ${numbers.join(" + ")}` : "";
    lines.push(`${label} = ${symbols.join(" + ")}${worked} = ${palette.result(formatNumber(cell.value))}`);
  }
  if (silent > 0) lines.push(palette.dim(t(setup.type === "max" ? "pool.route.zero" : "pool.route.unread")));
  return lines;
}

/** Summary for inputs too large to work out window by window. */
export function renderPoolSummary(setup: PoolSetup, sizes: readonly PoolSizeStep[], results: LabelledTensor[], context: TextContext<Key>): string {
  const { t, palette } = context;
  const lines = headerLines(setup, sizes, context);
  lines.push("");
  lines.push(...summaryLines(results, t));
  lines.push("", palette.warn(t("pool.bigHint")));
  return `${lines.join("\n")}\n`;
}

