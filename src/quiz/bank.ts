/**
 * The question bank: questions/*.yaml, read through one typed, validated loader. Unknown fields,
 * missing languages, bad answers and duplicate ids are errors that name the file and the question.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import type { Lang } from "../i18n/index.js";
import { CHOICE_TOPICS, isChoiceTopic, type ChoiceTopicId } from "./topics.js";

/** The format version this loader reads (`version:` at the top of every file). */
export const BANK_FORMAT_VERSION = 1;

export type BilingualText = Record<Lang, string>;

export interface Question {
  /** Unique across the bank: lowercase words joined by `-`. */
  id: string;
  topic: ChoiceTopicId;
  prompt: BilingualText;
  /** 2–6 options. */
  choices: BilingualText[];
  /** Index into `choices` (written as a letter, `a` = 0, in the file). */
  answer: number;
  explanation: BilingualText;
  /** The file it came from, for messages. */
  file: string;
}

export interface QuestionBank {
  questions: readonly Question[];
  byTopic(topic: string): Question[];
  find(id: string): Question | undefined;
}

export class QuestionBankError extends Error {
  constructor(file: string, where: string, message: string) {
    super(`question bank ${file}${where ? ` (${where})` : ""}: ${message}`);
    this.name = "QuestionBankError";
  }
}

/** questions/ beside src/ and dist/ (this module is src/quiz/bank.ts or dist/quiz/bank.js). */
export function questionsFolder(): string {
  return join(__dirname, "..", "..", "questions");
}

const LETTERS = "abcdef";
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FILE_KEYS = ["version", "questions"];
const QUESTION_KEYS = ["id", "topic", "prompt", "choices", "answer", "explanation"];
const TEXT_KEYS: Lang[] = ["en", "ko"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], fail: (message: string) => never): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`unknown field "${key}" (allowed: ${allowed.join(", ")})`);
  for (const key of allowed) if (!(key in value)) fail(`missing field "${key}"`);
}

function readText(value: unknown, field: string, fail: (message: string) => never): BilingualText {
  if (!isRecord(value)) fail(`${field} must have "en" and "ko" texts`);
  onlyKeys(value, TEXT_KEYS, (message) => fail(`${field}: ${message}`));
  for (const lang of TEXT_KEYS) {
    const text = value[lang];
    if (typeof text !== "string" || text.trim() === "") fail(`${field}.${lang} must be a non-empty string`);
  }
  return { en: (value.en as string).trim(), ko: (value.ko as string).trim() };
}

function readQuestion(value: unknown, index: number, file: string): Question {
  let where = `question ${index + 1}`;
  const fail = (message: string): never => {
    throw new QuestionBankError(file, where, message);
  };
  if (!isRecord(value)) fail("must be a mapping");
  const entry = value as Record<string, unknown>;
  if (typeof entry.id === "string") where = `question ${index + 1}, id ${entry.id}`;
  onlyKeys(entry, QUESTION_KEYS, fail);
  if (typeof entry.id !== "string" || !ID_PATTERN.test(entry.id)) fail(`id must be lowercase words joined by "-"`);
  if (typeof entry.topic !== "string" || !isChoiceTopic(entry.topic)) fail(`topic must be one of ${CHOICE_TOPICS.join(", ")}`);
  const prompt = readText(entry.prompt, "prompt", fail);
  if (!Array.isArray(entry.choices) || entry.choices.length < 2 || entry.choices.length > 6) fail("choices must be a list of 2 to 6 options");
  const choices = (entry.choices as unknown[]).map((choice, i) => readText(choice, `choices[${i + 1}]`, fail));
  for (const lang of TEXT_KEYS) {
    const seen = new Set<string>();
    for (const choice of choices) {
      const key = choice[lang].toLowerCase();
      if (seen.has(key)) fail(`duplicate choice (${lang}): "${choice[lang]}"`);
      seen.add(key);
    }
  }
  const letter = typeof entry.answer === "string" ? entry.answer.trim().toLowerCase() : "";
  const answer = letter.length === 1 ? LETTERS.indexOf(letter) : -1;
  if (answer < 0 || answer >= choices.length) fail(`answer must be a letter a–${LETTERS[choices.length - 1]}`);
  const explanation = readText(entry.explanation, "explanation", fail);
  return { id: entry.id as string, topic: entry.topic as ChoiceTopicId, prompt, choices, answer, explanation, file };
}

/** Validates one file's text; returns its questions. */
export function parseQuestionFile(text: string, file: string): Question[] {
  let document: unknown;
  try {
    document = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new QuestionBankError(file, "", `not valid YAML: ${(error as Error).message}`);
  }
  const fail = (message: string): never => {
    throw new QuestionBankError(file, "", message);
  };
  if (!isRecord(document)) fail("must be a mapping with version and questions");
  const root = document as Record<string, unknown>;
  onlyKeys(root, FILE_KEYS, fail);
  if (root.version !== BANK_FORMAT_VERSION) fail(`version must be ${BANK_FORMAT_VERSION}, got ${JSON.stringify(root.version)}`);
  if (!Array.isArray(root.questions) || root.questions.length === 0) fail("questions must be a non-empty list");
  return (root.questions as unknown[]).map((question, index) => readQuestion(question, index, file));
}

/** A bank from validated questions; ids must be unique across files. */
export function makeBank(questions: Question[]): QuestionBank {
  const ids = new Map<string, string>();
  for (const question of questions) {
    const other = ids.get(question.id);
    if (other !== undefined) throw new QuestionBankError(question.file, `id ${question.id}`, `duplicate id (also in ${other})`);
    ids.set(question.id, question.file);
  }
  return {
    questions,
    byTopic: (topic) => questions.filter((question) => question.topic === topic),
    find: (id) => questions.find((question) => question.id === id),
  };
}

const cache = new Map<string, Promise<QuestionBank>>();

/** Every questions/*.yaml file, validated (read once per process). */
export function loadQuestionBank(folder: string = questionsFolder()): Promise<QuestionBank> {
  let bank = cache.get(folder);
  if (bank === undefined) {
    bank = readBank(folder);
    cache.set(folder, bank);
    bank.catch(() => cache.delete(folder));
  }
  return bank;
}

async function readBank(folder: string): Promise<QuestionBank> {
  const files = (await readdir(folder)).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml")).sort();
  if (files.length === 0) throw new QuestionBankError(folder, "", "no .yaml files");
  const questions: Question[] = [];
  for (const name of files) questions.push(...parseQuestionFile(await readFile(join(folder, name), "utf8"), name));
  return makeBank(questions);
}
