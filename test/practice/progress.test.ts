/** progressOf: the totals and due counts `stats` shows, as data. */
import { describe, expect, it } from "vitest";
import type { HistoryRecord } from "../../src/practice/history.js";
import { progressOf } from "../../src/practice/progress.js";

function record(topic: string, minute: number, correct: boolean): HistoryRecord {
  return { time: new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString(), id: `${topic}@${minute}`, topic, correct, score: correct ? 1 : 0, seconds: 10 };
}

describe("progressOf", () => {
  it("no records: zero totals, accuracy 0, every known topic not practised, nothing due", () => {
    const progress = progressOf([], ["conv.forward", "pool.max"], new Date(Date.UTC(2026, 10, 2)));
    expect(progress).toMatchObject({ attempts: 0, correct: 0, accuracy: 0, schedules: [], notPractised: ["conv.forward", "pool.max"], dueCount: 0 });
    expect(progress.nextDue).toBeUndefined();
  });

  it("3 answers on 2 topics: totals, topics not practised in catalogue order, the soonest due date", () => {
    const records = [record("pool.max", 0, true), record("conv.forward", 1, false), record("pool.max", 2, true)];
    const progress = progressOf(records, ["conv.forward", "conv.padded", "pool.max", "roi.pool"], new Date(Date.UTC(2026, 10, 1, 10, 3)));
    expect(progress).toMatchObject({ attempts: 3, correct: 2, notPractised: ["conv.padded", "roi.pool"] });
    expect(progress.accuracy).toBeCloseTo(2 / 3);
    expect(progress.schedules.map((s) => s.topic)).toEqual(["conv.forward", "pool.max"]);
    const soonest = Math.min(...progress.schedules.map((s) => s.due.getTime()));
    expect(progress.nextDue?.getTime()).toBe(soonest);
    expect(progress.dueCount).toBe(progress.schedules.filter((s) => s.isDue).length);
  });
});

describe("first tries and streaks", () => {
  const at = (day: number, hour = 12) => new Date(2026, 11, day, hour).toISOString();
  const answer = (id: string, time: string, correct: boolean): HistoryRecord => ({ time, id, topic: id.split("@")[0], correct, score: correct ? 1 : 0, seconds: 10 });

  it("a problem answered again counts once for the schedule and the first-try accuracy, every answer for the totals", () => {
    const records = [answer("pool.max@1", at(3), false), answer("pool.max@1", at(3, 13), true), answer("pool.max@2", at(4), true), answer("conv.forward@5", at(4), true)];
    const progress = progressOf(records, ["conv.forward", "pool.max"], new Date(2026, 11, 5));
    expect(progress).toMatchObject({ attempts: 4, correct: 3 });
    expect(progress.firstTryAccuracy).toBeCloseTo(2 / 3);
    expect(progress.schedules.find((s) => s.topic === "pool.max")).toMatchObject({ attempts: 2, correct: 1 });
  });

  it.each([
    ["no answers", [], 0],
    ["today only", [3], 1],
    ["today and the two days before", [1, 2, 3], 3],
    ["yesterday and the day before, none yet today: still alive", [1, 2], 2],
    ["a gap breaks it", [1, 3], 1],
    ["last practised two days ago: broken", [1], 0],
  ])("streak: %s", (_, days, streak) => {
    const records = days.map((day, i) => answer(`rf.stack@${i}`, at(day), true));
    expect(progressOf(records, ["rf.stack"], new Date(2026, 11, 3, 20)).streak).toBe(streak);
  });
});

describe("routes and hints", () => {
  it("counts answers per command (a record without a route came from a session: quiz) and the hints seen", () => {
    const base = record("pool.max", 0, true);
    const records: HistoryRecord[] = [
      { ...base, via: "check" },
      { ...base, id: "pool.max@9", via: "check", hints: 2 },
      { ...base, id: "pool.max@8", via: "review", hints: 1 },
      { ...base, id: "pool.max@7" },
    ];
    const progress = progressOf(records, ["pool.max"], new Date(Date.UTC(2026, 10, 2)));
    expect(progress.routes).toEqual({ quiz: 1, review: 1, check: 2 });
    expect(progress.hintsUsed).toBe(3);
  });
});
