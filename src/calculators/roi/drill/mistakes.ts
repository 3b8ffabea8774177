/** The common mistake of RoI pooling: the box's scaled corners floored instead of rounded. */
import { roiForward, setupRoi, type Box } from "../../../engine/roi-pool.js";
import { toNested } from "../../../engine/tensor.js";
import { numberOf, pairOf, tensorOf } from "../../../drill/given-values.js";
import { mistake, type Mistake } from "../../../drill/tutor.js";
import type { DrillMistakeId } from "./messages.js";

export const roiMistakes: readonly Mistake<DrillMistakeId>[] = [
  mistake("roi-floor", (problem) => {
    const input = tensorOf(problem.given.input);
    const box = problem.given.box;
    const scale = numberOf(problem.given.scale) ?? 1;
    if (!problem.topic.startsWith("roi.") || problem.ask !== "output" || input === undefined || !Array.isArray(box) || box.length !== 4) return undefined;
    // Corners floored after scaling; scale 1 then leaves the already whole corners as they are.
    const [x1, y1, x2, y2] = (box as number[]).map((v) => Math.floor(v * scale));
    const size = pairOf(problem.given.output, 1);
    const floored: Box = { x1, y1, x2, y2 };
    try {
      return toNested(roiForward(setupRoi(input, [floored], { outputSize: size, scale: 1 })).outputs[0]);
    } catch {
      return undefined; // the floored box can fall off the map: no such answer
    }
  }),
];
