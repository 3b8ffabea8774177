/** `cnn-drill gate`: a gate name or your own weights → perceptron engine → truth table and pictures, or JSON. */
import type { Command } from "commander";
import { InputError } from "../engine/errors.js";
import { gateTable, makePerceptron, parseGateName, perceptronTable, type GateTable } from "../engine/gates.js";
import { explainGate } from "../explain/gate.js";
import { parseNumber, parseNumberList } from "../io/parse.js";
import { renderGateText } from "../render/gate.js";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, type CliContext, type CommonOptions, examplesHelp } from "./context.js";

interface GateCliOptions extends CommonOptions {
  weights?: string;
  bias?: string;
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

/** Either a gate name or --weights with --bias, never both, never half of the pair. */
async function readTable(name: string | undefined, options: GateCliOptions, read: (value: string, argument: string) => Promise<string>): Promise<GateTable> {
  const custom = options.weights !== undefined || options.bias !== undefined;
  if (name !== undefined) {
    if (custom) {
      const argument = options.weights !== undefined ? "weights" : "bias";
      throw new InputError(argument, "gate.both", { name }, "gate.bothHint");
    }
    return gateTable(parseGateName(name));
  }
  if (!custom) throw new InputError(undefined, "gate.missing", {}, "gate.usageHint");
  if (options.bias === undefined) throw new InputError("bias", "gate.needsBias", {}, "gate.needsBiasHint");
  if (options.weights === undefined) throw new InputError("weights", "gate.needsWeights", {}, "gate.weightsHint");
  const weights = parseNumberList(await read(options.weights, "weights"), "weights");
  return perceptronTable(makePerceptron(weights, parseNumber(options.bias, "bias")));
}

export function registerGate(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("gate")
    .description(t("gate.help"))
    .addHelpText("after", examplesHelp(t, "gate.help.examples"))
    .argument("[name]", t("gate.help.name"))
    .option("--weights <w1,w2>", t("gate.help.weights"))
    .option("--bias <b>", t("gate.help.bias"));
  addCommonOptions(command, t).action((name: string | undefined, options: GateCliOptions) =>
    runAction(context, options, async (ui) => {
      const table = await readTable(name, options, (value, argument) => ui.reader.text(value, argument));
      if (ui.json) return { output: renderJson(gateJson(table)) };
      return { output: renderGateText(explainGate(table), ui) };
    }),
  );
}
