/**
 * End to end: the real built `cnn-drill quiz` / `review` in a terminal (tmux), typed at like a student:
 * a wrong-shaped answer (asked again), a right answer, `?` for the solution, the summary, the history
 * file, the topic menu, and Ctrl-C (clean exit 130, answers kept, no stack trace).
 * Needs `npm run build` first; skipped, with the reason printed, only when tmux is not installed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { temporaryFolders } from "../helpers/temp.js";
import { parseHistory } from "../../src/practice/history.js";
import { runBuilt } from "../helpers/cli.js";

const { made } = temporaryFolders();

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const hasTmux = spawnSync("sh", ["-c", "command -v tmux"]).status === 0;
if (!hasTmux) console.warn("e2e-practice: SKIPPING the terminal tests: tmux is not installed (Debian: apt-get install -y tmux)");

const SOCKET = `cnn-drill-e2e-${process.pid}`;

function tmux(...args: string[]): string {
  const result = spawnSync("tmux", ["-u", "-L", SOCKET, ...args], { encoding: "utf8" });
  return result.stdout;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

interface Terminal {
  name: string;
  exitFile: string;
  screen(): string;
  send(...keys: string[]): void;
  type(text: string): void;
  waitFor(pattern: RegExp | string, what?: string): Promise<string>;
  exitCode(): Promise<number>;
}

let sessions = 0;

/** Starts `cnn-drill args` in a fresh tmux window (`columns`×50, colour off, English). */
function start(args: string[], home: string, columns = 120): Terminal {
  const name = `s${++sessions}`;
  const exitFile = join(home, `${name}.exit`);
  const command = `cd ${shellQuote(ROOT)} && env CNN_DRILL_HOME=${shellQuote(home)} NO_COLOR=1 LANG=en_US.UTF-8 TERM=xterm-256color ${shellQuote(process.execPath)} bin/cnn-drill.js ${args.map(shellQuote).join(" ")}; echo $? > ${shellQuote(exitFile)}; sleep 600`;
  tmux("new-session", "-d", "-s", name, "-x", String(columns), "-y", "50", command);
  const screen = () => tmux("capture-pane", "-p", "-t", name, "-S", "-500");
  const waitFor = async (pattern: RegExp | string, what = String(pattern)) => {
    const deadline = Date.now() + 25_000;
    for (;;) {
      const text = screen();
      if (typeof pattern === "string" ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return {
    name,
    exitFile,
    screen,
    send: (...keys) => { tmux("send-keys", "-t", name, ...keys); },
    type: (text) => { tmux("send-keys", "-t", name, "-l", "--", text); },
    waitFor,
    exitCode: async () => {
      const deadline = Date.now() + 25_000;
      while (!existsSync(exitFile) || readFileSync(exitFile, "utf8").trim() === "") {
        if (Date.now() > deadline) throw new Error(`command did not exit; screen:\n${screen()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return Number(readFileSync(exitFile, "utf8").trim());
    },
  };
}

/** The right answer of a problem id, from the built `problem --json` and its calculator command. */
function answerOf(id: string): string {
  const problem = JSON.parse(runBuilt(["problem", id, "--json"]).stdout);
  const calculator = JSON.parse(runBuilt([...problem.command.slice(1), "--json"]).stdout);
  const value = calculator[problem.ask] as number[][];
  return value.map((row) => row.join(" ")).join("; ");
}

function noStackTrace(screen: string): void {
  expect(screen).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(screen).not.toContain("ExitPromptError");
  expect(screen).not.toContain("internal error");
}

describe.skipIf(!hasTmux)("quiz and review in a real terminal (tmux)", () => {
  afterAll(() => {
    tmux("kill-server");
  });

  it("quiz --topic conv.forward --count 2 --seed 7: re-ask, right, give up, summary, history", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["quiz", "--topic", "conv.forward", "--count", "2", "--seed", "7"], home);
    let screen = await term.waitFor("? Output s (", "the first prompt, naming the asked quantity");
    const id = /Problem 1\/2 · (conv\.forward@\d+)/.exec(screen)?.[1];
    expect(id, screen).toBeDefined();
    expect(screen).toContain("Session seed 7.");
    expect(screen).toContain("input a");

    term.type("1 2 3 4 5 6 7 8 9 10 11");
    term.send("Enter");
    screen = await term.waitFor(/expected a \d×\d matrix, got 11 numbers/, "the wrong-shape hint");
    expect(screen).not.toContain("Problem 2/2");

    term.send("C-u");
    term.type(answerOf(id!));
    term.send("Enter");
    await term.waitFor("✓ Right!", "the confirmation");
    await term.waitFor("Problem 2/2", "the second problem");
    screen = await term.waitFor(/Problem 2\/2[\s\S]*\? Output s \(/, "the second prompt");

    term.type("?");
    term.send("Enter");
    screen = await term.waitFor("Press Enter for the next problem", "the pause after the solution");
    expect(screen).not.toContain("Session summary");
    term.send("Enter");
    screen = await term.waitFor("Session summary", "the summary");
    expect(screen).toContain("Worked solution");
    expect(screen).toContain("s11 = a11·w11");
    expect(screen).toMatch(/│ conv\.forward +│ +✗ 1\/2 │/);
    expect(screen).toContain("• conv.forward  (wrong in this session)");
    expect(await term.exitCode()).toBe(0);
    noStackTrace(term.screen());

    const records = parseHistory(readFileSync(join(home, "history.jsonl"), "utf8")).records;
    expect(records.map((r) => [r.id, r.correct, r.score])).toEqual([[id, true, 1], [expect.stringMatching(/^conv\.forward@\d+$/), false, 0]]);
  });

  it("Ctrl-C during the second problem: exit 130, the first answer saved, no stack trace", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["quiz", "--topic", "conv.forward", "--count", "3", "--seed", "8"], home);
    const screen = await term.waitFor("? Output s (");
    const id = /Problem 1\/3 · (conv\.forward@\d+)/.exec(screen)![1];
    term.type(answerOf(id));
    term.send("Enter");
    await term.waitFor(/Problem 2\/3[\s\S]*\? Output s \(/, "the second prompt");
    term.send("C-c");
    expect(await term.exitCode()).toBe(130);
    const end = term.screen();
    expect(end).toContain("Stopped early: 1 of 3 answered, all saved.");
    noStackTrace(end);
    expect(parseHistory(readFileSync(join(home, "history.jsonl"), "utf8")).records.map((r) => r.id)).toEqual([id]);
  });

  it("quiz with no options: the topic menu; space picks the first topic, enter starts", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["quiz"], home);
    await term.waitFor("Which topics do you want to practise?", "the menu");
    term.send("Enter");
    await term.waitFor("pick at least one topic", "the empty-menu hint");
    term.send("Space");
    term.send("Enter");
    const screen = await term.waitFor(/Problem 1\/5 · conv\.forward@\d+/, "a problem of the picked topic");
    expect(screen).toMatch(/Session seed \d+\. The same problems again: cnn-drill quiz --seed \d+ --count 5 --topic conv\.forward/);
    term.send("C-c");
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain("No answers given.");
  });

  it("quiz --lang ko (a language only): still the topic menu, in Korean", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["quiz", "--lang", "ko"], home);
    await term.waitFor("어떤 주제를 연습할까요?", "the Korean menu");
    term.send("C-c");
    expect(await term.exitCode()).toBe(130);
    expect(existsSync(join(home, "history.jsonl"))).toBe(false);
  });

  it("a choice question is answered with the arrow keys and enter", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["quiz", "--topic", "concept.xor", "--count", "1", "--seed", "3"], home);
    await term.waitFor("? Your choice", "the select prompt");
    term.send("Down");
    term.send("Enter");
    let screen = await term.waitFor(/✓ Right!|Press Enter for the next problem/, "the verdict");
    // A wrong choice shows the answer and why, then waits for Enter.
    if (screen.includes("You chose b)")) term.send("Enter");
    screen = await term.waitFor("Session summary");
    expect(screen).toMatch(/✓ Right!|You chose b\)/);
    expect(await term.exitCode()).toBe(0);
    expect(parseHistory(readFileSync(join(home, "history.jsonl"), "utf8")).records).toHaveLength(1);
  });

  it("80 columns: h shows a hint wrapped to the terminal, a wrong answer offers try again, hint, solution or move on; the retry is recorded as attempt 2", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["quiz", "--topic", "conv.forward", "--count", "1", "--seed", "7"], home, 80);
    let screen = await term.waitFor("? Output s (", "the prompt");
    expect(screen).toContain("At the prompt, h shows a hint and ? the worked solution.");
    const id = /Problem 1\/1 · (conv\.forward@\d+)/.exec(screen)![1];
    term.type("h");
    term.send("Enter");
    screen = await term.waitFor(/Hint 1 of \d[\s\S]*\? Output s \(/, "the hint, then the prompt again");
    term.type("0 0; 0 0");
    term.send("Enter");
    screen = await term.waitFor("? What next?", "the choices after a wrong answer");
    expect(screen).toContain("Try again");
    expect(screen).toContain("Show a hint");
    expect(screen).toContain("Show the worked solution");
    expect(screen).toContain("Move on");
    expect(screen).not.toContain("Worked solution");
    term.send("Enter");
    await term.waitFor(/What next\?[\s\S]*\? Output s \(/, "the prompt again");
    term.type(answerOf(id));
    term.send("Enter");
    screen = await term.waitFor("Session summary", "the summary");
    expect(screen).toContain("✓ Right!");
    expect(await term.exitCode()).toBe(0);
    // No line is wider than the terminal (the pane would wrap it).
    // The prompt and the hint wrap to the terminal: no line fills all 80 columns (the pane's own wrapping would).
    // Display columns: combining marks (the hat of k̂) take none.
    const prose = term.screen().split("\n").slice(0, term.screen().split("\n").findIndex((line) => line.includes("What next?")));
    expect(prose.some((line) => line.startsWith("Hint 1 of"))).toBe(true);
    for (const line of prose.filter((text) => !text.startsWith("Session seed"))) expect(line.replace(/\p{M}/gu, "").length, line).toBeLessThan(80);
    const records = parseHistory(readFileSync(join(home, "history.jsonl"), "utf8")).records;
    expect(records.map((r) => [r.correct, r.attempt, r.hints, r.via])).toEqual([[false, 1, 1, "quiz"], [true, 2, 1, "quiz"]]);
  });

  it("wrong, then the worked solution: the answer opens it, and Enter is awaited before the next problem", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["quiz", "--topic", "conv.forward", "--count", "2", "--seed", "7"], home);
    await term.waitFor("? Output s (", "the prompt");
    term.type("0 0; 0 0");
    term.send("Enter");
    await term.waitFor("? What next?", "the choices");
    term.send("Down");
    term.send("Down");
    term.send("Enter");
    let screen = await term.waitFor("Press Enter for the next problem", "the pause");
    expect(screen).toMatch(/Answer — Output s:[\s\S]*Worked solution/);
    expect(screen).not.toContain("Problem 2/2");
    term.send("Enter");
    screen = await term.waitFor(/Problem 2\/2[\s\S]*\? Output s \(/, "the next problem");
    term.send("C-c");
    expect(await term.exitCode()).toBe(130);
    noStackTrace(term.screen());
  });

  it("review --count 2 --lang ko: the plan in Korean, then the drill; Ctrl-C ends it", async () => {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-e2e-")));
    const term = start(["review", "--count", "2", "--lang", "ko"], home);
    const screen = await term.waitFor("? 출력 s (", "the first prompt");
    expect(screen).toContain("아직 기록이 없어 복습할 주제가 없습니다");
    expect(screen).toContain("문제 1/2 · conv.forward@");
    term.send("C-c");
    expect(await term.exitCode()).toBe(130);
    expect(term.screen()).toContain("답한 문제가 없습니다.");
  });
});
