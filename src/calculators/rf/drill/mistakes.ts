/** The common mistakes of receptive fields: a dilated kernel taken as d·k wide, and a stack's jumps forgotten. */
import { effectiveKernel } from "../../../engine/geometry.js";
import { parseLayers, receptiveField } from "../../../engine/receptive-field.js";
import { numberOf, singleLayer } from "../../../drill/given-values.js";
import { mistake, type Mistake } from "../../../drill/tutor.js";
import type { DrillMistakeId } from "./messages.js";

export const rfMistakes: readonly Mistake<DrillMistakeId>[] = [
  mistake("dilated-size-d-times-k", (problem) => {
    const layer = singleLayer(problem);
    if (layer === undefined || layer.kind !== "conv" || layer.dilation === 1) return undefined;
    const wrongKernel = layer.dilation * layer.kernel;
    if (problem.ask === "receptiveField") return wrongKernel;
    const n = numberOf(problem.given.inputSize);
    if (problem.ask !== "outputSize" || n === undefined) return undefined;
    return Math.floor((n + 2 * layer.padding - wrongKernel) / layer.stride) + 1;
  }),
  mistake("rf-no-jump", (problem) => {
    if (problem.ask !== "receptiveField" || typeof problem.given.layers !== "string") return undefined;
    const layers = parseLayers(problem.given.layers);
    if (layers.length < 2 || receptiveField(layers).receptiveField === null) return undefined;
    return 1 + layers.reduce((sum, layer) => sum + effectiveKernel(layer.kernel, layer.dilation) - 1, 0);
  }),
];
