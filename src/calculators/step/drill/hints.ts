/**
 * Hints for the training-step topics (issue 11: conv → activation → pooling → loss → backward → SGD
 * update), built from a `given` keyed like `cnn-drill step`'s options: input, kernel, bias, stride,
 * padding, dilation, act (relu or none; a `relu` key also means ReLU), pool (max or avg), poolSize
 * (default 2), poolStride (default the size), target with loss (half-sse, sse, mse) or grad (∂L/∂y),
 * and lr. Convolution and pooling, forward and backward, come from the engine; ReLU and the loss's
 * derivative are one line each.
 */
import { convBackward, convForward, setupConv } from "../../../engine/conv2d.js";
import { InputError } from "../../../engine/errors.js";
import { effectiveKernel } from "../../../engine/geometry.js";
import { axisWindow, poolBackward, poolDivisor, poolForward, setupPool, type PoolSetup } from "../../../engine/pool2d.js";
import { fromRows, rowsOf } from "../../../engine/tensor.js";
import type { Translate } from "../../../i18n/index.js";
import { convGradInputHints, convGradKernelHints, windowTaps, type ConvProblem } from "../../conv/drill/hints.js";
import { matrixOf, numberOf, stringOf, type Given } from "../../../drill/given.js";
import { factor, label, num, numberMatrixLines, sumOf } from "../../../drill/text.js";
import type { Key } from "./messages.js";

type Loss = "half-sse" | "sse" | "mse";

interface Pooling {
  type: "max" | "avg";
  size: number;
  stride: number;
  setup: PoolSetup;
}

/** One training step worked through with the engine: every stage's values. */
interface StepRun {
  conv: ConvProblem;
  bias: number;
  relu: boolean;
  pool: Pooling | undefined;
  /** "given" when ∂L/∂y is given instead of a target. */
  loss: Loss | "given";
  target: number[][] | undefined;
  lr: number | undefined;
  s: number[][];
  h: number[][];
  y: number[][];
  gradY: number[][];
  delta: number[][];
}

function bad(name: string, expected: string): InputError {
  return new InputError(undefined, "hint.givenBad", { name, expected });
}

function runStep(given: Given): StepRun {
  const conv: ConvProblem = {
    input: matrixOf(given, "input"),
    kernel: matrixOf(given, "kernel"),
    stride: numberOf(given, "stride", 1),
    padding: numberOf(given, "padding", 0),
    dilation: numberOf(given, "dilation", 1),
    mode: "corr",
    bias: undefined,
  };
  const bias = numberOf(given, "bias", 0);
  const act = stringOf(given, "act", given.relu === undefined ? "none" : "relu");
  if (act !== "relu" && act !== "none") throw bad("act", "relu, none");
  const poolType = stringOf(given, "pool", "none");
  if (poolType !== "max" && poolType !== "avg" && poolType !== "none") throw bad("pool", "max, avg");
  const hasTarget = given.target !== undefined;
  if (hasTarget === (given.grad !== undefined)) throw bad("target", "target or grad");
  const lossName = stringOf(given, "loss", "half-sse");
  if (lossName !== "half-sse" && lossName !== "sse" && lossName !== "mse") throw bad("loss", "half-sse, sse, mse");

  const { stride: cs, padding: cp, dilation: cd } = conv;
  const convSetup = setupConv(fromRows(conv.input), fromRows(conv.kernel), { stride: [cs, cs], padding: [cp, cp], dilation: [cd, cd], bias });
  const s = rowsOf(convForward(convSetup));
  const relu = act === "relu";
  const h = relu ? s.map((row) => row.map((v) => Math.max(0, v))) : s;

  let pool: Pooling | undefined;
  let y = h;
  if (poolType !== "none") {
    const size = numberOf(given, "poolSize", 2);
    const stride = numberOf(given, "poolStride", size);
    const setup = setupPool(fromRows(h), { type: poolType, size: [size, size], stride: [stride, stride] });
    pool = { type: poolType, size, stride, setup };
    y = rowsOf(poolForward(setup).output);
  }

  const target = hasTarget ? matrixOf(given, "target") : undefined;
  let gradY: number[][];
  if (target === undefined) {
    gradY = matrixOf(given, "grad");
  } else {
    if (target.length !== y.length || target[0].length !== y[0].length) throw bad("target", `${y.length}×${y[0].length}`);
    const count = y.length * y[0].length;
    const scale = lossName === "half-sse" ? 1 : lossName === "sse" ? 2 : 2 / count;
    gradY = y.map((row, i) => row.map((v, j) => scale * (v - target[i][j])));
  }
  const gradH = pool === undefined ? gradY : rowsOf(poolBackward(pool.setup, fromRows(gradY)));
  // PyTorch's ReLU passes no gradient where s ≤ 0 (its derivative at 0 is taken as 0).
  const delta = relu ? gradH.map((row, i) => row.map((g, j) => (s[i][j] > 0 ? g : 0))) : gradH;
  const lr = given.lr === undefined ? undefined : numberOf(given, "lr");
  return { conv, bias, relu, pool, loss: target === undefined ? "given" : lossName, target, lr, s, h, y, gradY, delta };
}

