/**
 * The quiz core's API for the commands (topics, problem, check) and the practice commands (quiz,
 * review, exam, stats): only what they use. The question bank (and the YAML library) is loaded only
 * on demand.
 */
export type { Topic } from "./types.js";
export { CHOICE_TOPICS, listTopics, topicTitle } from "./topics.js";
export { generateProblem, parseProblemId, parseSeed, pickProblemRef, requireTopic, type ProblemRef, type QuizProblem } from "./problem.js";
export { checkAnswer, type CheckOutcome, type NumericCheck } from "./check.js";
export { choiceLetter, flattenNested, readChoiceAnswer, readNumericAnswer, shapeOfNested, type NestedNumbers } from "./answer.js";
export { calculatorAnswer, calculatorJson, workedHtml, workedSolution } from "./calculator.js";
export { hashString, Random, randomSeed } from "./random.js";
export { loadDrills, numericGenerators } from "./drills.js";
