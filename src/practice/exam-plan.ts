/**
 * Planning to an exam date: no topic's next review falls after the exam, every topic is reviewed at
 * least once before it, and a day-by-day plan from today to the eve of the exam.
 *
 * Days are calendar days in the local time zone (a student's "tomorrow"), written `YYYY-MM-DD`.
 * Pure: `now` is always passed in, so tests inject the clock.
 */
import { InputError } from "../engine/errors.js";
import { WEAK_RECALL, type TopicSchedule } from "./schedule.js";

/** A calendar day, `YYYY-MM-DD`. */
export type CalendarDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Local midnight at the start of `day`, or undefined when `day` is not a real calendar date. */
export function startOfCalendarDay(day: CalendarDay): Date | undefined {
  const match = DAY_PATTERN.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  // Date rolls 2026-02-30 over to March: a real date reads back the same.
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return undefined;
  return start;
}

/** The local calendar day of an instant. */
export function calendarDayOf(time: Date): CalendarDay {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
}

/** `day` moved by `days` calendar days (daylight-saving safe: works on dates, not milliseconds). */
export function addCalendarDays(day: CalendarDay, days: number): CalendarDay {
  const start = startOfCalendarDay(day);
  if (start === undefined) throw new Error(`not a calendar day: ${day}`);
  return calendarDayOf(new Date(start.getFullYear(), start.getMonth(), start.getDate() + days));
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: CalendarDay, to: CalendarDay): number {
  const a = startOfCalendarDay(from);
  const b = startOfCalendarDay(to);
  if (a === undefined || b === undefined) throw new Error(`not calendar days: ${from}, ${to}`);
  // Noon-to-noon differences are whole days even across a daylight-saving change.
  return Math.round((b.getTime() - a.getTime()) / MS_PER_DAY);
}

/** Reads an exam date written `YYYY-MM-DD` (a real calendar date). */
export function parseExamDate(text: string, argument = "exam-date"): CalendarDay {
  const day = text.trim();
  if (startOfCalendarDay(day) === undefined) throw new InputError(argument, "plan.examDateBad", { text }, "plan.examDateHint");
  return day;
}

/** The exam as the scheduler sees it: its day and the last day to review on (its eve, or today when the exam is today). */
export interface ExamWindow {
  examDay: CalendarDay;
  /** Today, in the same terms. */
  today: CalendarDay;
  lastReviewDay: CalendarDay;
  /** Days from today to the exam (0 when the exam is today). */
  daysLeft: number;
}

/** The exam window, or undefined when the exam day is already past (callers warn and ignore it). */
export function examWindow(examDay: CalendarDay, now: Date): ExamWindow | undefined {
  const today = calendarDayOf(now);
  const daysLeft = calendarDaysBetween(today, examDay);
  if (daysLeft < 0) return undefined;
  return { examDay, today, lastReviewDay: daysLeft === 0 ? today : addCalendarDays(examDay, -1), daysLeft };
}

/**
 * Schedules capped to the exam: a review that FSRS would place after the last review day is brought
 * forward to the start of that day, so every practised topic comes up at least once before the exam.
 */
export function capToExam(schedules: readonly TopicSchedule[], exam: ExamWindow, now: Date): TopicSchedule[] {
  const latest = startOfCalendarDay(exam.lastReviewDay)!;
  return schedules.map((schedule) => {
    if (schedule.due.getTime() <= latest.getTime()) return schedule;
    return { ...schedule, due: latest, isDue: latest.getTime() <= now.getTime() };
  });
}

export interface PlanDay {
  date: CalendarDay;
  /** Topic ids to practise that day: never practised and weak ones first, then due reviews. */
  topics: string[];
}

export interface ExamPlan {
  examDate: CalendarDay;
  daysLeft: number;
  days: PlanDay[];
}

function isWeak(schedule: TopicSchedule): boolean {
  return schedule.accuracy < 1 || schedule.retrievability < WEAK_RECALL;
}

/**
 * A day-by-day plan from today to the last review day. Topics never practised (in the catalogue's
 * order) and weak ones (weakest first) are spread evenly from today on; every other practised topic goes
 * on the day its capped review falls due (today when overdue). Each known topic appears exactly once;
 * `known` lists every topic id, in the catalogue's order, and history of unknown topics is ignored.
 */
export function planToExam(schedules: readonly TopicSchedule[], known: readonly string[], exam: ExamWindow, now: Date): ExamPlan {
  const exists = new Set(known);
  const capped = capToExam(schedules.filter((s) => exists.has(s.topic)), exam, now);
  const practised = new Set(capped.map((s) => s.topic));
  const weak = capped.filter(isWeak).sort((a, b) => a.accuracy - b.accuracy || a.retrievability - b.retrievability || a.topic.localeCompare(b.topic));
  const firstWave = [...known.filter((id) => !practised.has(id)), ...weak.map((s) => s.topic)];

  const dayCount = calendarDaysBetween(exam.today, exam.lastReviewDay) + 1;
  const days: PlanDay[] = Array.from({ length: dayCount }, (_, i) => ({ date: addCalendarDays(exam.today, i), topics: [] }));
  const perDay = Math.ceil(firstWave.length / dayCount);
  firstWave.forEach((topic, i) => days[Math.floor(i / perDay)].topics.push(topic));

  const inFirstWave = new Set(firstWave);
  const reviews = capped.filter((s) => !inFirstWave.has(s.topic)).sort((a, b) => a.due.getTime() - b.due.getTime() || a.topic.localeCompare(b.topic));
  for (const review of reviews) {
    const index = Math.max(0, calendarDaysBetween(exam.today, calendarDayOf(review.due)));
    days[Math.min(index, dayCount - 1)].topics.push(review.topic);
  }
  return { examDate: exam.examDay, daysLeft: exam.daysLeft, days };
}
