import { roiBackward, roiBins, roiForward, setupRoi } from "../../src/engine/roi-pool.js";
import { toNested } from "../../src/engine/tensor.js";
import { parseBox, parseRoiOutputSize } from "../../src/calculators/roi/index.js";
import { parseMatrix, parseNumber } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";

/** Runs a `roi` case straight through the engine; returns the JSON-shaped result. */
export function roiCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv);
  const setup = setupRoi(parseMatrix(option(args, "input")!, "input"), (args.options.get("box") ?? []).map(parseBox), {
    outputSize: parseRoiOutputSize(option(args, "output")!),
    scale: parseNumber(option(args, "scale") ?? "1", "scale"),
  });
  const forward = roiForward(setup);
  const outputs = forward.outputs.map(toNested);
  const result: Record<string, unknown> = { output: outputs.length === 1 ? outputs[0] : outputs, bins: roiBins(setup) };
  const grad = option(args, "grad");
  if (grad !== undefined) result.gradInput = toNested(roiBackward(setup, parseMatrix(grad, "grad"), forward));
  return result;
}
