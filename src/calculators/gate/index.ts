/** `cnn-drill gate`: perceptron gates (AND, OR, NAND, NOR, and XOR from three of them), or your own perceptron. */
import { InputError } from "../../engine/errors.js";
import { GATE_NAMES, gateTable, makePerceptron, makeXorUnit, parseGateName, perceptronTable, xorNetwork, XOR_UNITS, type GateTable, type Perceptron, type XorUnitName } from "../../engine/gates.js";
import { explainGate, type GateExplanation } from "./explain.js";
import { parseNumber, parseNumberList } from "../../io/parse.js";
import { renderGateText } from "./render.js";
import { givenList, givenNumber } from "../given.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec } from "../spec.js";

export interface GateParams {
  weights?: number[];
  bias?: number;
  /** `gate xor` only: a unit's (w1, w2, b). */
  nand?: number[];
  or?: number[];
  and?: number[];
}

/** The JSON object: `rows` (inputs, output, weighted sums and, for XOR, the hidden units) and `outputs`. */
export function gateJson(table: GateTable): Record<string, unknown> {
  if (table.kind === "xor") {
    return {
      gate: "xor",
      units: table.units,
      // Each unit's sums and outputs for the inputs 00, 01, 10, 11 (the AND unit reads (h1, h2)).
      nandSums: table.rows.map((row) => row.nand.sum),
      nandOutputs: table.rows.map((row) => row.nand.output),
      orSums: table.rows.map((row) => row.or.sum),
      orOutputs: table.rows.map((row) => row.or.output),
      andSums: table.rows.map((row) => row.and.sum),
      andOutputs: table.rows.map((row) => row.and.output),
      rows: table.rows.map((row) => ({
        inputs: row.inputs,
        nand: row.nand.output,
        or: row.or.output,
        nandSum: row.nand.sum,
        orSum: row.or.sum,
        sum: row.and.sum,
        output: row.output,
      })),
      outputs: table.outputs,
    };
  }
  return {
    gate: table.name ?? "custom",
    weights: table.perceptron.weights,
    bias: table.perceptron.bias,
    rows: table.rows.map((row) => ({ inputs: row.inputs, sum: row.firing.sum, output: row.output })),
    outputs: table.outputs,
  };
}

export const spec: CalculatorSpec<GateParams, GateTable, GateExplanation, Key> = {
  name: "gate",
  messages: { en, ko },
  help: "gate.help",
  examples: "gate.help.examples",
  argument: { name: "name", required: false, help: "gate.help.name", choices: GATE_NAMES },
  options: {
    weights: { value: "<w1,w2>", help: "gate.help.weights", source: true, parse: parseNumberList, fromGiven: givenList },
    bias: { value: "<b>", help: "gate.help.bias", parse: parseNumber, fromGiven: givenNumber },
    nand: { value: "<w1,w2,b>", help: "gate.help.nand", parse: parseNumberList, fromGiven: givenList },
    or: { value: "<w1,w2,b>", help: "gate.help.or", parse: parseNumberList, fromGiven: givenList },
    and: { value: "<w1,w2,b>", help: "gate.help.and", parse: parseNumberList, fromGiven: givenList },
  },
  // Either a gate name or --weights with --bias, never both, never half of the pair.
  // The unit options (--nand, --or, --and) go only with xor.
  checkPresence: (given, name) => {
    const unit = XOR_UNITS.find((key) => given.has(key));
    const isXor = name !== undefined && name.trim().toLowerCase() === "xor";
    if (unit !== undefined && !isXor) throw new InputError(unit, "gate.unitsNeedXor", {}, "gate.unitsHint");
    if (name !== undefined) {
      if (given.has("weights") || given.has("bias")) throw new InputError(given.has("weights") ? "weights" : "bias", "gate.both", { name }, "gate.bothHint");
      return;
    }
    if (given.size === 0) throw new InputError(undefined, "gate.missing", {}, "gate.usageHint");
    if (!given.has("bias")) throw new InputError("bias", "gate.needsBias", {}, "gate.needsBiasHint");
    if (!given.has("weights")) throw new InputError("weights", "gate.needsWeights", {}, "gate.weightsHint");
  },
  setup: async (read, name) => {
    if (name !== undefined) {
      const gate = parseGateName(name);
      if (gate !== "xor") return gateTable(gate);
      const units: Partial<Record<XorUnitName, Perceptron>> = {};
      for (const unit of XOR_UNITS) {
        const values = await read(unit);
        if (values !== undefined) units[unit] = makeXorUnit(unit, values);
      }
      return xorNetwork(units);
    }
    // checkPresence has made sure both are there.
    const weights = (await read("weights")) ?? [];
    return perceptronTable(makePerceptron(weights, (await read("bias")) ?? 0));
  },
  json: gateJson,
  explain: explainGate,
  render: renderGateText,
  loadHtml: async () => (await import("./html.js")).gateHtml,
};
