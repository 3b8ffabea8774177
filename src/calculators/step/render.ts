/** Human output of `cnn-drill step`: the training step in exam order, every stage with its numbers. */
import { shapeText } from "../../engine/conv2d.js";
import type { ConvSetup } from "../../engine/conv2d.js";
import type { ActivationCell, StepResult, StepSetup } from "../../engine/step.js";
import { rowsOf, type Tensor } from "../../engine/tensor.js";
import { receivesGradient } from "../../engine/routing.js";
import type { Translate } from "../../i18n/index.js";
import type { TextContext } from "../../render/context.js";
import { gridLines, markedCellOptions } from "../../render/grid.js";
import { cellLabel, pairText } from "../../render/labels.js";
import { arrangeBlocks, type Block } from "../../render/layout.js";
import { formatFactor, formatNumber, formatSignificant } from "../../render/number.js";
import { summaryLines, type LabelledTensor } from "../../render/summary.js";
import { convBackwardLines, convForwardLines } from "../conv/render.js";
import type { PoolExplanation } from "../pool/explain.js";
import type { StepExplanation } from "./explain.js";
import type { Key } from "./messages.js";

type Context = TextContext<Key>;

/** `3` or `(2, 3)`: a size or stride pair. */

export const ACTIVATION_NAMES = { none: "", relu: "ReLU", sigmoid: "σ", tanh: "tanh" } as const;

/** The stages in one line: conv → ReLU → max pool 2×2 → L = ½Σ(y − t)² → update (η = 0.1). */
export function stepChainText(setup: StepSetup, t: Translate<Key>): string {
  const parts = [t("step.chain.conv")];
  if (setup.activation !== "none") parts.push(ACTIVATION_NAMES[setup.activation]);
  if (setup.pool) parts.push(t(setup.pool.type === "max" ? "step.chain.maxPool" : "step.chain.avgPool", { size: setup.pool.size.join("×") }));
  if (setup.loss) parts.push(t(LOSS_FORMULA[setup.loss]));
  else if (setup.grad) parts.push(t("step.chain.grad"));
  if (setup.lr !== undefined) parts.push(t("step.chain.update", { lr: formatNumber(setup.lr) }));
  return parts.join(" → ");
}

export const LOSS_FORMULA = { "half-sse": "step.chain.lossHalfSse", sse: "step.chain.lossSse", mse: "step.chain.lossMse" } as const;

export function stepShapesText(result: StepResult): string {
  const { setup } = result;
  const shapes = [`a ${shapeText(setup.conv.inputShape)}`, `s ${shapeText(result.preActivation.shape)}`, `h ${shapeText(result.activation.shape)}`, `y ${shapeText(result.output.shape)}`];
  return shapes.join(" → ");
}

/** The label of a cell of s, h, δ (or of y, ∂L/∂y) at a multi-index: s11, or s[2]11 for filter 2 of a bank. */
function mapLabel(letter: string, setup: StepSetup, at: readonly number[]): string {
  const group = at.length === 3 && setup.conv.filters > 1 ? [at[0]] : [];
  return cellLabel(letter, group, at[at.length - 2], at[at.length - 1]);
}

/** A kernel weight's group as `conv` writes it: none, [channel], [filter] or [filter, channel]. */
export function weightGroup(setup: ConvSetup, at: readonly number[]): number[] {
  const filter = at.length === 4 ? at[0] : 0;
  const channel = at.length >= 3 ? at[at.length - 3] : 0;
  return setup.filters > 1 ? (setup.channels > 1 ? [filter, channel] : [filter]) : setup.channels > 1 ? [channel] : [];
}

/** A kernel weight's label as `conv` writes it: w11, w[2]11 (channel 2), w[1,2]11 (filter 1, channel 2). */
function weightLabel(setup: ConvSetup, at: readonly number[]): string {
  const [m, n] = at.slice(-2);
  return cellLabel("w", weightGroup(setup, at), m, n);
}

/** One grid per map (per filter of a bank), titled. */
function mapBlocks(tensor: Tensor, title: string, { t }: Context, style?: (text: string, row: number, col: number, map: number) => string, text?: (value: number, row: number, col: number, map: number) => string): Block[] {
  const maps = tensor.shape.length === 3 ? tensor.shape[0] : 1;
  return Array.from({ length: maps }, (_, map) => ({
    title: `${title}${maps > 1 ? ` — ${t("conv.filter", { o: map + 1 })}` : ""}`,
    lines: gridLines(rowsOf(tensor, map), {
      text: text === undefined ? undefined : (value, row, col) => text(value, row, col, map),
      style: style === undefined ? undefined : (cell, row, col) => style(cell, row, col, map),
    }),
  }));
}

