/**
 * The tutor through the built command: check names the mistake (text and --json), a wrong shape gets
 * its likely cause as the hint. Mistaken answers are built with the catalogue on the problem's own
 * values, so the tests follow the generators.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { calculatorAnswer, generateProblem, type NestedNumbers } from "../../src/quiz/index.js";
import { mistakenAnswers, type MistakeId } from "../../src/tutor/mistakes.js";
import { runBuilt } from "../helpers/cli.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();
const home = tempDir("cnn-drill-tutor-");
const env = { CNN_DRILL_HOME: home };

/** The first problem of `topic` (seeds 1–60) on which `id` gives an answer of its own, with that answer. */
async function mistakeOn(topic: string, id: MistakeId): Promise<{ problemId: string; answer: NestedNumbers; expected: NestedNumbers }> {
  for (let seed = 1; seed <= 60; seed++) {
    const problem = await generateProblem(topic, seed, "en");
    const expected = (await calculatorAnswer(problem)) as NestedNumbers;
    const mistakes = mistakenAnswers({ topic, given: problem.given!, ask: problem.ask! }, expected);
    const mine = mistakes.find((mistake) => mistake.id === id);
    // Only where no other mistake gives the same answer, so that the diagnosis is this one alone.
    if (mine && mistakes.filter((mistake) => JSON.stringify(mistake.answer) === JSON.stringify(mine.answer)).length === 1) return { problemId: problem.id, answer: mine.answer, expected };
  }
  throw new Error(`no ${topic} problem shows ${id}`);
}

describe("check names the mistake", () => {
  it.each<[string, MistakeId, string]>([
    ["conv.forward", "missing-bias", "every cell is off by the bias"],
    ["conv.forward", "flipped-kernel", "you flipped the kernel"],
    ["pool.max-grad", "pool-grad-to-all", "copied each window's δ to every cell"],
    ["conv.output-size", "output-size-one-side-padding", "grows by 2·p, not p"],
  ])("%s: %s, before the grid, exit 1", async (topic, id, words) => {
    const { problemId, answer } = await mistakeOn(topic, id);
    const result = runBuilt(["check", problemId, "--answer", JSON.stringify(answer)], { env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("");
    const lines = result.stdout.split("\n");
    const diagnosis = lines.findIndex((line) => line.startsWith("Likely mistake:"));
    expect(lines.join("\n")).toContain(words);
    expect(diagnosis).toBe(2);
    const grid = lines.findIndex((line) => line.includes("your answer"));
    if (grid >= 0) expect(grid).toBeGreaterThan(diagnosis);
  });

  it("--json lists the diagnosis with id and message", async () => {
    const { problemId, answer } = await mistakeOn("conv.forward", "missing-bias");
    const result = runBuilt(["check", problemId, "--answer", JSON.stringify(answer), "--json"], { env });
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.diagnosis).toEqual([{ id: "missing-bias", message: "every cell is off by the bias: add b to each sum of products" }]);
  });

  it("--json --lang ko gives the message in Korean", async () => {
    const { problemId, answer } = await mistakeOn("conv.forward", "missing-bias");
    const result = runBuilt(["check", problemId, "--answer", JSON.stringify(answer), "--json", "--lang", "ko"], { env });
    expect(JSON.parse(result.stdout).diagnosis).toEqual([{ id: "missing-bias", message: "모든 칸이 편향만큼 어긋납니다. 곱의 합마다 b를 더하세요" }]);
  });

  it("a right answer gets no diagnosis (empty list in --json, no line in text)", async () => {
    const { problemId, expected } = await mistakeOn("conv.forward", "missing-bias");
    const json = runBuilt(["check", problemId, "--answer", JSON.stringify(expected), "--json"], { env });
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout).diagnosis).toEqual([]);
    const text = runBuilt(["check", problemId, "--answer", JSON.stringify(expected)], { env });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).not.toContain("Likely mistake");
  });

  it("an unrecognised wrong answer gets an empty diagnosis", async () => {
    const { problemId, expected } = await mistakeOn("conv.forward", "missing-bias");
    const wrong = (expected as number[][]).map((row) => row.map((value) => value + 100));
    const result = runBuilt(["check", problemId, "--answer", JSON.stringify(wrong), "--json"], { env });
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout).diagnosis).toEqual([]);
  });
});

