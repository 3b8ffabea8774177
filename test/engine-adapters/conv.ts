import { convBackward, convForward, setupConv, type ConvMode } from "../../src/engine/conv2d.js";
import { toNested } from "../../src/engine/tensor.js";
import { parseMatrix, parseNumberList, parsePair } from "../../src/io/parse.js";
import { parsePadding } from "../../src/calculators/conv/index.js";
import { option, readArgs } from "./args.js";

/** Runs a `conv` case straight through the engine; returns the JSON-shaped result. */
export function convCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv);
  const bias = option(args, "bias");
  const setup = setupConv(parseMatrix(option(args, "input")!, "input"), parseMatrix(option(args, "kernel")!, "kernel"), {
    stride: parsePair(option(args, "stride") ?? "1", "stride", { min: 1 }),
    padding: parsePadding(option(args, "padding") ?? "0"),
    dilation: parsePair(option(args, "dilation") ?? "1", "dilation", { min: 1 }),
    mode: (option(args, "mode") ?? "corr") as ConvMode,
    bias: bias === undefined ? undefined : parseNumberList(bias, "bias"),
  });
  const result: Record<string, unknown> = { output: toNested(convForward(setup)) };
  const grad = option(args, "grad");
  if (grad !== undefined) {
    const gradients = convBackward(setup, parseMatrix(grad, "grad"));
    Object.assign(result, { gradInput: toNested(gradients.gradInput), gradKernel: toNested(gradients.gradKernel), gradBias: gradients.gradBias });
  }
  return result;
}