export function renderStepText(explanation: StepExplanation, context: Context): string {
  const { result } = explanation;
  const { setup } = result;
  const { t, palette } = context;
  let stageNumber = 0;
  const stage = (key: Key, params: Record<string, string | number> = {}) => palette.heading(t(key, { n: ++stageNumber, ...params }));

  const lines = [palette.heading(t("step.title", { chain: stepChainText(setup, t) })), t("step.shapes", { shapes: stepShapesText(result) }), palette.dim(t("step.notation")), ""];
  lines.push(stage("step.stage.forward"), ...convForwardLines(explanation.conv, context), "");
  if (setup.activation === "none") lines.push(palette.dim(t("step.noActivation")), "");
  else lines.push(stage(`step.stage.${setup.activation}`), ...activationLines(explanation, context), "");
  if (explanation.pool) {
    const { size, stride } = explanation.pool.setup;
    lines.push(stage(explanation.pool.type === "max" ? "step.stage.maxPool" : "step.stage.avgPool", { size: size.join("×"), stride: pairText(stride) }), ...poolForwardLines(explanation.pool, setup, context), "");
  } else {
    lines.push(palette.dim(t("step.noPool")), "");
  }

  if (result.loss) {
    lines.push(stage("step.stage.loss", { formula: t(LOSS_FORMULA[result.loss.loss]) }), ...lossLines(explanation, context), "");
    lines.push(stage("step.stage.gradOutput"), ...gradOutputLines(explanation, context), "");
  } else if (result.backward) {
    lines.push(stage("step.stage.gradGiven"), ...arrangeBlocks(mapBlocks(result.backward.gradOutput, "∂L/∂y", context)), "");
  }
  const { backward } = result;
  if (backward === undefined) {
    lines.push(palette.dim(t("step.forwardOnly")));
    return `${lines.join("\n")}\n`;
  }
  if (explanation.pool?.backward) lines.push(stage("step.stage.poolBackward"), ...poolBackwardLines(explanation.pool, explanation.pool.backward, setup, context), "");
  if (setup.activation === "none") lines.push(palette.dim(t("step.deltaIsUpstream")), "");
  else lines.push(stage(`step.stage.${setup.activation}Backward`), ...activationBackwardLines(explanation, context), "");
  // The conv explanation has its backward pass whenever the step has one.
  if (explanation.conv.backward) lines.push(stage("step.stage.convBackward"), "", ...convBackwardLines(explanation.conv, explanation.conv.backward, context, { heading: false }));
  if (explanation.update) lines.push("", stage("step.stage.update", { lr: formatNumber(explanation.update.lr) }), ...updateLines(explanation, context));
  return `${lines.join("\n")}\n`;
}

/** `= 0.5`, or `≈ 0.6225` for a rounded value: the sign before a result says whether it is exact. */
function equalsResult(text: string, palette: Context["palette"]): string {
  return text.startsWith("≈") ? `≈ ${palette.result(text.slice(1))}` : `= ${palette.result(text)}`;
}

/** σ and tanh values are rarely exact: 4 significant digits, marked ≈; ReLU's are exact as they are. */
function activationNumber(setup: StepSetup): (value: number) => string {
  return setup.activation === "sigmoid" || setup.activation === "tanh" ? formatSignificant : formatNumber;
}

function activationLines(explanation: StepExplanation, context: Context): string[] {
  const { t, palette } = context;
  const { setup } = explanation.result;
  const name = ACTIVATION_NAMES[setup.activation];
  const show = activationNumber(setup);
  const lines = explanation.activation.map((cell) => {
    const s = mapLabel("s", setup, cell.at);
    const note = cell.blocked ? palette.dim(`  (${t("step.relu.blocked")})`) : "";
    return `${mapLabel("h", setup, cell.at)} = ${name}(${s}) = ${name}(${formatNumber(cell.preActivation)}) ${equalsResult(show(cell.activation), palette)}${note}`;
  });
  const { activation, localDerivative } = explanation.result;
  const blocks = mapBlocks(activation, t("step.activationGrid"), context, (text) => palette.result(text), (value) => show(value));
  if (setup.activation === "relu") blocks.push(...mapBlocks(localDerivative, t("step.reluMask"), context, (text) => (text === "1" ? palette.highlight(text) : palette.dim(text))));
  lines.push("", ...arrangeBlocks(blocks));
  return lines;
}

