/** The question bank as checked data, and the loader's refusals. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Lang } from "../src/i18n/index.js";
import { BANK_FORMAT_VERSION, loadQuestionBank, makeBank, parseQuestionFile, questionsFolder, type Question } from "../src/quiz/bank.js";
import { CHOICE_TOPICS, generateProblem } from "../src/quiz/index.js";

/** Every concept topic is grown to exam size (issue 13): the per-topic checks cover them all. */
const GROWN_TOPICS: readonly string[] = CHOICE_TOPICS;

/**
 * How often "pick the longest option" finds the key: per question, 1/k when the key is one of the k
 * options of the greatest length (in characters), else 0; the share is the mean over the questions.
 */
function keyLongestShare(questions: readonly Question[], lang: Lang): number {
  return keyExtremeShare(questions, lang, Math.max);
}

/** The same for "pick the shortest option", so that rewriting keys does not turn the cue around. */
function keyShortestShare(questions: readonly Question[], lang: Lang): number {
  return keyExtremeShare(questions, lang, Math.min);
}

function keyExtremeShare(questions: readonly Question[], lang: Lang, extreme: (...values: number[]) => number): number {
  if (questions.length === 0) return 0;
  let hits = 0;
  for (const question of questions) {
    const lengths = question.choices.map((choice) => [...choice[lang]].length);
    const target = extreme(...lengths);
    const tied = lengths.filter((length) => length === target).length;
    if (lengths[question.answer] === target) hits += 1 / tied;
  }
  return hits / questions.length;
}

/** Phrases that lean on another question; in a shuffled mock exam there is no "previous" one. */
const REFERENCES_TO_OTHER_QUESTIONS = [
  /same setting/i,
  /same set-?up/i,
  /as above/i,
  /(previous|last|preceding|earlier|above) (question|problem|example)/i,
  /question before/i,
  /같은 설정/,
  /같은 조건/,
  /위와 같은/,
  /위의 (문제|예|설정)/,
  /(이전|앞|앞의|위) 문제/,
];

function referencesAnotherQuestion(text: string): boolean {
  return REFERENCES_TO_OTHER_QUESTIONS.some((pattern) => pattern.test(text));
}

describe("questions/", async () => {
  const bank = await loadQuestionBank();

  it("holds at least 40 questions", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(40);
  });

  it("covers every seed topic, each with several questions", () => {
    for (const topic of CHOICE_TOPICS) expect(bank.byTopic(topic).length, topic).toBeGreaterThanOrEqual(5);
  });

  it("has at least 15 questions in each grown topic", () => {
    for (const topic of GROWN_TOPICS) expect(bank.byTopic(topic).length, topic).toBeGreaterThanOrEqual(15);
  });

  it("holds at least 120 questions", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(120);
  });

  it.each(["en", "ko"] as const)("cannot be gamed by picking the longest option in %s (key longest in at most 0.35 of the bank)", (lang) => {
    expect(keyLongestShare(bank.questions, lang)).toBeLessThanOrEqual(0.35);
  });

  it.each(["en", "ko"] as const)("cannot be gamed by picking the shortest option in %s (key shortest in at most 0.35 of the bank)", (lang) => {
    expect(keyShortestShare(bank.questions, lang)).toBeLessThanOrEqual(0.35);
  });

  it.each(["en", "ko"] as const)("keeps the key longest in at most 0.35 of each grown topic in %s", (lang) => {
    for (const topic of GROWN_TOPICS) expect(keyLongestShare(bank.byTopic(topic), lang), topic).toBeLessThanOrEqual(0.35);
  });

  it("varies the key's letter in each grown topic (no letter keys more than 0.4 of a topic)", () => {
    for (const topic of GROWN_TOPICS) {
      const questions = bank.byTopic(topic);
      const counts = new Map<number, number>();
      for (const question of questions) counts.set(question.answer, (counts.get(question.answer) ?? 0) + 1);
      expect(Math.max(...counts.values()) / questions.length, topic).toBeLessThanOrEqual(0.4);
    }
  });

  it("has questions that stand alone (no reference to another question)", () => {
    for (const question of bank.questions) {
      for (const text of [question.prompt, ...question.choices, question.explanation]) {
        expect(referencesAnotherQuestion(text.en), `${question.id}: ${text.en}`).toBe(false);
        expect(referencesAnotherQuestion(text.ko), `${question.id}: ${text.ko}`).toBe(false);
      }
    }
  });

  it("writes the input gradient as ∂L/∂a (the exam's notation)", () => {
    for (const question of bank.questions) {
      for (const text of [question.prompt, ...question.choices, question.explanation]) {
        expect(`${text.en} ${text.ko}`, question.id).not.toMatch(/∂L\/∂(input|x)\b/);
      }
    }
  });

  it("has unique ids", () => {
    const ids = bank.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has every text in English and Korean (Korean text is Korean)", () => {
    for (const question of bank.questions) {
      for (const text of [question.prompt, question.explanation, ...question.choices]) {
        expect(text.en.trim().length, question.id).toBeGreaterThan(0);
        expect(text.ko.trim().length, question.id).toBeGreaterThan(0);
      }
      expect(question.prompt.ko, question.id).toMatch(/[가-힣]/);
      expect(question.explanation.ko, question.id).toMatch(/[가-힣]/);
    }
  });

  it("has 2–6 distinct choices and an answer in range", () => {
    for (const question of bank.questions) {
      expect(question.choices.length).toBeGreaterThanOrEqual(2);
      expect(question.choices.length).toBeLessThanOrEqual(6);
      expect(question.answer).toBeGreaterThanOrEqual(0);
      expect(question.answer).toBeLessThan(question.choices.length);
      for (const lang of ["en", "ko"] as const) expect(new Set(question.choices.map((c) => c[lang])).size, question.id).toBe(question.choices.length);
    }
  });

  it("is found beside the sources (questions/ two levels above src/quiz)", () => {
    expect(questionsFolder()).toMatch(/[\\/]questions[\\/]?$/);
  });

  it("gives every concept problem the same question and order for the same seed", async () => {
    for (const topic of CHOICE_TOPICS) {
      const a = await generateProblem(topic, 42, "en");
      expect(await generateProblem(topic, 42, "en")).toEqual(a);
      expect(a.choices!.length).toBeGreaterThanOrEqual(2);
      expect(bank.find(a.question!)?.topic).toBe(topic);
    }
  });

  it("moves the right answer around (options are shuffled by the seed)", async () => {
    const { checkAnswer } = await import("../src/quiz/index.js");
    const letters = new Set<string>();
    for (let seed = 0; seed < 30; seed++) letters.add(String((await checkAnswer(await generateProblem("concept.roi-spp", seed, "en"), "a", "en")).expected));
    expect(letters.size).toBeGreaterThanOrEqual(3);
  });
});

