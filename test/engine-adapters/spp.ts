import { sppBins, sppForward, setupSpp, type SppMethod, type SppType } from "../../src/engine/spp.js";
import { toNested } from "../../src/engine/tensor.js";
import { parseMatrix, parseNumberList } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";

/** Runs a `spp` case straight through the engine; returns the JSON-shaped result. */
export function sppCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv);
  const setup = setupSpp(parseMatrix(option(args, "input")!, "input"), {
    levels: parseNumberList(option(args, "levels")!, "levels"),
    type: (option(args, "type") ?? "max") as SppType,
    method: (option(args, "method") ?? "adaptive") as SppMethod,
  });
  const result = sppForward(setup);
  const bins = sppBins(setup);
  return {
    levels: result.levels.map((level, index) => ({ n: level.n, output: toNested(level.output), bins: bins[index] })),
    vector: result.vector,
    length: result.length,
  };
}
