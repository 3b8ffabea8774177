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
import { closeSync, copyFileSync, existsSync, linkSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import envPaths from "env-paths";
import { writeFileAtomic } from "../io/atomic-write.js";

export interface HistoryRecord {
  /** ISO 8601 time the answer was given. */
  time: string;
  /** Problem id, `<topic>@<seed>`. */
  id: string;
  topic: string;
  correct: boolean;
  /** 0…1, partial credit. */
  score: number;
  /** Time taken to answer, in seconds. */
  seconds: number;
}

export const HISTORY_FILE = "history.jsonl";
const LOCK_FILE = "history.lock";
/** A lock older than this is left over from a crashed process and may be taken over. */
const STALE_LOCK_MS = 10_000;
const LOCK_TIMEOUT_MS = 15_000;

export type HistoryEvent =
  | { kind: "damaged"; file: string; keptAs: string; badLines: number; keptRecords: number }
  | { kind: "unreadable"; file: string; reason: string; keptAs?: string }
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
    typeof r.time === "string" && !Number.isNaN(Date.parse(r.time)) &&
    typeof r.id === "string" && r.id.length > 0 &&
    typeof r.topic === "string" && r.topic.length > 0 &&
    typeof r.correct === "boolean" &&
    typeof r.score === "number" && r.score >= 0 && r.score <= 1 &&
    typeof r.seconds === "number" && Number.isFinite(r.seconds) && r.seconds >= 0
  );
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

function pickRecord(r: HistoryRecord): HistoryRecord {
  return { time: r.time, id: r.id, topic: r.topic, correct: r.correct, score: r.score, seconds: r.seconds };
}

function recordLine(record: HistoryRecord): string {
  return `${JSON.stringify(pickRecord(record))}\n`;
}

/** Sleeps without a busy loop (the history is written synchronously so that Ctrl-C cannot cut a write). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `body` holding `<home>/history.lock` (created with O_EXCL; a stale lock is taken over). The
 * lock holds a token of its own; it is released only while it still holds that token, so a holder
 * that was taken over as stale never removes the lock of the process that took it over.
 */
export function withHistoryLock<T>(home: string, body: () => T): T {
  mkdirSync(home, { recursive: true });
  const lock = join(home, LOCK_FILE);
  const token = `${process.pid} ${randomBytes(8).toString("hex")}\n`;
  const started = Date.now();
  let delay = 2;
  for (;;) {
    try {
      const fd = openSync(lock, "wx");
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (isStale(lock)) {
        removeStaleLock(lock, token);
        continue;
      }
      if (Date.now() - started > LOCK_TIMEOUT_MS) throw new Error(`history lock ${lock} is held too long`);
      sleep(delay);
      delay = Math.min(delay * 2, 50);
    }
  }
  try {
    return body();
  } finally {
    releaseLock(lock, token);
  }
}

function releaseLock(lock: string, token: string): void {
  try {
    if (readFileSync(lock, "utf8") === token) unlinkSync(lock);
  } catch {
    // Already gone: nothing to release.
  }
  // Otherwise another process took the lock over as stale and holds it now: leave it.
}

/**
 * Removes `lock` if it is still stale. Two waiters can both judge a lock stale; the first removes it
 * and takes a fresh one, so the second must not simply unlink what is there now. It moves the lock
 * aside under its own name (atomic: only one mover gets each file), looks again, and puts back a lock
 * that turns out to be fresh.
 */
export function removeStaleLock(lock: string, token: string): void {
  const moved = `${lock}.${token.trim().replace(/\s+/g, "-")}.stale`;
  try {
    renameSync(lock, moved);
  } catch {
    return; // Already gone: another waiter removed it.
  }
  if (!isStale(moved)) {
    try {
      linkSync(moved, lock); // Fails if yet another lock was made meanwhile; that one stays.
    } catch {
      // Nothing to put back.
    }
  }
  try {
    unlinkSync(moved);
  } catch {
    // Already cleaned up.
  }
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    return false;
  }
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

  constructor(home: string, private readonly listener: HistoryListener = () => {}, private readonly clock: () => Date = () => new Date()) {
    this.home = home;
    this.file = historyFile(home);
  }

  /** Every valid record in file order. A damaged file is repaired (kept aside, valid records saved). */
  load(): HistoryRecord[] {
    const text = this.readText();
    if (text === undefined) return [];
    const parsed = parseHistory(text);
    if (parsed.badLines === 0) return parsed.records;
    return this.repair();
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
    const fd = openSync(this.file, "a+");
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
        // Keep the damaged bytes under a new name (a hard link, so the file never disappears), then
        // replace the history atomically with its valid records.
        try {
          linkSync(this.file, keptAs);
        } catch {
          copyFileSync(this.file, keptAs);
        }
        writeFileAtomic(this.file, parsed.records.map(recordLine).join(""));
        this.listener({ kind: "damaged", file: this.file, keptAs, badLines: parsed.badLines, keptRecords: parsed.records.length });
        return parsed.records;
      });
    } catch (error) {
      // Could not repair (read-only folder…): still use what can be read, and say so.
      this.listener({ kind: "unreadable", file: this.file, reason: reasonOf(error) });
      const text = this.readText({ quietly: true });
      return text === undefined ? [] : parseHistory(text).records;
    }
  }
}
