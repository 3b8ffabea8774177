/**
 * Logic gates as perceptrons: y = step(w1·x1 + w2·x2 + b) with step(z) = 1 iff z > 0 (step(0) = 0),
 * the textbook weights for AND, OR, NAND, NOR, and XOR as the two-layer AND(NAND(x1,x2), OR(x1,x2)).
 *
 * The sign of z decides the output, so z is computed exactly: each weight is read as the simplest
 * fraction that rounds to it (0.1 → 1/10, 1/3 → 1/3), and 0.1 + 0.2 − 0.3 is exactly 0, not 5.6e-17.
 */
import { check, InputError } from "./errors.js";

export type Bit = 0 | 1;
export type InputPair = readonly [Bit, Bit];

/** The four inputs in the order of every truth table and of `outputs`: 00, 01, 10, 11. */
export const INPUT_PAIRS: readonly InputPair[] = [[0, 0], [0, 1], [1, 0], [1, 1]];

export interface Perceptron {
  readonly weights: readonly [number, number];
  readonly bias: number;
}

export type SingleGateName = "and" | "or" | "nand" | "nor";
export type GateName = SingleGateName | "xor";
export const GATE_NAMES: readonly GateName[] = ["and", "or", "nand", "nor", "xor"];

/** Textbook weights (w1, w2, b). NOR is NAND's line moved: −0.5·x1 − 0.5·x2 + 0.2 > 0 only at 00. */
export const TEXTBOOK_PERCEPTRONS: Readonly<Record<SingleGateName, Perceptron>> = {
  and: { weights: [0.5, 0.5], bias: -0.7 },
  or: { weights: [0.5, 0.5], bias: -0.2 },
  nand: { weights: [-0.5, -0.5], bias: 0.7 },
  nor: { weights: [-0.5, -0.5], bias: 0.2 },
};

/** One perceptron applied to one input: its weighted sum z and output step(z). */
export interface Firing {
  readonly inputs: readonly [number, number];
  /** z = w1·x1 + w2·x2 + b (exact sign; the value as a float). */
  readonly sum: number;
  readonly output: Bit;
}

export interface PerceptronRow {
  readonly inputs: InputPair;
  readonly firing: Firing;
  readonly output: Bit;
}

export interface PerceptronTable {
  readonly kind: "perceptron";
  /** The gate name for textbook weights; undefined for weights given by the user. */
  readonly name: SingleGateName | undefined;
  readonly perceptron: Perceptron;
  readonly rows: readonly PerceptronRow[];
  readonly outputs: readonly Bit[];
}

export interface XorRow {
  readonly inputs: InputPair;
  /** Hidden unit h1 = NAND(x1, x2). */
  readonly nand: Firing;
  /** Hidden unit h2 = OR(x1, x2). */
  readonly or: Firing;
  /** Output unit AND(h1, h2). */
  readonly and: Firing;
  readonly output: Bit;
}

export interface XorNetwork {
  readonly kind: "xor";
  readonly units: { readonly nand: Perceptron; readonly or: Perceptron; readonly and: Perceptron };
  readonly rows: readonly XorRow[];
  readonly outputs: readonly Bit[];
}

export type GateTable = PerceptronTable | XorNetwork;

/** A gate name, case-insensitive; unknown names are an input error naming the gate. */
export function parseGateName(text: string): GateName {
  const word = text.trim().toLowerCase();
  const found = GATE_NAMES.find((name) => name === word);
  if (found === undefined) throw new InputError(undefined, "gate.unknown", { text, names: GATE_NAMES.join(", ") }, "gate.usageHint");
  return found;
}

/** A perceptron from user values: exactly two finite weights and a finite bias. */
export function makePerceptron(weights: readonly number[], bias: number): Perceptron {
  check(weights.length === 2, "weights", "gate.weightsCount", { count: weights.length }, "gate.weightsHint");
  check(weights.every(Number.isFinite), "weights", "number.bad", { text: weights.join(",") });
  check(Number.isFinite(bias), "bias", "number.bad", { text: String(bias) });
  // A truth-table row whose sum overflows would print Infinity (null in JSON): refuse it, naming the row.
  for (const [x1, x2] of [[0, 0], [0, 1], [1, 0], [1, 1]]) check(Number.isFinite(weights[0] * x1 + weights[1] * x2 + bias), "weights", "output.notFinite", { what: "sum", cell: `x = (${x1}, ${x2})` }, "output.notFiniteHint");
  return { weights: [weights[0], weights[1]], bias };
}

/** w·x + b for any real inputs (also points of the plane, for pictures), with its exact sign. */
export function fire(perceptron: Perceptron, inputs: readonly [number, number]): Firing {
  const terms = [
    times(fraction(perceptron.weights[0]), fraction(inputs[0])),
    times(fraction(perceptron.weights[1]), fraction(inputs[1])),
    fraction(perceptron.bias),
  ];
  const total = terms.reduce(plus);
  const sign = total.num === 0n ? 0 : total.num > 0n ? 1 : -1;
  let sum = sign === 0 ? 0 : Number(total.num) / Number(total.den);
  if (!Number.isFinite(sum)) sum = perceptron.weights[0] * inputs[0] + perceptron.weights[1] * inputs[1] + perceptron.bias;
  return { inputs: [inputs[0], inputs[1]], sum, output: sign > 0 ? 1 : 0 };
}

