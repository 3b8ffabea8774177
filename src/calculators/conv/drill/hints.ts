/**
 * Hints for the conv topics: the output size and how it is found, the first window (or the first
 * backward term) written out, then the first cell or row worked. Every value shown as a result comes
 * from the engine; the terms are the window geometry of src/engine/geometry.ts, one tap at a time.
 */
import { convBackward, convForward, setupConv, type ConvSetup } from "../../../engine/conv2d.js";
import { effectiveKernel } from "../../../engine/geometry.js";
import { parseLayers, receptiveField } from "../../../engine/receptive-field.js";
import { fromRows, rowsOf } from "../../../engine/tensor.js";
import type { Translate } from "../../../i18n/index.js";
import { matrixOf, numberOf, stringOf, type Given } from "../../../drill/given.js";
import { factor, label, num, numberMatrixLines, sumOf } from "../../../drill/text.js";
import type { Key } from "./messages.js";

/** A single-channel conv problem as the conv topics give it (square stride, padding, dilation). */
export interface ConvProblem {
  input: number[][];
  kernel: number[][];
  stride: number;
  padding: number;
  dilation: number;
  mode: "corr" | "conv";
  bias: number | undefined;
}

function readConv(given: Given): ConvProblem {
  const mode = stringOf(given, "mode", "corr");
  return {
    input: matrixOf(given, "input"),
    kernel: matrixOf(given, "kernel"),
    stride: numberOf(given, "stride", 1),
    padding: numberOf(given, "padding", 0),
    dilation: numberOf(given, "dilation", 1),
    mode: mode === "conv" ? "conv" : "corr",
    bias: given.bias === undefined ? undefined : numberOf(given, "bias"),
  };
}

function setupOf(problem: ConvProblem): ConvSetup {
  const { stride: s, padding: p, dilation: d } = problem;
  return setupConv(fromRows(problem.input), fromRows(problem.kernel), {
    stride: [s, s], padding: [p, p], dilation: [d, d], mode: problem.mode, bias: problem.bias,
  });
}

/** One kernel tap of one window: where it lands on a (possibly in the padding) and which given kernel element it is. */
export interface Tap {
  row: number;
  col: number;
  inside: boolean;
  input: number;
  kernelRow: number;
  kernelCol: number;
  weight: number;
}

/** The taps of output cell (i, j), in kernel order as applied (the rotated kernel for true convolution). */
export function windowTaps(problem: ConvProblem, i: number, j: number): Tap[] {
  const { input, kernel, stride: s, padding: p, dilation: d } = problem;
  const kh = kernel.length;
  const kw = kernel[0].length;
  const taps: Tap[] = [];
  for (let m = 0; m < kh; m++)
    for (let n = 0; n < kw; n++) {
      const row = i * s + m * d - p;
      const col = j * s + n * d - p;
      const inside = row >= 0 && row < input.length && col >= 0 && col < input[0].length;
      const [kernelRow, kernelCol] = problem.mode === "conv" ? [kh - 1 - m, kw - 1 - n] : [m, n];
      taps.push({ row, col, inside, input: inside ? input[row][col] : 0, kernelRow, kernelCol, weight: kernel[kernelRow][kernelCol] });
    }
  return taps;
}

/** Every (output cell, tap) pair of the forward pass, for the backward sums. */
export function allTaps(problem: ConvProblem, outHeight: number, outWidth: number): { i: number; j: number; tap: Tap }[] {
  const pairs: { i: number; j: number; tap: Tap }[] = [];
  for (let i = 0; i < outHeight; i++)
    for (let j = 0; j < outWidth; j++) for (const tap of windowTaps(problem, i, j)) pairs.push({ i, j, tap });
  return pairs;
}

/** Level 1's size sentence: the output size per side with its numbers. */
function sizeParams(problem: ConvProblem, setup: ConvSetup) {
  const k = problem.kernel.length;
  return {
    n: problem.input.length, k, p: problem.padding, s: problem.stride, d: problem.dilation,
    span: effectiveKernel(k, problem.dilation), h: setup.outputHeight, w: setup.outputWidth,
  };
}

