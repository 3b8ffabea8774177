/**
 * Staged hints (src/tutor/hints.ts) for every numeric topic of the quiz, in both languages: 2–3
 * levels, level 1 never gives the answer, no level gives a whole answer matrix or list. One problem
 * per topic is pinned in a file snapshot per language (test/tutor/__snapshots__/hints/), to be read
 * as a student would. What a topic's hints work out, and hand-made problems, are tested with its
 * calculator's drill (test/calculators/<name>/drill.test.ts).
 */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../helpers/errors.js";
import { containsRun, flat, HINT_SEEDS, hintCaseOf, numbersIn } from "../helpers/drill.js";
import { LANGS, translator } from "../../src/i18n/index.js";
import { generateProblem, listTopics } from "../../src/quiz/index.js";
import { buildHints, hasHints, hintsFor, parseHintLevel } from "../../src/tutor/hints.js";

const NUMERIC_TOPICS = listTopics().filter((topic) => topic.kind === "numeric").map((topic) => topic.id);
const CHOICE_TOPICS = listTopics().filter((topic) => topic.kind === "choice").map((topic) => topic.id);

describe("hint level", () => {
  it.each([["1", 1], ["3", 3], [" 2 ", 2]])("level=%j of 3 is %i", (text, level) => {
    expect(parseHintLevel(text, 3)).toBe(level);
  });

  it.each(["0", "4", "-1", "1.5", "two", "", "1e0"])("throws when the level is %j (3 levels)", (text) => {
    expectInputError(() => parseHintLevel(text, 3), "level", "hint.levelBad");
  });
});

describe("hint topics", () => {
  it("every numeric topic of the quiz has hints", () => {
    expect(NUMERIC_TOPICS.length).toBeGreaterThan(0);
    expect(NUMERIC_TOPICS.filter((topic) => !hasHints(topic))).toEqual([]);
  });

  it("throws when the topic is a choice topic", () => {
    for (const topic of CHOICE_TOPICS) expectInputError(() => buildHints({ topic, given: {} }, translator("en")), undefined, "hint.noHints");
  });

  it("throws when the topic is unknown", () => {
    expectInputError(() => buildHints({ topic: "conv.nonsense", given: {} }, translator("en")), undefined, "hint.noHints");
  });

  it("throws when the topic name is an object's property", () => {
    expectInputError(() => buildHints({ topic: "constructor", given: {} }, translator("en")), undefined, "hint.noHints");
  });
});

describe.each(NUMERIC_TOPICS)("hints for %s", (topic) => {
  it.each(HINT_SEEDS)(`${topic} seed=%i: 2–3 levels in both languages, every placeholder filled`, async (seed) => {
    const { hints } = await hintCaseOf(topic, seed);
    for (const lang of LANGS) {
      expect(hints[lang].length).toBeGreaterThanOrEqual(2);
      expect(hints[lang].length).toBeLessThanOrEqual(3);
      for (const level of hints[lang]) {
        expect(level.trim().length).toBeGreaterThan(0);
        expect(level).not.toMatch(/\{\w+(\|[^}]*)?\}|hint\.\w|undefined|NaN/);
        expect(level).not.toMatch(/--\w/); // exam notation, never command-line syntax
      }
    }
    expect(hints.ko.length).toBe(hints.en.length);
    expect(hints.ko.join("")).toMatch(/[가-힣]/);
  });

  it.each(HINT_SEEDS)(`${topic} seed=%i: level 1 does not give the answer, and no level gives the whole answer`, async (seed) => {
    const { hints, answer } = await hintCaseOf(topic, seed);
    const expected = flat(answer);
    for (const lang of LANGS) {
      const levels = hints[lang];
      if (typeof answer === "number") {
        expect(numbersIn(levels[0]), `level 1 (${lang}) shows ${answer}`).not.toContain(answer);
        // The last level substitutes the numbers but stops short of the result.
        const last = levels[levels.length - 1].trim().replace(/[.。]$/, "");
        expect(last.split("=").pop()!.trim()).not.toBe(String(answer));
        continue;
      }
      const bits = expected.every((value) => value === 0 || value === 1);
      for (const level of levels) {
        if (bits && expected.length === 4) {
          for (const written of [expected.join(" "), expected.join(""), expected.join(", ")]) expect(level).not.toContain(written);
        } else {
          expect(containsRun(numbersIn(level), expected), `a level (${lang}) shows the whole answer`).toBe(false);
        }
      }
    }
  });
});

describe("pinned hints", () => {
  it.each(NUMERIC_TOPICS.flatMap((topic) => LANGS.map((lang) => [topic, lang] as const)))("%s in %s", async (topic, lang) => {
    const problem = await generateProblem(topic, 1, lang);
    const hints = await hintsFor(problem, lang);
    const text = [`${problem.id}: ${problem.prompt}`, ...hints.map((hint, i) => `--- ${i + 1}/${hints.length}\n${hint}`)].join("\n\n");
    await expect(`${text}\n`).toMatchFileSnapshot(`__snapshots__/hints/${topic}.${lang}.txt`);
  });
});
