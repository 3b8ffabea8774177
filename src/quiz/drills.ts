/**
 * The loaded drills: every calculator's quiz topics, hints and mistakes (src/calculators/<name>/drill/),
 * in the calculators' order. A command that speaks of topics awaits `loadDrills()` once (its loader
 * does, src/commands/index.ts); after that the quiz, the tutor and practice read them synchronously.
 */
import { CALCULATOR_NAMES, loadDrill } from "../calculators/index.js";
import type { CalculatorDrill } from "../drill/drill.js";
import type { NumericGenerator } from "../drill/topic.js";
import type { HintBuilder, Mistake } from "../drill/tutor.js";
import { addMessages } from "../i18n/index.js";

export type { NumericGenerator, NumericSpec, PromptPart } from "../drill/topic.js";

let loaded: readonly CalculatorDrill[] | undefined;

/** Loads every calculator's drill and adds its messages to the catalogue; loading twice is free. */
export async function loadDrills(): Promise<void> {
  if (loaded !== undefined) return;
  const drills = await Promise.all(CALCULATOR_NAMES.map(loadDrill));
  for (const drill of drills) addMessages(drill.messages);
  loaded = drills;
}

function drills(): readonly CalculatorDrill[] {
  if (loaded === undefined) throw new Error("the quiz's topics are not loaded: await loadDrills() first");
  return loaded;
}

/** Every numeric topic's generator, in the calculators' order (a test checks that each names a registered calculator). */
export function numericGenerators(): readonly NumericGenerator[] {
  return drills().flatMap((drill) => drill.topics);
}

export function findGenerator(topic: string): NumericGenerator | undefined {
  return numericGenerators().find((generator) => generator.topic === topic);
}

/** The drill a topic belongs to. */
export function findDrill(topic: string): CalculatorDrill | undefined {
  return drills().find((drill) => drill.topics.some((generator) => generator.topic === topic));
}

/** The hints of a topic, if its drill has them. */
export function findHintBuilder(topic: string): HintBuilder | undefined {
  for (const drill of drills()) {
    const hints: Readonly<Record<string, HintBuilder | undefined>> = drill.hints;
    if (Object.hasOwn(hints, topic)) return hints[topic];
  }
  return undefined;
}

/** The topics that have hints. */
export function hintTopics(): string[] {
  return drills().flatMap((drill) => Object.keys(drill.hints));
}

/** The given values some drill's prompts state in words (not shown again beside the given grids). */
export function givenStatedInPrompt(): ReadonlySet<string> {
  return new Set(drills().flatMap((drill) => drill.givenInWords));
}

/** Every drill's common mistakes, in the calculators' order. */
export function drillMistakes(): readonly Mistake[] {
  return drills().flatMap((drill) => drill.mistakes);
}
