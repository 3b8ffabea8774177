/**
 * The quiz computes answers through the calculator's spec from a problem's typed values; users copy
 * the problem's `command`. Both must agree, for every numeric topic over several seeds.
 */
import { describe, expect, it } from "vitest";
import { calculatorJson, generateProblem, numericGenerators, workedSolution } from "../../src/quiz/index.js";
import { runInProcess } from "../helpers/cli.js";

const TOPICS = numericGenerators().map((generator) => generator.topic);
const SEEDS = [1, 2, 3, 17, 2026];

describe("a problem's command gives the spec's answer", () => {
  it("there are numeric topics to check", () => {
    expect(TOPICS.length).toBeGreaterThan(10);
  });

  describe.each(TOPICS)("%s", (topic) => {
    it.each(SEEDS)("seed %i: the command's --json equals the spec's JSON", async (seed) => {
      const problem = await generateProblem(topic, seed, "en");
      const run = await runInProcess([...problem.command!.slice(1), "--json"]);
      expect(run.stderr).toBe("");
      expect(run.exitCode).toBe(0);
      expect(await calculatorJson(problem)).toEqual(JSON.parse(run.stdout));
    });

    it.each(["en", "ko"] as const)("--lang %s: the command's worked answer equals the spec's", async (lang) => {
      const problem = await generateProblem(topic, 5, lang);
      const run = await runInProcess([...problem.command!.slice(1), "--lang", lang]);
      expect(run.exitCode).toBe(0);
      // Some topics open the solution with the asked quantity (one paragraph); the rest is the command's output.
      const solution = await workedSolution(problem, lang);
      expect(solution.endsWith(run.stdout)).toBe(true);
      expect(solution.slice(0, solution.length - run.stdout.length)).toMatch(/^(|[^\n]+\n\n)$/);
    });
  });
});

describe("calculatorJson refuses what it cannot compute", () => {
  it("throws when the command names no calculator", async () => {
    await expect(calculatorJson({ id: "x@1", topic: "x", seed: 1, kind: "numeric", prompt: "", command: ["cnn-drill", "topics"] })).rejects.toThrow("names no calculator");
  });

  it("throws when a given value is not one of the calculator's options", async () => {
    await expect(calculatorJson({ id: "x@1", topic: "x", seed: 1, kind: "numeric", prompt: "", given: { kernal: 1 }, command: ["cnn-drill", "rf"] })).rejects.toThrow("kernal");
  });
});