export function convForwardHints(given: Given, t: Translate<Key>): string[] {
  const problem = readConv(given);
  const setup = setupOf(problem);
  const params = sizeParams(problem, setup);
  const k = params.k;

  const how = [t("hint.conv.size", params)];
  if (problem.padding > 0) how.push(t("hint.conv.padding", { p: problem.padding }));
  how.push(t(problem.mode === "conv" ? "hint.conv.true" : "hint.conv.corr", { kk: `${k}${k}` }));
  if (problem.dilation > 1) how.push(t("hint.conv.dilation", params));
  if (problem.stride > 1) how.push(t("hint.conv.stride", { s: problem.stride }));
  if (problem.bias !== undefined) how.push(t("hint.conv.bias", { b: num(problem.bias) }));

  const taps = windowTaps(problem, 0, 0);
  const biasTerm = problem.bias === undefined ? "" : " + b";
  const symbols = taps.map((tap) => `${tap.inside ? label("a", tap.row, tap.col) : "0"}·${label("w", tap.kernelRow, tap.kernelCol)}`).join(" + ");
  const first = [t("hint.conv.firstWindow"), `  s11 = ${symbols}${biasTerm}`];
  if (taps.some((tap) => !tap.inside)) first.push(t("hint.conv.paddingTaps"));
  if (problem.mode === "conv") first.push(t("hint.conv.trueFirst", { kk: `${k}${k}` }));

  const value = rowsOf(convForward(setup))[0][0];
  const products = taps.map((tap) => `${factor(tap.input)}·${factor(tap.weight)}`).join(" + ");
  const biasValue = problem.bias === undefined ? "" : ` + ${factor(problem.bias)}`;
  const worked = [t("hint.conv.withNumbers"), `  s11 = ${products}${biasValue} = ${num(value)}`, t("hint.conv.nextCells", { s: problem.stride })];

  return [how.join(" "), first.join("\n"), worked.join("\n")];
}

/** δ with s − 1 zeros between entries and `pad` rings of zeros around it (pad ≥ 0). */
function preparedGrad(grad: number[][], stride: number, pad: number): number[][] {
  const size = (length: number) => (length - 1) * stride + 1 + 2 * pad;
  const rows = Array.from({ length: size(grad.length) }, () => new Array<number>(size(grad[0].length)).fill(0));
  grad.forEach((row, i) => row.forEach((value, j) => { rows[pad + i * stride][pad + j * stride] = value; }));
  return rows;
}

function rotated(kernel: number[][]): number[][] {
  return kernel.map((row) => [...row].reverse()).reverse();
}

