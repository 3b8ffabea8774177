/** Human output of `cnn-drill conv`: the worked answer as an exam expects it. */
import type { TextContext } from "../../render/context.js";
import type { Key } from "./messages.js";
import type { ConvSetup } from "../../engine/conv2d.js";
import { effectiveKernel } from "../../engine/geometry.js";
import { plane, rowsOf, type Tensor } from "../../engine/tensor.js";
import type { ConvBackwardExplanation, ConvExplanation, ForwardCell, GradInputCell, GradKernelCell } from "./explain.js";
import type { Translate } from "../../i18n/index.js";
import type { Palette } from "../../render/colour.js";
import { gridLines } from "../../render/grid.js";
import { cellLabel, pairText } from "../../render/labels.js";
import { arrangeBlocks, type Block } from "../../render/layout.js";
import { formatFactor, formatNumber } from "../../render/number.js";
import { summaryLines, type LabelledTensor } from "../../render/summary.js";

// The worked-or-summarised decision is explain's; index.ts (and step) import it from here until they import explain.js.

export function renderConvText(explanation: ConvExplanation, context: TextContext<Key>): string {
  const { setup } = explanation;
  const { t, palette } = context;
  const lines: string[] = [palette.heading(t(setup.mode === "conv" ? "conv.title.conv" : "conv.title.corr")), ""];
  // A backward problem asks for gradients: they open the answer, worked out further down.
  if (explanation.backward) lines.push(...answerLines(explanation, explanation.backward, context), "");
  lines.push(...convForwardLines(explanation, context));
  if (explanation.backward) lines.push("", ...convBackwardLines(explanation, explanation.backward, context));
  return `${lines.join("\n")}\n`;
}

/** The forward pass without its title: settings, the pictures and each output cell's sum (the training step reuses it). */
export function convForwardLines(explanation: ConvExplanation, context: TextContext<Key>): string[] {
  const { setup } = explanation;
  const { t, palette } = context;
  const lines: string[] = [];
  lines.push(...settingLines(setup, context), "");
  lines.push(...arrangeBlocks([...inputBlocks(explanation, context), ...kernelBlocks(explanation, context), ...outputBlocks(explanation.output, setup, context)]));
  // Colour marks the first window; say so, since without this line the colour would mean nothing in words.
  if (palette.enabled) lines.push(palette.dim(t("conv.highlightNote")));
  lines.push("");

  lines.push(palette.heading(t("conv.cells")));
  for (const cell of explanation.cells) lines.push(...forwardCellLines(cell, setup, context));
  if (explanation.cells.some((cell) => cell.paddingTaps > 0)) lines.push(palette.dim(`(${t("conv.paddingOmitted")})`));
  return lines;
}

/** The gradients first, each with its formula, then "worked out below". */
function answerLines(explanation: ConvExplanation, backward: ConvBackwardExplanation, context: TextContext<Key>): string[] {
  const { setup } = explanation;
  const { t, palette } = context;
  const strided = backward.strideDilated !== undefined;
  const lines = [palette.heading(t("conv.answers"))];
  lines.push(t(strided ? "conv.answerFormulasStrided" : "conv.answerFormulas"));
  const blocks = [
    ...tensorBlocks(backward.gradients.gradInput, t("conv.label.gradInput"), setup.channels, (c) => t("conv.channel", { c }), palette),
    ...gradKernelBlocks(explanation, backward, context),
  ];
  lines.push(...arrangeBlocks(blocks));
  for (const { filter, value } of backward.gradBiasCells) lines.push(`∂L/∂b${setup.isBank ? filter + 1 : ""} = Σ δ = ${palette.result(formatNumber(value))}`);
  return lines;
}

function gradKernelBlocks(explanation: ConvExplanation, backward: ConvBackwardExplanation, { t, palette }: TextContext<Key>): Block[] {
  const { setup } = explanation;
  const { filters, channels, kernelHeight: kh, kernelWidth: kw } = setup;
  const gradKernel = backward.gradients.gradKernel;
  const blocks: Block[] = [];
  for (let index = 0; index < filters * channels; index++) {
    blocks.push({
      title: `${t("conv.label.gradKernel")}${groupSuffix(setup, Math.floor(index / channels), index % channels, t)}`,
      lines: gridLines(rowsOf({ shape: [filters * channels, kh, kw], data: gradKernel.data }, index), { style: (text) => palette.result(text) }),
    });
  }
  return blocks;
}

