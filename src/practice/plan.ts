/**
 * Which problems a session or an exam holds. Deterministic: the same topics, count and seed give the
 * same problem ids (so the same seed gives the same exam on every machine).
 */
import { hashString, Random, type ProblemRef } from "../quiz/index.js";

/** Problem seeds stay short enough to type back (`conv.forward@48213`). */
export const PROBLEM_SEED_MAX = 999_999;

/**
 * `count` problems over `topics`: the topics in a seeded order, one problem each, starting again with a
 * fresh order when `count` exceeds them. Each problem's seed is drawn from its own stream.
 */
export function planProblems(topics: readonly string[], count: number, seed: number, purpose = "session"): ProblemRef[] {
  if (topics.length === 0) return [];
  const refs: ProblemRef[] = [];
  for (let round = 0; refs.length < count; round++) {
    const order = new Random(hashString(`${purpose}@${seed}/order/${round}`)).shuffle(topics);
    for (const topic of order) {
      if (refs.length === count) break;
      refs.push({ topic, seed: problemSeed(purpose, seed, refs.length) });
    }
  }
  return refs;
}

/** The seed of the problem at `index` in a plan. */
export function problemSeed(purpose: string, seed: number, index: number): number {
  return new Random(hashString(`${purpose}@${seed}/problem/${index}`)).int(1, PROBLEM_SEED_MAX);
}

/** Problems for the given topics in that order (review: due first, then weakest), cycling when `count` is larger. */
export function planInOrder(topics: readonly string[], count: number, seed: number, purpose = "review"): ProblemRef[] {
  if (topics.length === 0) return [];
  return Array.from({ length: count }, (_, index) => ({ topic: topics[index % topics.length], seed: problemSeed(purpose, seed, index) }));
}
