/**
 * Seeded randomness for the quiz's problems. A problem `topic@seed` draws each of its parts (sizes, input,
 * kernel, gradient…) from its own stream, so that a change to one part's drawing never shifts the
 * others, and the same id gives the same problem on every run and machine. Never Math.random.
 */
import { LIMITS } from "../engine/budget.js";

/** Seeds are whole numbers 0 … MAX_SEED (what `topic@N` accepts). */
export const MAX_SEED = LIMITS.seed;

/** FNV-1a, 32 bits: a stable hash of a string (UTF-16 code units). */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** One stream of random draws. */
export class Random {
  private readonly nextFloat: () => number;

  constructor(seed: number) {
    this.nextFloat = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.nextFloat();
  }

  /** A whole number in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.nextFloat() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.nextFloat() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** An h×w matrix of whole numbers in [min, max]. */
  matrix(h: number, w: number, min: number, max: number): number[][] {
    return Array.from({ length: h }, () => Array.from({ length: w }, () => this.int(min, max)));
  }
}

/** The streams of one problem: `stream("input")` is the same for the same topic, seed and part name. */
export class ProblemRandom {
  constructor(readonly topic: string, readonly seed: number) {}

  stream(part: string): Random {
    return new Random(hashString(`${this.topic}@${this.seed}/${part}`));
  }
}
