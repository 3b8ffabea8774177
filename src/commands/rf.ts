/** `cnn-drill rf`: parse the layer SPEC → receptive-field engine → table and pictures, or JSON. */
import type { Command } from "commander";
import { parseLayers, receptiveField, type LayerField } from "../engine/receptive-field.js";
import { explainRf } from "../explain/rf.js";
import { parsePositiveInt } from "../io/parse.js";
import { renderJson } from "../render/json.js";
import { renderRfText } from "../render/rf.js";
import { addCommonOptions, runAction, type CliContext, type CommonOptions, examplesHelp } from "./context.js";

interface RfCliOptions extends CommonOptions {
  layers: string;
  inputSize?: string;
}

/** One layer as the contract's JSON gives it (plus kind, token, outputPadding and inputSize). */
export function layerJson(layer: LayerField): Record<string, unknown> {
  return {
    kind: layer.kind,
    token: layer.token,
    kernel: layer.kernel,
    stride: layer.stride,
    padding: layer.padding,
    dilation: layer.dilation,
    ...(layer.kind === "tconv" ? { outputPadding: layer.outputPadding } : {}),
    effectiveKernel: layer.effectiveKernel,
    jump: layer.jump,
    receptiveField: layer.receptiveField,
    start: layer.start,
    inputSize: layer.inputSize,
    outputSize: layer.outputSize,
  };
}

export function registerRf(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("rf")
    .description(t("rf.help"))
    .addHelpText("after", examplesHelp(t, "rf.help.examples"))
    .requiredOption("--layers <spec>", t("rf.help.layers"))
    .option("--input-size <n>", t("rf.help.inputSize"));
  addCommonOptions(command, t).action((options: RfCliOptions) =>
    runAction(context, options, (ui) => {
      const inputSize = options.inputSize === undefined ? undefined : parsePositiveInt(options.inputSize, "input-size");
      const result = receptiveField(parseLayers(options.layers), inputSize);
      if (ui.json) {
        return {
          output: renderJson({
            layers: result.layers.map(layerJson),
            receptiveField: result.receptiveField,
            jump: result.jump,
            start: result.start,
            inputSize: result.inputSize,
            outputSize: result.outputSize,
          }),
        };
      }
      return { output: renderRfText(explainRf(result), ui) };
    }),
  );
}
