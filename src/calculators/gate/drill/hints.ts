/** Hints for the gate topics: the step rule and the wiring, then one row worked. */
import { fire, INPUT_PAIRS, TEXTBOOK_PERCEPTRONS, type Perceptron, type SingleGateName } from "../../../engine/gates.js";
import { InputError } from "../../../engine/errors.js";
import type { Translate } from "../../../i18n/index.js";
import { listOf, numberOf, stringOf, type Given } from "../../../drill/given.js";
import { factor, num } from "../../../drill/text.js";
import type { Key } from "./messages.js";

/** One unit on one input: `z = w1·x1 + w2·x2 + b = … > 0, so 1`. */
function firingLine(perceptron: Perceptron, inputs: readonly [number, number], t: Translate<Key>): string {
  const { sum, output } = fire(perceptron, inputs);
  const [w1, w2] = perceptron.weights;
  const z = `${factor(w1)}·${inputs[0]} + ${factor(w2)}·${inputs[1]} + ${factor(perceptron.bias)} = ${num(sum)}`;
  return t(sum > 0 ? "hint.gate.fires" : sum === 0 ? "hint.gate.zero" : "hint.gate.silent", { z, y: output });
}

/** The row worth working: one where z is exactly 0 (the step's trap) if any, else x = (1, 1). */
function rowToWork(perceptron: Perceptron): readonly [0 | 1, 0 | 1] {
  return INPUT_PAIRS.find((inputs) => fire(perceptron, inputs).sum === 0) ?? [1, 1];
}

function unitHints(perceptron: Perceptron, t: Translate<Key>, name: SingleGateName | undefined, inXor: boolean): string[] {
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

function xorHints(given: Given, t: Translate<Key>): string[] {
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
export function gateXorHints(given: Given, t: Translate<Key>): string[] {
  const gate = stringOf(given, "gate");
  if (gate === "xor") return xorHints(given, t);
  if (!(gate in TEXTBOOK_PERCEPTRONS)) throw new InputError(undefined, "hint.givenBad", { name: "gate", expected: "xor, and, or, nand, nor" });
  const name = gate as SingleGateName;
  return unitHints(TEXTBOOK_PERCEPTRONS[name], t, name, true);
}

export function gatePerceptronHints(given: Given, t: Translate<Key>): string[] {
  const [w1, w2] = listOf(given, "weights");
  return unitHints({ weights: [w1, w2], bias: numberOf(given, "bias") }, t, undefined, false);
}