function poolForwardLines(pool: PoolExplanation, setup: StepSetup, context: Context): string[] {
  const { t, palette } = context;
  const show = activationNumber(setup);
  const lines: string[] = [];
  if (pool.overlap) lines.push(palette.warn(t("step.pool.overlap", pool.overlap)));
  const mapOf = (channel: number, row: number, col: number) => (pool.setup.inputShape.length === 3 ? [channel, row, col] : [row, col]);
  for (const window of pool.windows) {
    const y = mapLabel("y", setup, mapOf(window.channel, window.row, window.col));
    const symbols = window.cells.map((cell) => mapLabel("h", setup, mapOf(window.channel, cell.row, cell.col)));
    if (window.kind === "max") {
      const numbers = window.cells.map((cell) => (cell === window.chosen ? palette.highlight(`[${show(cell.value)}]`) : show(cell.value)));
      const chosen = mapLabel("h", setup, mapOf(window.channel, window.chosen.row, window.chosen.col));
      lines.push(`${y} = max(${symbols.join(", ")}) = max(${numbers.join(", ")}) ${equalsResult(show(window.value), palette)}  ${t("pool.chosenAt", { cell: chosen })}`);
      if (window.tiedWith.length > 0) {
        const cells = [window.chosen, ...window.tiedWith].map((cell) => mapLabel("h", setup, mapOf(window.channel, cell.row, cell.col))).join(" = ");
        lines.push(palette.warn(`    ${t("pool.tie", { cells, value: show(window.chosen.value), first: chosen })}`));
      }
    } else {
      const numbers = window.cells.map((cell) => formatFactor(cell.value));
      lines.push(`${y} = (${symbols.join(" + ")}) / ${window.divisor} = (${numbers.join(" + ")}) / ${window.divisor} = ${show(window.sum).replace(/^≈/, "")} / ${window.divisor} ${equalsResult(show(window.value), palette)}`);
    }
  }
  lines.push("", ...arrangeBlocks(mapBlocks(pool.output, t("step.outputGrid"), context, (text) => palette.result(text), (value) => show(value))));
  return lines;
}

function lossLines(explanation: StepExplanation, context: Context): string[] {
  const { t, palette } = context;
  const { result } = explanation;
  const loss = result.loss!;
  const cells = explanation.loss;
  const symbols = cells.map((cell) => `(${mapLabel("y", result.setup, cell.at)} − ${mapLabel("t", result.setup, cell.at)})²`);
  const numbers = cells.map((cell) => `(${formatNumber(cell.output)} − ${formatFactor(cell.target)})²`);
  const squares = cells.map((cell) => formatNumber(cell.square));
  const { sumOfSquares } = explanation;
  const wrap = (terms: string[]) => {
    const sum = terms.join(" + ");
    return loss.loss === "half-sse" ? `½[${sum}]` : loss.loss === "sse" ? sum : `[${sum}] / ${cells.length}`;
  };
  const lastStep = loss.loss === "half-sse" ? `½·${formatNumber(sumOfSquares)}` : loss.loss === "sse" ? formatNumber(sumOfSquares) : `${formatNumber(sumOfSquares)} / ${cells.length}`;
  const blocks = [...mapBlocks(result.output, t("step.outputGrid"), context), ...mapBlocks(result.setup.target!, t("step.targetGrid"), context)];
  const lines = [...arrangeBlocks(blocks), ""];
  lines.push(`L = ${wrap(symbols)}`, `  = ${wrap(numbers)}`);
  // One line per step only when it shows something new: a single 1-cell sse loss is already its value.
  if (cells.length > 1) lines.push(`  = ${wrap(squares)}`);
  lines.push(`  = ${lastStep} = ${palette.result(formatNumber(loss.value))}`);
  if (loss.loss === "mse") lines.push(palette.dim(t("step.loss.countNote", { count: cells.length })));
  return lines;
}

