/**
 * What a calculator's quiz topic is written as: a generator that draws one call of a calculator
 * (its options as typed values) and states it as an exam question, in the calculator's own message keys.
 */
import type { MessageParams } from "../engine/errors.js";
import type { MessageKey } from "../i18n/index.js";
import type { ProblemRandom } from "./random.js";

/** A value given to the student in a problem, keyed by the calculator's option name (camelCase). */
export type GivenValue = number | number[] | number[][] | number[][][] | number[][][][] | string;

/** How the answer is written: one number, a list, a matrix (or C×H×W array), or a choice letter. */
export type AnswerForm = "number" | "list" | "matrix" | "choice";

/** The topic ids a set of message keys gives titles to: `quiz.topic.conv.forward` → `conv.forward`. */
export type TopicOf<Key extends string> = Key extends `quiz.topic.${infer Id}` ? Id : never;

/** The keys a calculator's drill may use: its own (its `drill/messages.ts`) and the catalogue's common, quiz, hint and tutor keys. */
export type DrillKey<Own extends string> = Own | MessageKey;

export interface PromptPart<Key extends string = string> {
  key: Key;
  params?: MessageParams;
}

export interface NumericSpec<Key extends string = string> {
  /** Words after the calculator's name (`gate xor`). */
  positional?: string[];
  /** The calculator's options (camelCase of the option name, `inputSize` → `--input-size`), in argv order. */
  given: Record<string, GivenValue>;
  /** The key of the calculator's JSON output that is the answer. */
  ask: string;
  /** How the answer is written (a test checks it against the answer's shape); default: a matrix. */
  answerForm?: Exclude<AnswerForm, "choice">;
  /** The prompt: message keys with parameters, joined by a space. */
  prompt: PromptPart<Key>[];
  /**
   * What the worked solution opens with, when the calculator's own output does not start with the
   * asked quantity: message keys whose `{answer}` is filled from the calculator's JSON.
   */
  solutionLead?: PromptPart<Key>[];
}

export interface NumericGenerator<Key extends string = string> {
  /** `area.name`; its title is the message `quiz.topic.<id>` (a topic without one fails the type check). */
  topic: TopicOf<Key>;
  /** The calculator that answers it (a test checks it is registered): usually the drill's own, or another (`conv.output-size` is answered by `rf`). */
  calculator: string;
  /** Draws one problem; every draw comes from `random.stream(part)`. */
  generate(random: ProblemRandom): NumericSpec<Key>;
}
