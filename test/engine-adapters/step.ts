import type { Activation } from "../../src/engine/activation.js";
import type { PaddingSpec } from "../../src/engine/conv2d.js";
import type { Loss } from "../../src/engine/loss.js";
import type { PoolType } from "../../src/engine/pool2d.js";
import { setupStep, runStep, stepOutputs, type StepOptions } from "../../src/engine/step.js";
import { toNested, type Tensor } from "../../src/engine/tensor.js";
import { parseMatrix, parseNumber, parseNumberList, parsePair } from "../../src/io/parse.js";
import { option, readArgs, type CaseArgs } from "./args.js";

/** `same`, `valid` or a pair, as `conv --padding` reads it. */
function padding(text: string): PaddingSpec {
  const word = text.trim().toLowerCase();
  return word === "same" || word === "valid" ? word : parsePair(text, "padding", { min: 0 });
}

/** The engine options of a `step` argv (after the command name), as the CLI will read them. */
export function stepOptions(args: CaseArgs): StepOptions {
  const matrix = (name: string): Tensor | undefined => {
    const text = option(args, name);
    return text === undefined ? undefined : parseMatrix(text, name);
  };
  const bias = option(args, "bias");
  const pool = option(args, "pool");
  const poolSize = option(args, "pool-size");
  const poolStride = option(args, "pool-stride");
  const lr = option(args, "lr");
  return {
    bias: bias === undefined ? undefined : parseNumberList(bias, "bias"),
    stride: parsePair(option(args, "stride") ?? "1", "stride", { min: 1 }),
    padding: padding(option(args, "padding") ?? "0"),
    dilation: parsePair(option(args, "dilation") ?? "1", "dilation", { min: 1 }),
    activation: (option(args, "act") ?? (args.options.has("relu") ? "relu" : "none")) as Activation,
    pool: pool === undefined ? undefined : {
      type: pool as PoolType,
      size: poolSize === undefined ? undefined : parsePair(poolSize, "pool-size", { min: 1 }),
      stride: poolStride === undefined ? undefined : parsePair(poolStride, "pool-stride", { min: 1 }),
    },
    target: matrix("target"),
    loss: option(args, "loss") as Loss | undefined,
    grad: matrix("grad"),
    lr: lr === undefined ? undefined : parseNumber(lr, "lr"),
  };
}

/** Runs a `step` case straight through the engine; returns the JSON-shaped result. */
export function stepCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv.filter((arg) => arg !== "--relu"));
  if (argv.includes("--relu")) args.options.set("relu", [""]);
  const input = parseMatrix(option(args, "input")!, "input");
  const kernel = parseMatrix(option(args, "kernel")!, "kernel");
  const outputs = stepOutputs(runStep(setupStep(input, kernel, stepOptions(args))));
  return Object.fromEntries(Object.entries(outputs).map(([key, value]) => [key, typeof value === "object" && "data" in value ? toNested(value) : value]));
}
