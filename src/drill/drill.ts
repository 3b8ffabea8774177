/**
 * A calculator's drill: everything the quiz and the tutor know of its topics, in its folder
 * (`src/calculators/<name>/drill/index.ts` exports one). The quiz loads every calculator's drill
 * when a quiz command runs, never for a calculator's own run.
 */
import type { AreaMessages } from "../i18n/index.js";
import type { NumericGenerator, TopicOf } from "./topic.js";
import type { HintBuilder, Mistake, MistakeOf, OutputShapes } from "./tutor.js";

/** `Key`: the keys the drill may use (`DrillKey<keyof typeof en>` of its messages). */
export interface CalculatorDrill<Key extends string = any> {
  /** Its topics' titles and prompts, hints and mistakes, in every language (added to the catalogue when it loads). */
  messages: AreaMessages;
  /**
   * The given values its prompts state in words (`layers = conv5d2` or `mode = conv` beside the grids
   * would be command-line syntax, not the exam's notation): not shown again with the given grids.
   */
  givenInWords: readonly string[];
  /** Its numeric topics, in the order `cnn-drill topics` lists them. */
  topics: readonly NumericGenerator<Key>[];
  /** Staged hints by topic id: every topic of the drill has them (a test checks). */
  hints: Readonly<Partial<Record<TopicOf<Key>, HintBuilder<Key>>>>;
  /** The common mistakes of the problems its calculators answer, tried in this order. */
  mistakes: readonly Mistake<MistakeOf<Key>>[];
  /** For topics that ask for a layer's output: its geometry and output shapes, to name the cause of an answer of the wrong shape. */
  outputShapes?: OutputShapes;
}
