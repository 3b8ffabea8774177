/**
 * A lock file for short critical sections across processes (the history uses it).
 *
 * The lock is created with O_EXCL and holds `<pid> <host> <random>`. A lock is stale, and may be
 * taken over, when its owner is a process on this host that no longer exists (`kill(pid, 0)` fails
 * with ESRCH; EPERM means it exists), or, when that cannot be told (another host, an older format,
 * unreadable text), when it is older than STALE_LOCK_MS.
 */
import { closeSync, linkSync, lstatSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** A lock whose owner cannot be asked is left over from a crash after this long. */
export const STALE_LOCK_MS = 10_000;
const LOCK_TIMEOUT_MS = 15_000;

/** Sleeps without a busy loop (the callers are synchronous so that Ctrl-C cannot cut a write). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The text a lock of this process holds: pid, host (spaces removed) and a token of its own. */
export function lockToken(): string {
  return `${process.pid} ${hostname().replace(/\s+/g, "_") || "-"} ${randomBytes(8).toString("hex")}\n`;
}

/**
 * Runs `body` holding `lock`. The lock is released only while it still holds this holder's token, so
 * a holder that was taken over as stale never removes the lock of the process that took it over.
 */
export function withFileLock<T>(lock: string, body: () => T): T {
  const token = lockToken();
  const started = Date.now();
  let delay = 2;
  for (;;) {
    try {
      const fd = openSync(lock, "wx", 0o600);
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A folder (or anything but a file) in the lock's place never goes away: fail now, not after the timeout.
      if (!isLockFile(lock)) throw Object.assign(new Error(`${lock} is not a lock file`), { code: "EISDIR" });
      if (isStale(lock)) {
        removeStaleLock(lock, token);
        continue;
      }
      if (Date.now() - started > LOCK_TIMEOUT_MS) throw new Error(`lock ${lock} is held too long`);
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

function isLockFile(lock: string): boolean {
  try {
    return lstatSync(lock).isFile();
  } catch {
    return true; // Gone meanwhile: try again.
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

/** What a lock's text says of its owner: alive, dead, or unknown (then its age decides). */
export function ownerState(text: string, host: string = hostname().replace(/\s+/g, "_") || "-"): "alive" | "dead" | "unknown" {
  const fields = text.trim().split(" ");
  if (fields.length !== 3 || fields[1] !== host || !/^\d+$/.test(fields[0])) return "unknown";
  const pid = Number(fields[0]);
  if (pid === process.pid) return "alive";
  try {
    process.kill(pid, 0);
    return "alive";
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "ESRCH" ? "dead" : "alive";
  }
}

export function isStale(lock: string): boolean {
  let text: string;
  let modified: number;
  try {
    modified = statSync(lock).mtimeMs;
    text = readFileSync(lock, "utf8");
  } catch {
    return false; // Gone, or cannot be read: not ours to remove.
  }
  const owner = ownerState(text);
  if (owner !== "unknown") return owner === "dead";
  return Date.now() - modified > STALE_LOCK_MS;
}