function gradOutputLines(explanation: StepExplanation, context: Context): string[] {
  const { palette, t } = context;
  const { result } = explanation;
  const loss = result.loss!.loss;
  const count = explanation.loss.length;
  const lines = explanation.loss.map((cell) => {
    const y = mapLabel("y", result.setup, cell.at);
    const target = mapLabel("t", result.setup, cell.at);
    const difference = `${formatNumber(cell.output)} − ${formatFactor(cell.target)}`;
    const value = palette.result(formatNumber(cell.gradOutput));
    if (loss === "half-sse") return `∂L/∂${y} = ${y} − ${target} = ${difference} = ${value}`;
    if (loss === "sse") return `∂L/∂${y} = 2(${y} − ${target}) = 2·(${difference}) = ${value}`;
    return `∂L/∂${y} = 2(${y} − ${target}) / N = 2·(${difference}) / ${count} = ${value}`;
  });
  lines.push("", ...arrangeBlocks(mapBlocks(result.backward!.gradOutput, t("step.label.gradOutput"), context, (text) => palette.result(text))));
  return lines;
}

function poolBackwardLines(pool: PoolExplanation, backward: NonNullable<PoolExplanation["backward"]>, setup: StepSetup, context: Context): string[] {
  const { t, palette } = context;
  const mapOf = (channel: number, row: number, col: number) => (pool.setup.inputShape.length === 3 ? [channel, row, col] : [row, col]);
  const { height: H, width: W } = pool.setup;
  const routed = (map: number) => markedCellOptions(receivesGradient(backward.cells, map, H, W), palette, { dimUnmarked: true });
  const blocks = [
    ...mapBlocks(backward.grad, t("step.label.gradOutput"), context),
    ...mapBlocks(backward.gradInput, t("step.gradActivationMarked"), context,
      (text, row, col, map) => routed(map).style(text, row, col),
      (value, row, col, map) => routed(map).text(value, row, col)),
  ];
  const lines = [t(pool.type === "max" ? "step.route.max" : "step.route.avg")];
  let silent = 0;
  for (const cell of backward.cells) {
    if (cell.terms.length === 0) {
      silent++;
      continue;
    }
    const label = `∂L/∂${mapLabel("h", setup, mapOf(cell.channel, cell.row, cell.col))}`;
    const symbols = cell.terms.map((term) => `∂L/∂${mapLabel("y", setup, mapOf(cell.channel, term.outRow, term.outCol))}${term.divisor !== undefined ? `/${term.divisor}` : ""}`);
    const numbers = cell.terms.map((term) => `${formatFactor(term.grad)}${term.divisor !== undefined ? `/${term.divisor}` : ""}`);
    const worked = cell.terms.length > 1 || cell.terms[0].divisor !== undefined ? ` = ${numbers.join(" + ")}` : "";
    lines.push(`${label} = ${symbols.join(" + ")}${worked} = ${palette.result(formatNumber(cell.value))}`);
  }
  if (silent > 0) lines.push(palette.dim(t(pool.type === "max" ? "step.route.zero" : "step.route.unread")));
  lines.push("", ...arrangeBlocks(blocks));
  return lines;
}

function activationBackwardLines(explanation: StepExplanation, context: Context): string[] {
  const { t, palette } = context;
  const { setup } = explanation.result;
  const show = activationNumber(setup);
  const lines: string[] = [];
  for (const cell of explanation.activation) lines.push(...deltaCellLines(cell, setup, context, show));
  const blocks = mapBlocks(explanation.result.backward!.gradPreActivation, t("step.deltaGrid"), context, (text) => palette.result(text), (value) => show(value));
  lines.push("", ...arrangeBlocks(blocks));
  return lines;
}

function deltaCellLines(cell: ActivationCell, setup: StepSetup, { t, palette }: Context, show: (value: number) => string): string[] {
  const delta = `δ${mapLabel("", setup, cell.at)}`;
  const upstream = `∂L/∂${mapLabel("h", setup, cell.at)}`;
  const s = mapLabel("s", setup, cell.at);
  const h = mapLabel("h", setup, cell.at);
  const up = formatFactor(cell.upstream!);
  const value = equalsResult(show(cell.delta!), palette);
  switch (setup.activation) {
    case "relu": {
      const line = `${delta} = ${upstream} · ReLU′(${s}) = ${up} · ${cell.localDerivative} ${value}`;
      // The telling case: a gradient arrived and ReLU stopped it.
      if (cell.blocked && cell.upstream !== 0) return [line, palette.warn(`    ${t("step.reluZeroed", { cell: s, value: formatNumber(cell.preActivation) })}`)];
      return [line];
    }
    case "sigmoid": {
      const hText = show(cell.activation).replace(/^≈/, "");
      return [`${delta} = ${upstream} · ${h}(1 − ${h}) = ${up} · ${hText}·(1 − ${hText}) = ${up} · ${show(cell.localDerivative).replace(/^≈/, "")} ${value}`];
    }
    case "tanh": {
      const hText = formatFactor(Number(show(cell.activation).replace(/^≈/, "")));
      return [`${delta} = ${upstream} · (1 − ${h}²) = ${up} · (1 − ${hText}²) = ${up} · ${show(cell.localDerivative).replace(/^≈/, "")} ${value}`];
    }
    case "none":
      return [];
  }
}

