import { layerCosts, wantsLayerCosts } from "../../src/engine/layer-cost.js";
import { parseLayers } from "../../src/engine/receptive-field.js";
import { parsePositiveInt } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";
import { rfCase } from "./rf.js";

/** Runs an `rf` case with channels (`--channels`, `c`/`g`/`fc` tokens, `--no-bias`) through the engine: the parameter and MAC keys. */
export function rfCostCase(argv: readonly string[]): Record<string, unknown> {
  const args = readArgs(argv.filter((arg) => arg !== "--no-bias"));
  const inputSize = option(args, "input-size");
  const channels = option(args, "channels");
  const cost = layerCosts(parseLayers(option(args, "layers")!), {
    channels: channels === undefined ? undefined : parsePositiveInt(channels, "channels"),
    inputSize: inputSize === undefined ? undefined : parsePositiveInt(inputSize, "input-size"),
    bias: !argv.includes("--no-bias"),
  });
  const withMacs = cost.macs !== null;
  return {
    layers: cost.layers.map((layer) => ({
      channels: layer.channels,
      outputShape: layer.outputShape,
      params: layer.params,
      ...(withMacs ? { macs: layer.macs } : {}),
    })),
    params: cost.params,
    ...(withMacs ? { macs: cost.macs } : {}),
  };
}

/**
 * Any `rf` case, as the command decides: the field keys always, and the parameter and MAC keys when
 * the case asks for them (`--channels`, or a `c`, `g` or `fc` token).
 */
export function rfWithCostCase(argv: readonly string[]): Record<string, unknown> {
  const field = rfCase(argv.filter((arg) => arg !== "--no-bias"));
  const args = readArgs(argv.filter((arg) => arg !== "--no-bias"));
  const wanted = wantsLayerCosts(parseLayers(option(args, "layers")!), option(args, "channels") !== undefined);
  return wanted ? { ...field, ...rfCostCase(argv) } : field;
}
