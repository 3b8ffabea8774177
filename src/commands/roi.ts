/** `cnn-drill roi`: parse options → roi_pool engine → worked answer or JSON. */
import type { Command } from "commander";
import { InputError } from "../engine/errors.js";
import { roiBackward, roiBins, roiForward, setupRoi, type Box } from "../engine/roi-pool.js";
import { explainRoi } from "../explain/roi.js";
import { parseMatrix, parseNumber, parseNumberToken, parsePair } from "../io/parse.js";
import { renderJson } from "../render/json.js";
import { fitsRoiWorkedAnswer, renderRoiSummary, renderRoiText } from "../render/roi.js";
import { addCommonOptions, runAction, type CliContext, type CommonOptions, examplesHelp } from "./context.js";

interface RoiCliOptions extends CommonOptions {
  input: string;
  box: string[];
  output: string;
  scale: string;
  grad?: string;
}

/** `x1,y1,x2,y2` (commas and/or spaces, fractions allowed) → a box. */
export function parseBox(text: string): Box {
  const tokens = text.trim().split(/[\s,]+/).filter((token) => token.length > 0);
  const values = tokens.map((token) => parseNumberToken(token));
  if (values.length !== 4 || values.some((value) => value === undefined || !Number.isFinite(value))) {
    throw new InputError("box", "roi.boxBad", { text }, "roi.boxBadHint");
  }
  const [x1, y1, x2, y2] = values as number[];
  return { x1, y1, x2, y2 };
}

export function parseRoiOutputSize(text: string): [number, number] {
  const [h, w] = parsePair(text, "output", { min: 1 });
  return [h, w];
}

export function registerRoi(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("roi")
    .description(t("roi.help"))
    .addHelpText("after", examplesHelp(t, "roi.help.examples"))
    .requiredOption("--input <matrix>", t("roi.help.input"))
    .requiredOption("--box <x1,y1,x2,y2>", t("roi.help.box"), (value: string, previous: string[] = []) => [...previous, value])
    .requiredOption("--output <size>", t("roi.help.output"))
    .option("--scale <number>", t("roi.help.scale"), "1")
    .option("--grad <matrix>", t("roi.help.grad"));
  addCommonOptions(command, t).action((options: RoiCliOptions) =>
    runAction(context, options, async (ui) => {
      const input = parseMatrix(await ui.reader.text(options.input, "input"), "input");
      const boxes = options.box.map(parseBox);
      const setup = setupRoi(input, boxes, { outputSize: parseRoiOutputSize(options.output), scale: parseNumber(options.scale, "scale") });
      const grad = options.grad === undefined ? undefined : parseMatrix(await ui.reader.text(options.grad, "grad"), "grad");

      if (ui.json || !fitsRoiWorkedAnswer(setup)) {
        const forward = roiForward(setup);
        const gradInput = grad === undefined ? undefined : roiBackward(setup, grad, forward);
        if (ui.json) {
          const output = forward.outputs.length === 1 ? forward.outputs[0] : forward.outputs;
          return { output: renderJson({ output, bins: roiBins(setup), ...(gradInput ? { gradInput } : {}) }) };
        }
        const results = forward.outputs.map((tensor, b) => ({ label: ui.t("roi.label.output", { box: b + 1 }), tensor }));
        if (gradInput) results.push({ label: ui.t("roi.label.gradInput"), tensor: gradInput });
        return { output: renderRoiSummary(setup, results, ui) };
      }
      return { output: renderRoiText(explainRoi(setup, grad), ui) };
    }),
  );
}
