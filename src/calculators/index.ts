/**
 * Every calculator, in the order `--help` and `cnn-drill topics` list them: its command (`spec`) and
 * its quiz topics (`drill`), each loaded only when asked for — a calculator's own run never loads its drill.
 * Adding a calculator: its folder (src/calculators/<name>/index.ts exporting `spec`, drill/index.ts
 * exporting `drill`) and one line here.
 */
import type { CalculatorDrill } from "../drill/drill.js";
import type { CalculatorSpec } from "./spec.js";

export const CALCULATORS = {
  conv: { spec: () => import("./conv/index.js"), drill: () => import("./conv/drill/index.js") },
  pool: { spec: () => import("./pool/index.js"), drill: () => import("./pool/drill/index.js") },
  roi: { spec: () => import("./roi/index.js"), drill: () => import("./roi/drill/index.js") },
  spp: { spec: () => import("./spp/index.js"), drill: () => import("./spp/drill/index.js") },
  rf: { spec: () => import("./rf/index.js"), drill: () => import("./rf/drill/index.js") },
  gate: { spec: () => import("./gate/index.js"), drill: () => import("./gate/drill/index.js") },
  step: { spec: () => import("./step/index.js"), drill: () => import("./step/drill/index.js") },
} as const satisfies Record<string, { spec: () => Promise<{ spec: CalculatorSpec }>; drill: () => Promise<{ drill: CalculatorDrill }> }>;

export type CalculatorName = keyof typeof CALCULATORS;

export const CALCULATOR_NAMES = Object.keys(CALCULATORS) as CalculatorName[];

export function isCalculatorName(name: string): name is CalculatorName {
  return Object.hasOwn(CALCULATORS, name);
}

export async function loadCalculator(name: CalculatorName): Promise<CalculatorSpec> {
  return (await CALCULATORS[name].spec()).spec;
}

/** The calculator's quiz topics, hints and mistakes (loaded by the quiz, never by the calculator's own command). */
export async function loadDrill(name: CalculatorName): Promise<CalculatorDrill> {
  return (await CALCULATORS[name].drill()).drill;
}
