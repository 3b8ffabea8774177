/** The question bank as checked data, and the loader's refusals. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BANK_FORMAT_VERSION, loadQuestionBank, makeBank, parseQuestionFile, questionsFolder } from "../src/quiz/bank.js";
import { CHOICE_TOPICS, generateProblem } from "../src/quiz/index.js";

describe("questions/", async () => {
  const bank = await loadQuestionBank();

  it("holds at least 40 questions", () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(40);
  });

  it("covers every seed topic, each with several questions", () => {
    for (const topic of CHOICE_TOPICS) expect(bank.byTopic(topic).length, topic).toBeGreaterThanOrEqual(5);
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
