import { sppShape, type SppMethod } from "../../src/engine/spp.js";
import { parseNumberList } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";

/** Runs a `spp --shape` case straight through the engine; returns the JSON-shaped result. */
export function sppShapeCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv);
  const result = sppShape(parseNumberList(option(args, "shape")!, "shape"), {
    levels: parseNumberList(option(args, "levels")!, "levels"),
    method: (option(args, "method") ?? "adaptive") as SppMethod,
  });
  return { levels: result.levels.map((level) => ({ n: level.n, bins: level.bins })), length: result.length };
}
