/**
 * The quiz core's public API, for the commands (topics, problem, check) and the practice commands
 * (quiz, review, exam, stats). The question bank (and the YAML library) is loaded only on demand.
 */
export type { CheckResult, GivenValue, Problem, Topic, TopicKind } from "./types.js";
export { CHOICE_TOPICS, findTopic, isChoiceTopic, listTopics, topicTitle, type ChoiceTopicId } from "./topics.js";
export {
  commandFor,
  formatProblemId,
  generateProblem,
  givenArgument,
  parseProblemId,
  parseSeed,
  pickProblemRef,
  requireTopic,
  type AnswerForm,
  type ProblemRef,
  type QuizProblem,
} from "./problem.js";
export { checkAnswer, type CheckOutcome, type ChoiceCheck, type NumericCheck } from "./check.js";
export { ANSWER_TOLERANCE, choiceLetter, flattenNested, isClose, readChoiceAnswer, readNumericAnswer, shapeOfNested, type NestedNumbers } from "./answer.js";
export { calculatorAnswer, calculatorJson, runCalculator, workedSolution, type CalculatorRun } from "./calculator.js";
export { hashString, MAX_SEED, mulberry32, ProblemRandom, Random, randomSeed } from "./random.js";
export { numericGenerators, findGenerator, type NumericGenerator, type NumericSpec } from "./generators/index.js";
