/** Seeded randomness for property tests: the quiz's own PRNG, so failures are reproducible. */
export { mulberry32 as seededRandom } from "../../src/drill/random.js";

export function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}
