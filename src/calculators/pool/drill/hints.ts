/**
 * Hints for the pool topics: how many windows and the rule (max, mask, max gradient, average
 * gradient), the first window written out, then the first row worked. Windows, maxima (first on a
 * tie), divisors and results come from the engine.
 */
import { axisWindow, poolBackward, poolDivisor, poolForward, setupPool, type PoolSetup } from "../../../engine/pool2d.js";
import { fromRows, rowsOf } from "../../../engine/tensor.js";
import type { Translate } from "../../../i18n/index.js";
import { matrixOf, numberOf, stringOf, type Given } from "../../../drill/given.js";
import { factor, label, num, sumOf } from "../../../drill/text.js";
import type { Key } from "./messages.js";

type PoolAsk = "output" | "mask" | "maxGrad" | "avgGrad";

interface PoolProblem {
  input: number[][];
  setup: PoolSetup;
  size: number;
  stride: number;
  padding: number;
}

function readPool(given: Given): PoolProblem {
  const input = matrixOf(given, "input");
  const size = numberOf(given, "size");
  const stride = numberOf(given, "stride", size);
  const padding = numberOf(given, "padding", 0);
  const type = stringOf(given, "type", "max") === "avg" ? "avg" : "max";
  const setup = setupPool(fromRows(input), { type, size: [size, size], stride: [stride, stride], padding: [padding, padding] });
  return { input, setup, size, stride, padding };
}

/** The real cells of window (i, j), row by row (padded cells left out). */
function windowCells(problem: PoolProblem, i: number, j: number): { row: number; col: number; value: number }[] {
  const rows = axisWindow(problem.setup, 0, i);
  const cols = axisWindow(problem.setup, 1, j);
  const cells: { row: number; col: number; value: number }[] = [];
  for (let row = rows.start; row < rows.end; row++)
    for (let col = cols.start; col < cols.end; col++) cells.push({ row, col, value: problem.input[row][col] });
  return cells;
}

function windowHasPadding(problem: PoolProblem, i: number, j: number): boolean {
  return windowCells(problem, i, j).length < problem.size * problem.size;
}

/** The engine's maximum of each window: its cell (row, col), the first maximum on a tie. */
function maxima(problem: PoolProblem): { row: number; col: number }[][] {
  const { setup } = problem;
  const argmax = poolForward(setup).argmax!;
  return Array.from({ length: setup.outputHeight }, (_, i) =>
    Array.from({ length: setup.outputWidth }, (_, j) => {
      const at = argmax[i * setup.outputWidth + j];
      return { row: Math.floor(at / setup.width), col: at % setup.width };
    }));
}

function levelOne(problem: PoolProblem, ask: PoolAsk, t: Translate<Key>): string {
  const { setup, size: k, stride: s, padding: p } = problem;
  const n = setup.height;
  const kk = k * k;
  const parts = [t("hint.pool.windows", { n, k, s, p, h: setup.outputHeight, w: setup.outputWidth })];
  if (ask === "output") parts.push(t("hint.pool.maxRule"));
  if (ask === "mask") parts.push(t("hint.pool.maskRule", { n }));
  if (ask === "maxGrad") parts.push(t("hint.pool.maxGradRule", { n }));
  if (ask === "avgGrad") parts.push(t("hint.pool.avgGradRule", { n, kk }));
  if (s < k) parts.push(t("hint.pool.overlap", { s, k }));
  if (p > 0) parts.push(t(ask === "avgGrad" ? "hint.pool.avgPadding" : "hint.pool.maxPadding", { kk }));
  return parts.join(" ");
}

