/**
 * Staged hints for a numeric problem, before its solution: 2–3 levels per topic, each a tutor's
 * sentence in exam notation. Level 1 says what is asked and how it is found (never the answer), the
 * last level works the first cell, row or term. Pure: built from the problem's `given` and the engine.
 *
 * `hintsFor` loads the hint messages itself; `buildHints` takes a translator whose catalogue already
 * holds them (area "hint").
 */
import { InputError } from "../engine/errors.js";
import { loadMessages, translator, type Lang, type Translate } from "../i18n/index.js";
import { convChannelsGradHints, convChannelsHints } from "./conv-channels-hints.js";
import { convForwardHints, convGradBiasHints, convGradInputHints, convGradKernelHints, convOutputSizeHints } from "./conv-hints.js";
import type { Given } from "./given.js";
import { poolAvgGradHints, poolMaskHints, poolMaxGradHints, poolMaxHints } from "./pool-hints.js";
import { rfMacsHints, rfParamsHints } from "./rf-cost-hints.js";
import { gatePerceptronHints, gateXorHints, rfDilatedKernelHints, rfStackHints } from "./rf-gate-hints.js";
import { trainChainHints, trainDeltaHints, trainUpdateHints } from "./train-hints.js";
import { trainSigmoidHints } from "./sigmoid-hints.js";
import { roiHints, sppLengthHints, sppVectorHints } from "./roi-spp-hints.js";

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

type HintBuilder = (given: Given, t: Translate, ask: string | undefined) => string[];

const BUILDERS: Readonly<Record<string, HintBuilder>> = {
  "conv.forward": convForwardHints,
  "conv.padded": convForwardHints,
  "conv.true": convForwardHints,
  "conv.dilated": convForwardHints,
  "conv.grad-input": convGradInputHints,
  "conv.grad-kernel": convGradKernelHints,
  "conv.grad-bias": convGradBiasHints,
  "conv.output-size": convOutputSizeHints,
  // Topics of the training-step issue, ready before their generators: built from a given alone.
  "conv.channels": convChannelsHints,
  "conv.channels-grad": convChannelsGradHints,
  "train.delta": trainDeltaHints,
  "train.update": (given, t, ask) => trainUpdateHints(given, t, ask ?? "updatedKernel"),
  "train.step": (given, t, ask) => trainUpdateHints(given, t, ask ?? "updatedKernel"),
  "train.chain": (given, t, ask) => trainChainHints(given, t, ask ?? "gradKernel"),
  "train.sigmoid": (given, t, ask) => trainSigmoidHints(given, t, ask ?? "gradKernel"),
  "pool.max": poolMaxHints,
  "pool.max-mask": poolMaskHints,
  "pool.max-grad": poolMaxGradHints,
  "pool.avg-grad": poolAvgGradHints,
  "roi.pool": roiHints,
  "spp.length": sppLengthHints,
  "spp.vector": sppVectorHints,
  "rf.dilated-kernel": rfDilatedKernelHints,
  "rf.stack": rfStackHints,
  "rf.params": rfParamsHints,
  "rf.macs": rfMacsHints,
  "gate.xor": gateXorHints,
  "gate.perceptron": gatePerceptronHints,
};

/** The topics that have hints. */
export const HINT_TOPICS: readonly string[] = Object.keys(BUILDERS);

export function hasHints(topic: string): boolean {
  return Object.hasOwn(BUILDERS, topic);
}

/** The given values, with `gate`'s positional gate name (`cnn-drill gate xor`) added as `gate`. */
function givenOf(problem: HintProblem): Given {
  const given = problem.given ?? {};
  const [, calculator, positional] = problem.command ?? [];
  if (calculator === "gate" && positional !== undefined && !positional.startsWith("--") && given.gate === undefined) return { ...given, gate: positional };
  return given;
}

/** The hints of `problem`, level 1 first, with the messages of `t`. */
export function buildHints(problem: HintProblem, t: Translate): string[] {
  const builder = BUILDERS[problem.topic];
  if (!hasHints(problem.topic)) throw new InputError(undefined, "hint.noHints", { topic: problem.topic }, "hint.noHintsHint");
  return builder(givenOf(problem), t, problem.ask);
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
