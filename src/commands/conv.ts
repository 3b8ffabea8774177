/** `cnn-drill conv`: parse options → conv2d engine → worked answer or JSON. */
import type { Command } from "commander";
import { convBackward, convForward, setupConv, type ConvMode, type PaddingSpec } from "../engine/conv2d.js";
import { InputError } from "../engine/errors.js";
import { explainConv } from "../explain/conv.js";
import { parseChoice, parseMatrix, parseNumberList, parsePair } from "../io/parse.js";
import { fitsWorkedAnswer, renderConvSummary, renderConvText } from "../render/conv.js";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, type CliContext, type CommonOptions, examplesHelp } from "./context.js";

interface ConvCliOptions extends CommonOptions {
  input: string;
  kernel: string;
  bias?: string;
  stride: string;
  padding: string;
  dilation: string;
  mode: string;
  grad?: string;
}

export function parsePadding(text: string): PaddingSpec {
  const word = text.trim().toLowerCase();
  if (word === "same" || word === "valid") return word;
  try {
    return parsePair(text, "padding", { min: 0 });
  } catch (error) {
    if (error instanceof InputError && error.code === "pair.bad") throw new InputError("padding", "conv.paddingBad", { text });
    throw error;
  }
}

export function registerConv(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("conv")
    .description(t("conv.help"))
    .addHelpText("after", examplesHelp(t, "conv.help.examples"))
    .requiredOption("--input <matrix>", t("conv.help.input"))
    .requiredOption("--kernel <matrix>", t("conv.help.kernel"))
    .option("--bias <values>", t("conv.help.bias"))
    .option("--stride <pair>", t("conv.help.stride"), "1")
    .option("--padding <pair>", t("conv.help.padding"), "0")
    .option("--dilation <pair>", t("conv.help.dilation"), "1")
    .option("--mode <mode>", t("conv.help.mode"), "corr")
    .option("--grad <matrix>", t("conv.help.grad"));
  addCommonOptions(command, t).action((options: ConvCliOptions) =>
    runAction(context, options, async (ui) => {
      const input = parseMatrix(await ui.reader.text(options.input, "input"), "input");
      const kernel = parseMatrix(await ui.reader.text(options.kernel, "kernel"), "kernel");
      const bias = options.bias === undefined ? undefined : parseNumberList(await ui.reader.text(options.bias, "bias"), "bias");
      const setup = setupConv(input, kernel, {
        stride: parsePair(options.stride, "stride", { min: 1 }),
        padding: parsePadding(options.padding),
        dilation: parsePair(options.dilation, "dilation", { min: 1 }),
        mode: parseChoice<ConvMode>(options.mode, "mode", ["corr", "conv"]),
        bias,
      });
      const grad = options.grad === undefined ? undefined : parseMatrix(await ui.reader.text(options.grad, "grad"), "grad");

      if (ui.json) {
        const output = convForward(setup);
        const gradients = grad === undefined ? {} : convBackward(setup, grad);
        return { output: renderJson({ output, ...gradients }) };
      }
      if (!fitsWorkedAnswer(setup)) {
        const output = convForward(setup);
        const results = [{ label: ui.t("conv.label.output"), tensor: output }];
        if (grad !== undefined) {
          const gradients = convBackward(setup, grad);
          results.push({ label: ui.t("conv.label.gradInput"), tensor: gradients.gradInput }, { label: ui.t("conv.label.gradKernel"), tensor: gradients.gradKernel });
        }
        return { output: renderConvSummary(setup, results, ui) };
      }
      return { output: renderConvText(explainConv(setup, grad), ui) };
    }),
  );
}