function updateLines(explanation: StepExplanation, context: Context): string[] {
  const { t, palette } = context;
  const update = explanation.update!;
  const { setup } = explanation.result;
  const eta = formatNumber(update.lr);
  const lines = update.kernel.map((term) => {
    const w = weightLabel(setup.conv, term.at);
    const prime = w.replace(/^w/, "w′");
    return `${prime} = ${w} − η·∂L/∂${w} = ${formatNumber(term.value)} − ${eta}·${formatFactor(term.grad)} = ${palette.result(formatNumber(term.updated))}`;
  });
  const bank = setup.conv.isBank;
  for (const term of update.bias) {
    const b = bank ? `b${term.at[0] + 1}` : "b";
    lines.push(`${b.replace(/^b/, "b′")} = ${b} − η·∂L/∂${b} = ${formatNumber(term.value)} − ${eta}·${formatFactor(term.grad)} = ${palette.result(formatNumber(term.updated))}`);
  }
  const kernel = explanation.result.update!.updatedKernel;
  const planes = kernel.shape.length === 2 ? 1 : kernel.shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const [kh, kw] = kernel.shape.slice(-2);
  const blocks: Block[] = Array.from({ length: planes }, (_, index) => {
    const at = kernel.shape.length === 4 ? [Math.floor(index / setup.conv.channels), index % setup.conv.channels, 0, 0] : kernel.shape.length === 3 ? [index, 0, 0] : [0, 0];
    const group = weightLabel(setup.conv, at).slice(1, -2);
    return { title: `${t("step.updatedKernel")}${group}`, lines: gridLines(rowsOf({ shape: [planes, kh, kw], data: kernel.data }, index), { style: (text) => palette.result(text) }) };
  });
  lines.push("", ...arrangeBlocks(blocks));
  return lines;
}

/** What a summary shows of a step too large to work out: each stage's tensor, and the loss and biases as lines. */
export function stepSummaryParts(result: StepResult, t: Translate<Key>): { tensors: LabelledTensor[]; lines: string[] } {
  const tensors: LabelledTensor[] = [
    { label: t("step.label.preActivation"), tensor: result.preActivation },
    { label: t("step.label.activation"), tensor: result.activation },
    { label: t("step.label.output"), tensor: result.output },
  ];
  const { backward, update, loss } = result;
  if (backward) {
    tensors.push(
      { label: t("step.label.gradOutput"), tensor: backward.gradOutput },
      { label: t("step.label.gradActivation"), tensor: backward.gradActivation },
      { label: t("step.label.delta"), tensor: backward.gradPreActivation },
      { label: t("step.label.gradInput"), tensor: backward.conv.gradInput },
      { label: t("step.label.gradKernel"), tensor: backward.conv.gradKernel },
    );
  }
  if (update) tensors.push({ label: t("step.label.updatedKernel"), tensor: update.updatedKernel });
  const lines: string[] = [];
  if (loss) lines.push(`L = ${formatNumber(loss.value)}`);
  if (backward) lines.push(`∂L/∂b = ${[backward.conv.gradBias].flat().map(formatNumber).join(", ")}`);
  if (update) lines.push(`b′ = ${[update.updatedBias].flat().map(formatNumber).join(", ")}`);
  return { tensors, lines };
}

/** Inputs too large to work out cell by cell: each stage's tensor summarised. */
export function renderStepSummary(result: StepResult, context: Context): string {
  const { t, palette } = context;
  const lines = [palette.heading(t("step.title", { chain: stepChainText(result.setup, t) })), t("step.shapes", { shapes: stepShapesText(result) }), ""];
  const { tensors, lines: extra } = stepSummaryParts(result, t);
  lines.push(...summaryLines(tensors, t), ...extra);
  lines.push("", palette.warn(t("step.bigHint")));
  return `${lines.join("\n")}\n`;
}
