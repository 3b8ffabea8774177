/**
 * The training-step and multi-channel topics: varied (at least 20 distinct problems in 100 seeds),
 * hand-computable (answers with at most two decimals, except σ's), and drilling what their issue names.
 */
import { describe, expect, it } from "vitest";
import { calculatorAnswer, calculatorJson, flattenNested, generateProblem, type NestedNumbers, type QuizProblem } from "../../src/quiz/index.js";

const TOPICS = ["train.delta", "train.update", "train.step", "train.chain", "train.sigmoid", "conv.channels", "conv.channels-grad"] as const;
const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);

async function problems(topic: string): Promise<QuizProblem[]> {
  return Promise.all(SEEDS.map((seed) => generateProblem(topic, seed, "en")));
}

function decimals(value: number): number {
  const text = String(Math.round(value * 1e9) / 1e9);
  return text.includes(".") ? text.split(".")[1].length : 0;
}

describe.each(TOPICS)("%s", (topic) => {
  it("gives at least 20 distinct problems in 100 seeds", async () => {
    const distinct = new Set((await problems(topic)).map((problem) => JSON.stringify(problem.given)));
    expect(distinct.size).toBeGreaterThanOrEqual(20);
  });

  it("never asks for an all-zero answer", async () => {
    for (const problem of await problems(topic)) {
      const answer = flattenNested((await calculatorAnswer(problem)) as NestedNumbers);
      expect(answer.some((v) => Math.abs(v) > 1e-9), problem.id).toBe(true);
    }
  });

  it.skipIf(topic === "train.sigmoid")("has answers with at most two decimals", async () => {
    for (const problem of await problems(topic)) {
      const answer = flattenNested((await calculatorAnswer(problem)) as NestedNumbers);
      expect(Math.max(...answer.map(decimals)), problem.id).toBeLessThanOrEqual(2);
    }
  });

  it("states the problem in the seed's notation, in both languages", async () => {
    const [en, ko] = await Promise.all([generateProblem(topic, 3, "en"), generateProblem(topic, 3, "ko")]);
    expect(en.prompt).not.toContain("∂L/∂input");
    expect(ko.prompt).not.toBe(en.prompt);
    expect(ko.prompt).toMatch(/[가-힣]/);
  });
});

describe("what the training topics drill", () => {
  it("train.update asks the kernel in most seeds and the bias in some", async () => {
    const asks = new Set((await problems("train.update")).map((problem) => problem.ask));
    expect([...asks].sort()).toEqual(["updatedBias", "updatedKernel"]);
  });

  it("train.chain asks ∂L/∂a and ∂L/∂w, and in some seeds ReLU stops a gradient the max pool routed", async () => {
    const all = await problems("train.chain");
    expect(new Set(all.map((problem) => problem.ask))).toEqual(new Set(["gradInput", "gradKernel"]));
    let stopped = 0;
    for (const problem of all) {
      const json = await calculatorJson(problem);
      const routed = (json.gradActivation as number[][]).flat();
      const delta = (json.gradPreActivation as number[][]).flat();
      if (routed.some((g, i) => g !== 0 && delta[i] === 0)) stopped++;
    }
    expect(stopped).toBeGreaterThanOrEqual(10);
  });

  it("train.sigmoid lists σ(s) of every cell in the prompt, to 4 decimals", async () => {
    const problem = await generateProblem("train.sigmoid", 5, "en");
    const json = await calculatorJson(problem);
    for (const h of (json.activation as number[][]).flat()) expect(problem.prompt).toContain(String(Number(h.toFixed(4))));
  });

  it("train.delta varies the loss: half-sse mostly, sse and mse in some seeds", async () => {
    const losses = new Set((await problems("train.delta")).map((problem) => String(problem.given?.loss ?? "half-sse")));
    expect([...losses].sort()).toEqual(["half-sse", "mse", "sse"]);
  });

  it("conv.channels-grad asks ∂L/∂w for both channels (2×2×2)", async () => {
    const answer = (await calculatorAnswer(await generateProblem("conv.channels-grad", 1, "en"))) as number[][][];
    expect([answer.length, answer[0].length, answer[0][0].length]).toEqual([2, 2, 2]);
  });
});
