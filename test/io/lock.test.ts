/** The history lock: released only by its holder, also when the body throws. */
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeStaleLock, withHistoryLock } from "../../src/practice/history.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();

describe("withHistoryLock", () => {
  it("does not remove the lock of a process that took it over as stale while the body ran", () => {
    const home = tempDir("cnn-drill-lock-");
    const lock = join(home, "history.lock");
    withHistoryLock(home, () => {
      // Another process judged this lock stale, removed it and took the lock itself.
      writeFileSync(lock, "99999 other\n");
    });
    expect(readFileSync(lock, "utf8")).toBe("99999 other\n");
  });

  it("releases its own lock after the body, also when the body throws", () => {
    const home = tempDir("cnn-drill-lock-");
    expect(() =>
      withHistoryLock(home, () => {
        throw new Error("body failed");
      }),
    ).toThrow("body failed");
    expect(existsSync(join(home, "history.lock"))).toBe(false);
  });

  it("waits for nothing when the lock is free, and holds it while the body runs", () => {
    const home = tempDir("cnn-drill-lock-");
    const held = withHistoryLock(home, () => existsSync(join(home, "history.lock")));
    expect(held).toBe(true);
    expect(existsSync(join(home, "history.lock"))).toBe(false);
  });
});

describe("removeStaleLock", () => {
  it("removes a lock that is still stale", () => {
    const home = tempDir("cnn-drill-lock-");
    const lock = join(home, "history.lock");
    writeFileSync(lock, "12345 crashed\n");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    removeStaleLock(lock, "1 mine\n");
    expect(readdirSync(home)).toEqual([]);
  });

  it("puts back a lock that another waiter replaced with a fresh one after it was judged stale", () => {
    const home = tempDir("cnn-drill-lock-");
    const lock = join(home, "history.lock");
    writeFileSync(lock, "99999 other\n");
    removeStaleLock(lock, "1 mine\n");
    expect(readFileSync(lock, "utf8")).toBe("99999 other\n");
    expect(readdirSync(home)).toEqual(["history.lock"]);
  });

  it("does nothing when the lock is already gone", () => {
    const home = tempDir("cnn-drill-lock-");
    expect(() => removeStaleLock(join(home, "history.lock"), "1 mine\n")).not.toThrow();
    expect(readdirSync(home)).toEqual([]);
  });
});