export function perceptronTable(perceptron: Perceptron, name?: SingleGateName): PerceptronTable {
  const rows = INPUT_PAIRS.map((inputs) => {
    const firing = fire(perceptron, inputs);
    return { inputs, firing, output: firing.output };
  });
  return { kind: "perceptron", name, perceptron, rows, outputs: rows.map((row) => row.output) };
}

/** The three units of the XOR network, each (w1, w2, b) as the user wrote it. */
export type XorUnitName = "nand" | "or" | "and";
export const XOR_UNITS: readonly XorUnitName[] = ["nand", "or", "and"];

/** Truth tables (00, 01, 10, 11) each unit must compute for the network to be XOR. */
const UNIT_OUTPUTS: Readonly<Record<XorUnitName, readonly Bit[]>> = { nand: [1, 1, 1, 0], or: [0, 1, 1, 1], and: [0, 0, 0, 1] };

/**
 * One unit of the XOR network from (w1, w2, b): three finite numbers that compute the unit's gate
 * on all four inputs (else the network would not be AND(NAND, OR) and its pictures would mislead).
 * `argument` is the option the values came from (`nand`, `or`, `and`).
 */
export function makeXorUnit(name: XorUnitName, values: readonly number[]): Perceptron {
  check(values.length === 3, name, "gate.unitCount", { count: values.length }, "gate.unitHint");
  check(values.every(Number.isFinite), name, "number.bad", { text: values.join(",") });
  const [w1, w2, b] = values;
  for (const [x1, x2] of INPUT_PAIRS) check(Number.isFinite(w1 * x1 + w2 * x2 + b), name, "output.notFinite", { what: "sum", cell: `x = (${x1}, ${x2})` }, "output.notFiniteHint");
  const perceptron: Perceptron = { weights: [w1, w2], bias: b };
  const outputs = perceptronTable(perceptron).outputs;
  const wanted = UNIT_OUTPUTS[name];
  check(
    outputs.every((y, i) => y === wanted[i]),
    name,
    "gate.unitWrong",
    { gate: name.toUpperCase(), outputs: outputs.join(" "), wanted: wanted.join(" ") },
    "gate.unitWrongHint",
  );
  return perceptron;
}

/** XOR = AND(NAND(x1, x2), OR(x1, x2)), with the textbook weights for every unit not given. */
export function xorNetwork(given: Partial<Record<XorUnitName, Perceptron>> = {}): XorNetwork {
  const units = { nand: given.nand ?? TEXTBOOK_PERCEPTRONS.nand, or: given.or ?? TEXTBOOK_PERCEPTRONS.or, and: given.and ?? TEXTBOOK_PERCEPTRONS.and };
  const rows = INPUT_PAIRS.map((inputs) => {
    const nand = fire(units.nand, inputs);
    const or = fire(units.or, inputs);
    const and = fire(units.and, [nand.output, or.output]);
    return { inputs, nand, or, and, output: and.output };
  });
  return { kind: "xor", units, rows, outputs: rows.map((row) => row.output) };
}

export function gateTable(name: GateName): GateTable {
  return name === "xor" ? xorNetwork() : perceptronTable(TEXTBOOK_PERCEPTRONS[name], name);
}

/** Which named gate a truth table (outputs for 00, 01, 10, 11) is, if any. */
export function gateOfOutputs(outputs: readonly Bit[]): GateName | undefined {
  const key = outputs.join("");
  const known: Record<string, GateName> = { "0001": "and", "0111": "or", "1110": "nand", "1000": "nor", "0110": "xor" };
  return known[key];
}

// ---- exact fractions -------------------------------------------------------------------------

interface Fraction {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

/**
 * The simplest fraction that rounds to x: the first continued-fraction convergent p/q with
 * p/q === x in floating point (0.1 → 1/10, 0.3333333333333333 → 1/3); else x's exact binary value.
 */
function fraction(x: number): Fraction {
  if (Number.isInteger(x)) return { num: BigInt(x), den: 1n };
  let [previousNum, num] = [0, 1];
  let [previousDen, den] = [1, 0];
  let rest = x;
  for (let i = 0; i < 64; i++) {
    const whole = Math.floor(rest);
    [previousNum, num] = [num, whole * num + previousNum];
    [previousDen, den] = [den, whole * den + previousDen];
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den)) break;
    if (num / den === x) return { num: BigInt(num), den: BigInt(den) };
    const remainder = rest - whole;
    if (remainder === 0) break;
    rest = 1 / remainder;
  }
  let scaled = x;
  let power = 1n;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    power *= 2n;
  }
  return { num: BigInt(scaled), den: power };
}

function plus(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

function times(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}