function settingLines(setup: ConvSetup, { t, palette }: TextContext<Key>): string[] {
  const { padding } = setup;
  const symmetric = padding.top === padding.bottom && padding.left === padding.right;
  const paddingText = symmetric ? pairText([padding.top, padding.left]) : t("conv.paddingSides", { ...padding });
  const lines = [t("conv.settings", { stride: pairText(setup.stride), padding: paddingText, dilation: pairText(setup.dilation) })];
  const axes = [
    { axis: t("conv.axis.height"), n: setup.height, before: padding.top, after: padding.bottom, k: setup.kernelHeight, d: setup.dilation[0], s: setup.stride[0], out: setup.outputHeight },
    { axis: t("conv.axis.width"), n: setup.width, before: padding.left, after: padding.right, k: setup.kernelWidth, d: setup.dilation[1], s: setup.stride[1], out: setup.outputWidth },
  ];
  for (const a of axes) {
    const span = effectiveKernel(a.k, a.d);
    // One formula style with pool's: ⌊(n + 2·p − k̂)/s⌋ + 1 (uneven `same` padding shows both sides).
    const pad = a.before === a.after ? `2·${a.before}` : `${a.before} + ${a.after}`;
    lines.push(`  ${t("conv.outputSizeLine", { axis: a.axis, n: a.n, pad, span, s: a.s, out: palette.result(String(a.out)) })}`);
    if (a.d > 1) lines.push(palette.dim(`    ${t("conv.spanNote", { d: a.d, k: a.k, span })}`));
  }
  return lines;
}

/** The input, with padding shown as · and the first output cell's window highlighted. */
function inputBlocks(explanation: ConvExplanation, { t, palette }: TextContext<Key>): Block[] {
  const { padding, channels } = explanation.setup;
  const padded = padding.top + padding.bottom + padding.left + padding.right > 0;
  return explanation.paddedInputs.map((plane) => ({
    title: `${t(padded ? "conv.paddedInput" : "conv.input")}${channels > 1 ? ` — ${t("conv.channel", { c: plane.channel + 1 })}` : ""}`,
    lines: gridLines(plane.values, {
      text: (value, u, v) => (plane.isPadding[u][v] ? "·" : formatNumber(value)),
      style: (text, u, v) => (plane.inFirstWindow[u][v] ? palette.highlight(text) : plane.isPadding[u][v] ? palette.dim(text) : text),
    }),
  }));
}

function kernelBlocks(explanation: ConvExplanation, { t, palette }: TextContext<Key>): Block[] {
  const { setup } = explanation;
  const blocks: Block[] = [];
  for (const kernel of explanation.kernels) {
    const group = groupSuffix(setup, kernel.filter, kernel.channel, t);
    if (setup.mode === "conv") {
      blocks.push({ title: `${t("conv.kernel")}${group}`, lines: gridLines(kernel.given) });
      blocks.push({ title: `${t("conv.rotatedKernel")}${group}`, lines: gridLines(kernel.applied, { style: (text) => palette.highlight(text) }) });
    } else {
      blocks.push({ title: `${t("conv.kernel")}${group}`, lines: gridLines(kernel.given, { style: (text) => palette.highlight(text) }) });
    }
  }
  return blocks;
}

function groupSuffix(setup: ConvSetup, filter: number, channel: number, t: Translate<Key>): string {
  const parts: string[] = [];
  if (setup.filters > 1) parts.push(t("conv.filter", { o: filter + 1 }));
  if (setup.channels > 1) parts.push(t("conv.channel", { c: channel + 1 }));
  return parts.length > 0 ? ` — ${parts.join(", ")}` : "";
}

function outputBlocks(output: Tensor, setup: ConvSetup, { t, palette }: TextContext<Key>): Block[] {
  const blocks: Block[] = [];
  for (let o = 0; o < setup.filters; o++) {
    const title = `${t("conv.output")}${setup.filters > 1 ? ` — ${t("conv.filter", { o: o + 1 })}` : ""}`;
    blocks.push({ title, lines: gridLines(rowsOf(output, o), { style: (text) => palette.result(text) }) });
  }
  return blocks;
}

function inputGroup(setup: ConvSetup, channel: number): number[] {
  return setup.channels > 1 ? [channel] : [];
}

function kernelGroup(setup: ConvSetup, filter: number, channel: number): number[] {
  if (setup.filters > 1) return setup.channels > 1 ? [filter, channel] : [filter];
  return setup.channels > 1 ? [channel] : [];
}

function outputGroup(setup: ConvSetup, filter: number): number[] {
  return setup.filters > 1 ? [filter] : [];
}

