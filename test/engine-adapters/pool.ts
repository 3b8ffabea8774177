import { argmaxPositions, maxPoolMask, poolBackward, poolForward, setupPool, type PoolType } from "../../src/engine/pool2d.js";
import { toNested } from "../../src/engine/tensor.js";
import { parseMatrix, parsePair } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";

/** Runs a `pool` case straight through the engine; returns the JSON-shaped result. */
export function poolCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv);
  const size = parsePair(option(args, "size")!, "size", { min: 1 });
  const stride = option(args, "stride");
  const setup = setupPool(parseMatrix(option(args, "input")!, "input"), {
    type: (option(args, "type") ?? "max") as PoolType,
    size,
    stride: stride === undefined ? size : parsePair(stride, "stride", { min: 1 }),
    padding: parsePair(option(args, "padding") ?? "0", "padding", { min: 0 }),
    ceilMode: args.options.has("ceil"),
    countIncludePad: !args.options.has("exclude-pad"),
  });
  const forward = poolForward(setup);
  const result: Record<string, unknown> = { output: toNested(forward.output) };
  if (forward.argmax) Object.assign(result, { mask: toNested(maxPoolMask(setup, forward.argmax)), argmax: argmaxPositions(setup, forward.argmax) });
  const grad = option(args, "grad");
  if (grad !== undefined) result.gradInput = toNested(poolBackward(setup, parseMatrix(grad, "grad"), forward));
  return result;
}
