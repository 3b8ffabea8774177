/**
 * The typeset worked answer of `cnn-drill pool` (`--html`, the exam's answer key), from the same
 * explanation as render.ts: the padded input and the output as tables, each window's max or average
 * in MathML with the chosen maximum marked, the cells that receive gradient, and where δ goes.
 */
import type { PoolSetup } from "../../engine/pool2d.js";
import { rowsOf } from "../../engine/tensor.js";
import { cellSymbol, derivative, highlighted, note, outputSizeFormula, sumFormula, summaryHtml, type HtmlAnswer, type HtmlContext } from "../../render/html-answer.js";
import { fenced, figures, frac, grid, heading, join, joined, legend, mi, mn, mo, mrow, paragraph, routedMarks, section, type CellMark, type MathPart, type Markup } from "../../render/html.js";
import { formatNumber } from "../../render/number.js";
import type { LabelledTensor } from "../../render/summary.js";
import { pairText } from "../../render/labels.js";
import type { AvgWindowStep, MaxPoolExplanation, MaxWindowStep, PoolExplanation, PoolSizeStep } from "./explain.js";
import type { Key } from "./messages.js";

type Context = HtmlContext<Key>;


function title(setup: PoolSetup, { t }: Context): string {
  const params = { size: `${setup.size[0]}×${setup.size[1]}`, stride: pairText(setup.stride), padding: pairText(setup.padding) };
  return t(setup.type === "max" ? "pool.title.max" : "pool.title.avg", params);
}

export function poolWorkedHtml(explanation: PoolExplanation, context: Context): HtmlAnswer {
  return { title: title(explanation.setup, context), body: workedBody(explanation, context) };
}

/** Inputs too large to work out window by window: the output sizes and a summary of each result. */
export function poolSummaryHtml(setup: PoolSetup, steps: readonly PoolSizeStep[], results: readonly LabelledTensor[], context: Context): HtmlAnswer {
  return { title: title(setup, context), body: join([sizes(steps, context), summaryHtml(results, context.t), note(context.t("pool.bigHint"))]) };
}

function sizes(steps: readonly PoolSizeStep[], { t }: Context): Markup {
  return section("settings", ...steps.map((size, index) => {
    const axis = t(index === 0 ? "pool.axis.height" : "pool.axis.width");
    const pad = mrow(mn(2), mo("·"), mn(size.p));
    const common = { n: size.n, pad, span: size.k, s: size.s };
    if (size.rule === "floor") return paragraph(join([`${axis}: `, outputSizeFormula({ ...common, out: size.out })]));
    if (size.rule === "ceil") return paragraph(join([`${axis}: `, outputSizeFormula({ ...common, out: size.out, round: "ceil" })]));
    return paragraph(join([`${axis}: `, outputSizeFormula({ ...common, out: size.raw, round: "ceil" }), t("pool.ceilDropped", { start: size.start, limit: size.limit, out: size.out })]));
  }));
}

function notes(explanation: PoolExplanation, { t }: Context): Markup[] {
  const { setup } = explanation;
  const parts: Markup[] = [];
  if (explanation.overlap) parts.push(paragraph(t("pool.overlap", explanation.overlap)));
  if (explanation.unreadCells > 0) parts.push(note(t("pool.gap", { count: explanation.unreadCells })));
  if (setup.type === "avg" && (explanation.frame.padded || setup.ceilMode)) {
    parts.push(note(t(setup.countIncludePad ? "pool.countIncludePad" : "pool.excludePad")));
    if (setup.ceilMode && setup.countIncludePad) parts.push(note(t("pool.ceilDivisor")));
  }
  return parts;
}

const group = (setup: PoolSetup, channel: number): number[] => (setup.inputShape.length === 3 ? [channel] : []);

function channelSuffix(setup: PoolSetup, channel: number, { t }: Context): string {
  return setup.inputShape.length === 3 ? ` — ${t("pool.channel", { c: channel + 1 })}` : "";
}

