import { convCase } from "./conv.js";
import { gateCase } from "./gate.js";
import { poolCase } from "./pool.js";
import { rfWithCostCase } from "./rf-cost.js";
import { roiCase } from "./roi.js";
import { sppCase } from "./spp.js";
import { stepCase } from "./step.js";
import { sppShapeCase } from "./spp-shape.js";

/** For each command of the torch cases, a function that computes the case through the engine alone. */
export const engineAdapters: Record<string, (argv: readonly string[]) => Record<string, unknown>> = {
  conv: convCase,
  pool: poolCase,
  roi: roiCase,
  // `spp --shape C,H,W` counts bins on a shape instead of pooling a map.
  spp: (argv) => (argv.includes("--shape") ? sppShapeCase(argv) : sppCase(argv)),
  rf: rfWithCostCase,
  gate: gateCase,
  step: stepCase,
};
