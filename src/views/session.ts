/** The end of a quiz or review session: a summary table per topic and what to review next. */
import type { Translate } from "../i18n/index.js";
import type { ReviewPick, TopicSchedule } from "../practice/schedule.js";
import type { SessionResult, SessionSummary } from "../practice/session.js";
import type { Suggestion } from "../practice/suggest.js";
import { formatDue, percent } from "./stats.js";
import type { Palette } from "../render/colour.js";
import { renderTable } from "../render/table.js";

export interface SessionTextContext {
  t: Translate;
  palette: Palette;
}

/** `1:05` for 65 seconds; `0:07` for 7. */
function formatClock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/** `summary`: the tallies of `result.answers` (summariseSession). */
export function renderSessionSummary(result: SessionResult, summary: SessionSummary, suggestions: readonly Suggestion[], { t, palette }: SessionTextContext): string {
  const lines = ["", palette.heading(t("practice.summary.title")), ""];
  if (result.answers.length === 0) {
    lines.push(t("practice.summary.none"));
  } else {
    const rows = summary.byTopic.map((line) => {
      const mark = line.right === line.total ? palette.correct(`✓ ${line.right}/${line.total}`) : palette.wrong(`✗ ${line.right}/${line.total}`);
      return [line.topic, mark, formatClock(line.seconds)];
    });
    const { total } = summary;
    rows.push([palette.heading(t("practice.summary.total")), `${total.right}/${total.total}`, formatClock(total.seconds)]);
    lines.push(renderTable([t("practice.summary.col.topic"), t("practice.summary.col.right"), t("practice.summary.col.time")], rows, palette, ["left", "right", "right"]));
    if (result.interrupted) lines.push(palette.dim(t("practice.summary.saved", { answered: result.answers.length, total: result.planned })));
  }
  if (suggestions.length === 0) {
    // With no answer at all, "every answer was right" would be untrue: "No answers given." says it all.
    if (result.answers.length > 0) lines.push("", t("practice.summary.nothingToReview"));
  } else {
    lines.push("", palette.heading(t("practice.summary.next")));
    for (const s of suggestions) lines.push(`  • ${s.topic}  ${palette.dim(t(`practice.summary.reason.${s.reason}`))}`);
    const command = `cnn-drill quiz ${suggestions.map((s) => `--topic ${s.topic}`).join(" ")}`;
    lines.push("", t("practice.summary.howTo"), `  ${palette.result(command)}`, `  ${palette.result("cnn-drill review")}`);
  }
  return `${lines.join("\n")}\n`;
}

/** What a review will drill and why: due (with how overdue), weakest (with accuracy), or new. */
export function renderReviewPlan(picks: readonly ReviewPick[], schedules: readonly TopicSchedule[], now: Date, { t, palette }: SessionTextContext): string {
  const lines = [palette.heading(t("practice.review.title")), ""];
  const marks = { due: palette.highlight("!"), weak: palette.warn("~"), new: palette.dim("+"), ahead: palette.dim("»") };
  if (schedules.length === 0) lines.push(t("practice.review.noHistory"), "");
  for (const pick of picks) {
    const schedule = schedules.find((s) => s.topic === pick.topic);
    let why: string;
    if (pick.reason === "due" && schedule) why = t("practice.review.why.due", { when: formatDue(schedule.due, now, t) });
    else if (pick.reason === "weak" && schedule) why = t("practice.review.why.weak", { accuracy: percent(schedule.accuracy), when: formatDue(schedule.due, now, t) });
    else if (pick.reason === "ahead" && schedule) why = t("practice.review.why.ahead", { when: formatDue(schedule.due, now, t) });
    else why = t("practice.review.why.new");
    lines.push(`  ${marks[pick.reason]} ${pick.topic}  ${palette.dim(why)}`);
  }
  lines.push("", palette.dim(t("practice.review.legend")));
  return `${lines.join("\n")}\n`;
}
