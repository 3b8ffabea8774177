/**
 * The typeset training step (`step --html`, the exam's answer key), from the same explanation as
 * render.ts: the conv stages as `conv` typesets them, and in between each cell through the
 * activation, each pooling window, the loss term by term, ∂L/∂y, the routed ∂L/∂h, δ and each update.
 */
import type { ActivationCell, StepResult, StepSetup } from "../../engine/step.js";
import { rowsOf, type Tensor } from "../../engine/tensor.js";
import { cellSymbol, derivative, highlighted, note, summaryHtml, type HtmlAnswer, type HtmlContext } from "../../render/html-answer.js";
import { element, equation, factor, indexed, fenced, figures, formula, frac, grid, heading, join, joined, legend, mi, mn, mo, mrow, paragraph, routedMarks, section, sup, times, type CellMark, type MathPart, type Markup } from "../../render/html.js";
import { formatNumber, formatSignificant } from "../../render/number.js";
import { convBackwardHtml, convForwardHtml } from "../conv/html.js";
import type { PoolExplanation } from "../pool/explain.js";
import type { StepExplanation } from "./explain.js";
import type { Key } from "./messages.js";
import { ACTIVATION_NAMES, LOSS_FORMULA, stepChainText, stepShapesText, stepSummaryParts, weightGroup } from "./render.js";

type Context = HtmlContext<Key>;

/** A cell symbol at a multi-index of s, h, y or δ: s₁₁, or s⁽²⁾₁₁ for filter 2 of a bank. */
function symbolAt(letter: string, setup: StepSetup, at: readonly number[]): MathPart {
  const group = at.length === 3 && setup.conv.filters > 1 ? [at[0]] : [];
  return cellSymbol(letter, group, at[at.length - 2], at[at.length - 1]);
}

/** σ and tanh values to 4 significant digits (≈ marked); others as printed everywhere. */
function valueOf(setup: StepSetup, value: number): Value {
  if (setup.activation !== "sigmoid" && setup.activation !== "tanh") return mn(value);
  const text = formatSignificant(value);
  return text.startsWith("≈") ? { ...mn(Number(text.slice(1))), approximate: true } : mn(value);
}

/** A value that may have been rounded for reading: the formula then ends with ≈ before it, not =. */
type Value = MathPart & { approximate?: boolean };

/** `lhs = … = result`, with ≈ before a rounded last side. */
function chain(sides: readonly Value[]): MathPart {
  const last = sides[sides.length - 1];
  if (!last.approximate) return equation(...sides);
  return mrow(equation(...sides.slice(0, -1)), mo("≈"), last);
}

function line(...sides: Value[]): Markup {
  return paragraph(formula(chain(sides)), "formula");
}

/** A formula with a remark after it on the same line (a blocked ReLU cell). */
function lineWithNote(remark: string, ...sides: Value[]): Markup {
  return paragraph(join([formula(chain(sides)), " ", element("span", { class: "muted" }, remark)]), "formula");
}

function mapGrids(tensor: Tensor, caption: string, { t }: Context, marks?: (row: number, col: number, map: number) => CellMark[], text?: (value: number) => string): Markup[] {
  const maps = tensor.shape.length === 3 ? tensor.shape[0] : 1;
  return Array.from({ length: maps }, (_, map) => grid(rowsOf(tensor, map), {
    caption: `${caption}${maps > 1 ? ` — ${t("conv.filter", { o: map + 1 })}` : ""}`,
    marks: marks === undefined ? undefined : (row, col) => marks(row, col, map),
    text: text === undefined ? undefined : (value) => text(value),
  }));
}

