/**
 * FSRS per topic from the history: rating rule, determinism (same history ⇒ same schedule, whatever
 * the file order of equal times), due/weak/new ordering, and `stats` output built on it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Rating } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { temporaryFolders } from "../helpers/temp.js";
import type { HistoryRecord } from "../../src/practice/history.js";
import { FAST_SECONDS, FSRS_PARAMETERS, ratingFor, reviewOrder, scheduleTopics, SLOW_SECONDS } from "../../src/practice/schedule.js";
import { accuracyBar, formatDue } from "../../src/views/stats.js";
import { translator } from "../../src/i18n/index.js";
import { runBuilt, runInProcess } from "../helpers/cli.js";

const { made } = temporaryFolders();

const DAY = 86_400_000;
const start = Date.UTC(2026, 10, 20, 9, 0, 0);

function rec(topic: string, dayOffset: number, correct: boolean, seconds = 30): HistoryRecord {
  return { time: new Date(start + dayOffset * DAY).toISOString(), id: `${topic}@${Math.round(dayOffset * 100)}`, topic, correct, score: correct ? 1 : 0.25, seconds };
}

describe("ratingFor", () => {
  it.each([
    [false, 5, Rating.Again],
    [false, 500, Rating.Again],
    [true, FAST_SECONDS, Rating.Easy],
    [true, FAST_SECONDS + 1, Rating.Good],
    [true, SLOW_SECONDS, Rating.Good],
    [true, SLOW_SECONDS + 1, Rating.Hard],
  ])("correct=%s seconds=%s → %s", (correct, seconds, rating) => {
    expect(ratingFor({ correct, seconds })).toBe(rating);
  });

  it.each([
    [true, 5, 1, undefined, Rating.Hard],
    [true, 500, 2, "quiz", Rating.Hard],
    [false, 5, 1, "quiz", Rating.Again],
    [true, 0, 0, "check", Rating.Good],
    [true, 0, undefined, "check", Rating.Good],
    [true, 0, 1, "check", Rating.Hard],
    [false, 0, undefined, "check", Rating.Again],
  ] as const)("correct=%s seconds=%s hints=%s via=%s → %s (a hint makes it Hard; check's time is unknown)", (correct, seconds, hints, via, rating) => {
    expect(ratingFor({ correct, seconds, hints, via })).toBe(rating);
  });
});

describe("scheduleTopics", () => {
  const history = [rec("conv.forward", 0, true), rec("conv.forward", 1, false), rec("conv.forward", 1.01, true), rec("concept.xor", 0.5, true, 8), rec("concept.xor", 3, true, 9)];
  const now = new Date(start + 4 * DAY);

  it("fixed parameters: no fuzz, 90% retention", () => {
    expect(FSRS_PARAMETERS.enable_fuzz).toBe(false);
    expect(FSRS_PARAMETERS.request_retention).toBe(0.9);
  });

  it("the same history gives the same schedule (run twice, and with the file order shuffled)", () => {
    const a = scheduleTopics(history, now);
    expect(scheduleTopics(history, now)).toEqual(a);
    expect(scheduleTopics([...history].reverse(), now)).toEqual(a);
  });

  it("counts attempts, right answers and the last practice per topic, sorted by id", () => {
    const s = scheduleTopics(history, now);
    expect(s.map((x) => [x.topic, x.attempts, x.correct, x.lastPractised.toISOString()])).toEqual([
      ["concept.xor", 2, 2, new Date(start + 3 * DAY).toISOString()],
      ["conv.forward", 3, 2, new Date(start + 1.01 * DAY).toISOString()],
    ]);
  });

  it("a wrong answer brings the topic back sooner than a right one", () => {
    const right = scheduleTopics([rec("a.x", 0, true), rec("a.x", 2, true)], now)[0];
    const wrong = scheduleTopics([rec("a.x", 0, true), rec("a.x", 2, false)], now)[0];
    expect(wrong.due.getTime()).toBeLessThan(right.due.getTime());
  });

  it("fast right answers push the next review further than slow ones", () => {
    const fast = scheduleTopics([rec("a.x", 0, true, 5), rec("a.x", 3, true, 5)], now)[0];
    const slow = scheduleTopics([rec("a.x", 0, true, 300), rec("a.x", 3, true, 300)], now)[0];
    expect(fast.due.getTime()).toBeGreaterThan(slow.due.getTime());
  });

  it("isDue compares the due time with now", () => {
    for (const s of scheduleTopics(history, now)) expect(s.isDue).toBe(s.due.getTime() <= now.getTime());
  });
});

describe("reviewOrder", () => {
  it("due first (most overdue first), then weakest, then never practised; unknown topics skipped", () => {
    const now = new Date(start + 30 * DAY);
    const history = [rec("a.due-old", 0, false), rec("a.due-new", 10, false), rec("gone.topic", 0, false)];
    const schedules = scheduleTopics(history, now);
    const known = ["a.due-new", "a.due-old", "a.new"];
    expect(reviewOrder(schedules, known, now)).toEqual([
      { topic: "a.due-old", reason: "due" },
      { topic: "a.due-new", reason: "due" },
      { topic: "a.new", reason: "new" },
    ]);
  });

  it("not due: a topic with a wrong answer is weak and comes before one always right", () => {
    const now = new Date(start + 2 * DAY);
    // a.shaky: one wrong, then right; a.solid: right twice. Both are made not due, so only weakness orders them.
    const history = [rec("a.shaky", 0, false), rec("a.shaky", 0.01, true, 5), rec("a.solid", 1.9, true, 5), rec("a.solid", 1.95, true, 5)];
    const schedules = scheduleTopics(history, now);
    const picks = reviewOrder(schedules.map((s) => ({ ...s, due: new Date(now.getTime() + DAY), isDue: false })), ["a.shaky", "a.solid"], now);
    expect(picks.map((p) => [p.topic, p.reason])).toEqual([["a.shaky", "weak"], ["a.solid", "ahead"]]);
  });

  it("not due, same share right: the lower recall probability comes first", () => {
    const now = new Date(start + 2 * DAY);
    const history = [rec("a.x", 0, false), rec("a.x", 0.01, true, 5), rec("a.y", 0, false), rec("a.y", 1.9, true, 5)];
    const schedules = scheduleTopics(history, now).map((s) => ({ ...s, due: new Date(now.getTime() + DAY), isDue: false }));
    const [x, y] = schedules;
    expect(x.retrievability).toBeLessThan(y.retrievability);
    expect(reviewOrder(schedules, ["a.x", "a.y"], now).map((p) => p.topic)).toEqual(["a.x", "a.y"]);
  });

  it("a topic answered right every time and not due comes after the new topics (reviewing ahead)", () => {
    const now = new Date(start + 0.5 * DAY);
    const history = [rec("a.solid", 0, true, 5), rec("a.shaky", 0, false), rec("a.shaky", 0.001, true, 5)];
    const schedules = scheduleTopics(history, now).map((s) => ({ ...s, due: new Date(now.getTime() + DAY), isDue: false }));
    expect(reviewOrder(schedules, ["a.new", "a.shaky", "a.solid"], now)).toEqual([
      { topic: "a.shaky", reason: "weak" },
      { topic: "a.new", reason: "new" },
      { topic: "a.solid", reason: "ahead" },
    ]);
  });
});

describe("stats rendering helpers", () => {
  it.each([
    [0, "░░░░░░░░░░"],
    [0.5, "█████░░░░░"],
    [0.84, "████████░░"],
    [1, "██████████"],
  ])("accuracyBar(%s) = %s", (share, bar) => {
    expect(accuracyBar(share)).toBe(bar);
  });

  it.each([
    [-30_000, "due now"],
    [-3 * DAY, "overdue 3 days"],
    [10 * 60_000, "in 10 min"],
    [DAY, "in 1 day"],
    [5 * 3_600_000, "in 5 h"],
  ])("formatDue(now %s ms) = %s", (offset, text) => {
    const now = new Date(start);
    expect(formatDue(new Date(start + offset), now, translator("en"))).toBe(text);
  });
});

describe("cnn-drill stats", () => {
  function homeWith(records: HistoryRecord[]): string {
    const home = made(mkdtempSync(join(tmpdir(), "cnn-drill-stats-")));
    writeFileSync(join(home, "history.jsonl"), records.map((r) => `${JSON.stringify(r)}\n`).join(""));
    return home;
  }

  it("no history: says so and how to start, exit 0", () => {
    const result = runBuilt(["stats"], { env: { CNN_DRILL_HOME: made(mkdtempSync(join(tmpdir(), "cnn-drill-stats-"))) } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("No answers recorded yet.\nStart a session with: cnn-drill quiz");
  });

  it("--json with no history: zero counts, empty topics", () => {
    const result = runBuilt(["stats", "--json"], { env: { CNN_DRILL_HOME: made(mkdtempSync(join(tmpdir(), "cnn-drill-stats-"))) } });
    expect(JSON.parse(result.stdout)).toMatchObject({ attempts: 0, correct: 0, topics: [] });
  });

  it("--json: totals and per-topic keys of the contract (built command)", () => {
    const home = homeWith([rec("conv.forward", 0, true), rec("conv.forward", 1, false), rec("concept.xor", 2, true)]);
    const result = runBuilt(["stats", "--json"], { env: { CNN_DRILL_HOME: home } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ attempts: 3, correct: 2 });
    expect(json.topics.map((t: { id: string; attempts: number; correct: number }) => [t.id, t.attempts, t.correct])).toEqual([["concept.xor", 1, 1], ["conv.forward", 2, 1]]);
    for (const topic of json.topics) {
      expect(Object.keys(topic)).toEqual(expect.arrayContaining(["id", "attempts", "correct", "accuracy", "lastPractised", "nextDue", "due"]));
      expect(Number.isNaN(Date.parse(topic.nextDue))).toBe(false);
    }
  });

  it("human: totals, a bar per topic, due marks and the legend", async () => {
    const home = homeWith([rec("conv.forward", 0, true), rec("conv.forward", 1, false), rec("concept.xor", 2, true)]);
    const result = await runInProcess(["stats"], { env: { CNN_DRILL_HOME: home } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Answers: 3 · right: 2 (67%)");
    expect(result.stdout).toMatch(/Not practised yet: \d+ topics \(conv\.padded, /);
    expect(result.stdout).toMatch(/│ conv\.forward +│ +2 │ +1 │ █████░░░░░  50% │/);
    expect(result.stdout).toMatch(/│ concept\.xor +│ +1 │ +1 │ ██████████ 100% │/);
    expect(result.stdout).toContain("! overdue");
    expect(result.stdout).toContain("cnn-drill review");
    expect(result.stdout).toContain("Bar: █ share answered right");
  });

  it("human in Korean", async () => {
    const home = homeWith([rec("conv.forward", 0, true)]);
    const result = await runInProcess(["stats", "--lang", "ko"], { env: { CNN_DRILL_HOME: home } });
    expect(result.stdout).toContain("답 1개, 정답 1개 (100%)");
    expect(result.stdout).toContain("마지막 연습");
  });

  it("throws when --lang is unknown: exit 2", async () => {
    const result = await runInProcess(["stats", "--lang", "xx"], { env: { CNN_DRILL_HOME: made(mkdtempSync(join(tmpdir(), "cnn-drill-stats-"))) } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: --lang: "xx" is not a supported language/);
  });
});
