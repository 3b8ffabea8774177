/** `cnn-drill spp`: parse options → spatial pyramid pooling engine → worked answer or JSON. */
import type { Command } from "commander";
import { sppBins, sppForward, setupSpp, type SppMethod, type SppType } from "../engine/spp.js";
import { explainSpp } from "../explain/spp.js";
import { parseChoice, parseMatrix, parseNumberList } from "../io/parse.js";
import { renderJson } from "../render/json.js";
import { fitsSppWorkedAnswer, renderSppSummary, renderSppText } from "../render/spp.js";
import { addCommonOptions, runAction, type CliContext, type CommonOptions, examplesHelp } from "./context.js";

interface SppCliOptions extends CommonOptions {
  input: string;
  levels: string;
  type: string;
  method: string;
}

export function registerSpp(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("spp")
    .description(t("spp.help"))
    .addHelpText("after", examplesHelp(t, "spp.help.examples"))
    .requiredOption("--input <matrix>", t("spp.help.input"))
    .requiredOption("--levels <list>", t("spp.help.levels"))
    .option("--type <type>", t("spp.help.type"), "max")
    .option("--method <method>", t("spp.help.method"), "adaptive");
  addCommonOptions(command, t).action((options: SppCliOptions) =>
    runAction(context, options, async (ui) => {
      const input = parseMatrix(await ui.reader.text(options.input, "input"), "input");
      const setup = setupSpp(input, {
        levels: parseNumberList(options.levels, "levels"),
        type: parseChoice<SppType>(options.type, "type", ["max", "avg"]),
        method: parseChoice<SppMethod>(options.method, "method", ["adaptive", "sppnet"]),
      });
      if (ui.json) {
        const result = sppForward(setup);
        const bins = sppBins(setup);
        const levels = result.levels.map((level, index) => ({ n: level.n, output: level.output, bins: bins[index] }));
        return { output: renderJson({ levels, vector: result.vector, length: result.length, expectedLength: result.expectedLength }) };
      }
      if (!fitsSppWorkedAnswer(setup)) return { output: renderSppSummary(explainSpp(setup, { detail: false }), ui) };
      return { output: renderSppText(explainSpp(setup), ui) };
    }),
  );
}
