/**
 * The typeset worked answer of `cnn-drill conv` (`--html`, the exam's answer key), from the same
 * explanation as render.ts: grids as tables with the first window, the padding and the applied
 * kernel marked, every sum of products and the output sizes in MathML.
 */
import type { ConvSetup } from "../../engine/conv2d.js";
import { effectiveKernel } from "../../engine/geometry.js";
import { rowsOf, type Tensor } from "../../engine/tensor.js";
import { cellSymbol, derivative, note, outputSizeFormula, product, sumFormula, summaryHtml, type HtmlAnswer, type HtmlContext } from "../../render/html-answer.js";
import { factor, figures, grid, heading, indexed, join, legend, mi, mn, paragraph, section, times, type CellMark, type Markup } from "../../render/html.js";
import { formatNumber } from "../../render/number.js";
import type { LabelledTensor } from "../../render/summary.js";
import { pairText } from "../../render/labels.js";
import type { ConvBackwardExplanation, ConvExplanation } from "./explain.js";
import type { Key } from "./messages.js";

type Context = HtmlContext<Key>;

function title(setup: ConvSetup, { t }: Context): string {
  return t(setup.mode === "conv" ? "conv.title.conv" : "conv.title.corr");
}

export function convWorkedHtml(explanation: ConvExplanation, context: Context): HtmlAnswer {
  return { title: title(explanation.setup, context), body: workedBody(explanation, context) };
}

/** Inputs too large to work out cell by cell: the settings and a summary of each result. */
export function convSummaryHtml(setup: ConvSetup, results: readonly LabelledTensor[], context: Context): HtmlAnswer {
  return { title: title(setup, context), body: join([settings(setup, context), summaryHtml(results, context.t), note(context.t("conv.bigHint"))]) };
}


function settings(setup: ConvSetup, { t }: Context): Markup {
  const { padding } = setup;
  const symmetric = padding.top === padding.bottom && padding.left === padding.right;
  const paddingText = symmetric ? pairText([padding.top, padding.left]) : t("conv.paddingSides", { ...padding });
  const parts: Markup[] = [paragraph(t("conv.settings", { stride: pairText(setup.stride), padding: paddingText, dilation: pairText(setup.dilation) }))];
  const axes = [
    { axis: t("conv.axis.height"), n: setup.height, pad: padding.top + padding.bottom, k: setup.kernelHeight, d: setup.dilation[0], s: setup.stride[0], out: setup.outputHeight },
    { axis: t("conv.axis.width"), n: setup.width, pad: padding.left + padding.right, k: setup.kernelWidth, d: setup.dilation[1], s: setup.stride[1], out: setup.outputWidth },
  ];
  for (const a of axes) {
    const span = effectiveKernel(a.k, a.d);
    parts.push(paragraph(join([`${a.axis}: `, outputSizeFormula({ n: a.n, pad: mn(a.pad), span, s: a.s, out: a.out })])));
    if (a.d > 1) parts.push(note(t("conv.spanNote", { d: a.d, k: a.k, span })));
  }
  return section("settings", ...parts);
}

function groupSuffix(setup: ConvSetup, filter: number, channel: number, { t }: Context): string {
  const parts: string[] = [];
  if (setup.filters > 1) parts.push(t("conv.filter", { o: filter + 1 }));
  if (setup.channels > 1) parts.push(t("conv.channel", { c: channel + 1 }));
  return parts.length > 0 ? ` — ${parts.join(", ")}` : "";
}

const inputGroup = (setup: ConvSetup, channel: number): number[] => (setup.channels > 1 ? [channel] : []);
const outputGroup = (setup: ConvSetup, filter: number): number[] => (setup.filters > 1 ? [filter] : []);
function kernelGroup(setup: ConvSetup, filter: number, channel: number): number[] {
  if (setup.filters > 1) return setup.channels > 1 ? [filter, channel] : [filter];
  return setup.channels > 1 ? [channel] : [];
}

function planes(tensor: Tensor, count: number, caption: (index: number) => string, marks?: CellMark[]): Markup[] {
  return Array.from({ length: count }, (_, index) => grid(rowsOf(tensor, index), { caption: caption(index), marks: marks ? () => marks : undefined }));
}

