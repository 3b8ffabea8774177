/**
 * roi.pool: torchvision roi_pool on a 5×5 map. Boxes are chosen so that the rounding of the scaled
 * corners matters (a corner lands on a half and rounds away from zero), and bins sometimes overlap.
 * Some problems use Fast R-CNN's geometry: a box in the pixels of an 80×80 image, projected onto the
 * stride-16 feature map (spatial scale 1/16).
 */
import { roiForward, roiRegion, setupRoi, type Box } from "../../../engine/roi-pool.js";
import { fromRows } from "../../../engine/tensor.js";
import type { Random } from "../../../drill/random.js";
import type { NumericGenerator, PromptPart } from "../../../drill/topic.js";
import { drawUntil } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

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

/** The backbone's total stride in the realistic problems (VGG16's conv5 in Fast R-CNN). */
export const FEATURE_STRIDE = 16;

/**
 * A box and scale. `realistic`: image pixels at multiples of 4 (so a scaled corner often lands on a
 * half), scale 1/16; else small coordinates with scale 1/2 or 1/4.
 */
function drawBox(random: Random, realistic: boolean): RoiDraw {
  const scale = realistic ? 1 / FEATURE_STRIDE : random.pick([0.5, 0.5, 0.5, 0.25]);
  const step = realistic ? 4 : 1;
  const last = Math.ceil((MAP - 0.5) / scale) - 1; // largest coordinate that stays on the map after rounding
  const output = random.pick([2, 2, 2, 3]);
  const coordinate = (r: Random, from: number, to: number) => step * r.int(Math.ceil(from / step), Math.floor(to / step));
  return drawUntil(
    random,
    (r): RoiDraw => {
      const x1 = coordinate(r, 0, last - 1);
      const y1 = coordinate(r, 0, last - 1);
      return { box: { x1, y1, x2: coordinate(r, x1 + 1, last), y2: coordinate(r, y1 + 1, last) }, scale, output };
    },
    ({ box }) => {
      const region = roiRegion(box, 0, MAP, MAP, [output, output], scale);
      const inside = region.endCol < MAP && region.endRow < MAP;
      return inside && region.roiWidth >= output && region.roiHeight >= output && region.roiWidth <= 4 && region.roiHeight <= 4 && roundedCorners(box, scale) >= 2;
    },
  );
}

const roiPool: NumericGenerator<Key> = {
  topic: "roi.pool",
  calculator: "roi",
  generate(random) {
    // A separate stream decides the geometry, so the other problems keep their boxes.
    const realistic = random.stream("geometry").chance(0.4);
    const { box, scale, output } = drawBox(random.stream("box"), realistic);
    const input = drawUntil(
      random.stream("input"),
      (r) => r.matrix(MAP, MAP, 0, 9),
      (m) => roiForward(setupRoi(fromRows(m), [box], { outputSize: [output, output], scale })).outputs[0].data.some((v) => v !== 0),
    );
    const boxText = [box.x1, box.y1, box.x2, box.y2].join(", ");
    const prompt: PromptPart<Key>[] = realistic ? [{ key: "quiz.prompt.roiStride", params: { image: MAP * FEATURE_STRIDE, stride: FEATURE_STRIDE, map: MAP } }] : [];
    prompt.push({ key: "quiz.prompt.roi.pool", params: { box: boxText, scale, ph: output, pw: output } });
    return {
      given: { input, box: [box.x1, box.y1, box.x2, box.y2], output, scale },
      ask: "output",
      prompt,
    };
  },
};

export const roiGenerators: NumericGenerator<Key>[] = [roiPool];
