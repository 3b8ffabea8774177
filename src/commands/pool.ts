/** `cnn-drill pool`: parse options → max/avg pooling engine → worked answer or JSON. */
import type { Command } from "commander";
import { check } from "../engine/errors.js";
import { argmaxPositions, maxPoolMask, poolBackward, poolForward, setupPool, type PoolType } from "../engine/pool2d.js";
import { explainPool } from "../explain/pool.js";
import { parseChoice, parseMatrix, parsePair } from "../io/parse.js";
import { renderJson } from "../render/json.js";
import { fitsPoolWorkedAnswer, renderPoolSummary, renderPoolText } from "../render/pool.js";
import { addCommonOptions, runAction, type CliContext, type CommonOptions, examplesHelp } from "./context.js";

interface PoolCliOptions extends CommonOptions {
  input: string;
  type: string;
  size: string;
  stride?: string;
  padding: string;
  ceil?: boolean;
  excludePad?: boolean;
  grad?: string;
}

export function registerPool(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("pool")
    .description(t("pool.help"))
    .addHelpText("after", examplesHelp(t, "pool.help.examples"))
    .requiredOption("--input <matrix>", t("pool.help.input"))
    .option("--type <type>", t("pool.help.type"), "max")
    .requiredOption("--size <pair>", t("pool.help.size"))
    .option("--stride <pair>", t("pool.help.stride"))
    .option("--padding <pair>", t("pool.help.padding"), "0")
    .option("--ceil", t("pool.help.ceil"))
    .option("--exclude-pad", t("pool.help.excludePad"))
    .option("--grad <matrix>", t("pool.help.grad"));
  addCommonOptions(command, t).action((options: PoolCliOptions) =>
    runAction(context, options, async (ui) => {
      const type = parseChoice<PoolType>(options.type, "type", ["max", "avg"]);
      check(!(options.excludePad === true && type === "max"), "exclude-pad", "pool.excludePadNeedsAvg", {}, "pool.excludePadNeedsAvgHint");
      const input = parseMatrix(await ui.reader.text(options.input, "input"), "input");
      const size = parsePair(options.size, "size", { min: 1 });
      const setup = setupPool(input, {
        type,
        size,
        stride: options.stride === undefined ? size : parsePair(options.stride, "stride", { min: 1 }),
        padding: parsePair(options.padding, "padding", { min: 0 }),
        ceilMode: options.ceil === true,
        countIncludePad: options.excludePad !== true,
      });
      const grad = options.grad === undefined ? undefined : parseMatrix(await ui.reader.text(options.grad, "grad"), "grad");

      if (ui.json || !fitsPoolWorkedAnswer(setup)) {
        const forward = poolForward(setup);
        const gradInput = grad === undefined ? undefined : poolBackward(setup, grad, forward);
        if (ui.json) {
          const maxKeys = forward.argmax ? { mask: maxPoolMask(setup, forward.argmax), argmax: argmaxPositions(setup, forward.argmax) } : {};
          return { output: renderJson({ output: forward.output, ...maxKeys, ...(gradInput ? { gradInput } : {}) }) };
        }
        const results = [{ label: ui.t("pool.label.output"), tensor: forward.output }];
        if (gradInput) results.push({ label: ui.t("pool.label.gradInput"), tensor: gradInput });
        return { output: renderPoolSummary(setup, results, ui) };
      }
      return { output: renderPoolText(explainPool(setup, grad), ui) };
    }),
  );
}
