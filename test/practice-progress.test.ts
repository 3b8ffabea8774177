/** progressOf: the totals and due counts `stats` shows, as data. */
import { describe, expect, it } from "vitest";
import type { HistoryRecord } from "../src/practice/history.js";
import { progressOf } from "../src/practice/progress.js";

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
