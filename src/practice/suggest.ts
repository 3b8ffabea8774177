/** What to review after a session: the topics answered wrong just now, then those FSRS says are due. */
import { reviewOrder, type TopicSchedule } from "./schedule.js";
import type { SessionResult } from "./session.js";

export const SUGGESTION_LIMIT = 3;

/** A topic to review next, and why: answered wrong in this session, or due by FSRS. */
export interface Suggestion {
  topic: string;
  reason: "wrong" | "due";
}

export function suggestNext(result: SessionResult, schedules: readonly TopicSchedule[], known: readonly string[], now: Date, limit = SUGGESTION_LIMIT): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const wrong = result.answers.filter((a) => !a.correct).sort((a, b) => a.score - b.score);
  for (const answer of wrong) {
    if (seen.has(answer.topic)) continue;
    seen.add(answer.topic);
    out.push({ topic: answer.topic, reason: "wrong" });
  }
  for (const pick of reviewOrder(schedules, known, now)) {
    if (pick.reason !== "due" || seen.has(pick.topic)) continue;
    seen.add(pick.topic);
    out.push({ topic: pick.topic, reason: "due" });
  }
  return out.slice(0, limit);
}
