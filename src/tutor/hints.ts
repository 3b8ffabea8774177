/**
 * Staged hints for a numeric problem, before its solution: 2–3 levels per topic, each a tutor's
 * sentence in exam notation. Level 1 says what is asked and how it is found (never the answer), the
 * last level works the first cell, row or term. Pure: built from the problem's `given` and the engine.
 *
 * `hintsFor` loads the hint messages itself; `buildHints` takes a translator whose catalogue already
 * holds them (area "hint").
 */
import { InputError } from "../engine/errors.js";
import type { Given } from "../drill/given.js";
import { loadMessages, translator, type Lang, type Translate } from "../i18n/index.js";
import { findHintBuilder } from "../quiz/drills.js";

/** What hints need of a problem, as `problem --json` shows it. */
export interface HintProblem {
  topic: string;
  /** The problem's values keyed by the calculator's option names. */
  given?: Given;
  /** The key of the calculator's answer (`gradKernel`, `updatedBias`…): some topics ask for different ones. */
  ask?: string;
  /** The calculator argv ("cnn-drill", calculator, positional words…, options…): `gate`'s gate name is a positional word. */
  command?: readonly string[];
}

export function hasHints(topic: string): boolean {
  return findHintBuilder(topic) !== undefined;
}

/** The given values, with the calculator's positional word (`cnn-drill gate xor`) added under the calculator's name (`gate`). */
function givenOf(problem: HintProblem): Given {
  const given = problem.given ?? {};
  const [, calculator, positional] = problem.command ?? [];
  if (calculator !== undefined && positional !== undefined && !positional.startsWith("--") && given[calculator] === undefined) return { ...given, [calculator]: positional };
  return given;
}

/** The hints of `problem`, level 1 first, with the messages of `t`. */
export function buildHints(problem: HintProblem, t: Translate): string[] {
  const builder = findHintBuilder(problem.topic);
  if (builder === undefined) throw new InputError(undefined, "hint.noHints", { topic: problem.topic }, "hint.noHintsHint");
  return builder(givenOf(problem), t as Translate<string>, problem.ask);
}

/** `--level N` of `cnn-drill hint`: a whole number from 1 to `levels` (the problem's number of hints). */
export function parseHintLevel(text: string, levels: number): number {
  const trimmed = text.trim();
  const level = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(level >= 1 && level <= levels)) throw new InputError("level", "hint.levelBad", { text, levels }, "hint.levelBadHint");
  return level;
}

/** The hints of `problem` in `lang`, level 1 first. */
export async function hintsFor(problem: HintProblem, lang: Lang): Promise<string[]> {
  await loadMessages(["hint"]);
  return buildHints(problem, translator(lang));
}