/** One channel of the input framed by its padding (shown as ·), the first window marked. */
function paddedInput(explanation: PoolExplanation, channel: number, context: Context): Markup {
  const { setup, frame } = explanation;
  const isPadding = (u: number, v: number) => frame.isPadding[u][v];
  const inFirstWindow = (u: number, v: number) => u < setup.size[0] && v < setup.size[1];
  return grid(frame.grids[channel], {
    caption: `${context.t(frame.padded ? "pool.paddedInput" : "pool.input")}${channelSuffix(setup, channel, context)}`,
    text: (value, u, v) => (isPadding(u, v) ? "·" : formatNumber(value)),
    marks: (u, v) => [...(isPadding(u, v) ? ["padding" as const] : []), ...(inFirstWindow(u, v) ? ["window" as const] : [])],
  });
}

function maxWindow(step: MaxWindowStep, setup: PoolSetup, { t }: Context): Markup {
  const g = group(setup, step.channel);
  const symbols = step.cells.map((cell) => cellSymbol("a", g, cell.row, cell.col));
  const numbers = step.cells.map((cell) => (cell === step.chosen ? highlighted(mn(cell.value), "chosen") : mn(cell.value)));
  const max = (args: MathPart[]) => mrow(mi("max"), fenced(joined(args, ",")));
  const { chosen } = step;
  const remarks = [t("pool.chosenAt", { cell: cellText(g, chosen.row, chosen.col) })];
  const offInput = step.paddedCells + step.outsideCells;
  if (offInput > 0) remarks.push(`(${t("pool.paddedNever", { count: offInput })})`);
  const parts: Markup[] = [sumFormula(cellSymbol("y", g, step.row, step.col), [mrow(max(symbols), mo("="), max(numbers))], [], step.value, { note: remarks.join(" ") })];
  if (step.tiedWith.length > 0) {
    const cells = [chosen, ...step.tiedWith].map((cell) => cellText(g, cell.row, cell.col)).join(" = ");
    parts.push(note(t("pool.tie", { cells, value: formatNumber(chosen.value), first: cellText(g, chosen.row, chosen.col) })));
  }
  return join(parts);
}

/** A cell's name in running text (a₁₂ is written a12 there, as in the text answer). */
function cellText(group: readonly number[], row: number, col: number): string {
  const groupText = group.length > 0 ? `[${group.map((g) => g + 1).join(",")}]` : "";
  return `a${groupText}${row < 9 && col < 9 ? `${row + 1}${col + 1}` : `(${row + 1},${col + 1})`}`;
}

function avgWindow(step: AvgWindowStep, setup: PoolSetup, { t }: Context): Markup {
  const g = group(setup, step.channel);
  const notes: string[] = [];
  if (setup.countIncludePad) {
    if (step.paddedCells > 0) notes.push(t("pool.paddedZeros", { count: step.paddedCells }));
    if (step.outsideCells > 0) notes.push(t("pool.pastPadding", { count: step.outsideCells }));
  } else if (step.paddedCells + step.outsideCells > 0) {
    notes.push(t("pool.paddedExcluded", { count: step.paddedCells + step.outsideCells }));
  }
  const divisor = mn(step.divisor);
  const symbols = frac(joined(step.cells.map((cell) => cellSymbol("a", g, cell.row, cell.col)), "+"), divisor);
  const numbers = [frac(joined(step.cells.map((cell) => mn(cell.value)), "+"), divisor)];
  if (step.cells.length > 1) numbers.push(frac(mn(step.sum), divisor));
  return sumFormula(cellSymbol("y", g, step.row, step.col), [symbols], [joined(numbers, "=")], step.value, { note: notes.join("; ") });
}

function windows(explanation: PoolExplanation, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const parts: Markup[] = [heading(2, t(setup.type === "max" ? "pool.windows.max" : "pool.windows.avg"))];
  let lastChannel = -1;
  for (const step of explanation.windows) {
    if (setup.inputShape.length === 3 && step.channel !== lastChannel) {
      parts.push(heading(3, t("pool.channel", { c: step.channel + 1 })));
      lastChannel = step.channel;
    }
    parts.push(step.kind === "max" ? maxWindow(step, setup, context) : avgWindow(step, setup, context));
  }
  return section("part", ...parts);
}

