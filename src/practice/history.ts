/**
 * Progress history: one JSON line per answer in `<home>/history.jsonl`.
 *
 * Robustness rules:
 * - a record is appended with one `write` on a file opened with O_APPEND, under a lock file, so two
 *   sessions at once never lose or interleave records;
 * - a damaged file (lines that are not records) is never fatal: under the lock, the whole file is kept
 *   aside (renamed with a timestamp), its valid records are written to a temporary file in the same
 *   folder and renamed into place (atomic), and the caller is told so it can warn on stderr;
 * - a file that cannot be read at all is reported the same way and the history starts empty.
 *
 * No human text here: problems are reported as structured events that commands translate.
 */
import { chmodSync, closeSync, constants, copyFileSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";
import { realTarget, writeFileAtomic } from "../io/atomic-write.js";
import { withFileLock } from "../io/lock.js";

export { removeStaleLock } from "../io/lock.js";

export interface HistoryRecord {
  /** ISO 8601 time the answer was given. */
  time: string;
  /** Problem id, `<topic>@<seed>`. */
  id: string;
  topic: string;
  correct: boolean;
  /** 0…1, partial credit. */
  score: number;
  /** Time taken to answer, in seconds (0 from `check`, which cannot know it). */
  seconds: number;
  /** Where the answer was given (absent in records written before the route was kept). */
  via?: HistoryRoute;
  /** Which try at this problem in its session: 1 for the first (absent: 1). */
  attempt?: number;
  /** Hints seen before this answer (absent: none). */
  hints?: number;
}

export const HISTORY_ROUTES = ["quiz", "review", "check"] as const;
export type HistoryRoute = (typeof HISTORY_ROUTES)[number];

export const HISTORY_FILE = "history.jsonl";
const LOCK_FILE = "history.lock";
/** The history says what was practised when: only its owner may read it. */
const NEW_FILE_MODE = 0o600;

export type HistoryEvent =
  | { kind: "damaged"; file: string; keptAs: string; badLines: number; keptRecords: number }
  | { kind: "unreadable"; file: string; reason: string; keptAs?: string }
  /** The file was read, but its damaged lines could not be set aside (a read-only folder…): its valid records are used. */
  | { kind: "notRepaired"; file: string; reason: string; badLines: number; keptRecords: number }
  | { kind: "writeFailed"; file: string; reason: string };

export type HistoryListener = (event: HistoryEvent) => void;

/** `$CNN_DRILL_HOME` when set and not empty, else the platform's data folder for cnn-drill. */
export function historyHome(env: Record<string, string | undefined>): string {
  const home = env.CNN_DRILL_HOME;
  if (home !== undefined && home.trim() !== "") return home;
  return envPaths("cnn-drill", { suffix: "" }).data;
}

export function historyFile(home: string): string {
  return join(home, HISTORY_FILE);
}

/** A value read from a line is a record only when every field has the right type and range. */
export function isHistoryRecord(value: unknown): value is HistoryRecord {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r.time === "string" && isRecordTime(r.time) &&
    typeof r.id === "string" && r.id.length > 0 &&
    typeof r.topic === "string" && r.topic.length > 0 &&
    typeof r.correct === "boolean" &&
    typeof r.score === "number" && r.score >= 0 && r.score <= 1 &&
    typeof r.seconds === "number" && Number.isFinite(r.seconds) && r.seconds >= 0
  );
}

/** `2026-11-30T17:56:00.123Z` (an offset instead of Z is allowed), a real calendar date, years 1970–9999. */
const RECORD_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * A record's time must be one the scheduler can compute with: a real date (not 30 February, not hour
 * 24) in a sane range. Anything else makes the line a damaged one, never a crash later on.
 */
export function isRecordTime(text: string): boolean {
  const match = RECORD_TIME.exec(text);
  if (match === null) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (year < 1970 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  if (match[7] !== undefined && (Number(match[7]) > 23 || Number(match[8]) > 59)) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 && !Number.isNaN(Date.parse(text));
}

export interface ParsedHistory {
  records: HistoryRecord[];
  /** Non-empty lines that are not records (bad JSON, wrong fields, binary garbage). */
  badLines: number;
}

/** Splits a history file's text into its records; empty lines are ignored, any other bad line counted. */
export function parseHistory(text: string): ParsedHistory {
  const records: HistoryRecord[] = [];
  let badLines = 0;
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      badLines++;
      continue;
    }
    if (isHistoryRecord(value)) records.push(pickRecord(value));
    else badLines++;
  }
  return { records, badLines };
}

function isCount(value: unknown, least: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= least && value <= 1000;
}

/**
 * The record's known fields. The optional ones are kept only when valid: a route or count this version
 * does not understand (a newer version's) leaves the record itself usable.
 */