function pictures(explanation: ConvExplanation, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const { padding } = setup;
  const padded = padding.top + padding.bottom + padding.left + padding.right > 0;
  const items: Markup[] = explanation.paddedInputs.map((plane) => grid(plane.values, {
    caption: `${t(padded ? "conv.paddedInput" : "conv.input")}${setup.channels > 1 ? ` — ${t("conv.channel", { c: plane.channel + 1 })}` : ""}`,
    text: (value, u, v) => (plane.isPadding[u][v] ? "·" : formatNumber(value)),
    marks: (u, v) => [...(plane.isPadding[u][v] ? ["padding" as const] : []), ...(plane.inFirstWindow[u][v] ? ["window" as const] : [])],
  }));
  for (const kernel of explanation.kernels) {
    const group = groupSuffix(setup, kernel.filter, kernel.channel, context);
    if (setup.mode === "conv") {
      items.push(grid(kernel.given, { caption: `${t("conv.kernel")}${group}` }));
      items.push(grid(kernel.applied, { caption: `${t("conv.rotatedKernel")}${group}`, marks: () => ["kernel"] }));
    } else {
      items.push(grid(kernel.given, { caption: `${t("conv.kernel")}${group}`, marks: () => ["kernel"] }));
    }
  }
  items.push(...planes(explanation.output, setup.filters, (o) => `${t("conv.output")}${setup.filters > 1 ? ` — ${t("conv.filter", { o: o + 1 })}` : ""}`));
  const entries: { mark: CellMark; label: string }[] = [{ mark: "window", label: t("html.legend.window") }, { mark: "kernel", label: t("html.legend.kernel") }];
  if (padded) entries.push({ mark: "padding", label: `${t("html.legend.padding")} (·)` });
  return join([figures(...items), legend(entries)]);
}

function forwardCells(explanation: ConvExplanation, { t }: Context): Markup {
  const { setup } = explanation;
  const sums = explanation.cells.map((cell) => {
    const symbols = cell.terms.map((term) => times(cellSymbol("a", inputGroup(setup, term.channel), term.row, term.col), cellSymbol("w", kernelGroup(setup, cell.filter, term.channel), term.kernelRow, term.kernelCol)));
    const numbers = cell.terms.map((term) => product(term.input, term.weight));
    if (cell.bias !== 0 || setup.isBank) {
      symbols.push(setup.isBank ? indexed("b", cell.filter + 1) : mi("b"));
      numbers.push(factor(cell.bias));
    }
    return sumFormula(cellSymbol("s", outputGroup(setup, cell.filter), cell.row, cell.col), symbols, numbers, cell.value);
  });
  const parts: Markup[] = [heading(2, t("conv.cells")), ...sums];
  if (explanation.cells.some((cell) => cell.paddingTaps > 0)) parts.push(note(`(${t("conv.paddingOmitted")})`));
  return section("part", ...parts);
}

