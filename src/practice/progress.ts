/** Progress as data, for `cnn-drill stats` (text and JSON): totals, the per-topic schedules, what is due. */
import { HISTORY_ROUTES, type HistoryRecord, type HistoryRoute } from "./history.js";
import { calendarDayOf, addCalendarDays, capToExam, type ExamWindow } from "./exam-plan.js";
import { firstAnswers, scheduleTopics, type TopicSchedule } from "./schedule.js";

export interface Progress {
  /** Answers recorded, and how many were right. */
  attempts: number;
  correct: number;
  /** correct / attempts (0 with no answers). */
  accuracy: number;
  /** The share of problems answered right at the first try (0 with no answers). */
  firstTryAccuracy: number;
  /** Calendar days practised in a row, up to today (or up to yesterday when today has no answer yet). */
  streak: number;
  /** Answers per route; records written before routes were kept came from sessions and count as quiz. */
  routes: Record<HistoryRoute, number>;
  /** Hints seen before answers, in all. */
  hintsUsed: number;
  /** One per practised topic, sorted by topic id. */
  schedules: TopicSchedule[];
  /** Topics that exist but have no answer yet, in the catalogue's order. */
  notPractised: string[];
  /** How many practised topics are due now. */
  dueCount: number;
  /** The soonest next review (undefined with no answers). */
  nextDue?: Date;
}

/** `known`: every topic id, in the catalogue's order; with `exam`, no review is due after the exam's eve. */
export function progressOf(records: readonly HistoryRecord[], known: readonly string[], now: Date, exam?: ExamWindow): Progress {
  const scheduled = scheduleTopics(records, now);
  const schedules = exam === undefined ? scheduled : capToExam(scheduled, exam, now);
  const attempts = records.length;
  const correct = records.filter((record) => record.correct).length;
  const practised = new Set(schedules.map((s) => s.topic));
  const firsts = firstAnswers(records);
  const nextDue = schedules.reduce<Date | undefined>((soonest, s) => (soonest === undefined || s.due.getTime() < soonest.getTime() ? s.due : soonest), undefined);
  return {
    attempts,
    correct,
    accuracy: attempts === 0 ? 0 : correct / attempts,
    firstTryAccuracy: firsts.length === 0 ? 0 : firsts.filter((record) => record.correct).length / firsts.length,
    streak: streakOf(records, now),
    routes: routesOf(records),
    hintsUsed: records.reduce((sum, record) => sum + (record.hints ?? 0), 0),
    schedules,
    notPractised: known.filter((id) => !practised.has(id)),
    dueCount: schedules.filter((s) => s.isDue).length,
    nextDue,
  };
}

/** Days practised in a row, counted back from today; a streak that reached yesterday is still alive today. */
export function streakOf(records: readonly HistoryRecord[], now: Date): number {
  const days = new Set(records.map((record) => calendarDayOf(new Date(Date.parse(record.time)))));
  let day = calendarDayOf(now);
  if (!days.has(day)) day = addCalendarDays(day, -1);
  let streak = 0;
  for (; days.has(day); day = addCalendarDays(day, -1)) streak++;
  return streak;
}

export function routesOf(records: readonly HistoryRecord[]): Record<HistoryRoute, number> {
  const routes = Object.fromEntries(HISTORY_ROUTES.map((route) => [route, 0])) as Record<HistoryRoute, number>;
  for (const record of records) routes[record.via ?? "quiz"]++;
  return routes;
}