function pickRecord(r: HistoryRecord): HistoryRecord {
  const record: HistoryRecord = { time: r.time, id: r.id, topic: r.topic, correct: r.correct, score: r.score, seconds: r.seconds };
  if (HISTORY_ROUTES.includes(r.via as HistoryRoute)) record.via = r.via;
  if (isCount(r.attempt, 1)) record.attempt = r.attempt;
  if (isCount(r.hints, 0)) record.hints = r.hints;
  return record;
}

function recordLine(record: HistoryRecord): string {
  return `${JSON.stringify(pickRecord(record))}\n`;
}

/**
 * Runs `body` holding `<home>/history.lock` (see src/io/lock.ts: a lock whose owner died is taken over
 * at once, an old one whose owner cannot be asked after STALE_LOCK_MS).
 */
export function withHistoryLock<T>(home: string, body: () => T): T {
  mkdirSync(home, { recursive: true });
  return withFileLock(join(home, LOCK_FILE), body);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** A name for the set-aside copy: `history.damaged-20261130T175600123Z.jsonl`, unique in the folder. */
function asideName(home: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  let name = `history.damaged-${stamp}.jsonl`;
  for (let n = 2; existsSync(join(home, name)); n++) name = `history.damaged-${stamp}-${n}.jsonl`;
  return join(home, name);
}

export class History {
  readonly home: string;
  readonly file: string;
  /** A file that cannot be repaired is read again by later loads: it is reported once. */
  private notRepairedReported = false;

  constructor(home: string, private readonly listener: HistoryListener = () => {}, private readonly clock: () => Date = () => new Date()) {
    this.home = home;
    this.file = historyFile(home);
  }

  /**
   * Every valid record in file order. A damaged file is repaired (kept aside, valid records saved).
   * Records of topics that `isKnownTopic` does not know (written by a newer version) stay in the file
   * but are left out here, so that every reader ignores them alike.
   */
  load(isKnownTopic: (topic: string) => boolean = () => true): HistoryRecord[] {
    const text = this.readText();
    if (text === undefined) return [];
    const parsed = parseHistory(text);
    const records = parsed.badLines === 0 ? parsed.records : this.repair();
    return records.filter((record) => isKnownTopic(record.topic));
  }

  /** Appends one record; never throws (a failed write is reported, the session goes on). */
  append(record: HistoryRecord): boolean {
    if (!isHistoryRecord(record)) throw new TypeError("not a history record");
    try {
      withHistoryLock(this.home, () => this.appendLine(recordLine(record)));
      return true;
    } catch (error) {
      this.listener({ kind: "writeFailed", file: this.file, reason: reasonOf(error) });
      return false;
    }
  }

  private appendLine(line: string): void {
    // Opened through a symbolic link, the real file is appended to and the link stays; a new file is private.
    const fd = openSync(this.file, "a+", NEW_FILE_MODE);
    try {
      // A crashed writer may have left a line without its newline: start on a fresh line.
      const { size } = fstatSync(fd);
      let prefix = "";
      if (size > 0) {
        const last = Buffer.alloc(1);
        readSync(fd, last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = "\n";
      }
      writeSync(fd, Buffer.from(prefix + line, "utf8"));
    } finally {
      closeSync(fd);
    }
  }

  /** The file's text; undefined when there is none, or when it cannot be read (reported unless `quietly`). */
  private readText({ quietly = false } = {}): string | undefined {
    try {
      return readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" && !quietly) this.listener({ kind: "unreadable", file: this.file, reason: reasonOf(error) });
      return undefined;
    }
  }

  /** Under the lock: re-read (other sessions may have appended), set the file aside, write the valid records back. */
  private repair(): HistoryRecord[] {
    try {
      return withHistoryLock(this.home, () => {
        const text = readFileSync(this.file, "utf8");
        const parsed = parseHistory(text);
        if (parsed.badLines === 0) return parsed.records;
        const keptAs = asideName(this.home, this.clock());
        // Keep a copy of the damaged bytes (of the real file when the history is a symbolic link),
        // as private as the file was, then replace the real file atomically with its valid records.
        const real = realTarget(this.file);
        copyFileSync(real, keptAs, constants.COPYFILE_EXCL);
        chmodSync(keptAs, statSync(real).mode & 0o777);
        writeFileAtomic(this.file, parsed.records.map(recordLine).join(""), { mode: NEW_FILE_MODE });
        this.listener({ kind: "damaged", file: this.file, keptAs, badLines: parsed.badLines, keptRecords: parsed.records.length });
        return parsed.records;
      });
    } catch (error) {
      // Read, but could not repair (read-only folder…): still use its valid records, and say so.
      const text = this.readText({ quietly: true });
      const parsed = text === undefined ? { records: [], badLines: 0 } : parseHistory(text);
      if (this.notRepairedReported) return parsed.records;
      this.notRepairedReported = true;
      this.listener({ kind: "notRepaired", file: this.file, reason: reasonOf(error), badLines: parsed.badLines, keptRecords: parsed.records.length });
      return parsed.records;
    }
  }
}
