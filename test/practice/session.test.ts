/**
 * The interactive session driven without a terminal: injected prompts answer (right, wrong, unreadable,
 * give up, Ctrl-C), an injected clock times them, and the history records every answer.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeUi, type CliIO } from "../../src/ui/context.js";
import type { HistoryRecord } from "../../src/practice/history.js";
import { planInOrder, planProblems } from "../../src/practice/plan.js";
import { INTERRUPTED_EXIT, runPracticeSession } from "../../src/commands/practice-run.js";
import { sessionView } from "../../src/views/practice.js";
import { GIVE_UP, runSession, type InputPromptOptions, type SelectPromptOptions, type SessionDeps, type SessionPrompts } from "../../src/practice/session.js";
import { calculatorAnswer, checkAnswer, type QuizProblem } from "../../src/quiz/index.js";
import { translator } from "../../src/i18n/index.js";
import { plainPalette } from "../../src/render/colour.js";
import { parseHistory } from "../../src/practice/history.js";

/** Temporary folders made by this file, removed when it is done. */
const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});
function made(dir: string): string {
  madeDirs.push(dir);
  return dir;
}

type Reply = string | ((problem: QuizProblem) => Promise<string> | string) | Error;

/** An Error like the one inquirer throws on Ctrl-C. */
function ctrlC(): Error {
  const error = new Error("User force closed the prompt with SIGINT");
  error.name = "ExitPromptError";
  return error;
}

/** The right answer, as a student would type it on one line. */
async function rightAnswer(problem: QuizProblem): Promise<string> {
  if (problem.kind === "choice") return (await checkAnswer(problem, "a", "en")).expected as string;
  const value = await calculatorAnswer(problem);
  return JSON.stringify(value);
}

interface Scripted extends SessionPrompts {
  /** Messages shown before asking again (unreadable answers). */
  retries: string[];
  asked: { kind: "input" | "select" | "pause"; id: string; message: string; choices?: string[] }[];
}

/** Prompts that reply from a script; an input reply is validated as inquirer does (re-asked until valid). */
function scripted(replies: Reply[]): Scripted {
  const queue = [...replies];
  const retries: string[] = [];
  const asked: Scripted["asked"] = [];
  const next = async (problem: QuizProblem): Promise<string> => {
    const reply = queue.shift();
    if (reply === undefined) throw new Error("script ran out of replies");
    if (reply instanceof Error) throw reply;
    return typeof reply === "function" ? reply(problem) : reply;
  };
  return {
    retries,
    asked,
    async input({ message, validate, problem }: InputPromptOptions) {
      asked.push({ kind: "input", id: problem.id, message });
      for (;;) {
        const value = await next(problem);
        const verdict = await validate(value);
        if (verdict === true) return value;
        retries.push(verdict);
      }
    },
    async select({ message, choices, problem }: SelectPromptOptions) {
      asked.push({ kind: "select", id: problem.id, message, choices: choices.map((c) => c.name) });
      return next(problem);
    },
    // Enter: needs no reply from the script, but is seen.
    async pause({ message, problem }) {
      asked.push({ kind: "pause", id: problem.id, message });
    },
  };
}

function deps(prompts: SessionPrompts, secondsPerAnswer = 12.3) {
  let clock = Date.UTC(2026, 10, 30, 9, 0, 0);
  const records: HistoryRecord[] = [];
  let out = "";
  let tick = 0;
  const d: SessionDeps = {
    prompts,
    write: (text) => { out += text; },
    // Each answer takes `secondsPerAnswer`: the clock moves on every second reading.
    now: () => {
      tick++;
      if (tick % 2 === 0) clock += secondsPerAnswer * 1000;
      return clock;
    },
    record: (r) => records.push(r),
    lang: "en",
    t: translator("en"),
    view: sessionView({ t: translator("en"), palette: plainPalette, lang: "en" }),
    colour: false,
  };
  return { d, records, output: () => out };
}

