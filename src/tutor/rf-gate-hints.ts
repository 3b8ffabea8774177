/**
 * Hints for the rf and gate topics. rf: the formula with its symbols named, then the numbers
 * substituted (short of the result). Gates: the step rule and the wiring, then one row worked.
 */
import { fire, INPUT_PAIRS, TEXTBOOK_PERCEPTRONS, type Perceptron, type SingleGateName } from "../engine/gates.js";
import { InputError } from "../engine/errors.js";
import { parseLayers, receptiveField, type LayerSpec } from "../engine/receptive-field.js";
import type { Translate } from "../i18n/index.js";
import { listOf, numberOf, stringOf, type Given } from "./given.js";
import { factor, num } from "./text.js";

export function rfDilatedKernelHints(given: Given, t: Translate): string[] {
  const [layer] = parseLayers(stringOf(given, "layers"));
  return [t("hint.rf.dilatedRule"), t("hint.rf.dilatedNumbers", { k: layer.kernel, d: layer.dilation })];
}

/** A layer in exam words: `3×3 conv, stride 2, dilation 2`, `2×2 pool`. */
function layerWords(layer: LayerSpec, t: Translate): string {
  const parts = [t(layer.kind === "pool" ? "hint.rf.pool" : "hint.rf.conv", { k: layer.kernel })];
  if (layer.stride !== (layer.kind === "pool" ? layer.kernel : 1)) parts.push(t("hint.rf.stride", { s: layer.stride }));
  if (layer.dilation > 1) parts.push(t("hint.rf.dilation", { d: layer.dilation }));
  if (layer.padding > 0) parts.push(t("hint.rf.padding", { p: layer.padding }));
  return parts.join(", ");
}

export function rfStackHints(given: Given, t: Translate): string[] {
  const layers = parseLayers(stringOf(given, "layers"));
  if (layers.some((layer) => layer.kind === "tconv")) throw new InputError(undefined, "hint.givenBad", { name: "layers", expected: "conv, pool" });
  const field = receptiveField(layers);
  const lines = field.layers.map((layer) =>
    `  ${t("hint.rf.layerLine", {
      layer: layerWords(layer, t), span: layer.effectiveKernel, jump: layer.jumpIn, s: layer.stride, next: layer.jump,
    })}`);
  const sum = `r = 1 + ${field.layers.map((layer) => `(${layer.effectiveKernel} − 1)·${layer.jumpIn}`).join(" + ")}`;
  return [t("hint.rf.stackRule"), [t("hint.rf.stackNumbers"), ...lines, `  ${sum}`].join("\n")];
}

/** One unit on one input: `z = w1·x1 + w2·x2 + b = … > 0, so 1`. */
function firingLine(perceptron: Perceptron, inputs: readonly [number, number], t: Translate): string {
  const { sum, output } = fire(perceptron, inputs);
  const [w1, w2] = perceptron.weights;
  const z = `${factor(w1)}·${inputs[0]} + ${factor(w2)}·${inputs[1]} + ${factor(perceptron.bias)} = ${num(sum)}`;
  return t(sum > 0 ? "hint.gate.fires" : sum === 0 ? "hint.gate.zero" : "hint.gate.silent", { z, y: output });
}

/** The row worth working: one where z is exactly 0 (the step's trap) if any, else x = (1, 1). */
function rowToWork(perceptron: Perceptron): readonly [0 | 1, 0 | 1] {
  return INPUT_PAIRS.find((inputs) => fire(perceptron, inputs).sum === 0) ?? [1, 1];
}

function unitHints(perceptron: Perceptron, t: Translate, name: SingleGateName | undefined, inXor: boolean): string[] {
  const [w1, w2] = perceptron.weights;
  const weights = { w1: num(w1), w2: num(w2), b: num(perceptron.bias) };
  const one = [t("hint.gate.step")];
  one.push(name === undefined ? t("hint.gate.perceptron", weights) : t("hint.gate.unit", { gate: name.toUpperCase(), ...weights }));
  if (inXor && name !== undefined) one.push(t(name === "and" ? "hint.gate.roleOutput" : "hint.gate.roleHidden", { gate: name.toUpperCase() }));
  const inputs = rowToWork(perceptron);
  const row = [t("hint.gate.row", { x1: inputs[0], x2: inputs[1] }), `  ${firingLine(perceptron, inputs, t)}`, t("hint.gate.rest")];
  return [one.join(" "), row.join("\n")];
}

/** A unit of `gate xor` as the problem gives it (`--nand w1,w2,b`), else its textbook weights. */
function xorUnit(given: Given, name: "nand" | "or" | "and"): Perceptron {
  if (given[name] === undefined) return TEXTBOOK_PERCEPTRONS[name];
  const [w1, w2, b] = listOf(given, name);
  return { weights: [w1, w2], bias: b };
}

function xorHints(given: Given, t: Translate): string[] {
  const [nand, or, and] = [xorUnit(given, "nand"), xorUnit(given, "or"), xorUnit(given, "and")];
  const inputs = [1, 0] as const;
  const h1 = fire(nand, inputs).output;
  const h2 = fire(or, inputs).output;
  const row = [
    t("hint.gate.row", { x1: inputs[0], x2: inputs[1] }),
    `  h1 = NAND: ${firingLine(nand, inputs, t)}`,
    `  h2 = OR: ${firingLine(or, inputs, t)}`,
    `  y = AND(h1, h2): ${firingLine(and, [h1, h2], t)}`,
    t("hint.gate.rest"),
  ];
  return [[t("hint.gate.step"), t("hint.gate.xorWiring")].join(" "), row.join("\n")];
}

/** gate.xor: the whole network or one of its textbook units, named by `gate`. */
export function gateXorHints(given: Given, t: Translate): string[] {
  const gate = stringOf(given, "gate");
  if (gate === "xor") return xorHints(given, t);
  if (!(gate in TEXTBOOK_PERCEPTRONS)) throw new InputError(undefined, "hint.givenBad", { name: "gate", expected: "xor, and, or, nand, nor" });
  const name = gate as SingleGateName;
  return unitHints(TEXTBOOK_PERCEPTRONS[name], t, name, true);
}

export function gatePerceptronHints(given: Given, t: Translate): string[] {
  const [w1, w2] = listOf(given, "weights");
  return unitHints({ weights: [w1, w2], bias: numberOf(given, "bias") }, t, undefined, false);
}
