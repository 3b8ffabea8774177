/**
 * roi.pool: torchvision roi_pool on a 5×5 map. Boxes are chosen so that the rounding of the scaled
 * corners matters (a corner lands on a half and rounds away from zero), and bins sometimes overlap.
 */
import { roiForward, roiRegion, setupRoi, type Box } from "../../engine/roi-pool.js";
import { fromRows } from "../../engine/tensor.js";
import type { Random } from "../random.js";
import type { NumericGenerator } from "./types.js";
import { drawUntil } from "./util.js";

const MAP = 5;

interface RoiDraw {
  box: Box;
  scale: number;
  output: number;
}

/** Scaled corners that fall on .5 (or .25/.75): the rounding is part of the exercise. */
function roundedCorners(box: Box, scale: number): number {
  return [box.x1, box.y1, box.x2, box.y2].filter((v) => !Number.isInteger(v * scale)).length;
}

function drawBox(random: Random): RoiDraw {
  const scale = random.pick([0.5, 0.5, 0.5, 0.25]);
  const last = Math.ceil((MAP - 0.5) / scale) - 1; // largest coordinate that stays on the map after rounding
  const output = random.pick([2, 2, 2, 3]);
  return drawUntil(
    random,
    (r): RoiDraw => {
      const x1 = r.int(0, last - 1);
      const y1 = r.int(0, last - 1);
      return { box: { x1, y1, x2: r.int(x1 + 1, last), y2: r.int(y1 + 1, last) }, scale, output };
    },
    ({ box }) => {
      const region = roiRegion(box, 0, MAP, MAP, [output, output], scale);
      const inside = region.endCol < MAP && region.endRow < MAP;
      return inside && region.roiWidth >= output && region.roiHeight >= output && region.roiWidth <= 4 && region.roiHeight <= 4 && roundedCorners(box, scale) >= 2;
    },
  );
}

const roiPool: NumericGenerator = {
  topic: "roi.pool",
  calculator: "roi",
  generate(random) {
    const { box, scale, output } = drawBox(random.stream("box"));
    const input = drawUntil(
      random.stream("input"),
      (r) => r.matrix(MAP, MAP, 0, 9),
      (m) => roiForward(setupRoi(fromRows(m), [box], { outputSize: [output, output], scale })).outputs[0].data.some((v) => v !== 0),
    );
    const boxText = [box.x1, box.y1, box.x2, box.y2].join(", ");
    return {
      given: { input, box: [box.x1, box.y1, box.x2, box.y2], output, scale },
      ask: "output",
      prompt: [{ key: "quiz.prompt.roi.pool", params: { box: boxText, scale, ph: output, pw: output } }],
    };
  },
};

export const roiGenerators: NumericGenerator[] = [roiPool];