describe("planProblems", () => {
  it("same topics, count and seed ⇒ the same ids; another seed ⇒ other ids", () => {
    const topics = ["conv.forward", "conv.padded", "concept.xor"];
    const a = planProblems(topics, 7, 42);
    expect(planProblems(topics, 7, 42)).toEqual(a);
    expect(planProblems(topics, 7, 43)).not.toEqual(a);
    expect(a).toHaveLength(7);
  });

  it("count=5 over 2 topics: each topic at least twice, rounds reshuffled", () => {
    const refs = planProblems(["conv.forward", "concept.xor"], 5, 1);
    expect(refs.filter((r) => r.topic === "conv.forward").length).toBeGreaterThanOrEqual(2);
    expect(refs.filter((r) => r.topic === "concept.xor").length).toBeGreaterThanOrEqual(2);
  });

  it("count=3 over 10 topics: 3 different topics", () => {
    const topics = Array.from({ length: 10 }, (_, i) => `t.${i}`);
    expect(new Set(planProblems(topics, 3, 9).map((r) => r.topic)).size).toBe(3);
  });

  it("seeds are whole numbers 1…999999", () => {
    for (const ref of planProblems(["a.b"], 50, 5)) expect(Number.isInteger(ref.seed) && ref.seed >= 1 && ref.seed <= 999_999).toBe(true);
  });

  it("planInOrder keeps the given order and cycles", () => {
    expect(planInOrder(["x.a", "x.b"], 5, 3).map((r) => r.topic)).toEqual(["x.a", "x.b", "x.a", "x.b", "x.a"]);
  });
});