/** `a = b = c`, leaving out a step that repeats the one before it (`δ11 = 1 = 1`). */
function equation(steps: readonly string[]): string {
  return steps.filter((step, index) => index === 0 || step !== steps[index - 1]).join(" = ");
}

/** The chain rule's stages from the loss back to δ, one sentence each. */
function chainSentences(run: StepRun, t: Translate<Key>): string[] {
  const sentences = [t(`hint.train.loss.${run.loss}`, { count: run.y.length * run.y[0].length })];
  if (run.pool !== undefined) {
    const kk = run.pool.size * run.pool.size;
    sentences.push(t(run.pool.type === "max" ? "hint.train.back.maxPool" : "hint.train.back.avgPool", { k: run.pool.size, kk, input: run.relu ? "h" : "s" }));
  }
  if (run.pool === undefined && run.relu) sentences.push(t("hint.train.back.noPool"));
  if (run.relu) sentences.push(t("hint.train.back.relu"));
  if (run.pool === undefined && !run.relu) sentences.push(t("hint.train.back.identity"));
  return sentences;
}

/** The cell of s worth following, and the pooled cells y_ij whose gradient reaches it (with their divisor). */
function focusOf(run: StepRun): { row: number; col: number; sources: { i: number; j: number; divisor: number }[] } {
  const { pool } = run;
  if (pool === undefined) return { row: 0, col: 0, sources: [{ i: 0, j: 0, divisor: 1 }] };
  const { setup } = pool;
  const sources: { i: number; j: number; divisor: number }[] = [];
  if (pool.type === "max") {
    const argmax = poolForward(setup).argmax!;
    const at = (i: number, j: number) => argmax[i * setup.outputWidth + j];
    const first = at(0, 0);
    for (let i = 0; i < setup.outputHeight; i++) for (let j = 0; j < setup.outputWidth; j++) if (at(i, j) === first) sources.push({ i, j, divisor: 1 });
    return { row: Math.floor(first / setup.width), col: first % setup.width, sources };
  }
  for (let i = 0; i < setup.outputHeight; i++)
    for (let j = 0; j < setup.outputWidth; j++) {
      const rows = axisWindow(setup, 0, i);
      const cols = axisWindow(setup, 1, j);
      if (rows.start === 0 && cols.start === 0) sources.push({ i, j, divisor: poolDivisor(setup, rows, cols) });
    }
  return { row: 0, col: 0, sources };
}

/** The cells of h (or s) in pooling window (i, j). */
function windowOf(run: StepRun, i: number, j: number): { row: number; col: number }[] {
  const setup = run.pool!.setup;
  const rows = axisWindow(setup, 0, i);
  const cols = axisWindow(setup, 1, j);
  const cells: { row: number; col: number }[] = [];
  for (let row = rows.start; row < rows.end; row++) for (let col = cols.start; col < cols.end; col++) cells.push({ row, col });
  return cells;
}

