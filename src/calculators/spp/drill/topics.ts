/**
 * spp topics: the fixed length C·Σn² of a pyramid (on maps of varied sizes, to show that it does not
 * depend on them) and the pooled vector itself on a small map (adaptive bins, max or exact averages).
 */
import type { NumericGenerator } from "../../../drill/topic.js";
import { drawUntil } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

const LEVEL_SETS: readonly (readonly number[])[] = [[1, 2], [1, 2, 3], [1, 2, 4], [1, 3], [2, 3], [1, 2, 3, 4]];

const sppLength: NumericGenerator<Key> = {
  topic: "spp.length",
  calculator: "spp",
  generate(random) {
    const shape = random.stream("shape");
    const channels = shape.pick([1, 2, 2, 3]);
    const height = shape.int(3, 5);
    const width = shape.int(3, 5);
    const levels = drawUntil(shape, (r) => r.pick(LEVEL_SETS), (set) => Math.max(...set) <= Math.min(height, width));
    const values = random.stream("input");
    const planes = Array.from({ length: channels }, () => values.matrix(height, width, 0, 9));
    return {
      given: { input: channels === 1 ? planes[0] : planes, levels: [...levels] },
      ask: "length",
      answerForm: "number",
      prompt: [{ key: "quiz.prompt.spp.length", params: { levels: levels.map((n) => `${n}×${n}`).join(", "), channels, height, width } }],
      solutionLead: [{ key: "quiz.lead.spp.length", params: { channels, squares: levels.map((n) => `${n}²`).join(" + ") } }],
    };
  },
};

const sppVector: NumericGenerator<Key> = {
  topic: "spp.vector",
  calculator: "spp",
  generate(random) {
    const shape = random.stream("shape");
    const type = shape.chance(0.25) ? "avg" : "max";
    // Averages only on 4×4 with levels 1 and 2 (bins of 16 and 4 cells), totals chosen so they stay exact.
    const [n, levels] = type === "avg" ? [4, [1, 2]] : shape.pick<[number, number[]]>([[3, [1, 2]], [4, [1, 2]], [5, [1, 2]], [4, [2, 1]], [5, [1, 3]]]);
    const input = drawUntil(
      random.stream("input"),
      (r) => r.matrix(n, n, 0, 9),
      (m) => m.flat().some((v) => v !== 0) && (type === "max" || m.flat().reduce((a, b) => a + b, 0) % 4 === 0),
    );
    return {
      given: { input, levels, ...(type === "avg" ? { type } : {}) },
      ask: "vector",
      answerForm: "list",
      prompt: [
        { key: type === "avg" ? "quiz.prompt.spp.vectorAvg" : "quiz.prompt.spp.vector", params: { levels: levels.join(", ") } },
        { key: "quiz.prompt.sppOrder", params: { levels: levels.join(", ") } },
      ],
    };
  },
};

export const sppGenerators: NumericGenerator<Key>[] = [sppLength, sppVector];