describe("runSession with injected prompts", () => {
  const numeric = [{ topic: "conv.forward", seed: 11 }];
  const choice = [{ topic: "concept.xor", seed: 5 }];

  it("numeric, right at once: short confirmation, one record with the injected time", async () => {
    const prompts = scripted([rightAnswer]);
    const { d, records, output } = deps(prompts);
    const result = await runSession(numeric, d);
    expect(result).toMatchObject({ interrupted: false, planned: 1, answers: [{ id: "conv.forward@11", correct: true, score: 1, seconds: 12.3, gaveUp: false }] });
    expect(records).toEqual([{ time: "2026-11-30T09:00:12.300Z", id: "conv.forward@11", topic: "conv.forward", correct: true, score: 1, seconds: 12.3, attempt: 1, hints: 0 }]);
    expect(output()).toContain("Problem 1/1 · conv.forward@11");
    expect(output()).toContain("input a");
    expect(output()).toContain("✓ Right! (12.3 s)");
    expect(output()).not.toContain("Worked solution");
  });

  it("numeric, wrong shape then unreadable then right: re-asked with hints, not marked wrong", async () => {
    const prompts = scripted(["1 2 3", "1 x; 3 4", "", rightAnswer]);
    const { d, records } = deps(prompts);
    const result = await runSession(numeric, d);
    expect(prompts.retries).toHaveLength(3);
    expect(prompts.retries[0]).toMatch(/^expected a \d×\d matrix, got 3 numbers — rows are split by ;/);
    expect(prompts.retries[1]).toContain('"x" is not a number');
    expect(prompts.retries[2]).toMatch(/^the value is empty/);
    expect(records).toHaveLength(1);
    expect(result.answers[0].correct).toBe(true);
  });

  const wrong = async (problem: QuizProblem) => {
    const value = (await calculatorAnswer(problem)) as number[][];
    return JSON.stringify(value.map((row, i) => row.map((x, j) => (i === 0 && j === 0 ? x + 5 : x))));
  };

  it("numeric, wrong, then the solution: diff grid with ✓/✗ marks, the choices, the answer first, the worked solution, Enter", async () => {
    const prompts = scripted([wrong, "solution"]);
    const { d, records, output } = deps(prompts);
    const result = await runSession(numeric, d);
    expect(result.answers[0].correct).toBe(false);
    expect(result.answers[0].score).toBeGreaterThan(0);
    expect(result.answers[0].score).toBeLessThan(1);
    expect(records[0]).toMatchObject({ correct: false });
    expect(output()).toMatch(/Not quite: \d+ of \d+ right/);
    expect(output()).toContain("✗");
    // While the student may still try again, the grid marks the wrong cells but does not give their values away.
    expect(output()).not.toContain("expected (where wrong)");
    expect(output()).toContain("Worked solution");
    expect(output()).toContain("s11 = a11·w11");
    expect(output()).toMatch(/\nAnswer — Output s:\n {2}-?\d/);
    expect(output().indexOf("Answer — Output s:")).toBeLessThan(output().indexOf("Worked solution"));
    expect(prompts.asked.map((a) => a.kind)).toEqual(["input", "select", "pause"]);
    expect(prompts.asked[1]).toMatchObject({ message: "What next?", choices: ["Try again", "Show a hint", "Show the worked solution", "Move on"] });
    expect(prompts.asked[2].message).toBe("Press Enter for the next problem");
  });

  it("the prompt names the asked quantity and its shape first", async () => {
    const prompts = scripted([rightAnswer]);
    const { d } = deps(prompts);
    await runSession([{ topic: "pool.max-grad", seed: 1 }, { topic: "conv.output-size", seed: 1 }], { ...d, prompts: { ...prompts, input: (options) => { prompts.asked.push({ kind: "input", id: options.problem.id, message: options.message }); return rightAnswer(options.problem); } } });
    expect(prompts.asked.map((a) => a.message)).toEqual(["∂L/∂a (4×4)", "Output size"]);
  });

  it("wrong, then try again and right: two records (attempt 1 wrong, 2 right); the first try is the one counted", async () => {
    const prompts = scripted([wrong, "retry", rightAnswer]);
    const { d, records, output } = deps(prompts);
    const result = await runSession(numeric, d);
    expect(records.map((r) => [r.correct, r.attempt, r.hints])).toEqual([[false, 1, 0], [true, 2, 0]]);
    expect(result.answers).toMatchObject([{ correct: false, attempts: 2, hints: 0 }]);
    expect(output()).toContain("✓ Right!");
    expect(output()).not.toContain("Worked solution");
  });

  it(`"${"h"}" at the prompt shows the next hint; a first try after it is recorded with the hint`, async () => {
    const prompts = scripted(["h", "H", rightAnswer]);
    const { d, records, output } = deps(prompts);
    const result = await runSession(numeric, d);
    expect(output()).toContain("Hint 1 of ");
    expect(output()).toContain("Hint 2 of ");
    expect(records).toMatchObject([{ correct: true, attempt: 1, hints: 2 }]);
    expect(result.answers).toMatchObject([{ correct: true, hints: 2 }]);
  });

  it("wrong, then a hint: the hint, then asked again; no hint choice once they are all seen", async () => {
    const prompts = scripted([wrong, "hint", wrong, "hint", wrong, "hint", wrong, "next"]);
    const { d, records, output } = deps(prompts);
    await runSession(numeric, d);
    const selects = prompts.asked.filter((a) => a.kind === "select");
    const levels = (output().match(/Hint \d of (\d)/) ?? [])[1];
    expect(Number(levels)).toBeGreaterThanOrEqual(2);
    expect(records.map((r) => r.hints)).toEqual([0, 1, 2, 3].map((n) => Math.min(n, Number(levels))));
    expect(selects.at(-1)!.choices).not.toContain("Show a hint");
    expect(selects[0].choices).toContain("Show a hint");
  });

  it("wrong, then move on: no solution, no pause", async () => {
    const prompts = scripted([wrong, "next"]);
    const { d, output } = deps(prompts);
    await runSession(numeric, d);
    expect(output()).not.toContain("Worked solution");
    expect(prompts.asked.map((a) => a.kind)).toEqual(["input", "select"]);
  });

  it("a recognised mistake is named before the grid", async () => {
    const { mistakenAnswers } = await import("../../src/tutor/mistakes.js");
    const flipped = async (problem: QuizProblem) => {
      const expected = (await calculatorAnswer(problem)) as number[][];
      return JSON.stringify(mistakenAnswers({ topic: problem.topic, given: problem.given!, ask: problem.ask! }, expected).find((m) => m.id === "flipped-kernel")!.answer);
    };
    const prompts = scripted([flipped, "next"]);
    const { d, output } = deps(prompts);
    await runSession(numeric, d);
    expect(output()).toMatch(/Likely mistake: you flipped the kernel[^]*your answer/);
  });

  it("an answer with the minus sign the tool prints (U+2212) reads as typed", async () => {
    const minus = async (problem: QuizProblem) => (await rightAnswer(problem)).replaceAll("-", "\u2212");
    const prompts = scripted([minus]);
    const { d, records } = deps(prompts);
    await runSession([{ topic: "conv.grad-input", seed: 5 }], d);
    expect(records).toMatchObject([{ correct: true }]);
  });

  it(`numeric, "${GIVE_UP}": the worked solution, recorded wrong with score 0`, async () => {
    const prompts = scripted([GIVE_UP]);
    const { d, records, output } = deps(prompts);
    await runSession(numeric, d);
    expect(records[0]).toMatchObject({ correct: false, score: 0 });
    expect(prompts.asked.at(-1)!.kind).toBe("pause");
    expect(output()).toContain("Worked solution");
    expect(output()).toContain("s11 = ");
  });

  it("choice: a select with lettered choices; the right letter is right", async () => {
    const prompts = scripted([rightAnswer]);
    const { d, records, output } = deps(prompts);
    await runSession(choice, d);
    expect(prompts.asked[0].kind).toBe("select");
    expect(prompts.asked[0].choices![0]).toMatch(/^a\) /);
    expect(records[0]).toMatchObject({ id: "concept.xor@5", correct: true, score: 1 });
    expect(output()).toContain("✓ Right!");
  });

  it("choice, wrong: what was chosen, the answer and why", async () => {
    const wrongLetter = async (problem: QuizProblem) => ((await rightAnswer(problem)) === "a" ? "b" : "a");
    const prompts = scripted([wrongLetter]);
    const { d, records, output } = deps(prompts);
    await runSession(choice, d);
    expect(records[0]).toMatchObject({ correct: false, score: 0 });
    expect(output()).toContain("You chose");
    expect(output()).toContain("The answer is");
    expect(output()).toContain("Why");
  });

  it("Ctrl-C on the second problem: stops cleanly, the first answer is kept", async () => {
    const prompts = scripted([rightAnswer, ctrlC()]);
    const { d, records } = deps(prompts);
    const result = await runSession(planProblems(["conv.forward"], 3, 1), d);
    expect(result.interrupted).toBe(true);
    expect(result.answers).toHaveLength(1);
    expect(records).toHaveLength(1);
  });

  it("an error that is not Ctrl-C is not swallowed", async () => {
    const prompts = scripted([new Error("boom")]);
    const { d } = deps(prompts);
    await expect(runSession(numeric, d)).rejects.toThrow("boom");
  });

  it("Korean: headings and confirmations in Korean", async () => {
    const prompts = scripted([rightAnswer]);
    const { d, output } = deps(prompts);
    await runSession(numeric, { ...d, lang: "ko", t: translator("ko"), view: sessionView({ t: translator("ko"), palette: plainPalette, lang: "ko" }) });
    expect(output()).toContain("문제 1/1 · conv.forward@11");
    expect(output()).toContain("✓ 정답! (12.3초)");
  });
});