export function stepHtml(explanation: StepExplanation, context: Context): HtmlAnswer {
  const { result } = explanation;
  const { setup } = result;
  const { t } = context;
  let stageNumber = 0;
  const stage = (key: Key, params: Record<string, string | number> = {}) => heading(2, t(key, { n: ++stageNumber, ...params }));
  const parts: Markup[] = [paragraph(t("step.shapes", { shapes: stepShapesText(result) })), note(t("step.notation"))];

  parts.push(section("part", stage("step.stage.forward"), convForwardHtml(explanation.conv, context)));
  if (setup.activation === "none") parts.push(note(t("step.noActivation")));
  else parts.push(section("part", stage(`step.stage.${setup.activation}`), activationHtml(explanation, context)));
  if (explanation.pool) {
    const { size, stride } = explanation.pool.setup;
    const key = explanation.pool.type === "max" ? "step.stage.maxPool" : "step.stage.avgPool";
    parts.push(section("part", stage(key, { size: size.join("×"), stride: stride[0] === stride[1] ? `${stride[0]}` : `(${stride.join(", ")})` }), poolHtml(explanation.pool, setup, context)));
  } else {
    parts.push(note(t("step.noPool")));
  }
  if (result.loss) {
    parts.push(section("part", stage("step.stage.loss", { formula: t(LOSS_FORMULA[result.loss.loss]) }), lossHtml(explanation, context)));
    parts.push(section("part", stage("step.stage.gradOutput"), gradOutputHtml(explanation, context)));
  } else if (result.backward) {
    parts.push(section("part", stage("step.stage.gradGiven"), figures(...mapGrids(result.backward.gradOutput, "∂L/∂y", context))));
  }
  if (result.backward === undefined) {
    parts.push(note(t("step.forwardOnly")));
    return { title: t("step.title", { chain: stepChainText(setup, t) }), body: join(parts) };
  }
  if (explanation.pool?.backward) parts.push(section("part", stage("step.stage.poolBackward"), poolBackwardHtml(explanation.pool, explanation.pool.backward, setup, context)));
  if (setup.activation === "none") parts.push(note(t("step.deltaIsUpstream")));
  else parts.push(section("part", stage(`step.stage.${setup.activation}Backward`), deltaHtml(explanation, context)));
  // The conv explanation has its backward pass whenever the step has one.
  if (explanation.conv.backward) parts.push(section("part", stage("step.stage.convBackward"), convBackwardHtml(explanation.conv, explanation.conv.backward, context)));
  if (explanation.update) parts.push(section("part", stage("step.stage.update", { lr: formatNumber(explanation.update.lr) }), updateHtml(explanation, context)));
  return { title: t("step.title", { chain: stepChainText(setup, t) }), body: join(parts) };
}

function activationHtml(explanation: StepExplanation, context: Context): Markup {
  const { setup, activation, localDerivative } = explanation.result;
  const { t } = context;
  const name = mi(ACTIVATION_NAMES[setup.activation]);
  const lines = explanation.activation.map((cell) => {
    const sides = [symbolAt("h", setup, cell.at), mrow(name, fenced(symbolAt("s", setup, cell.at))), mrow(name, fenced(mn(cell.preActivation))), valueOf(setup, cell.activation)];
    return cell.blocked ? lineWithNote(`(${t("step.relu.blocked")})`, ...sides) : line(...sides);
  });
  const show = (value: number) => (setup.activation === "relu" ? formatNumber(value) : formatSignificant(value));
  const grids = mapGrids(activation, t("step.activationGrid"), context, undefined, show);
  if (setup.activation === "relu") grids.push(...mapGrids(localDerivative, t("step.reluMask"), context, (row, col, map) => (rowsOf(localDerivative, map)[row][col] === 1 ? ["routed"] : [])));
  return join([...lines, figures(...grids)]);
}

function poolMap(pool: PoolExplanation, channel: number, row: number, col: number): number[] {
  return pool.setup.inputShape.length === 3 ? [channel, row, col] : [row, col];
}

function poolHtml(pool: PoolExplanation, setup: StepSetup, context: Context): Markup {
  const { t } = context;
  const parts: Markup[] = [];
  if (pool.overlap) parts.push(note(t("step.pool.overlap", pool.overlap)));
  for (const window of pool.windows) {
    const y = symbolAt("y", setup, poolMap(pool, window.channel, window.row, window.col));
    const symbols = window.cells.map((cell) => symbolAt("h", setup, poolMap(pool, window.channel, cell.row, cell.col)));
    if (window.kind === "max") {
      const numbers = window.cells.map((cell) => (cell === window.chosen ? highlighted(valueOf(setup, cell.value), "chosen") : valueOf(setup, cell.value)));
      parts.push(line(y, mrow(mi("max"), fenced(joined(symbols, ","))), mrow(mi("max"), fenced(joined(numbers, ","))), valueOf(setup, window.value)));
      if (window.tiedWith.length > 0) parts.push(note(t("step.pool.tieNote")));
    } else {
      parts.push(line(y, frac(joined(symbols, "+"), mn(window.divisor)), frac(joined(window.cells.map((cell) => factor(cell.value)), "+"), mn(window.divisor)), frac(mn(window.sum), mn(window.divisor)), valueOf(setup, window.value)));
    }
  }
  const chosen = (row: number, col: number, map: number) => pool.windows.some((w) => w.kind === "max" && w.channel === map && w.chosen.row === row && w.chosen.col === col);
  const inputGrids = mapGrids(pooledMap(pool), t("step.activationGrid"), context, (row, col, map) => (chosen(row, col, map) ? ["max"] : []));
  parts.push(figures(...inputGrids, ...mapGrids(pool.output, t("step.outputGrid"), context)));
  if (pool.setup.type === "max") parts.push(legend([{ mark: "max", label: t("html.legend.max") }]));
  return join(parts);
}

