/**
 * The drill registry (src/calculators/index.ts, src/quiz/drills.ts): every calculator's drill has
 * hints for each of its topics, its messages in both languages with the same keys, no message key that
 * another drill or the common catalogue also defines (a duplicate would silently override), every key
 * its topics use in the catalogue in both languages, and a test file of its own.
 */
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CALCULATOR_NAMES, loadCalculator, loadDrill, type CalculatorName } from "../../src/calculators/index.js";
import type { AreaMessages } from "../../src/i18n/index.js";
import { LANGS } from "../../src/i18n/index.js";
import { catalog } from "../../src/i18n/catalog.js";
import { ProblemRandom } from "../../src/drill/random.js";
import { findHintBuilder, hintTopics } from "../../src/quiz/drills.js";

const MESSAGES_FOLDER = new URL("../../src/i18n/messages/", import.meta.url);

/** Every file of the common catalogue (src/i18n/messages/*.ts), by file name. */
async function catalogueFiles(): Promise<[string, AreaMessages][]> {
  const names = readdirSync(MESSAGES_FOLDER).filter((name) => name.endsWith(".ts"));
  return Promise.all(names.map(async (name) => [name, (await import(new URL(name, MESSAGES_FOLDER).pathname)) as AreaMessages] as [string, AreaMessages]));
}

describe.each(CALCULATOR_NAMES)("the %s drill", (name: CalculatorName) => {
  it("has hints for every topic, and hints only for its topics", async () => {
    const drill = await loadDrill(name);
    const topics = drill.topics.map((generator) => generator.topic as string);
    for (const topic of topics) expect(findHintBuilder(topic), topic).toBeDefined();
    expect(Object.keys(drill.hints).sort()).toEqual([...topics].sort());
  });

  it("has its messages in every language, with the same keys", async () => {
    const { messages } = await loadDrill(name);
    const english = Object.keys(messages.en).sort();
    expect(english.length).toBeGreaterThan(0);
    for (const lang of LANGS) expect(Object.keys(messages[lang]).sort(), lang).toEqual(english);
  });

  it("defines no message key another drill, a calculator or the common catalogue defines", async () => {
    const own = new Set(Object.keys((await loadDrill(name)).messages.en));
    const others: [string, AreaMessages][] = [
      ...(await catalogueFiles()).map(([file, messages]) => [`src/i18n/messages/${file}`, messages] as [string, AreaMessages]),
      ...(await Promise.all(CALCULATOR_NAMES.map(async (other) => [`the ${other} calculator`, (await loadCalculator(other)).messages] as [string, AreaMessages]))),
      ...(await Promise.all(CALCULATOR_NAMES.filter((other) => other !== name).map(async (other) => [`the ${other} drill`, (await loadDrill(other)).messages] as [string, AreaMessages]))),
    ];
    for (const [where, messages] of others) {
      const shared = Object.keys(messages.en).filter((key) => own.has(key));
      expect(shared, `keys also in ${where}`).toEqual([]);
    }
  });

  it("has every message in the loaded catalogue, in every language, as it wrote it", async () => {
    const { messages } = await loadDrill(name);
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(messages[lang])) expect(catalog[lang][key], `${lang} ${key}`).toBe(text);
    }
  });

  it("gives every topic a title, and every prompt and lead key it uses a message, in every language", async () => {
    const drill = await loadDrill(name);
    for (const generator of drill.topics) {
      const keys = new Set<string>([`quiz.topic.${generator.topic}`]);
      for (let seed = 0; seed < 30; seed++) {
        const spec = generator.generate(new ProblemRandom(generator.topic, seed));
        for (const part of [...spec.prompt, ...(spec.solutionLead ?? [])]) keys.add(part.key);
      }
      for (const key of keys) for (const lang of LANGS) expect(catalog[lang][key], `${generator.topic}: ${lang} ${key}`).toBeTypeOf("string");
    }
  });

  it("has a drill test of its own (test/calculators/<name>/drill.test.ts)", () => {
    expect(existsSync(new URL(`../calculators/${name}/drill.test.ts`, import.meta.url))).toBe(true);
  });
});

describe("hint topics", () => {
  it("are every drill's topics, each once", async () => {
    const drills = await Promise.all(CALCULATOR_NAMES.map(loadDrill));
    const topics = drills.flatMap((drill) => drill.topics.map((generator) => generator.topic as string));
    expect([...hintTopics()].sort()).toEqual([...topics].sort());
    expect(new Set(hintTopics()).size).toBe(hintTopics().length);
  });
});
