/**
 * "Did you mean": the candidates closest to a mistyped word, by edit distance (insertions, deletions,
 * substitutions and swaps of neighbours), as commander suggests commands and options.
 */
import type { EngineErrorCode } from "./errors.js";

/** Edits that turn `a` into `b` (optimal string alignment: each swap of two neighbours counts once). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  return rows[a.length][b.length];
}

/** Most edits a suggestion may be away, and the least share of the candidate that must survive them (commander's limits). */
const MAX_EDITS = 2;
const MIN_SIMILARITY = 0.4;

/**
 * The candidates nearest to `word` (ignoring case), in their given order; none when even the nearest
 * is more than two edits away or shares too little with the word to be what was meant.
 */
export function closestWords(word: string, candidates: readonly string[]): string[] {
  const typed = word.trim().toLowerCase();
  if (typed === "") return [];
  let best = Infinity;
  let closest: string[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance > MAX_EDITS || (candidate.length - distance) / candidate.length <= MIN_SIMILARITY) continue;
    if (distance < best) [best, closest] = [distance, [candidate]];
    else if (distance === best) closest.push(candidate);
  }
  return closest;
}

/**
 * For an unknown topic id or area: the nearest ones as the `suggestion` parameter and the hint that
 * names them ("did you mean conv.forward?"), or the plain hint that points to `cnn-drill topics`.
 */
export function topicSuggestion(word: string, candidates: readonly string[]): { suggestion: string; hintCode: EngineErrorCode } {
  const closest = closestWords(word, candidates);
  const hintCode = closest.length === 0 ? "quiz.topicUnknownHint" : closest.length === 1 ? "topic.didYouMean" : "topic.didYouMeanOneOf";
  return { suggestion: closest.join(", "), hintCode };
}
