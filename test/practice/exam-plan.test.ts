/**
 * Planning to an exam date with an injected clock: exam dates are real calendar dates, no review is
 * scheduled after the exam, every topic comes up before it, and the day plan puts new and weak topics first.
 */
import { describe, expect, it } from "vitest";
import { addCalendarDays, calendarDayOf, calendarDaysBetween, capToExam, examWindow, parseExamDate, planToExam, startOfCalendarDay } from "../../src/practice/exam-plan.js";
import type { HistoryRecord } from "../../src/practice/history.js";
import { scheduleTopics } from "../../src/practice/schedule.js";
import { inputErrorOf } from "../helpers/errors.js";

/** Local times, so that calendar days do not depend on the machine's time zone. */
const at = (day: number, hour = 10) => new Date(2026, 11, day, hour, 0, 0);
const NOW = at(8);
const KNOWN = ["conv.forward", "conv.backward", "pool.max", "rf.stack", "concept.xor", "roi.pool"];

function rec(topic: string, time: Date, correct: boolean, seconds = 10): HistoryRecord {
  return { time: time.toISOString(), id: `${topic}@${time.getTime() % 997}`, topic, correct, score: correct ? 1 : 0, seconds };
}

/** conv.forward: right and fast, many times (FSRS pushes it far out); pool.max: wrong once (weak); concept.xor: right once. */
const HISTORY: HistoryRecord[] = [
  rec("conv.forward", at(1), true), rec("conv.forward", at(2), true), rec("conv.forward", at(4), true), rec("conv.forward", at(7), true),
  rec("pool.max", at(6), false),
  rec("concept.xor", at(7), true),
  rec("retired.topic", at(7), false),
];

describe("calendar days", () => {
  it("parses a real date and reads days back in local time", () => {
    expect(parseExamDate(" 2026-12-15 ")).toBe("2026-12-15");
    expect(startOfCalendarDay("2026-12-15")).toEqual(new Date(2026, 11, 15));
    expect(calendarDayOf(at(15, 23))).toBe("2026-12-15");
    expect(addCalendarDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addCalendarDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(calendarDaysBetween("2026-12-08", "2026-12-15")).toBe(7);
    expect(calendarDaysBetween("2026-12-15", "2026-12-08")).toBe(-7);
  });

  it.each(["2026-02-30", "2027-02-29", "2026-13-01", "2026-12-00", "2026-1-5", "15.12.2026", "tomorrow", ""])("throws when the exam date is %j", (text) => {
    const error = inputErrorOf(() => parseExamDate(text));
    expect([error.argument, error.code, error.hintCode]).toEqual(["exam-date", "plan.examDateBad", "plan.examDateHint"]);
  });
});

describe("examWindow", () => {
  it("a past exam date gives no window (the caller warns and ignores it)", () => {
    expect(examWindow("2026-12-07", NOW)).toBeUndefined();
  });

  it("an exam today: review today", () => {
    expect(examWindow("2026-12-08", NOW)).toEqual({ examDay: "2026-12-08", today: "2026-12-08", lastReviewDay: "2026-12-08", daysLeft: 0 });
  });

  it("an exam in a week: the last review is on its eve", () => {
    expect(examWindow("2026-12-15", NOW)).toEqual({ examDay: "2026-12-15", today: "2026-12-08", lastReviewDay: "2026-12-14", daysLeft: 7 });
  });
});

describe("capToExam", () => {
  const schedules = scheduleTopics(HISTORY, NOW);

  it("without an exam, FSRS puts a well-known topic's next review after the exam", () => {
    const forward = schedules.find((s) => s.topic === "conv.forward")!;
    expect(forward.due.getTime()).toBeGreaterThan(startOfCalendarDay("2026-12-15")!.getTime());
  });

  it.each(["2026-12-08", "2026-12-09", "2026-12-10", "2026-12-15", "2027-01-20"])("exam on %s: no review is due after the last review day, and early reviews stay as they were", (examDay) => {
    const exam = examWindow(examDay, NOW)!;
    const capped = capToExam(schedules, exam, NOW);
    const latest = startOfCalendarDay(exam.lastReviewDay)!.getTime();
    for (const [i, s] of capped.entries()) {
      expect(s.due.getTime()).toBeLessThanOrEqual(latest);
      if (schedules[i].due.getTime() <= latest) expect(s).toBe(schedules[i]);
      expect(s.isDue).toBe(s.due.getTime() <= NOW.getTime());
    }
  });
});

describe("planToExam", () => {
  const schedules = scheduleTopics(HISTORY, NOW);

  it.each(["2026-12-08", "2026-12-09", "2026-12-11", "2026-12-15", "2027-02-01"])("exam on %s: one day per day until its eve, every known topic exactly once, unknown topics ignored", (examDay) => {
    const exam = examWindow(examDay, NOW)!;
    const plan = planToExam(schedules, KNOWN, exam, NOW);
    expect(plan.examDate).toBe(examDay);
    expect(plan.days[0].date).toBe("2026-12-08");
    expect(plan.days.at(-1)!.date).toBe(exam.lastReviewDay);
    expect(plan.days.map((d) => d.date)).toEqual(plan.days.map((_, i) => addCalendarDays("2026-12-08", i)));
    const planned = plan.days.flatMap((d) => d.topics);
    expect([...planned].sort()).toEqual([...KNOWN].sort());
  });

  it("a week before: never practised topics (catalogue order) then the weak one fill the first days; well-known topics wait for their review", () => {
    const plan = planToExam(schedules, KNOWN, examWindow("2026-12-15", NOW)!, NOW);
    expect(plan.days.slice(0, 4).map((d) => d.topics[0])).toEqual(["conv.backward", "rf.stack", "roi.pool", "pool.max"]);
    const dayOf = (topic: string) => plan.days.findIndex((d) => d.topics.includes(topic));
    expect(dayOf("conv.forward")).toBeGreaterThan(dayOf("pool.max"));
  });

  it("the exam tomorrow: everything today", () => {
    const plan = planToExam(schedules, KNOWN, examWindow("2026-12-09", NOW)!, NOW);
    expect(plan.days).toHaveLength(1);
    expect(plan.days[0].topics).toHaveLength(KNOWN.length);
    expect(plan.days[0].topics.slice(0, 3)).toEqual(["conv.backward", "rf.stack", "roi.pool"]);
  });
});