function levelTwo(problem: PoolProblem, ask: PoolAsk, grad: number[][] | undefined, t: Translate<Key>): string {
  const cells = windowCells(problem, 0, 0);
  const parts = [t("hint.pool.firstWindow", { cells: cells.map((c) => label("a", c.row, c.col)).join(", "), values: cells.map((c) => num(c.value)).join(", ") })];
  if (windowHasPadding(problem, 0, 0)) parts.push(t("hint.pool.firstWindowPadded"));
  if (ask === "avgGrad") {
    const divisor = poolDivisor(problem.setup, axisWindow(problem.setup, 0, 0), axisWindow(problem.setup, 1, 0));
    parts.push(t("hint.pool.firstShare", { kk: divisor, g: factor(grad![0][0]), share: num(grad![0][0] / divisor) }));
    return parts.join(" ");
  }
  const best = maxima(problem)[0][0];
  const max = problem.input[best.row][best.col];
  const cell = label("a", best.row, best.col);
  parts.push(t("hint.pool.firstMax", { max: num(max), cell }));
  const tied = cells.filter((c) => c.value === max).length;
  if (tied > 1) parts.push(t("hint.pool.firstTie", { count: tied, max: num(max), cell }));
  if (ask === "maxGrad") parts.push(t("hint.pool.firstRoute", { g: num(grad![0][0]), cell }));
  return parts.join(" ");
}

function levelThree(problem: PoolProblem, ask: PoolAsk, grad: number[][] | undefined, t: Translate<Key>): string {
  const { setup } = problem;
  if (ask === "output" || ask === "mask") {
    const output = rowsOf(poolForward(setup).output);
    const best = maxima(problem);
    const lines = output[0].map((value, j) => {
      const values = windowCells(problem, 0, j).map((c) => num(c.value)).join(", ");
      const at = ask === "mask" ? t("hint.pool.at", { cell: label("a", best[0][j].row, best[0][j].col) }) : "";
      return `  ${label("s", 0, j)} = max(${values}) = ${num(value)}${at}`;
    });
    return [t(ask === "mask" ? "hint.pool.firstRowMask" : "hint.pool.firstRowMax"), ...lines].join("\n");
  }
  const gradInput = rowsOf(poolBackward(setup, fromRows(grad!)));
  const best = ask === "maxGrad" ? maxima(problem) : undefined;
  const lines = problem.input[0].map((_, col) => {
    const name = `∂L/∂${label("a", 0, col)}`;
    // The windows that send this cell something: its maximum's windows (max) or every window that covers it (average).
    const sources: { i: number; j: number; divisor: number }[] = [];
    for (let i = 0; i < setup.outputHeight; i++)
      for (let j = 0; j < setup.outputWidth; j++) {
        if (best !== undefined && best[i][j].row === 0 && best[i][j].col === col) sources.push({ i, j, divisor: 1 });
        if (best === undefined && windowCells(problem, i, j).some((c) => c.row === 0 && c.col === col)) {
          sources.push({ i, j, divisor: poolDivisor(setup, axisWindow(setup, 0, i), axisWindow(setup, 1, j)) });
        }
      }
    if (sources.length === 0) return `  ${name} = 0`;
    const share = (d: number) => (d === 1 ? "" : `/${d}`);
    const symbols = sources.map(({ i, j, divisor }) => `${label("δ", i, j)}${share(divisor)}`).join(" + ");
    const numbers = best === undefined
      ? sources.map(({ i, j, divisor }) => `${factor(grad![i][j])}${share(divisor)}`).join(" + ")
      : sumOf(sources.map(({ i, j }) => grad![i][j]));
    return `  ${equation([name, symbols, numbers, num(gradInput[0][col])])}`;
  });
  return [t("hint.pool.firstRowGrad"), ...lines].join("\n");
}

/** `a = b = c`, leaving out a step that repeats the one before it (`δ12 = 2 = 2`). */
function equation(steps: readonly string[]): string {
  return steps.filter((step, index) => index === 0 || step !== steps[index - 1]).join(" = ");
}

function poolHints(ask: PoolAsk) {
  return (given: Given, t: Translate<Key>): string[] => {
    const problem = readPool(given);
    const grad = ask === "maxGrad" || ask === "avgGrad" ? matrixOf(given, "grad") : undefined;
    return [levelOne(problem, ask, t), levelTwo(problem, ask, grad, t), levelThree(problem, ask, grad, t)];
  };
}

export const poolMaxHints = poolHints("output");
export const poolMaskHints = poolHints("mask");
export const poolMaxGradHints = poolHints("maxGrad");
export const poolAvgGradHints = poolHints("avgGrad");
