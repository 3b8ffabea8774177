/** `cnn-drill gate`: perceptron gates (AND, OR, NAND, NOR, and XOR from three of them), or your own perceptron. */
import { InputError } from "../../engine/errors.js";
import { GATE_NAMES, gateTable, makePerceptron, parseGateName, perceptronTable, type GateTable } from "../../engine/gates.js";
import { explainGate, type GateExplanation } from "./explain.js";
import { parseNumber, parseNumberList } from "../../io/parse.js";
import { renderGateText } from "./render.js";
import { givenList, givenNumber } from "../given.js";
import { gateHtml } from "./html.js";
import { en, ko, type Key } from "./messages.js";
import type { CalculatorSpec } from "../spec.js";

export interface GateParams {
  weights?: number[];
  bias?: number;
}

/** The JSON object: `rows` (inputs, output, weighted sums and, for XOR, the hidden units) and `outputs`. */
export function gateJson(table: GateTable): Record<string, unknown> {
  if (table.kind === "xor") {
    return {
      gate: "xor",
      units: table.units,
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
  },
  // Either a gate name or --weights with --bias, never both, never half of the pair.
  checkPresence: (given, name) => {
    if (name !== undefined) {
      if (given.size > 0) throw new InputError(given.has("weights") ? "weights" : "bias", "gate.both", { name }, "gate.bothHint");
      return;
    }
    if (given.size === 0) throw new InputError(undefined, "gate.missing", {}, "gate.usageHint");
    if (!given.has("bias")) throw new InputError("bias", "gate.needsBias", {}, "gate.needsBiasHint");
    if (!given.has("weights")) throw new InputError("weights", "gate.needsWeights", {}, "gate.weightsHint");
  },
  setup: async (read, name) => {
    if (name !== undefined) return gateTable(parseGateName(name));
    // checkPresence has made sure both are there.
    const weights = (await read("weights")) ?? [];
    return perceptronTable(makePerceptron(weights, (await read("bias")) ?? 0));
  },
  json: gateJson,
  explain: explainGate,
  render: renderGateText,
  html: gateHtml,
};
