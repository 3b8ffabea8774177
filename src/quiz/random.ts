/** Seeds for the quiz: the problem streams live in the drill kit (src/drill/random.ts); a fresh seed is drawn here. */
import { randomInt } from "node:crypto";

export { hashString, MAX_SEED, ProblemRandom, Random } from "../drill/random.js";

/** A fresh seed when the user gives none (short enough to type back). */
export function randomSeed(): number {
  return randomInt(1, 1_000_000);
}
