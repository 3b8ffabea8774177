/**
 * The registry of numeric topics, one generator file per area. A topic is listed only when its
 * calculator is in the list (src/calculators/index.ts); a test checks that every listed topic runs.
 */
import { isCalculatorName } from "../../calculators/index.js";
import { convGenerators } from "./conv.js";
import { gateGenerators } from "./gate.js";
import { poolGenerators } from "./pool.js";
import { rfGenerators } from "./rf.js";
import { rfCostGenerators } from "./rf-cost.js";
import { roiGenerators } from "./roi.js";
import { sppGenerators } from "./spp.js";
import { convChannelsGenerators, trainGenerators } from "./train.js";
import type { NumericGenerator } from "./types.js";

export type { Calculator, NumericGenerator, NumericSpec, PromptPart } from "./types.js";

const allGenerators: readonly NumericGenerator[] = [...convGenerators, ...convChannelsGenerators, ...poolGenerators, ...roiGenerators, ...sppGenerators, ...rfGenerators, ...rfCostGenerators, ...gateGenerators, ...trainGenerators];

/** The generators whose calculator is registered (a topic that cannot run is never listed). */
export const numericGenerators: readonly NumericGenerator[] = allGenerators.filter((generator) => isCalculatorName(generator.calculator));

export function findGenerator(topic: string): NumericGenerator | undefined {
  return numericGenerators.find((generator) => generator.topic === topic);
}