/** The pooled map h as the pool saw it. */
function pooledMap(pool: PoolExplanation): Tensor {
  return { shape: pool.setup.inputShape, data: pool.setup.input };
}

function lossHtml(explanation: StepExplanation, context: Context): Markup {
  const { result } = explanation;
  const loss = result.loss!;
  const { t } = context;
  const cells = explanation.loss;
  const scaleOf = (inner: MathPart) => (loss.loss === "half-sse" ? mrow(frac(mn(1), mn(2)), fenced(inner, "[", "]")) : loss.loss === "sse" ? inner : frac(inner, mn(cells.length)));
  const symbols = joined(cells.map((cell) => sup(fenced(mrow(symbolAt("y", result.setup, cell.at), mo("−"), symbolAt("t", result.setup, cell.at))), mn(2))), "+");
  const numbers = joined(cells.map((cell) => sup(fenced(mrow(mn(cell.output), mo("−"), factor(cell.target))), mn(2))), "+");
  const squares = joined(cells.map((cell) => mn(cell.square)), "+");
  const grids = figures(...mapGrids(result.output, t("step.outputGrid"), context), ...mapGrids(result.setup.target!, t("step.targetGrid"), context));
  const parts = [grids, line(mi("L"), scaleOf(symbols), scaleOf(numbers), scaleOf(squares), mn(loss.value))];
  if (loss.loss === "mse") parts.push(note(t("step.loss.countNote", { count: cells.length })));
  return join(parts);
}

function gradOutputHtml(explanation: StepExplanation, context: Context): Markup {
  const { result } = explanation;
  const loss = result.loss!.loss;
  const count = explanation.loss.length;
  const lines = explanation.loss.map((cell) => {
    const y = symbolAt("y", result.setup, cell.at);
    const difference = (a: MathPart, b: MathPart) => mrow(a, mo("−"), b);
    const symbolic = difference(y, symbolAt("t", result.setup, cell.at));
    const numeric = difference(mn(cell.output), factor(cell.target));
    if (loss === "half-sse") return line(derivative(y), symbolic, numeric, mn(cell.gradOutput));
    if (loss === "sse") return line(derivative(y), times(mn(2), fenced(symbolic)), times(mn(2), fenced(numeric)), mn(cell.gradOutput));
    return line(derivative(y), frac(times(mn(2), fenced(symbolic)), mi("N")), frac(times(mn(2), fenced(numeric)), mn(count)), mn(cell.gradOutput));
  });
  return join([...lines, figures(...mapGrids(result.backward!.gradOutput, context.t("step.label.gradOutput"), context))]);
}

function poolBackwardHtml(pool: PoolExplanation, backward: NonNullable<PoolExplanation["backward"]>, setup: StepSetup, context: Context): Markup {
  const { t } = context;
  const { height: H, width: W } = pool.setup;
  const parts: Markup[] = [paragraph(t(pool.type === "max" ? "step.route.max" : "step.route.avg"))];
  let silent = 0;
  for (const cell of backward.cells) {
    if (cell.terms.length === 0) {
      silent++;
      continue;
    }
    const label = derivative(symbolAt("h", setup, poolMap(pool, cell.channel, cell.row, cell.col)));
    const share = (part: MathPart, divisor: number | undefined) => (divisor === undefined ? part : frac(part, mn(divisor)));
    const symbols = joined(cell.terms.map((term) => share(derivative(symbolAt("y", setup, poolMap(pool, cell.channel, term.outRow, term.outCol))), term.divisor)), "+");
    const numbers = joined(cell.terms.map((term) => share(factor(term.grad), term.divisor)), "+");
    const worked = cell.terms.length > 1 || cell.terms[0].divisor !== undefined;
    parts.push(worked ? line(label, symbols, numbers, mn(cell.value)) : line(label, symbols, mn(cell.value)));
  }
  if (silent > 0) parts.push(note(t(pool.type === "max" ? "step.route.zero" : "step.route.unread")));
  const receives = (row: number, col: number, map: number): CellMark[] => routedMarks(backward.cells, map, H, W)(row, col);
  parts.push(figures(...mapGrids(backward.grad, t("step.label.gradOutput"), context), ...mapGrids(backward.gradInput, t("step.label.gradActivation"), context, receives)));
  parts.push(legend([{ mark: "routed", label: t("html.legend.routed") }]));
  return join(parts);
}

