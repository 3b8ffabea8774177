/**
 * The exam date a command plans to (option, else setting; a past one ignored), progress capped to it,
 * and `config`, `plan` and `stats --exam-date` through the built command.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseExamDate } from "../../src/practice/exam-date.js";
import { calendarDayOf, addCalendarDays, examWindow, startOfCalendarDay } from "../../src/practice/exam-plan.js";
import type { HistoryRecord } from "../../src/practice/history.js";
import { progressOf } from "../../src/practice/progress.js";
import { runBuilt } from "../helpers/cli.js";
import { inputErrorOf } from "../helpers/errors.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();
const NOW = new Date(2026, 11, 8, 10);

describe("chooseExamDate", () => {
  it("--exam-date wins over the setting; the setting is used without it; none gives none", () => {
    expect(chooseExamDate("2026-12-15", "2026-12-20", NOW)).toEqual({ exam: examWindow("2026-12-15", NOW) });
    expect(chooseExamDate(undefined, "2026-12-20", NOW)).toEqual({ exam: examWindow("2026-12-20", NOW) });
    expect(chooseExamDate(undefined, undefined, NOW)).toEqual({ exam: undefined });
  });

  it("a past date is ignored and named", () => {
    expect(chooseExamDate("2026-12-07", undefined, NOW)).toEqual({ exam: undefined, past: "2026-12-07" });
    expect(chooseExamDate(undefined, "2026-01-01", NOW)).toEqual({ exam: undefined, past: "2026-01-01" });
  });

  it.each(["2026-02-30", "12/15/2026", "soon"])("throws when --exam-date is %j", (text) => {
    const error = inputErrorOf(() => chooseExamDate(text, "2026-12-20", NOW));
    expect([error.argument, error.code, error.hintCode]).toEqual(["exam-date", "plan.examDateBad", "plan.examDateHint"]);
  });
});

describe("progressOf with an exam", () => {
  // Right and fast five days running: FSRS puts the next review weeks out.
  const records: HistoryRecord[] = [1, 2, 3, 5, 7].map((day) => ({ time: new Date(2026, 11, day, 9).toISOString(), id: `conv.forward@${day}`, topic: "conv.forward", correct: true, score: 1, seconds: 10 }));

  it("no review is due after the exam's eve, and the soonest review follows", () => {
    const free = progressOf(records, ["conv.forward"], NOW);
    expect(free.schedules[0].due.getTime()).toBeGreaterThan(startOfCalendarDay("2026-12-11")!.getTime());
    const capped = progressOf(records, ["conv.forward"], NOW, examWindow("2026-12-11", NOW));
    expect(capped.schedules[0].due).toEqual(startOfCalendarDay("2026-12-10"));
    expect(capped.nextDue).toEqual(startOfCalendarDay("2026-12-10"));
  });
});

describe("cnn-drill config (built command)", () => {
  it("set, get, list (text and --json), unset; get of an unset key prints nothing, exit 1", () => {
    const home = tempDir("cnn-drill-config-e2e-");
    const env = { CNN_DRILL_HOME: home };
    expect(runBuilt(["config", "get", "exam-date"], { env })).toEqual({ stdout: "", stderr: "", exitCode: 1 });
    expect(runBuilt(["config", "set", "exam-date", "2026-12-15"], { env })).toEqual({ stdout: "exam-date = 2026-12-15\n", stderr: "", exitCode: 0 });
    expect(JSON.parse(readFileSync(join(home, "config.json"), "utf8"))).toEqual({ "exam-date": "2026-12-15" });
    expect(runBuilt(["config", "get", "exam-date"], { env })).toEqual({ stdout: "2026-12-15\n", stderr: "", exitCode: 0 });
    expect(runBuilt(["config", "list"], { env }).stdout).toBe(`exam-date = 2026-12-15\nsettings: ${join(home, "config.json")}\n`);
    expect(JSON.parse(runBuilt(["config", "list", "--json"], { env }).stdout)).toEqual({ file: join(home, "config.json"), settings: [{ key: "exam-date", value: "2026-12-15" }] });
    expect(runBuilt(["config", "unset", "exam-date"], { env }).stdout).toBe("exam-date forgotten\n");
    expect(runBuilt(["config", "unset", "exam-date", "--lang", "ko"], { env }).stdout).toBe("exam-date는 정해져 있지 않았습니다\n");
    expect(runBuilt(["config", "get", "exam-date"], { env }).exitCode).toBe(1);
    expect(JSON.parse(runBuilt(["config", "list", "--json"], { env }).stdout).settings).toEqual([]);
  });

  it("throws when the key is unknown: exit 2, nothing written", () => {
    const home = tempDir("cnn-drill-config-e2e-");
    const result = runBuilt(["config", "set", "exam", "2026-12-15"], { env: { CNN_DRILL_HOME: home } });
    expect(result).toEqual({ stdout: "", stderr: "error: --key: there is no setting \"exam\": the settings are exam-date\nhint: cnn-drill config list shows what is set\n", exitCode: 2 });
    expect(existsSync(join(home, "config.json"))).toBe(false);
  });

  it("throws when the exam date is not a real date: exit 2, in Korean too", () => {
    const home = tempDir("cnn-drill-config-e2e-");
    const result = runBuilt(["config", "set", "exam-date", "2026-02-30", "--lang", "ko"], { env: { CNN_DRILL_HOME: home } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("오류: --value: 시험일이 아닙니다: \"2026-02-30\". 실제 날짜를 YYYY-MM-DD 형식으로 쓰세요\n도움말: 예: 2026-12-15 (연-월-일)\n");
    expect(existsSync(join(home, "config.json"))).toBe(false);
  });
});

describe("cnn-drill plan (built command)", () => {
  const today = calendarDayOf(new Date());
  const inDays = (n: number) => addCalendarDays(today, n);

  it("--json: every day from today to the exam's eve, every topic exactly once", () => {
    const env = { CNN_DRILL_HOME: tempDir("cnn-drill-plan-") };
    const topics = JSON.parse(runBuilt(["topics", "--json"], { env }).stdout).topics.map((topic: { id: string }) => topic.id);
    const result = runBuilt(["plan", "--exam-date", inDays(5), "--json"], { env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const plan = JSON.parse(result.stdout);
    expect(plan.examDate).toBe(inDays(5));
    expect(plan.days.map((day: { date: string }) => day.date)).toEqual([0, 1, 2, 3, 4].map(inDays));
    expect(plan.days.flatMap((day: { topics: string[] }) => day.topics).sort()).toEqual([...topics].sort());
  });

  it("uses the configured exam date; text in English and Korean", () => {
    const env = { CNN_DRILL_HOME: tempDir("cnn-drill-plan-") };
    runBuilt(["config", "set", "exam-date", inDays(3)], { env });
    const en = runBuilt(["plan"], { env });
    expect(en.exitCode).toBe(0);
    expect(en.stdout.startsWith(`Plan to the exam on ${inDays(3)} (3 days left)\n\n${today} (today)  conv.forward, `)).toBe(true);
    expect(en.stdout).toContain(`\n${inDays(3)}          exam\n`);
    expect(en.stdout).toContain("Today's topics:\n  cnn-drill quiz --topic conv.forward --topic ");
    const ko = runBuilt(["plan", "--lang", "ko"], { env });
    expect(ko.stdout.startsWith(`${inDays(3)} 시험까지의 계획 (3일 남음)\n\n${today} (오늘)  conv.forward, `)).toBe(true);
    expect(ko.stdout).toContain(`\n${inDays(3)}         시험\n`);
  });

  it("no exam date: says how to set one, exit 0; --json examDate null, no days", () => {
    const env = { CNN_DRILL_HOME: tempDir("cnn-drill-plan-") };
    expect(runBuilt(["plan"], { env })).toEqual({ stdout: "No exam date yet. Set one with cnn-drill config set exam-date YYYY-MM-DD (for example 2026-12-15), or give --exam-date.\n", stderr: "", exitCode: 0 });
    expect(JSON.parse(runBuilt(["plan", "--json"], { env }).stdout)).toEqual({ examDate: null, daysLeft: null, days: [] });
  });

  it("a past exam date is ignored with a warning (then there is no exam to plan to)", () => {
    const result = runBuilt(["plan", "--exam-date", inDays(-1)], { env: { CNN_DRILL_HOME: tempDir("cnn-drill-plan-") } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe(`warning: the exam date ${inDays(-1)} is past, so it is ignored (cnn-drill config unset exam-date forgets it)\n`);
    expect(result.stdout).toMatch(/^No exam date yet\./);
  });

  it("throws when --exam-date is not a date: exit 2", () => {
    const result = runBuilt(["plan", "--exam-date", "next week"], { env: { CNN_DRILL_HOME: tempDir("cnn-drill-plan-") } });
    expect(result).toEqual({ stdout: "", stderr: "error: --exam-date: \"next week\" is not an exam date: write a real calendar date as YYYY-MM-DD\nhint: for example 2026-12-15 (year, month, day)\n", exitCode: 2 });
  });
});

describe("cnn-drill stats --exam-date (built command)", () => {
  it("no topic's next review is after the exam's eve; the exam is named; JSON examDate", () => {
    const home = tempDir("cnn-drill-stats-exam-");
    const env = { CNN_DRILL_HOME: home };
    const today = calendarDayOf(new Date());
    // Right and fast on five past days: FSRS alone puts the next review weeks out.
    const records = [-9, -8, -7, -5, -2].map((n) => ({ time: startOfCalendarDay(addCalendarDays(today, n))!.toISOString(), id: `conv.forward@${-n}`, topic: "conv.forward", correct: true, score: 1, seconds: 10 }));
    writeFileSync(join(home, "history.jsonl"), records.map((r) => `${JSON.stringify(r)}\n`).join(""));
    const exam = addCalendarDays(today, 2);
    const eve = startOfCalendarDay(addCalendarDays(today, 1))!.getTime();
    const free = JSON.parse(runBuilt(["stats", "--json"], { env }).stdout);
    expect(Date.parse(free.topics[0].nextDue)).toBeGreaterThan(eve);
    expect(free.examDate).toBeUndefined();
    const json = JSON.parse(runBuilt(["stats", "--json", "--exam-date", exam], { env }).stdout);
    expect(json.examDate).toBe(exam);
    expect(Date.parse(json.topics[0].nextDue)).toBe(eve);
    expect(runBuilt(["stats", "--exam-date", exam], { env }).stdout).toContain(`Exam on ${exam} (2 days left): no review is scheduled after it.`);
  });
});

describe("--exam-date on the interactive commands", () => {
  it.each(["quiz", "review"])("%s: throws when --exam-date is not a date, before asking for a terminal", (command) => {
    const result = runBuilt([command, "--exam-date", "2026-13-01"], { env: { CNN_DRILL_HOME: tempDir("cnn-drill-exam-") } });
    expect(result).toEqual({ stdout: "", stderr: "error: --exam-date: \"2026-13-01\" is not an exam date: write a real calendar date as YYYY-MM-DD\nhint: for example 2026-12-15 (year, month, day)\n", exitCode: 2 });
  });
});
