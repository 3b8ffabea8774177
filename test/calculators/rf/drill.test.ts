/**
 * rf's drill (src/calculators/rf/drill/): dilated kernels and stacks (the opening line, the prompt's
 * layers, the worked numbers of the hints, hand-made stacks), its common mistakes, and the cost topics
 * (rf.params, rf.macs): enough distinct problems, the depthwise-separable comparison among them with
 * the standard conv's count stated right, small channel counts, and every layer the prompt states
 * present in the command it is checked by.
 */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { describeMistakes, describeOpeningLines, drillTopics, evaluate, HINT_SEEDS, hintCaseOf, problemsOf } from "../../helpers/drill.js";
import { translator } from "../../../src/i18n/index.js";
import { calculatorJson, generateProblem, type QuizProblem } from "../../../src/quiz/index.js";
import { buildHints } from "../../../src/tutor/hints.js";

describe("topics", () => {
  it("lists rf's topics in order", async () => {
    expect(await drillTopics("rf")).toEqual(["rf.dilated-kernel", "rf.stack", "rf.params", "rf.macs"]);
  });
});

describeOpeningLines([
  ["rf.dilated-kernel", /^Effective kernel size k̂ = d\(k − 1\) \+ 1 = \d+·\(\d+ − 1\) \+ 1 = (\d+)\.$/, /^유효 커널 크기 k̂ = /],
]);

describe("generators exercise what matters", () => {
  it("rf.stack writes every layer out as a lecturer would, one sentence per layer, in both languages", async () => {
    for (const problem of await problemsOf("rf.stack", Array.from({ length: 30 }, (_, seed) => seed))) {
      const layers = (problem.given!.layers as string).split(",");
      expect(problem.prompt.match(/Layer \d: \d×\d (convolution|max pooling), stride \d(, dilation 2)?\./g)).toHaveLength(layers.length);
      const korean = await generateProblem("rf.stack", problem.seed, "ko");
      expect(korean.prompt.match(/\d번째 층: \d×\d (합성곱|최대 풀링), 스트라이드 \d(, 팽창 2)?\./g)).toHaveLength(layers.length);
    }
  });
});

describe("worked numbers of the hints agree with the calculator", () => {
  it.each(["rf.dilated-kernel", "rf.stack"].flatMap((topic) => HINT_SEEDS.map((seed) => [topic, seed] as const)))("%s seed=%i: the substituted numbers lead to the answer", async (topic, seed) => {
    const { hints, answer } = await hintCaseOf(topic, seed);
    const last = hints.en[1].trim().replace(/\.$/, "");
    const expression = last.split(" = ").pop()!.replace(/\((\d+) − 1\)/g, (_, k: string) => String(Number(k) - 1));
    expect(evaluate(expression)).toBe(answer);
  });
});

describe("hints on hand-made problems", () => {
  const t = translator("en");

  it("rf layers=conv3,pool2,conv3: jumps multiply", () => {
    const hints = buildHints({ topic: "rf.stack", given: { layers: "conv3,pool2,conv3" } }, t);
    expect(hints[1]).toContain("2×2 pooling: k̂ = 2, r grows by (k̂ − 1)·j = (2 − 1)·1, then j = 1·2 = 2");
    expect(hints[1]).toContain("r = 1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2");
  });

  it("throws when a stack has a transposed convolution", () => {
    expectInputError(() => buildHints({ topic: "rf.stack", given: { layers: "conv3,tconv2s2" } }, t), undefined, "hint.givenBad");
  });
});

describeMistakes("rf", {
  "dilated-size-d-times-k": "rf.dilated-kernel",
  "rf-no-jump": "rf.stack",
});

const SEEDS = Array.from({ length: 100 }, (_, seed) => seed);

async function problems(topic: string): Promise<QuizProblem[]> {
  return Promise.all(SEEDS.map((seed) => generateProblem(topic, seed, "en")));
}

describe.each([
  ["rf.params", "params"],
  ["rf.macs", "macs"],
] as const)("%s", (topic, ask) => {
  it("gives at least 20 distinct problems in 100 seeds, each asking for the command's total", async () => {
    const all = await problems(topic);
    expect(new Set(all.map((problem) => JSON.stringify(problem.given))).size).toBeGreaterThanOrEqual(20);
    for (const problem of all) expect(problem.ask).toBe(ask);
  });

  it("compares a standard and a depthwise-separable conv in some problems, and states the standard count right", async () => {
    const separable = (await problems(topic)).filter((problem) => /g\d+/.test(problem.given!.layers as string));
    expect(separable.length).toBeGreaterThan(10);
    expect(separable.length).toBeLessThan(60);
    for (const problem of separable) {
      const channels = problem.given!.channels as number;
      const [, outChannels] = /conv1c(\d+)$/.exec(problem.given!.layers as string)!.map(Number);
      // The standard conv's count in the prompt is what the calculator gives for the standard conv.
      const standard = await calculatorJson({ ...problem, given: { ...problem.given, layers: `conv3c${outChannels}p1` } });
      expect(problem.prompt).toContain(`= ${String(standard[ask])} `);
      expect(problem.given!.layers).toBe(`conv3c${channels}g${channels}p1,conv1c${outChannels}`);
      // Separable is always cheaper: that is the point of the comparison.
      expect((await calculatorJson(problem))[ask] as number).toBeLessThan(standard[ask] as number);
    }
  });

  it("keeps channel counts small and uses one to three layers, each named in the prompt", async () => {
    for (const problem of await problems(topic)) {
      const json = await calculatorJson(problem);
      const layers = json.layers as { channels: number; kind: string }[];
      expect(layers.length).toBeLessThanOrEqual(3);
      expect(problem.given!.channels as number).toBeLessThanOrEqual(32);
      for (const layer of layers) if (layer.kind !== "fc") expect(layer.channels).toBeLessThanOrEqual(64);
      if (layers.length > 1 && !/g\d+/.test(problem.given!.layers as string)) {
        for (let index = 1; index <= layers.length; index++) expect(problem.prompt).toContain(`Layer ${index}: `);
      }
    }
  });
});

describe("rf cost prompts in Korean", () => {
  it("rf.params@2 and rf.macs@3 are the same problems in Korean words", async () => {
    for (const id of [["rf.params", 2], ["rf.macs", 3]] as const) {
      const [en, ko] = await Promise.all([generateProblem(id[0], id[1], "en"), generateProblem(id[0], id[1], "ko")]);
      expect(ko.command).toEqual(en.command);
      expect(ko.prompt).toMatch(/[가-힣]/);
      expect(ko.prompt).not.toMatch(/\{\w+\}/);
    }
  });
});
