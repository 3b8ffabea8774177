/**
 * Hints for `train.sigmoid` (conv → σ, ∂L/∂y given): δ = ∂L/∂y · σ(s)(1 − σ(s)) cell by cell, then the
 * conv backward from δ as the conv topics hint it. σ comes from the engine; nothing is rounded but the text.
 */
import { applyActivation } from "../../../engine/activation.js";
import { convForward, setupConv } from "../../../engine/conv2d.js";
import { fromRows, rowsOf } from "../../../engine/tensor.js";
import type { Translate } from "../../../i18n/index.js";
import { convGradInputHints, convGradKernelHints } from "../../conv/drill/hints.js";
import { matrixOf, numberOf, type Given } from "../../../drill/given.js";
import { factor, label, num, numberMatrixLines } from "../../../drill/text.js";
import type { Key } from "./messages.js";

/** σ values to 4 decimals, as the prompt lists them. */
function four(value: number): string {
  return num(Number(value.toFixed(4)));
}

export function trainSigmoidHints(given: Given, t: Translate<Key>, ask: string): string[] {
  const input = matrixOf(given, "input");
  const kernel = matrixOf(given, "kernel");
  const gradY = matrixOf(given, "grad");
  const setup = setupConv(fromRows(input), fromRows(kernel), { bias: [numberOf(given, "bias", 0)] });
  const s = convForward(setup);
  const { activation, localDerivative } = applyActivation("sigmoid", s);
  const sigma = rowsOf(activation);
  const derivative = rowsOf(localDerivative);
  const delta = gradY.map((row, i) => row.map((g, j) => g * derivative[i][j]));

  const asked = ask === "gradInput" ? "hint.train.askInput" : "hint.train.askKernel";
  const one = [t(asked, { n: input.length, k: kernel.length }), t("hint.train.sigmoidRule")].join(" ");
  const [h, w] = [sigma[0][0], derivative[0][0]];
  const two = [
    `  δ11 = ∂L/∂${label("y", 0, 0)} · σ(s11)(1 − σ(s11))`,
    `      = ${num(gradY[0][0])} · ${four(h)}·(1 − ${four(h)}) = ${factor(gradY[0][0])} · ${four(w)} = ${four(delta[0][0])}`,
  ].join("\n");
  const convGiven: Given = { input, kernel, grad: delta };
  const convHints = ask === "gradInput" ? convGradInputHints(convGiven, t) : convGradKernelHints(convGiven, t);
  const three = [t("hint.train.deltaMatrix", { matrix: numberMatrixLines(delta.map((row) => row.map((v) => Number(v.toFixed(4))))) }), convHints[2]].join("\n");
  return [one, two, three];
}