const GOOD = `version: ${BANK_FORMAT_VERSION}
questions:
  - id: sample-one
    topic: concept.xor
    prompt: { en: "Question?", ko: "질문?" }
    choices:
      - { en: "Yes", ko: "예" }
      - { en: "No", ko: "아니요" }
    answer: b
    explanation: { en: "Because.", ko: "그래서." }
`;

describe("keyLongestShare and keyShortestShare", () => {
  const question = (answer: number, ...options: string[]): Question => ({
    id: "q",
    topic: "concept.xor",
    prompt: { en: "?", ko: "?" },
    choices: options.map((option) => ({ en: option, ko: option })),
    answer,
    explanation: { en: ".", ko: "." },
    file: "test.yaml",
  });

  it.each([
    ["the key strictly longest", [question(0, "long key", "a", "b")], 1],
    ["the key shorter than another option", [question(0, "key", "longer one", "b")], 0],
    ["the key tied with one other option", [question(1, "same", "also", "b")], 0.5],
    ["the key tied among three options", [question(2, "aaa", "bbb", "ccc", "d")], 1 / 3],
    ["one hit in two questions", [question(0, "long key", "a"), question(0, "k", "long one")], 0.5],
    ["no questions", [], 0],
  ])("gives the share for %s", (_, questions, share) => {
    expect(keyLongestShare(questions, "en")).toBeCloseTo(share, 10);
  });

  it.each([
    ["the key strictly shortest", [question(0, "k", "longer", "longest")], 1],
    ["the key tied with one other shortest option", [question(0, "ab", "cd", "longer")], 0.5],
    ["the key longest", [question(2, "a", "bb", "key key")], 0],
  ])("gives the shortest-option share for %s", (_, questions, share) => {
    expect(keyShortestShare(questions, "en")).toBeCloseTo(share, 10);
  });

  it("counts characters, not UTF-16 units or bytes", () => {
    // "𝛿𝛿" is 2 characters but 4 UTF-16 units (and 8 bytes in UTF-8); "abc" is 3 of each.
    expect(keyLongestShare([question(0, "𝛿𝛿", "abc")], "en")).toBe(0);
  });
});

