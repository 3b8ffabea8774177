/**
 * The mistake catalogue as a whole: every drill's mistakes and the tutor's own, with unique ids, each
 * named in both languages; a right answer never gets a diagnosis; a mistake never claims an answer
 * equal to the right one. Each drill's mistakes are recognised on their topics in its calculator's
 * drill test (test/calculators/<name>/drill.test.ts); the tutor's own is recognised here.
 */
import { describe, expect, it } from "vitest";
import { recognisedCount, solved } from "../helpers/drill.js";
import { catalog } from "../../src/i18n/catalog.js";
import { listTopics } from "../../src/quiz/index.js";
import { drillMistakes } from "../../src/quiz/drills.js";
import { allMistakes, diagnose, mistakenAnswers } from "../../src/tutor/mistakes.js";

const MISTAKE_IDS = allMistakes().map((mistake) => mistake.id);

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

describe("the catalogue", () => {
  it("has every drill's mistakes, then the tutor's own (transposed), each id once", () => {
    expect(MISTAKE_IDS).toEqual([...drillMistakes().map((mistake) => mistake.id), "transposed"]);
    expect(new Set(MISTAKE_IDS).size).toBe(MISTAKE_IDS.length);
  });

  it("transposed on conv.padded, over several seeds", async () => {
    expect(await recognisedCount("transposed", "conv.padded")).toBeGreaterThanOrEqual(3);
  });
});

describe("right answers", () => {
  const numeric = listTopics().filter((topic) => topic.kind === "numeric").map((topic) => topic.id);

  it.each(numeric)("%s: a right answer gets no diagnosis, and no mistake gives the right answer", async (topic) => {
    for (const seed of SEEDS.slice(0, 15)) {
      const { problem, expected } = await solved(topic, seed);
      expect(diagnose(problem, expected, expected)).toEqual([]);
      for (const mistake of mistakenAnswers(problem, expected)) expect(mistake.answer, `${topic}@${seed} ${mistake.id}`).not.toEqual(expected);
    }
  });
});

describe("messages", () => {
  it("every mistake is named in English and Korean, in one line", () => {
    for (const id of MISTAKE_IDS) {
      const key = `tutor.mistake.${id}`;
      for (const text of [catalog.en[key], catalog.ko[key]]) {
        expect(text, id).toBeTruthy();
        expect(text).not.toContain("\n");
      }
    }
  });
});
