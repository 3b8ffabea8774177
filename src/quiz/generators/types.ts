/** What a numeric topic's generator returns: one calculator call, stated as an exam question. */
import type { MessageParams } from "../../engine/errors.js";
import type { KeysUnder, MessageKey } from "../../i18n/index.js";
import type { ProblemRandom } from "../random.js";
import type { AnswerForm, GivenValue } from "../types.js";

import type { CalculatorName } from "../../calculators/index.js";

/** The calculator commands a problem can name. */
export type Calculator = CalculatorName;

/** A topic id: one with a title in the catalogue (`quiz.topic.<id>`). */
export type TopicId = KeysUnder<"quiz.topic.">;

export interface NumericSpec {
  /** Words after the calculator's name (`gate xor`). */
  positional?: string[];
  /** The calculator's options (camelCase of the option name, `inputSize` → `--input-size`), in argv order. */
  given: Record<string, GivenValue>;
  /** The key of the calculator's JSON output that is the answer. */
  ask: string;
  /** How the answer is written; default: a matrix (a number for `gradBias`). */
  answerForm?: Exclude<AnswerForm, "choice">;
  /** The prompt: catalogue keys (src/i18n/messages/quiz.ts) with parameters, joined by a space. */
  prompt: PromptPart[];
  /**
   * What the worked solution opens with, when the calculator's own output does not start with the
   * asked quantity: catalogue keys whose `{answer}` is filled from the calculator's JSON.
   */
  solutionLead?: PromptPart[];
}

export interface PromptPart {
  key: MessageKey;
  params?: MessageParams;
}

export interface NumericGenerator {
  /** `area.name`; its title is the catalogue key `quiz.topic.<id>` (a topic without one fails the type check). */
  topic: TopicId;
  calculator: Calculator;
  /** Draws one problem; every draw comes from `random.stream(part)`. */
  generate(random: ProblemRandom): NumericSpec;
}
