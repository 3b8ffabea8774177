import { parseLayers, receptiveField } from "../../src/engine/receptive-field.js";
import { parsePositiveInt } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";

/** Runs a `rf` case straight through the engine; returns the JSON-shaped result. */
export function rfCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv);
  const inputSize = option(args, "input-size");
  const result = receptiveField(parseLayers(option(args, "layers")!), inputSize === undefined ? undefined : parsePositiveInt(inputSize, "input-size"));
  return { receptiveField: result.receptiveField, jump: result.jump, start: result.start, outputSize: result.outputSize };
}
