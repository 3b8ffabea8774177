import { layerCosts } from "../../src/engine/layer-cost.js";
import { parseLayers } from "../../src/engine/receptive-field.js";
import { parsePositiveInt } from "../../src/io/parse.js";
import { option, readArgs } from "./args.js";

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