function backward(explanation: ConvExplanation, back: ConvBackwardExplanation, context: Context): Markup {
  const { setup } = explanation;
  const { t } = context;
  const { filters, channels, kernelHeight: kh, kernelWidth: kw } = setup;
  const parts: Markup[] = [heading(2, t("conv.backward")), heading(3, t("conv.gradInput"))];
  const [offsetH, offsetW] = back.prepared[0].offset;
  parts.push(note(offsetH >= 0 && offsetW >= 0
    ? t("conv.preparedGrad", { zeros: pairText([setup.stride[0] - 1, setup.stride[1] - 1]), pad: pairText([offsetH, offsetW]) })
    : t("conv.preparedGradCropped")));
  if (setup.mode === "conv") parts.push(note(t("conv.gradInputConvNote")));
  const filterSuffix = (o: number) => (filters > 1 ? ` — ${t("conv.filter", { o: o + 1 })}` : "");
  const items: Markup[] = planes(back.grad, filters, (o) => `${t("conv.grad")}${filterSuffix(o)}`);
  for (const prepared of back.prepared) {
    items.push(grid(prepared.values, {
      caption: `δ′${filterSuffix(prepared.filter)}`,
      text: (value, u, v) => (prepared.isEntry[u][v] ? formatNumber(value) : "·"),
      marks: (u, v) => (prepared.isEntry[u][v] ? [] : ["inserted"]),
    }));
  }
  for (const kernel of explanation.kernels) {
    items.push(grid(kernel.backward, { caption: `rot180${setup.mode === "conv" ? "(rot180(w))" : "(w)"}${groupSuffix(setup, kernel.filter, kernel.channel, context)}`, marks: () => ["kernel"] }));
  }
  parts.push(figures(...items), legend([{ mark: "inserted", label: `${t("html.legend.inserted")} (·)` }, { mark: "kernel", label: t("html.legend.kernel") }]));
  const gradInput = back.gradients.gradInput;
  parts.push(figures(...planes(gradInput, channels, (c) => `${t("conv.label.gradInput")}${channels > 1 ? ` — ${t("conv.channel", { c: c + 1 })}` : ""}`)));
  parts.push(paragraph(t("conv.gradInputCells")));
  for (const cell of back.gradInputCells) {
    const label = derivative(cellSymbol("a", inputGroup(setup, cell.channel), cell.row, cell.col));
    if (cell.terms.length === 0) {
      parts.push(sumFormula(label, [], [], 0, { note: `(${t("conv.unreached")})` }));
      continue;
    }
    const symbols = cell.terms.map((term) => times(cellSymbol("δ", outputGroup(setup, term.filter), term.gradRow, term.gradCol), cellSymbol("w", kernelGroup(setup, term.filter, cell.channel), term.kernelRow, term.kernelCol)));
    parts.push(sumFormula(label, symbols, cell.terms.map((term) => product(term.grad, term.weight)), cell.value));
  }

  parts.push(heading(3, t("conv.gradKernel")));
  if (setup.mode === "conv") parts.push(note(t("conv.gradKernelConvNote")));
  const gradKernel: Tensor = { shape: [filters * channels, kh, kw], data: back.gradients.gradKernel.data };
  parts.push(figures(...planes(gradKernel, filters * channels, (index) => `${t("conv.label.gradKernel")}${groupSuffix(setup, Math.floor(index / channels), index % channels, context)}`)));
  for (const cell of back.gradKernelCells) {
    const label = derivative(cellSymbol("w", kernelGroup(setup, cell.filter, cell.channel), cell.kernelRow, cell.kernelCol));
    const symbols = cell.terms.map((term) => times(cellSymbol("δ", outputGroup(setup, cell.filter), term.gradRow, term.gradCol), cellSymbol("a", inputGroup(setup, cell.channel), term.row, term.col)));
    parts.push(sumFormula(label, symbols, cell.terms.map((term) => product(term.grad, term.input)), cell.value));
  }

  parts.push(heading(3, t("conv.gradBias")));
  for (const { filter, terms, value } of back.gradBiasCells) {
    const label = derivative(setup.isBank ? indexed("b", filter + 1) : mi("b"));
    parts.push(sumFormula(label, terms.map((term) => cellSymbol("δ", outputGroup(setup, filter), term.row, term.col)), terms.map((term) => factor(term.grad)), value));
  }
  return section("part", ...parts);
}

/** The forward pass without a title: settings, pictures and each output cell (the training step reuses it). */
export function convForwardHtml(explanation: ConvExplanation, context: Context): Markup {
  return join([settings(explanation.setup, context), pictures(explanation, context), forwardCells(explanation, context)]);
}

/** The backward pass from δ (the training step reuses it). */
export function convBackwardHtml(explanation: ConvExplanation, back: ConvBackwardExplanation, context: Context): Markup {
  return backward(explanation, back, context);
}

function workedBody(explanation: ConvExplanation, context: Context): Markup {
  const parts = [settings(explanation.setup, context), pictures(explanation, context), forwardCells(explanation, context)];
  if (explanation.backward) parts.push(backward(explanation, explanation.backward, context));
  return join(parts);
}
