/** The common mistake of SPP: the vector's length counted for one channel. */
import { tensorOf } from "../../../drill/given-values.js";
import { mistake, type Mistake } from "../../../drill/tutor.js";
import type { DrillMistakeId } from "./messages.js";

export const sppMistakes: readonly Mistake<DrillMistakeId>[] = [
  mistake("spp-no-channels", (problem) => {
    const input = tensorOf(problem.given.input);
    const levels = problem.given.levels;
    if (problem.ask !== "length" || input === undefined || input.shape.length !== 3 || !Array.isArray(levels)) return undefined;
    return (levels as number[]).reduce((sum, n) => sum + n * n, 0);
  }),
];
