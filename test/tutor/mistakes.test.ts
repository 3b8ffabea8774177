/**
 * The mistake catalogue: each mistake, applied to problems of its topic over many seeds, is recognised
 * by its id; a right answer never gets a diagnosis; a mistake never claims an answer equal to the right one.
 */
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/i18n/catalog.js";
import { calculatorAnswer, generateProblem, listTopics, type NestedNumbers } from "../../src/quiz/index.js";
import { allMistakes, diagnose, mistakenAnswers, type DiagnosedProblem, type MistakeId } from "../../src/tutor/mistakes.js";

const MISTAKE_IDS = allMistakes().map((mistake) => mistake.id);

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

/** Where each mistake is made: the topic whose problems it is recognised on (the ids are stable: this list pins them). */
const TOPIC_OF: Record<MistakeId, string> = {
  "flipped-kernel": "conv.forward",
  "unflipped-kernel": "conv.true",
  "missing-bias": "conv.forward",
  transposed: "conv.padded",
  "grad-input-unrotated": "conv.grad-input",
  "pool-grad-to-all": "pool.max-grad",
  "pool-grad-averaged": "pool.max-grad",
  "pool-overlap-not-summed": "pool.max-grad",
  "pool-tie-all": "pool.max-mask",
  "output-size-no-plus-one": "conv.output-size",
  "output-size-one-side-padding": "conv.output-size",
  "dilated-size-d-times-k": "rf.dilated-kernel",
  "rf-no-jump": "rf.stack",
  "roi-floor": "roi.pool",
  "spp-no-channels": "spp.length",
  "delta-sign": "train.delta",
  "update-sign": "train.update",
  "relu-backward-ignored": "train.chain",
  "sigmoid-derivative-missing": "train.sigmoid",
  "loss-form": "train.delta",
};

async function solved(topic: string, seed: number): Promise<{ problem: DiagnosedProblem; expected: NestedNumbers }> {
  const problem = await generateProblem(topic, seed, "en");
  const expected = (await calculatorAnswer(problem)) as NestedNumbers;
  return { problem: { topic, given: problem.given!, ask: problem.ask! }, expected };
}

describe("every mistake of the catalogue is recognised on its own topic", () => {
  it("names a topic for every id", () => {
    expect(Object.keys(TOPIC_OF).sort()).toEqual([...MISTAKE_IDS].sort());
  });

  it.each(MISTAKE_IDS.map((id) => [id, TOPIC_OF[id]]))("%s on %s, over several seeds", async (id, topic) => {
    let recognised = 0;
    for (const seed of SEEDS) {
      const { problem, expected } = await solved(topic, seed);
      const mistaken = mistakenAnswers(problem, expected).find((m) => m.id === id);
      if (mistaken === undefined) continue;
      expect(diagnose(problem, mistaken.answer, expected), `${topic}@${seed}`).toContain(id);
      recognised++;
    }
    expect(recognised).toBeGreaterThanOrEqual(3);
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

describe("examples a tutor would recognise", () => {
  const forward: DiagnosedProblem = { topic: "conv.forward", given: { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 0], [0, -1]], bias: 10 }, ask: "output" };
  const right = [[6, 6], [6, 6]];

  it("the kernel flipped (true convolution): -w22·a… gives +4 before the bias", () => {
    expect(diagnose(forward, [[14, 14], [14, 14]], right)).toEqual(["flipped-kernel"]);
  });

  it("the bias forgotten: every cell off by b", () => {
    expect(diagnose(forward, [[-4, -4], [-4, -4]], right)).toEqual(["missing-bias"]);
  });

  it("an answer that is merely wrong is not diagnosed", () => {
    expect(diagnose(forward, [[6, 6], [6, 7]], right)).toEqual([]);
  });

  it("a wrong number of cells is not a mistake of the catalogue", () => {
    expect(diagnose(forward, [[6, 6, 6]], right)).toEqual([]);
  });

  it("conv5p1 on a 20-wide input: 18 is right; 17 is what both forgetting the +1 and padding one side only give", () => {
    const size: DiagnosedProblem = { topic: "conv.output-size", given: { layers: "conv5p1", inputSize: 20 }, ask: "outputSize" };
    expect(diagnose(size, 17, 18)).toEqual(["output-size-no-plus-one", "output-size-one-side-padding"]);
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