/** `s11 = a11·w11 + … + b` on one line, the same with numbers on the next, then `= value`. */
function sumLines(label: string, symbols: string[], numbers: string[], value: number, palette: Palette): string[] {
  const result = palette.result(formatNumber(value));
  if (symbols.length === 0) return [`${label} = ${result}`];
  const indent = " ".repeat(label.length);
  return [`${label} = ${symbols.join(" + ")}`, `${indent} = ${numbers.join(" + ")} = ${result}`];
}

function forwardCellLines(cell: ForwardCell, setup: ConvSetup, { palette }: TextContext<Key>): string[] {
  const label = cellLabel("s", outputGroup(setup, cell.filter), cell.row, cell.col);
  const symbols = cell.terms.map((term) =>
    `${cellLabel("a", inputGroup(setup, term.channel), term.row, term.col)}·${cellLabel("w", kernelGroup(setup, cell.filter, term.channel), term.kernelRow, term.kernelCol)}`);
  const numbers = cell.terms.map((term) => `${formatFactor(term.input)}·${formatFactor(term.weight)}`);
  if (cell.bias !== 0 || setup.isBank) {
    symbols.push(setup.isBank ? `b${cell.filter + 1}` : "b");
    numbers.push(formatFactor(cell.bias));
  }
  return sumLines(label, symbols, numbers, cell.value, palette);
}

/** The backward pass from δ: ∂L/∂a through the rotated kernel, ∂L/∂w and ∂L/∂b, each cell as a sum. */
export function convBackwardLines(explanation: ConvExplanation, backward: ConvBackwardExplanation, context: TextContext<Key>, { heading = true } = {}): string[] {
  const { setup } = explanation;
  const { t, palette } = context;
  const lines: string[] = heading ? [palette.heading(t("conv.backward")), ""] : [];

  const strided = backward.strideDilated !== undefined;
  const zeros = pairText([setup.stride[0] - 1, setup.stride[1] - 1]);
  // Rows/columns no window reads: their input gradient is 0 (said once, before both gradients).
  for (const leftover of backward.leftovers) {
    lines.push(palette.dim(t(leftover.axis === "height" ? "conv.leftoverRows" : "conv.leftoverColumns", { span: leftover.span, s: leftover.stride, count: leftover.count })));
  }
  if (backward.leftovers.length > 0) lines.push("");

  // ∂L/∂a: prepared δ next to the rotated kernel, the result, then each cell's sum.
  lines.push(palette.heading(t(strided ? "conv.gradInputStrided" : "conv.gradInput")));
  const [offsetH, offsetW] = backward.prepared[0].offset;
  const pad = pairText([offsetH, offsetW]);
  const note = offsetH < 0 || offsetW < 0 ? t("conv.preparedGradCropped") : strided ? t("conv.preparedGrad", { zeros, pad }) : t("conv.preparedGradStride1", { pad });
  lines.push(palette.dim(note));
  if (setup.dilation[0] > 1 || setup.dilation[1] > 1) lines.push(palette.dim(t("conv.gradInputDilated", { d: pairText(setup.dilation) })));
  if (setup.mode === "conv") lines.push(palette.dim(t("conv.gradInputConvNote")));
  const blocks: Block[] = [];
  for (let o = 0; o < setup.filters; o++) {
    const grad = backward.grad;
    blocks.push({ title: `${t("conv.grad")}${setup.filters > 1 ? ` — ${t("conv.filter", { o: o + 1 })}` : ""}`, lines: gridLines(rowsOf(grad, o)) });
  }
  for (const prepared of backward.prepared) {
    blocks.push({
      title: `δ′${setup.filters > 1 ? ` — ${t("conv.filter", { o: prepared.filter + 1 })}` : ""}`,
      lines: gridLines(prepared.values, {
        text: (value, u, v) => (prepared.isEntry[u][v] ? formatNumber(value) : "·"),
        style: (text, u, v) => (prepared.isEntry[u][v] ? text : palette.dim(text)),
      }),
    });
  }
  for (const kernel of explanation.kernels) {
    blocks.push({ title: `rot180${setup.mode === "conv" ? "(rot180(w))" : "(w)"}${groupSuffix(setup, kernel.filter, kernel.channel, t)}`, lines: gridLines(kernel.backward, { style: (text) => palette.highlight(text) }) });
  }
  const { filters, channels } = setup;
  lines.push(...arrangeBlocks(blocks), "");
  lines.push(...arrangeBlocks(tensorBlocks(backward.gradients.gradInput, t("conv.label.gradInput"), channels, (c) => t("conv.channel", { c }), palette)), "");
  lines.push(t("conv.gradInputCells"));
  for (const cell of backward.gradInputCells) lines.push(...gradInputCellLines(cell, setup, context));
  lines.push("");

  // ∂L/∂w: with a stride, the correlation is with δ dilated by the stride (shown beside the result).
  lines.push(palette.heading(t(strided ? "conv.gradKernelStrided" : "conv.gradKernel")));
  if (setup.dilation[0] > 1 || setup.dilation[1] > 1) lines.push(palette.dim(t("conv.gradKernelDilated", { d: pairText(setup.dilation) })));
  if (setup.mode === "conv") lines.push(palette.dim(t("conv.gradKernelConvNote")));
  const dilatedBlocks: Block[] = (backward.strideDilated ?? []).map((dilated) => ({
    title: `${t("conv.strideDilatedGrad", { zeros })}${filters > 1 ? ` — ${t("conv.filter", { o: dilated.filter + 1 })}` : ""}`,
    lines: gridLines(dilated.values, {
      text: (value, u, v) => (dilated.isEntry[u][v] ? formatNumber(value) : "·"),
      style: (text, u, v) => (dilated.isEntry[u][v] ? text : palette.dim(text)),
    }),
  }));
  lines.push(...arrangeBlocks([...dilatedBlocks, ...gradKernelBlocks(explanation, backward, context)]), "");
  for (const cell of backward.gradKernelCells) lines.push(...gradKernelCellLines(cell, setup, context));
  lines.push("");

  // ∂L/∂b
  lines.push(palette.heading(t("conv.gradBias")));
  for (const { filter, terms, value } of backward.gradBiasCells) {
    const symbols = terms.map((term) => cellLabel("δ", outputGroup(setup, filter), term.row, term.col));
    const numbers = terms.map((term) => formatFactor(term.grad));
    lines.push(...sumLines(`∂L/∂b${setup.isBank ? filter + 1 : ""}`, symbols, numbers, value, palette));
  }
  return lines;
}