function chosenCells(explanation: MaxPoolExplanation, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const times = explanation.timesChosen;
  const parts: Markup[] = [heading(2, t("html.poolChosen"))];
  const items = Array.from({ length: setup.channels }, (_, c) => grid(rowsOf({ shape: [setup.channels, setup.height, setup.width], data: setup.input }, c), {
    caption: `${t("pool.input")}${channelSuffix(setup, c, context)}`,
    marks: (r, q) => (times[c][r][q] > 0 ? ["max"] : []),
  }));
  parts.push(figures(...items), legend([{ mark: "max", label: t("html.legend.max") }]));
  for (const shared of explanation.sharedMaxima) {
    const g = group(setup, shared.channel);
    const windowsOf = shared.windows.map((window) => cellText(g, window.row, window.col).replace(/^a/, "y")).join(", ");
    parts.push(paragraph(t("pool.mask.times", { cell: cellText(g, shared.row, shared.col), count: shared.windows.length, windows: windowsOf })));
  }
  parts.push(note(t("pool.mask.rest")));
  return section("part", ...parts);
}

function backward(explanation: PoolExplanation, back: NonNullable<PoolExplanation["backward"]>, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const { height: H, width: W } = setup;
  const parts: Markup[] = [heading(2, t("pool.backward"))];
  const items: Markup[] = [];
  for (let c = 0; c < setup.channels; c++) {
    items.push(grid(rowsOf(back.grad, c), { caption: `${t("pool.grad")}${channelSuffix(setup, c, context)}` }));
    items.push(grid(rowsOf(back.gradInput, c), {
      caption: `${t("pool.gradInput")}${channelSuffix(setup, c, context)}`,
      marks: routedMarks(back.cells, c, H, W),
    }));
  }
  parts.push(figures(...items), legend([{ mark: "routed", label: t("html.legend.routed") }]));
  parts.push(paragraph(t(setup.type === "max" ? "pool.route.max" : "pool.route.avg")));
  let silent = 0;
  for (const cell of back.cells) {
    if (cell.terms.length === 0) {
      silent++;
      continue;
    }
    const g = group(setup, cell.channel);
    const over = (part: MathPart, divisor: number | undefined) => (divisor === undefined ? part : frac(part, mn(divisor)));
    const symbols = cell.terms.map((term) => over(cellSymbol("δ", g, term.outRow, term.outCol), term.divisor));
    const worked = cell.terms.length > 1 || cell.terms[0].divisor !== undefined;
    const numbers = worked ? cell.terms.map((term) => over(mn(term.grad), term.divisor)) : [];
    parts.push(sumFormula(derivative(cellSymbol("a", g, cell.row, cell.col)), symbols, numbers, cell.value));
  }
  if (silent > 0) parts.push(note(t(setup.type === "max" ? "pool.route.zero" : "pool.route.unread")));
  return section("part", ...parts);
}

function workedBody(explanation: PoolExplanation, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const items: Markup[] = [];
  for (let c = 0; c < setup.channels; c++) {
    items.push(paddedInput(explanation, c, context));
    items.push(grid(rowsOf(explanation.output, c), { caption: `${t("pool.output")}${channelSuffix(setup, c, context)}` }));
  }
  const entries: { mark: CellMark; label: string }[] = [{ mark: "window", label: t("html.legend.window") }];
  if (explanation.frame.padded) entries.push({ mark: "padding", label: `${t("html.legend.padding")} (·)` });
  const parts = [sizes(explanation.sizes, context), ...notes(explanation, context), figures(...items), legend(entries), windows(explanation, context)];
  if (explanation.type === "max") parts.push(chosenCells(explanation, context));
  if (explanation.backward) parts.push(backward(explanation, explanation.backward, context));
  return join(parts);
}
