/** Problems from ids: `topic@seed` → the same problem every time (numeric: a calculator call; choice: a bank question). */
import { InputError } from "../engine/errors.js";
import { topicSuggestion } from "../engine/suggest.js";
import { translator, type Lang } from "../i18n/index.js";
import { kebab } from "../calculators/spec.js";
import type { NumericSpec } from "../drill/topic.js";
import { findGenerator } from "./drills.js";
import { MAX_SEED, ProblemRandom, randomSeed } from "./random.js";
import { findTopic, isChoiceTopic, listTopics } from "./topics.js";
import { formatProblemId, type GivenValue, type ProblemRef, type QuizProblem } from "./types.js";

export { formatProblemId, type AnswerForm, type ProblemRef, type QuizProblem } from "./types.js";

/** A seed: a whole number 0 … 2³²−1. */
export function parseSeed(text: string, argument: string | undefined): number {
  const trimmed = text.trim();
  const value = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(value) || value > MAX_SEED) throw new InputError(argument, "quiz.seedBad", { text, max: MAX_SEED });
  return value;
}

/**
 * `topic@seed` (e.g. `conv.forward@1234`); the topic must exist. `argument` names the option the id
 * came from, undefined for a positional id (errors then name no option).
 */
export function parseProblemId(text: string, argument: string | undefined): ProblemRef {
  const at = text.lastIndexOf("@");
  if (at <= 0) throw new InputError(argument, "quiz.idBad", { text }, "quiz.idBadHint");
  const topic = requireTopic(text.slice(0, at), argument);
  return { topic, seed: parseSeed(text.slice(at + 1), argument) };
}

/** The topic id if it exists, else an error that points to `cnn-drill topics`. */
export function requireTopic(id: string, argument: string | undefined): string {
  const topic = findTopic(id.trim());
  if (topic === undefined) {
    const { suggestion, hintCode } = topicSuggestion(id, listTopics().map((known) => known.id));
    throw new InputError(argument, "quiz.topicUnknown", { topic: id, suggestion }, hintCode);
  }
  return topic.id;
}

/** A topic and seed when the user gave none: a random seed, and a topic drawn from it. */
export function pickProblemRef(topic?: string, seed?: number): ProblemRef {
  const chosenSeed = seed ?? randomSeed();
  if (topic !== undefined) return { topic, seed: chosenSeed };
  const topics = listTopics();
  return { topic: new ProblemRandom("*", chosenSeed).stream("topic").pick(topics).id, seed: chosenSeed };
}

/** The text of a given value as a calculator argument. */
function givenArgument(value: GivenValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (value.length > 0 && Array.isArray(value[0]) && !Array.isArray((value as number[][])[0][0])) {
    return (value as number[][]).map((row) => row.join(" ")).join("; ");
  }
  if (value.every((entry) => typeof entry === "number")) return (value as number[]).join(",");
  return JSON.stringify(value);
}

/** The calculator argv (starting with "cnn-drill") for a problem's given values. */
function commandFor(calculator: string, spec: Pick<NumericSpec, "given" | "positional">): string[] {
  const argv = ["cnn-drill", calculator, ...(spec.positional ?? [])];
  for (const [name, value] of Object.entries(spec.given)) argv.push(`--${kebab(name)}`, givenArgument(value));
  return argv;
}

/** The problem `topic@seed` in `lang`. Choice problems load the question bank (on demand). */
export async function generateProblem(topic: string, seed: number, lang: Lang): Promise<QuizProblem> {
  if (isChoiceTopic(topic)) {
    const { choiceProblem } = await import("./choice.js");
    return choiceProblem(topic, seed, lang);
  }
  const generator = findGenerator(topic);
  if (generator === undefined) throw new InputError("topic", "quiz.topicUnknown", { topic }, "quiz.topicUnknownHint");
  const spec = generator.generate(new ProblemRandom(topic, seed));
  const id = formatProblemId(topic, seed);
  const t = translator<string>(lang);
  return {
    id,
    topic,
    seed,
    kind: "numeric",
    prompt: spec.prompt.map((part) => t(part.key, part.params)).join(" "),
    given: spec.given,
    ask: spec.ask,
    command: commandFor(generator.calculator, spec),
    answerForm: spec.answerForm ?? "matrix",
  };
}