/** ∂L/∂y_ij in symbols for this loss. */
function gradYSymbol(run: StepRun, i: number, j: number): string {
  const y = label("y", i, j);
  const target = label("t", i, j);
  if (run.loss === "half-sse") return `${y} − ${target}`;
  if (run.loss === "sse") return `2(${y} − ${target})`;
  if (run.loss === "mse") return `2(${y} − ${target})/${run.y.length * run.y[0].length}`;
  return "";
}

/** Level 2 and 3 of δ: the focus cell followed forward and back, in symbols, then with the numbers. */
function deltaLevels(run: StepRun, t: Translate<Key>): [string, string] {
  const { row, col, sources } = focusOf(run);
  const sName = label("s", row, col);
  const hLetter = run.relu ? "h" : "s";
  const taps = windowTaps(run.conv, row, col);
  const biasSymbol = run.bias === 0 ? "" : " + b";
  const symbolic = [`  ${sName} = ${taps.map((tap) => `${tap.inside ? label("a", tap.row, tap.col) : "0"}·${label("w", tap.kernelRow, tap.kernelCol)}`).join(" + ")}${biasSymbol}`];
  const numeric = [`  ${sName} = ${taps.map((tap) => `${factor(tap.input)}·${factor(tap.weight)}`).join(" + ")}${run.bias === 0 ? "" : ` + ${factor(run.bias)}`} = ${num(run.s[row][col])}`];
  if (run.relu) {
    symbolic.push(`  ${label("h", row, col)} = max(0, ${sName})`);
    numeric.push(`  ${label("h", row, col)} = max(0, ${num(run.s[row][col])}) = ${num(run.h[row][col])}`);
  }
  const pooled = (i: number, j: number, values: boolean) => {
    const cells = windowOf(run, i, j);
    const items = cells.map((c) => (values ? num(run.h[c.row][c.col]) : label(hLetter, c.row, c.col)));
    return run.pool!.type === "max" ? `max(${items.join(", ")})` : `(${items.join(" + ")})/${cells.length}`;
  };
  for (const { i, j } of sources) {
    const y = label("y", i, j);
    if (run.pool !== undefined) {
      symbolic.push(`  ${y} = ${pooled(i, j, false)}`);
      numeric.push(`  ${y} = ${pooled(i, j, true)} = ${num(run.y[i][j])}`);
    }
    if (run.target !== undefined) {
      symbolic.push(`  ∂L/∂${y} = ${gradYSymbol(run, i, j)}`);
      const difference = `${num(run.y[i][j])} − ${factor(run.target[i][j])}`;
      const written = run.loss === "half-sse" ? difference : run.loss === "sse" ? `2·(${difference})` : `2·(${difference})/${run.y.length * run.y[0].length}`;
      numeric.push(`  ∂L/∂${y} = ${written} = ${num(run.gradY[i][j])}`);
    } else {
      numeric.push(`  ∂L/∂${y} = ${num(run.gradY[i][j])}`);
    }
  }
  const share = (divisor: number) => (divisor === 1 ? "" : `/${divisor}`);
  const routed = sources.map(({ i, j, divisor }) => `∂L/∂${label("y", i, j)}${share(divisor)}`).join(" + ");
  const routedValues = sources.map(({ i, j, divisor }, index) => `${index === 0 && divisor === 1 ? num(run.gradY[i][j]) : factor(run.gradY[i][j])}${share(divisor)}`).join(" + ");
  const gate = run.relu ? (run.s[row][col] > 0 ? t("hint.train.reluPasses", { s: num(run.s[row][col]) }) : t("hint.train.reluBlocks", { s: num(run.s[row][col]) })) : "";
  const dName = `δ${label("", row, col)}`;
  const grouped = sources.length > 1 && run.relu ? `(${routed})` : routed;
  symbolic.push(`  ${dName} = ∂L/∂${sName} = ${grouped}${run.relu ? ` · [${sName} > 0]` : ""}`);
  numeric.push(`  ${equation([dName, `${routedValues}${gate}`, num(run.delta[row][col])])}`);
  const intro = run.pool?.type === "max" ? t("hint.train.focusMax", { cell: sName, h: label(hLetter, row, col) }) : t("hint.train.focus", { cell: sName });
  return [[intro, ...symbolic].join("\n"), [t("hint.conv.withNumbers"), ...numeric].join("\n")];
}