describe("referencesAnotherQuestion", () => {
  it.each([
    "Same setting (2×2 kernel, 3×3 input). What is ∂L/∂a22?",
    "With the same set-up, what is δ11?",
    "As above, the kernel is rotated.",
    "Using the kernel of the previous question, …",
    "같은 설정(2×2 커널)에서 ∂L/∂a22는?",
    "위와 같은 입력에서 출력은?",
    "이전 문제의 커널로 계산하면?",
    "앞 문제와 같은 δ를 씁니다.",
  ])("finds a reference in %j", (text) => {
    expect(referencesAnotherQuestion(text)).toBe(true);
  });

  it.each([
    "The same kernel is reused at every position.",
    "같은 커널을 모든 위치에서 다시 쓴다.",
    "Which setting of the stride keeps the size?",
    "위쪽 층에서 내려오는 기울기",
  ])("finds none in %j", (text) => {
    expect(referencesAnotherQuestion(text)).toBe(false);
  });
});

describe("parseQuestionFile", () => {
  it("reads a valid file", () => {
    const [question] = parseQuestionFile(GOOD, "good.yaml");
    expect(question).toMatchObject({ id: "sample-one", topic: "concept.xor", answer: 1, prompt: { en: "Question?", ko: "질문?" } });
  });

  it.each([
    ["an unknown question field", GOOD.replace("    answer: b", "    answer: b\n    hint: { en: x, ko: y }"), /unknown field "hint"/],
    ["an unknown top-level field", `${GOOD}author: me\n`, /unknown field "author"/],
    ["an unknown language", GOOD.replace('{ en: "Question?", ko: "질문?" }', '{ en: "Question?", ko: "질문?", fr: "Question ?" }'), /prompt: unknown field "fr"/],
    ["a missing Korean text", GOOD.replace('{ en: "Because.", ko: "그래서." }', '{ en: "Because." }'), /explanation: missing field "ko"/],
    ["an empty text", GOOD.replace('ko: "질문?"', 'ko: ""'), /prompt\.ko must be a non-empty string/],
    ["a missing field", GOOD.replace(/ {4}explanation:.*\n/, ""), /missing field "explanation"/],
    ["one choice", GOOD.replace('      - { en: "No", ko: "아니요" }\n', ""), /2 to 6 options/],
    ["seven choices", GOOD.replace('      - { en: "No", ko: "아니요" }\n', Array.from({ length: 6 }, (_, i) => `      - { en: "No ${i}", ko: "아니요 ${i}" }\n`).join("")), /2 to 6 options/],
    ["an answer out of range", GOOD.replace("answer: b", "answer: c"), /answer must be a letter a–b/],
    ["a numeric answer", GOOD.replace("answer: b", "answer: 2"), /answer must be a letter/],
    ["duplicate choices", GOOD.replace('{ en: "No", ko: "아니요" }', '{ en: "yes", ko: "아니요" }'), /duplicate choice \(en\)/],
    ["an unknown topic", GOOD.replace("concept.xor", "concept.nope"), /topic must be one of/],
    ["a bad id", GOOD.replace("sample-one", "Sample One"), /id must be lowercase/],
    ["another version", GOOD.replace(`version: ${BANK_FORMAT_VERSION}`, "version: 2"), /version must be 1/],
    ["no questions", `version: 1\nquestions: []\n`, /non-empty list/],
    ["broken YAML", `version: 1\nquestions: [\n`, /not valid YAML/],
    ["a duplicate key", GOOD.replace("    answer: b", "    answer: b\n    answer: a"), /not valid YAML/],
  ])("throws when the file has %s", (_, text, message) => {
    expect(() => parseQuestionFile(text, "bad.yaml")).toThrow(message);
  });

  it("names the file and the question in its messages", () => {
    expect(() => parseQuestionFile(GOOD.replace("answer: b", "answer: z"), "xor.yaml")).toThrow(/question bank xor\.yaml \(question 1, id sample-one\)/);
  });

  it("throws when two files share an id", () => {
    const questions = [...parseQuestionFile(GOOD, "a.yaml"), ...parseQuestionFile(GOOD, "b.yaml")];
    expect(() => makeBank(questions)).toThrow(/duplicate id \(also in a\.yaml\)/);
  });

  it("loads a folder of files, and throws when a folder has none", async () => {
    const folder = mkdtempSync(join(tmpdir(), "cnn-drill-bank-"));
    await expect(loadQuestionBank(folder)).rejects.toThrow(/no \.yaml files/);
    // A failed load is not cached: once the file is there, the same folder loads.
    writeFileSync(join(folder, "one.yaml"), GOOD);
    expect((await loadQuestionBank(folder)).questions.map((q) => q.id)).toEqual(["sample-one"]);
  });
});
