/**
 * Spaced repetition per topic with FSRS (ts-fsrs), replayed from the history.
 *
 * Deterministic: fixed parameters written out here (not the library's defaults), no fuzz, records
 * replayed in time order, so the same history (and the same "now") always gives the same schedule.
 *
 * Rating of one answer: wrong → Again; right in more than SLOW_SECONDS → Hard; right within
 * FAST_SECONDS → Easy; otherwise Good.
 */
import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from "ts-fsrs";
import type { HistoryRecord } from "./history.js";

export const FAST_SECONDS = 15;
export const SLOW_SECONDS = 120;

/** The FSRS-6 default weights shipped with ts-fsrs 5.4, fixed here so that an upgrade cannot move anyone's schedule. */
export const FSRS_WEIGHTS: readonly number[] = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
  1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

export const FSRS_PARAMETERS = generatorParameters({
  w: [...FSRS_WEIGHTS],
  request_retention: 0.9,
  maximum_interval: 365,
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ["1m", "10m"],
  relearning_steps: ["10m"],
});

const scheduler = fsrs(FSRS_PARAMETERS);

/**
 * FSRS's grade of a first answer: wrong → Again; right after a hint → Hard (it was not recalled alone);
 * right from `check` → Good (its time is not known); else by the time taken.
 */
export function ratingFor(record: Pick<HistoryRecord, "correct" | "seconds" | "hints" | "via">): Grade {
  if (!record.correct) return Rating.Again;
  if ((record.hints ?? 0) > 0) return Rating.Hard;
  if (record.via === "check") return Rating.Good;
  if (record.seconds > SLOW_SECONDS) return Rating.Hard;
  if (record.seconds <= FAST_SECONDS) return Rating.Easy;
  return Rating.Good;
}

export type TopicState = "new" | "learning" | "review" | "relearning";

export interface TopicSchedule {
  topic: string;
  attempts: number;
  correct: number;
  /** Sum of partial-credit scores. */
  scoreSum: number;
  /** correct / attempts (0 when never attempted). */
  accuracy: number;
  lastPractised: Date;
  /** When FSRS says the topic should be practised next. */
  due: Date;
  /** due ≤ now. */
  isDue: boolean;
  /** Probability of recall now (0…1), FSRS's forgetting curve. */
  retrievability: number;
  stability: number;
  difficulty: number;
  state: TopicState;
  /** The result of the most recent answer. */
  lastCorrect: boolean;
}

const STATE_NAMES: Record<State, TopicState> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};

/** Records in time order; records with the same time keep their file order (stable sort). */
function inTimeOrder(records: readonly HistoryRecord[]): HistoryRecord[] {
  return records
    .map((record, index) => ({ record, index, time: Date.parse(record.time) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map(({ record }) => record);
}

/**
 * The first answer to each problem id, in time order. Only these count for the schedule: answering a
 * problem again after seeing its solution is practice, not recall.
 */
export function firstAnswers(records: readonly HistoryRecord[]): HistoryRecord[] {
  const seen = new Set<string>();
  return inTimeOrder(records).filter((record) => !seen.has(record.id) && seen.add(record.id) !== undefined);
}

/** One schedule entry per practised topic (first answers only), sorted by topic id. */
export function scheduleTopics(records: readonly HistoryRecord[], now: Date): TopicSchedule[] {
  const byTopic = new Map<string, HistoryRecord[]>();
  for (const record of firstAnswers(records)) {
    const list = byTopic.get(record.topic) ?? [];
    list.push(record);
    byTopic.set(record.topic, list);
  }
  const schedules: TopicSchedule[] = [];
  for (const [topic, list] of byTopic) schedules.push(scheduleOne(topic, list, now));
  return schedules.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

function scheduleOne(topic: string, records: HistoryRecord[], now: Date): TopicSchedule {
  let card: Card = createEmptyCard(new Date(Date.parse(records[0].time)));
  let correct = 0;
  let scoreSum = 0;
  for (const record of records) {
    card = scheduler.next(card, new Date(Date.parse(record.time)), ratingFor(record)).card;
    if (record.correct) correct++;
    scoreSum += record.score;
  }
  const last = records[records.length - 1];
  const retrievability = card.state === State.New ? 0 : scheduler.get_retrievability(card, now, false);
  return {
    topic,
    attempts: records.length,
    correct,
    scoreSum,
    accuracy: correct / records.length,
    lastPractised: new Date(Date.parse(last.time)),
    due: card.due,
    isDue: card.due.getTime() <= now.getTime(),
    retrievability,
    stability: card.stability,
    difficulty: card.difficulty,
    state: STATE_NAMES[card.state],
    lastCorrect: last.correct,
  };
}

export type PickReason = "due" | "weak" | "new" | "ahead";

/** A practised topic that is not due is weak when not every answer was right or recall has dropped below this. */
export const WEAK_RECALL = 0.9;

export interface ReviewPick {
  topic: string;
  reason: PickReason;
}

/**
 * The topics a review should drill, best first: the due ones (most overdue first); then the weak ones
 * (some answer wrong, or recall below WEAK_RECALL), weakest first: lowest share answered right, then
 * lowest recall; then topics never practised (in the order given); last, the strong ones, soonest due
 * first (reviewing ahead of time). `known` lists the topics that exist; history entries for topics no
 * longer known are skipped.
 */
export function reviewOrder(schedules: readonly TopicSchedule[], known: readonly string[], now: Date): ReviewPick[] {
  const exists = new Set(known);
  const practised = schedules.filter((s) => exists.has(s.topic));
  const byId = (a: TopicSchedule, b: TopicSchedule) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);
  const isDue = (s: TopicSchedule) => s.due.getTime() <= now.getTime();
  const isWeak = (s: TopicSchedule) => s.accuracy < 1 || s.retrievability < WEAK_RECALL;
  const due = practised.filter(isDue).sort((a, b) => a.due.getTime() - b.due.getTime() || byId(a, b));
  const weak = practised.filter((s) => !isDue(s) && isWeak(s))
    .sort((a, b) => a.accuracy - b.accuracy || a.retrievability - b.retrievability || byId(a, b));
  const ahead = practised.filter((s) => !isDue(s) && !isWeak(s)).sort((a, b) => a.due.getTime() - b.due.getTime() || byId(a, b));
  const seen = new Set(practised.map((s) => s.topic));
  return [
    ...due.map((s) => ({ topic: s.topic, reason: "due" as const })),
    ...weak.map((s) => ({ topic: s.topic, reason: "weak" as const })),
    ...known.filter((id) => !seen.has(id)).map((topic) => ({ topic, reason: "new" as const })),
    ...ahead.map((s) => ({ topic: s.topic, reason: "ahead" as const })),
  ];
}