function ioFor(home: string): { io: CliIO; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: (text) => { out += text; },
      stderr: (text) => { err += text; },
      stdin: { stdinIsTTY: true, readStdin: async () => "" },
      stdinIsTTY: true,
      stdoutIsTTY: false,
      env: { CNN_DRILL_HOME: home, LANG: "en_US.UTF-8" },
    },
    out: () => out,
    err: () => err,
  };
}

describe("runPracticeSession: history, summary, what next", () => {
  it("saves every answer and ends with a per-topic summary and the topics to review", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-session-")));
    const { io, out, err } = ioFor(home);
    const ui = await makeUi(io, {});
    const refs = [{ topic: "conv.forward", seed: 11 }, { topic: "concept.xor", seed: 5 }, { topic: "conv.forward", seed: 12 }];
    const prompts = scripted([rightAnswer, rightAnswer]);
    // concept.xor is a select: answered wrongly.
    prompts.select = async ({ problem }) => ((await rightAnswer(problem)) === "a" ? "b" : "a");
    const { output, exitCode } = await runPracticeSession(refs, prompts, ui);
    expect(exitCode).toBe(0);
    expect(err()).toBe("");
    expect(out()).toContain("Problem 3/3");
    expect(output).toMatch(/Session summary/);
    expect(output).toMatch(/│ conv\.forward +│ +✓ 2\/2 │/);
    expect(output).toMatch(/│ concept\.xor +│ +✗ 0\/1 │/);
    expect(output).toMatch(/│ total +│ +2\/3 │/);
    expect(output).toContain("• concept.xor  (wrong in this session)");
    expect(output).toContain("cnn-drill quiz --topic concept.xor");
    const saved = parseHistory(readFileSync(join(home, "history.jsonl"), "utf8"));
    expect(saved.records.map((r) => [r.id, r.correct, r.via])).toEqual([["conv.forward@11", true, "quiz"], ["concept.xor@5", false, "quiz"], ["conv.forward@12", true, "quiz"]]);
  });

  it("records a review session's answers via review", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-session-")));
    const { io } = ioFor(home);
    await runPracticeSession([{ topic: "conv.forward", seed: 11 }], scripted([rightAnswer]), await makeUi(io, {}), { via: "review" });
    expect(parseHistory(readFileSync(join(home, "history.jsonl"), "utf8")).records.map((r) => r.via)).toEqual(["review"]);
  });

  it(`Ctrl-C: exit ${INTERRUPTED_EXIT}, the summary says what was saved`, async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-session-")));
    const { io } = ioFor(home);
    const { output, exitCode } = await runPracticeSession([{ topic: "conv.forward", seed: 11 }, { topic: "conv.forward", seed: 12 }], scripted([rightAnswer, ctrlC()]), await makeUi(io, {}));
    expect(exitCode).toBe(INTERRUPTED_EXIT);
    expect(output).toContain("Stopped early: 1 of 2 answered, all saved.");
    expect(parseHistory(readFileSync(join(home, "history.jsonl"), "utf8")).records).toHaveLength(1);
  });

  it("Ctrl-C before any answer: no answers, no history file needed", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-session-")));
    const { io } = ioFor(home);
    const { output, exitCode } = await runPracticeSession([{ topic: "conv.forward", seed: 11 }], scripted([ctrlC()]), await makeUi(io, {}));
    expect(exitCode).toBe(INTERRUPTED_EXIT);
    expect(output).toContain("No answers given.");
  });

  it("a damaged history: one warning on stderr before the session, the session runs, the file is kept aside", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-session-")));
    writeFileSync(join(home, "history.jsonl"), "{{{ damaged\n");
    const { io, out, err } = ioFor(home);
    const { exitCode } = await runPracticeSession([{ topic: "conv.forward", seed: 11 }], scripted([rightAnswer]), await makeUi(io, {}));
    expect(exitCode).toBe(0);
    expect(err()).toMatch(/^warning: the history file .* was damaged \(1 unreadable lines\)/);
    expect(err().split("\n").filter(Boolean)).toHaveLength(1);
    expect(out()).toContain("✓ Right!");
    expect(readdirSync(home).some((name) => name.startsWith("history.damaged-"))).toBe(true);
    expect(parseHistory(readFileSync(join(home, "history.jsonl"), "utf8")).records).toHaveLength(1);
  });

  it("a history that cannot be written: the session goes on, and the failure is reported once, not per answer", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-session-")));
    mkdirSync(join(home, "history.jsonl"));
    const { io, err } = ioFor(home);
    const { output, exitCode } = await runPracticeSession([{ topic: "conv.forward", seed: 11 }, { topic: "conv.forward", seed: 12 }], scripted([rightAnswer, rightAnswer]), await makeUi(io, {}));
    expect(exitCode).toBe(0);
    expect(output).toContain("Session summary");
    expect(err().match(/could not save this answer/g)).toHaveLength(1);
  });
});
