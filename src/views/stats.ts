/** Human output of `cnn-drill stats`: totals, then one row per topic with an accuracy bar and the schedule. */
import type { ExamPlan, ExamWindow } from "../practice/exam-plan.js";
import type { Progress } from "../practice/progress.js";
import type { Translate } from "../i18n/index.js";
import type { Palette } from "../render/colour.js";
import { visibleWidth } from "../render/layout.js";
import { renderTable } from "../render/table.js";
import { wrapText } from "./quiz.js";

export interface StatsTextContext {
  t: Translate;
  palette: Palette;
}

export const BAR_WIDTH = 10;

/** `████████░░` for 0.8: full blocks for the share, light shade for the rest (readable without colour). */
export function accuracyBar(share: number, width = BAR_WIDTH): string {
  const full = Math.max(0, Math.min(width, Math.round(share * width)));
  return "█".repeat(full) + "░".repeat(width - full);
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2026-11-30 17:05` in local time. */
function formatDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/** A duration in words: "5 min", "3 h", "2 days" (rounded to the unit that fits). */
export function formatDuration(ms: number, t: Translate): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return t("practice.duration.minutes", { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 24) return t("practice.duration.hours", { n: hours });
  const days = Math.round(hours / 24);
  return days === 1 ? t("practice.duration.oneDay") : t("practice.duration.days", { n: days });
}

/** "due now", "overdue 2 days" or "in 3 days". */
export function formatDue(due: Date, now: Date, t: Translate): string {
  const ms = due.getTime() - now.getTime();
  if (ms <= 0) {
    return -ms < 60_000 ? t("practice.due.now") : t("practice.due.overdue", { duration: formatDuration(-ms, t) });
  }
  return t("practice.due.in", { duration: formatDuration(ms, t) });
}

function styleShare(text: string, share: number, palette: Palette): string {
  if (share >= 0.8) return palette.correct(text);
  if (share >= 0.5) return palette.warn(text);
  return palette.wrong(text);
}

/** `file`: the history file, named at the end; `exam`: the exam ahead, named under the title. */
export function renderStatsText(progress: Progress, file: string, now: Date, { t, palette }: StatsTextContext, exam?: ExamWindow): string {
  const lines: string[] = [palette.heading(t("practice.stats.title")), ""];
  if (exam !== undefined) lines.push(palette.highlight(t("practice.stats.exam", { date: exam.examDay, days: exam.daysLeft })), "");
  if (progress.attempts === 0 || progress.nextDue === undefined) {
    lines.push(t("practice.stats.empty"), t("practice.stats.emptyHint"), "", palette.dim(t("practice.stats.file", { file })));
    return `${lines.join("\n")}\n`;
  }
  lines.push(t("practice.stats.totals", { attempts: progress.attempts, correct: progress.correct, percent: percent(progress.accuracy) }));
  lines.push(t("practice.stats.firstTry", { percent: percent(progress.firstTryAccuracy), streak: progress.streak }));
  lines.push(t("practice.stats.routes", { ...progress.routes, hints: progress.hintsUsed }), "");

  const head = [
    t("practice.stats.col.topic"),
    t("practice.stats.col.answers"),
    t("practice.stats.col.right"),
    t("practice.stats.col.accuracy"),
    t("practice.stats.col.last"),
    t("practice.stats.col.next"),
  ];
  const rows = progress.schedules.map((s) => {
    const bar = `${styleShare(accuracyBar(s.accuracy), s.accuracy, palette)} ${percent(s.accuracy).padStart(4)}`;
    const next = formatDue(s.due, now, t);
    const nextText = s.isDue ? palette.highlight(`! ${next}`) : `  ${next}`;
    return [s.topic, String(s.attempts), String(s.correct), bar, formatDateTime(s.lastPractised), nextText];
  });
  lines.push(renderTable(head, rows, palette, ["left", "right", "right", "left", "left", "left"]), "");

  if (progress.dueCount > 0) lines.push(t("practice.stats.dueCount", { count: progress.dueCount }), `  ${palette.result("cnn-drill review")}`);
  else lines.push(t("practice.stats.nothingDue", { when: formatDue(progress.nextDue, now, t) }));
  const fresh = progress.notPractised;
  if (fresh.length > 0) {
    const shown = fresh.slice(0, 4).join(", ") + (fresh.length > 4 ? ", …" : "");
    lines.push(t("practice.stats.notPractised", { count: fresh.length, topics: shown }));
  }
  lines.push("", palette.dim(t("practice.stats.legend")), palette.dim(t("practice.stats.file", { file })));
  return `${lines.join("\n")}\n`;
}

/** The day-by-day plan to the exam: one line per day (today marked), the exam last, then how to start today. */
export function renderPlan(plan: ExamPlan, { t, palette }: StatsTextContext): string {
  const lines = [palette.heading(t("plan.title", { date: plan.examDate, days: plan.daysLeft })), ""];
  if (plan.daysLeft === 0) lines.push(t("plan.examToday"), "");
  const today = plan.days[0]?.date;
  const labelOf = (date: string) => (date === today ? `${date} (${t("plan.today")})` : date);
  // Display width, not length: Korean labels are two columns a character.
  const width = Math.max(...plan.days.map((day) => visibleWidth(labelOf(day.date))), plan.examDate.length);
  const pad = (text: string) => text + " ".repeat(width - visibleWidth(text));
  for (const day of plan.days) {
    const label = pad(labelOf(day.date));
    const [first, ...rest] = day.topics.length > 0 ? wrapText(day.topics.join(", "), Math.max(40, 88 - width - 2)) : [palette.dim(t("plan.free"))];
    lines.push(`${day.date === today ? palette.highlight(label) : label}  ${first}`, ...rest.map((line) => `${" ".repeat(width + 2)}${line}`));
  }
  if (plan.daysLeft > 0) lines.push(`${palette.result(pad(plan.examDate))}  ${palette.result(t("plan.examDay"))}`);
  const first = plan.days[0]?.topics ?? [];
  if (first.length > 0) lines.push("", t("plan.start"), `  ${palette.highlight(["cnn-drill quiz", ...first.map((topic) => `--topic ${topic}`)].join(" "))}`);
  lines.push("", palette.dim(t("plan.legend")));
  return `${lines.join("\n")}\n`;
}