function sizeParams(run: StepRun) {
  const k = run.conv.kernel.length;
  return {
    n: run.conv.input.length, k, p: run.conv.padding, s: run.conv.stride, d: run.conv.dilation,
    span: effectiveKernel(k, run.conv.dilation), h: run.s.length, w: run.s[0].length,
  };
}

/** train.delta: δ = ∂L/∂s. */
export function trainDeltaHints(given: Given, t: Translate<Key>): string[] {
  const run = runStep(given);
  const [symbolic, numeric] = deltaLevels(run, t);
  return [[t("hint.train.deltaShape", sizeParams(run)), ...chainSentences(run, t)].join(" "), symbolic, numeric];
}

/** The conv layer's own given, with δ as its upstream gradient, for the conv backward hints. */
function convGivenOf(run: StepRun): Given {
  const { input, kernel, stride, padding, dilation } = run.conv;
  return { input, kernel, stride, padding, dilation, grad: run.delta };
}

/** train.chain: ∂L/∂w or ∂L/∂a through pooling and ReLU, asked as `ask`. */
export function trainChainHints(given: Given, t: Translate<Key>, ask: string): string[] {
  const run = runStep(given);
  const params = sizeParams(run);
  const asked = ask === "gradInput" ? "hint.train.askInput" : "hint.train.askKernel";
  const one = [t(asked, params), t("hint.train.deltaShape", params), ...chainSentences(run, t)];
  const [symbolic, numeric] = deltaLevels(run, t);
  const convHints = ask === "gradInput" ? convGradInputHints(convGivenOf(run), t) : convGradKernelHints(convGivenOf(run), t);
  const deltaMatrix = t("hint.train.deltaMatrix", { matrix: numberMatrixLines(run.delta) });
  return [one.join(" "), [symbolic, numeric].join("\n"), [deltaMatrix, convHints[2]].join("\n")];
}

/** train.update and train.step: the updated kernel (or bias) after one SGD step. */
export function trainUpdateHints(given: Given, t: Translate<Key>, ask: string): string[] {
  const run = runStep(given);
  if (run.lr === undefined) throw bad("lr", "number");
  const lr = num(run.lr);
  if (ask === "updatedBias") {
    const rule = [t("hint.train.updateBias", { lr }), ...chainSentences(run, t)].join(" ");
    return [rule, t("hint.train.updateBiasNumbers", { b: num(run.bias), lr: factor(run.lr), terms: sumOf(run.delta.flat()) })];
  }
  const params = sizeParams(run);
  const rule = [t("hint.train.updateKernel", { ...params, lr }), t("hint.train.deltaShape", params), ...chainSentences(run, t)].join(" ");
  const [symbolic, numeric] = deltaLevels(run, t);
  const kernelHints = convGradKernelHints(convGivenOf(run), t);
  const gradW11 = rowsOf(convBackward(setupConv(fromRows(run.conv.input), fromRows(run.conv.kernel), {
    stride: [run.conv.stride, run.conv.stride], padding: [run.conv.padding, run.conv.padding], dilation: [run.conv.dilation, run.conv.dilation],
  }), fromRows(run.delta)).gradKernel)[0][0];
  const w11 = run.conv.kernel[0][0];
  const updated = `  w′11 = w11 − η·∂L/∂w11 = ${num(w11)} − ${factor(run.lr)}·${factor(gradW11)} = ${num(w11 - run.lr * gradW11)}`;
  return [
    rule,
    [symbolic, kernelHints[1], `  w′11 = w11 − η·∂L/∂w11`].join("\n"),
    [numeric, t("hint.train.deltaMatrix", { matrix: numberMatrixLines(run.delta) }), kernelHints[2].split("\n")[1], updated].join("\n"),
  ];
}