/** A (height, width) pair: one number when both agree, else "(h, w)". */

function tensorBlocks(t: Tensor, title: string, channels: number, channelName: (c: number) => string, palette: Palette): Block[] {
  const blocks: Block[] = [];
  for (let c = 0; c < channels; c++) {
    blocks.push({ title: `${title}${channels > 1 ? ` — ${channelName(c + 1)}` : ""}`, lines: gridLines(rowsOf(t.shape.length === 2 ? t : plane(t, c)), { style: (text) => palette.result(text) }) });
  }
  return blocks;
}

function gradInputCellLines(cell: GradInputCell, setup: ConvSetup, { t, palette }: TextContext<Key>): string[] {
  const label = `∂L/∂${cellLabel("a", inputGroup(setup, cell.channel), cell.row, cell.col)}`;
  if (cell.terms.length === 0) return [`${label} = ${palette.result("0")}  ${palette.dim(`(${t("conv.unreached")})`)}`];
  const symbols = cell.terms.map((term) =>
    `${cellLabel("δ", outputGroup(setup, term.filter), term.gradRow, term.gradCol)}·${cellLabel("w", kernelGroup(setup, term.filter, cell.channel), term.kernelRow, term.kernelCol)}`);
  const numbers = cell.terms.map((term) => `${formatFactor(term.grad)}·${formatFactor(term.weight)}`);
  return sumLines(label, symbols, numbers, cell.value, palette);
}

function gradKernelCellLines(cell: GradKernelCell, setup: ConvSetup, { palette }: TextContext<Key>): string[] {
  const label = `∂L/∂${cellLabel("w", kernelGroup(setup, cell.filter, cell.channel), cell.kernelRow, cell.kernelCol)}`;
  const symbols = cell.terms.map((term) =>
    `${cellLabel("δ", outputGroup(setup, cell.filter), term.gradRow, term.gradCol)}·${cellLabel("a", inputGroup(setup, cell.channel), term.row, term.col)}`);
  const numbers = cell.terms.map((term) => `${formatFactor(term.grad)}·${formatFactor(term.input)}`);
  return sumLines(label, symbols, numbers, cell.value, palette);
}

/** Summary for inputs too large to work out cell by cell. */
export function renderConvSummary(setup: ConvSetup, results: LabelledTensor[], { t, palette }: TextContext<Key>): string {
  const lines = [palette.heading(t(setup.mode === "conv" ? "conv.title.conv" : "conv.title.corr")), ""];
  lines.push(...settingLines(setup, { t, palette }), "");
  lines.push(...summaryLines(results, t));
  lines.push("", palette.warn(t("conv.bigHint")));
  return `${lines.join("\n")}\n`;
}
