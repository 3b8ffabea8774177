/**
 * Every calculator, in the order `--help` lists them, each loaded only when its command runs.
 * Adding a calculator: its folder (src/calculators/<name>/index.ts exporting `spec`) and one line here.
 */
import type { CalculatorSpec } from "./spec.js";

export const CALCULATORS = {
  conv: () => import("./conv/index.js"),
  pool: () => import("./pool/index.js"),
  roi: () => import("./roi/index.js"),
  spp: () => import("./spp/index.js"),
  rf: () => import("./rf/index.js"),
  gate: () => import("./gate/index.js"),
  step: () => import("./step/index.js"),
} as const satisfies Record<string, () => Promise<{ spec: CalculatorSpec }>>;

export type CalculatorName = keyof typeof CALCULATORS;

export const CALCULATOR_NAMES = Object.keys(CALCULATORS) as CalculatorName[];

export function isCalculatorName(name: string): name is CalculatorName {
  return Object.hasOwn(CALCULATORS, name);
}

export async function loadCalculator(name: CalculatorName): Promise<CalculatorSpec> {
  return (await CALCULATORS[name]()).spec;
}
