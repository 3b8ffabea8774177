/** Choice problems: a bank question drawn from the seed, its options shuffled by the seed. */
import type { Lang } from "../i18n/index.js";
import { choiceLetter } from "./answer.js";
import { loadQuestionBank, type Question } from "./bank.js";
import { formatProblemId, type QuizProblem } from "./types.js";
import { ProblemRandom } from "./random.js";

export interface ChoiceDraw {
  question: Question;
  /** `order[i]` is the bank index of the option shown at position i. */
  order: number[];
  /** Position (0-based) of the right option as shown. */
  answer: number;
}

/** Which question and option order `topic@seed` gives. */
export async function drawChoice(topic: string, seed: number): Promise<ChoiceDraw> {
  const bank = await loadQuestionBank();
  const questions = bank.byTopic(topic);
  if (questions.length === 0) throw new Error(`question bank has no question for ${topic}`);
  const random = new ProblemRandom(topic, seed);
  const question = random.stream("question").pick(questions);
  const order = random.stream("choices").shuffle(question.choices.map((_, i) => i));
  return { question, order, answer: order.indexOf(question.answer) };
}

/** The right option of `topic@seed` as shown: its letter, its text and the bank's explanation, in `lang`. */
export async function choiceAnswer(topic: string, seed: number, lang: Lang): Promise<{ letter: string; text: string; explanation: string }> {
  const { question, order, answer } = await drawChoice(topic, seed);
  return { letter: choiceLetter(answer), text: question.choices[order[answer]][lang], explanation: question.explanation[lang] };
}

export async function choiceProblem(topic: string, seed: number, lang: Lang): Promise<QuizProblem> {
  const { question, order } = await drawChoice(topic, seed);
  return {
    id: formatProblemId(topic, seed),
    topic,
    seed,
    kind: "choice",
    prompt: question.prompt[lang],
    choices: order.map((i) => question.choices[i][lang]),
    answerForm: "choice",
    question: question.id,
  };
}