describe("check: a wrong shape keeps exit 2, with its likely cause as the hint", () => {
  /** A conv.padded problem whose unpadded output size differs from the padded one and from the stride-1 one. */
  async function paddedProblem(): Promise<{ id: string; unpadded: number; right: number }> {
    for (let seed = 1; seed <= 60; seed++) {
      const problem = await generateProblem("conv.padded", seed, "en");
      const n = (problem.given!.input as number[][]).length;
      const k = (problem.given!.kernel as number[][]).length;
      const p = problem.given!.padding as number;
      const s = (problem.given!.stride as number | undefined) ?? 1;
      const right = Math.floor((n + 2 * p - k) / s) + 1;
      const unpadded = Math.floor((n - k) / s) + 1;
      if (typeof p === "number" && p > 0 && unpadded !== right && unpadded !== n + 2 * p - k + 1 && n >= k) return { id: problem.id, unpadded, right };
    }
    throw new Error("no padded problem");
  }

  it("the unpadded size is named, in English and Korean, nothing on stdout", async () => {
    const { id, unpadded, right } = await paddedProblem();
    const answer = JSON.stringify(Array.from({ length: unpadded }, () => Array.from({ length: unpadded }, () => 1)));
    const en = runBuilt(["check", id, "--answer", answer], { env });
    expect(en.exitCode).toBe(2);
    expect(en.stdout).toBe("");
    expect(en.stderr.split("\n")[0]).toBe(`error: --answer: expected a ${right}×${right} matrix, got ${unpadded * unpadded} numbers`);
    expect(en.stderr.split("\n")[1]).toMatch(/^hint: this is the size without padding/);
    const ko = runBuilt(["check", id, "--answer", answer, "--lang", "ko"], { env });
    expect(ko.exitCode).toBe(2);
    expect(ko.stderr.split("\n")[1]).toMatch(/^도움말: 패딩 없이 계산한 크기입니다/);
  });

  it("a shape no cause explains keeps the format hint", async () => {
    const { id } = await paddedProblem();
    const result = runBuilt(["check", id, "--answer", "1 2 3 4 5 6 7"], { env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: --answer: expected a \d+×\d+ matrix, got 7 numbers\nhint: rows are split by ;/);
  });
});

describe("check records its answers in the history", () => {
  function freshHome(): string {
    return tempDir("cnn-drill-record-");
  }
  function historyLines(dir: string): Record<string, unknown>[] {
    const file = join(dir, "history.jsonl");
    return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").filter((line) => line !== "").map((line) => JSON.parse(line)) : [];
  }

  it("a wrong then a right answer: two records via check; stats counts them, the first for the schedule", async () => {
    const dir = freshHome();
    const { problemId, answer, expected } = await mistakeOn("conv.forward", "missing-bias");
    expect(runBuilt(["check", problemId, "--answer", JSON.stringify(answer)], { env: { CNN_DRILL_HOME: dir } }).exitCode).toBe(1);
    expect(runBuilt(["check", problemId, "--answer", JSON.stringify(expected), "--json"], { env: { CNN_DRILL_HOME: dir } }).exitCode).toBe(0);
    const records = historyLines(dir);
    expect(records.map((r) => [r.id, r.topic, r.correct, r.score, r.via])).toEqual([[problemId, "conv.forward", false, 0, "check"], [problemId, "conv.forward", true, 1, "check"]]);
    const stats = runBuilt(["stats", "--json"], { env: { CNN_DRILL_HOME: dir } });
    const json = JSON.parse(stats.stdout);
    expect(json).toMatchObject({ attempts: 2, correct: 1, firstTryAccuracy: 0, streak: 1, routes: { quiz: 0, review: 0, check: 2 }, hintsUsed: 0 });
    expect(json.topics).toMatchObject([{ id: "conv.forward", attempts: 1, correct: 0 }]);
    const text = runBuilt(["stats"], { env: { CNN_DRILL_HOME: dir } });
    expect(text.stdout).toContain("Right at the first try: 0% · streak: 1 day in a row\nAnswers by command: quiz 0 · review 0 · check 2 · hints seen: 0\n");
    const ko = runBuilt(["stats", "--lang", "ko"], { env: { CNN_DRILL_HOME: dir } });
    expect(ko.stdout).toContain("첫 시도 정답률: 0% · 연속 학습: 1일\n명령별 답: quiz 0개 · review 0개 · check 2개 · 본 힌트: 0개\n");
  });

  it("a choice answer is recorded too", () => {
    const dir = freshHome();
    const result = runBuilt(["check", "concept.xor@8", "--answer", "a"], { env: { CNN_DRILL_HOME: dir } });
    expect([0, 1]).toContain(result.exitCode);
    expect(historyLines(dir)).toMatchObject([{ id: "concept.xor@8", topic: "concept.xor", correct: result.exitCode === 0, via: "check" }]);
  });

  it("--no-record leaves the history alone", async () => {
    const dir = freshHome();
    const { problemId, expected } = await mistakeOn("conv.forward", "missing-bias");
    const result = runBuilt(["check", problemId, "--answer", JSON.stringify(expected), "--no-record"], { env: { CNN_DRILL_HOME: dir } });
    expect(result.exitCode).toBe(0);
    expect(historyLines(dir)).toEqual([]);
  });

  it("an unreadable answer (exit 2) is not recorded", () => {
    const dir = freshHome();
    expect(runBuilt(["check", "conv.forward@1", "--answer", "1 x"], { env: { CNN_DRILL_HOME: dir } }).exitCode).toBe(2);
    expect(historyLines(dir)).toEqual([]);
  });

  it.each([[true, 0], [false, 1]])("a failed history write warns on stderr and keeps the exit code (right=%s → %s)", async (right, exitCode) => {
    // The history's folder is a file: it cannot be made.
    const blocker = join(freshHome(), "not-a-folder");
    writeFileSync(blocker, "");
    const { problemId, answer, expected } = await mistakeOn("conv.forward", "missing-bias");
    const result = runBuilt(["check", problemId, "--answer", JSON.stringify(right ? expected : answer)], { env: { CNN_DRILL_HOME: blocker } });
    expect(result.exitCode).toBe(exitCode);
    expect(result.stdout).toContain(right ? "Right" : "Likely mistake");
    expect(result.stderr).toMatch(/^warning: .*history.*\n$/);
  });
});
