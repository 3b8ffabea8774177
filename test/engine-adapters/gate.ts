import { gateTable, makePerceptron, parseGateName, perceptronTable } from "../../src/engine/gates.js";
import { parseNumber, parseNumberList } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";

/** Runs a `gate` case straight through the engine; returns the JSON-shaped result. */
export function gateCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv);
  const weights = option(args, "weights");
  const table = weights === undefined
    ? gateTable(parseGateName(args.positional[0]))
    : perceptronTable(makePerceptron(parseNumberList(weights, "weights"), parseNumber(option(args, "bias")!, "bias")));
  return { outputs: table.outputs, rows: table.rows.map((row) => ({ inputs: row.inputs, output: row.output })) };
}