function deltaLine(cell: ActivationCell, setup: StepSetup, context: Context): Markup {
  const delta = symbolAt("δ", setup, cell.at);
  const upstream = derivative(symbolAt("h", setup, cell.at));
  const s = symbolAt("s", setup, cell.at);
  const h = symbolAt("h", setup, cell.at);
  const up = factor(cell.upstream!);
  const value = valueOf(setup, cell.delta!);
  switch (setup.activation) {
    case "relu": {
      const sides = [delta, times(upstream, mrow(mi("ReLU′"), fenced(s))), times(up, mn(cell.localDerivative)), value];
      // The telling case: a gradient arrived and ReLU stopped it.
      if (cell.blocked && cell.upstream !== 0) return lineWithNote(context.t("step.reluZeroed", { cell: `s${cell.at.slice(-2).map((i) => i + 1).join("")}`, value: formatNumber(cell.preActivation) }), ...sides);
      return line(...sides);
    }
    case "sigmoid":
      return line(delta, times(upstream, mrow(h, fenced(mrow(mn(1), mo("−"), h)))), times(up, valueOf(setup, cell.localDerivative)), value);
    case "tanh":
      return line(delta, times(upstream, fenced(mrow(mn(1), mo("−"), sup(h, mn(2))))), times(up, valueOf(setup, cell.localDerivative)), value);
    case "none":
      return line(delta, upstream, value);
  }
}

function deltaHtml(explanation: StepExplanation, context: Context): Markup {
  const { setup, backward } = explanation.result;
  const show = (value: number) => (setup.activation === "relu" ? formatNumber(value) : formatSignificant(value));
  return join([...explanation.activation.map((cell) => deltaLine(cell, setup, context)), figures(...mapGrids(backward!.gradPreActivation, context.t("step.deltaGrid"), context, undefined, show))]);
}

function updateHtml(explanation: StepExplanation, context: Context): Markup {
  const update = explanation.update!;
  const { setup } = explanation.result;
  const conv = setup.conv;
  const eta = mi("η");
  const weight = (at: readonly number[], letter: string) => cellSymbol(letter, weightGroup(conv, at), at[at.length - 2], at[at.length - 1]);
  const lines = update.kernel.map((term) => line(weight(term.at, "w′"), mrow(weight(term.at, "w"), mo("−"), times(eta, derivative(weight(term.at, "w")))), mrow(mn(term.value), mo("−"), times(mn(update.lr), factor(term.grad))), mn(term.updated)));
  for (const term of update.bias) {
    const b = conv.isBank ? indexed("b", term.at[0] + 1) : mi("b");
    const bPrime = conv.isBank ? indexed("b′", term.at[0] + 1) : mi("b′");
    lines.push(line(bPrime, mrow(b, mo("−"), times(eta, derivative(b))), mrow(mn(term.value), mo("−"), times(mn(update.lr), factor(term.grad))), mn(term.updated)));
  }
  const kernel = explanation.result.update!.updatedKernel;
  const [kh, kw] = kernel.shape.slice(-2);
  const planes = kernel.data.length / (kh * kw);
  const grids = Array.from({ length: planes }, (_, index) => grid(rowsOf({ shape: [planes, kh, kw], data: kernel.data }, index), { caption: `${context.t("step.updatedKernel")}${planes > 1 ? ` ${index + 1}` : ""}` }));
  return join([...lines, figures(...grids)]);
}

/** Inputs too large to work out cell by cell: each stage's tensor summarised. */
export function stepSummaryHtml(result: StepResult, context: Context): HtmlAnswer {
  const { t } = context;
  const { tensors, lines } = stepSummaryParts(result, t);
  return {
    title: t("step.title", { chain: stepChainText(result.setup, t) }),
    body: join([paragraph(t("step.shapes", { shapes: stepShapesText(result) })), summaryHtml(tensors, t), ...lines.map((text) => paragraph(text)), note(t("step.bigHint"))]),
  };
}