export function convGradInputHints(given: Given, t: Translate<Key>): string[] {
  const problem = readConv(given);
  const grad = matrixOf(given, "grad");
  const setup = setupOf(problem);
  const params = sizeParams(problem, setup);
  const gradInput = rowsOf(convBackward(setup, fromRows(grad)).gradInput);
  const pad = problem.dilation * (params.k - 1) - problem.padding;

  const size = [t("hint.conv.gradInput.size", params)];
  size.push(pad >= 0
    ? t("hint.conv.gradInput.how", { zeros: problem.stride - 1, s: problem.stride, pad })
    : t("hint.conv.gradInput.howCropped", { zeros: problem.stride - 1, s: problem.stride, crop: -pad }));
  if (problem.dilation > 1) size.push(t("hint.conv.gradInput.dilated", { d: problem.dilation }));
  // With a stride that does not divide n + 2p − k̂, the windows stop short of the last rows and columns.
  const unread = (params.n + 2 * problem.padding - params.span) % problem.stride;
  if (unread > 0) size.push(t("hint.conv.gradInput.unread", { r: unread }));

  const pairs = allTaps(problem, setup.outputHeight, setup.outputWidth);
  const reaching = (row: number, col: number) => pairs.filter(({ tap }) => tap.inside && tap.row === row && tap.col === col);
  const symbolic = (row: number, col: number) => reaching(row, col).map(({ i, j, tap }) => `${label("δ", i, j)}·${label("w", tap.kernelRow, tap.kernelCol)}`).join(" + ");
  const firstTerms = reaching(0, 0);
  const reach = [t("hint.conv.gradInput.reach", { count: firstTerms.length }), `  ∂L/∂a11 = ${symbolic(0, 0) || "0"}`];
  reach.push(t("hint.conv.gradInput.rotated", { matrix: numberMatrixLines(rotated(problem.kernel)) }));
  if (pad >= 0) reach.push(t("hint.conv.gradInput.prepared", { matrix: numberMatrixLines(preparedGrad(grad, problem.stride, pad)) }));

  const rowLines = problem.input[0].map((_, col) => {
    const terms = reaching(0, col);
    const name = `∂L/∂${label("a", 0, col)}`;
    if (terms.length === 0) return t("hint.conv.gradInput.unreached", { name });
    const products = terms.map(({ i, j, tap }) => `${factor(grad[i][j])}·${factor(tap.weight)}`).join(" + ");
    return `  ${name} = ${symbolic(0, col)} = ${products} = ${num(gradInput[0][col])}`;
  });
  return [size.join(" "), reach.join("\n"), [t("hint.conv.gradInput.firstRow"), ...rowLines].join("\n")];
}

export function convGradKernelHints(given: Given, t: Translate<Key>): string[] {
  const problem = readConv(given);
  const grad = matrixOf(given, "grad");
  const setup = setupOf(problem);
  const params = sizeParams(problem, setup);
  const gradKernel = rowsOf(convBackward(setup, fromRows(grad)).gradKernel);

  const size = [t("hint.conv.gradKernel.size", params)];
  if (problem.stride > 1) size.push(t("hint.conv.gradKernel.stride", { s: problem.stride }));
  if (problem.padding > 0) size.push(t("hint.conv.gradKernel.padding", { p: problem.padding }));

  const terms = allTaps(problem, setup.outputHeight, setup.outputWidth).filter(({ tap }) => tap.kernelRow === 0 && tap.kernelCol === 0 && tap.inside);
  const symbols = terms.map(({ i, j, tap }) => `${label("δ", i, j)}·${label("a", tap.row, tap.col)}`).join(" + ") || "0";
  const products = terms.map(({ i, j, tap }) => `${factor(grad[i][j])}·${factor(tap.input)}`).join(" + ") || "0";
  return [
    size.join(" "),
    [t("hint.conv.gradKernel.first"), `  ∂L/∂w11 = ${symbols}`].join("\n"),
    [t("hint.conv.withNumbers"), `  ∂L/∂w11 = ${products} = ${num(gradKernel[0][0])}`, t("hint.conv.gradKernel.next")].join("\n"),
  ];
}

export function convGradBiasHints(given: Given, t: Translate<Key>): string[] {
  const grad = matrixOf(given, "grad");
  return [t("hint.conv.gradBias.rule"), t("hint.conv.gradBias.sum", { terms: sumOf(grad.flat()) })];
}

/** conv.output-size: one convolution layer and an input size (the `rf` calculator's options). */
export function convOutputSizeHints(given: Given, t: Translate<Key>): string[] {
  const [layer] = parseLayers(stringOf(given, "layers"));
  const n = numberOf(given, "inputSize");
  const { kernel: k, stride: s, padding: p, dilation: d } = layer;
  const span = effectiveKernel(k, d);
  receptiveField([layer], n); // the engine's checks: a layer that does not fit its input is an InputError
  return [t("hint.conv.outputSize.formula"), t("hint.conv.outputSize.numbers", { n, k, s, p, d, span, inner: n + 2 * p - span })];
}
