/**
 * Write safety: atomic replaces keep mode and owner, follow symbolic links and never rename over
 * special files; the history does the same, refuses impossible dates, keeps unknown topics, takes over
 * a dead process's lock at once and reports a repair it could not do as such.
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realTarget, writeFileAtomic } from "../../src/io/atomic-write.js";
import { isStale, lockToken, ownerState } from "../../src/io/lock.js";
import { History, isRecordTime, withHistoryLock, type HistoryEvent, type HistoryRecord } from "../../src/practice/history.js";
import { BIN, runInProcess } from "../helpers/cli.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();
const isRoot = process.getuid?.() === 0;
const HOST = hostname().replace(/\s+/g, "_") || "-";

const record = (topic: string, time = "2026-11-30T10:00:00.000Z"): HistoryRecord => ({ time, id: `${topic}@1`, topic, correct: true, score: 1, seconds: 3 });
const line = (r: HistoryRecord) => `${JSON.stringify(r)}\n`;
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("writeFileAtomic", () => {
  it.each([0o600, 0o640, 0o755])("keeps the permission bits %o of the file it replaces", (mode) => {
    const dir = tempDir("cnn-drill-write-");
    const target = join(dir, "exam.md");
    writeFileSync(target, "old");
    chmodSync(target, mode);
    writeFileAtomic(target, "new");
    expect([readFileSync(target, "utf8"), modeOf(target)]).toEqual(["new", mode]);
    expect(readdirSync(dir)).toEqual(["exam.md"]);
  });

  it("creates a new file with the mode asked for (before the umask)", () => {
    const target = join(tempDir("cnn-drill-write-"), "new.jsonl");
    writeFileAtomic(target, "x", { mode: 0o600 });
    expect(modeOf(target)).toBe(0o600);
  });

  it.runIf(isRoot)("as root, keeps the owner and group of the file it replaces", () => {
    const target = join(tempDir("cnn-drill-write-"), "owned.md");
    writeFileSync(target, "old");
    chownSync(target, 4321, 4322);
    writeFileAtomic(target, "new");
    const stats = statSync(target);
    expect([stats.uid, stats.gid, readFileSync(target, "utf8")]).toEqual([4321, 4322, "new"]);
  });

  it("writes through a symbolic link: the real target is replaced, the link stays a link, no temporary file is left", () => {
    const dir = tempDir("cnn-drill-write-");
    mkdirSync(join(dir, "real"));
    mkdirSync(join(dir, "links"));
    const real = join(dir, "real", "exam.md");
    writeFileSync(real, "old");
    chmodSync(real, 0o640);
    symlinkSync("../real/exam.md", join(dir, "links", "exam.md"));
    writeFileAtomic(join(dir, "links", "exam.md"), "new");
    expect(lstatSync(join(dir, "links", "exam.md")).isSymbolicLink()).toBe(true);
    expect([readFileSync(real, "utf8"), modeOf(real)]).toEqual(["new", 0o640]);
    expect(readdirSync(join(dir, "real"))).toEqual(["exam.md"]);
    expect(readdirSync(join(dir, "links"))).toEqual(["exam.md"]);
  });

  it("writes through a chain of links and a dangling link (creating its target)", () => {
    const dir = tempDir("cnn-drill-write-");
    symlinkSync("b", join(dir, "a"));
    symlinkSync("c", join(dir, "b"));
    expect(realTarget(join(dir, "a"))).toBe(join(dir, "c"));
    writeFileAtomic(join(dir, "a"), "made");
    expect(readFileSync(join(dir, "c"), "utf8")).toBe("made");
    expect(lstatSync(join(dir, "a")).isSymbolicLink() && lstatSync(join(dir, "b")).isSymbolicLink()).toBe(true);
  });

  it("throws when links loop", () => {
    const dir = tempDir("cnn-drill-write-");
    symlinkSync("b", join(dir, "a"));
    symlinkSync("a", join(dir, "b"));
    expect(() => writeFileAtomic(join(dir, "a"), "x")).toThrow();
  });

  it("writes a FIFO directly (a reader gets the text; the FIFO stays a FIFO)", async () => {
    const fifo = join(tempDir("cnn-drill-write-"), "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.on("data", (chunk) => { received += chunk; });
    const done = new Promise((resolve) => reader.on("close", resolve));
    writeFileAtomic(fifo, "through the pipe");
    await done;
    expect(received).toBe("through the pipe");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("writes a character device directly (/dev/null stays a device)", () => {
    writeFileAtomic("/dev/null", "discarded");
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("throws when the target is a folder, leaving nothing behind", () => {
    const dir = tempDir("cnn-drill-write-");
    mkdirSync(join(dir, "taken"));
    expect(() => writeFileAtomic(join(dir, "taken"), "x")).toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });

  it("exam --output through a symbolic link to a 0600 file: the file is replaced, keeps 0600, the link stays", async () => {
    const dir = tempDir("cnn-drill-exam-");
    const real = join(dir, "real.md");
    writeFileSync(real, "old");
    chmodSync(real, 0o600);
    symlinkSync("real.md", join(dir, "exam.md"));
    const result = await runInProcess(["exam", "--seed", "3", "--count", "1", "--output", join(dir, "exam.md")], { env: { CNN_DRILL_HOME: dir } });
    expect(result.exitCode).toBe(0);
    expect(lstatSync(join(dir, "exam.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toMatch(/^# /);
    expect(modeOf(real)).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(["exam.md", "real.md"]);
  });

  it("exam --output /dev/stdout writes the exam to standard output (the built command, stdout a pipe)", () => {
    const result = spawnSync(process.execPath, [BIN, "exam", "--seed", "7", "--count", "1", "--output", "/dev/stdout"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", NO_COLOR: "1", CNN_DRILL_HOME: tempDir("cnn-drill-home-") } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# /);
    expect(result.stderr).toBe("");
  });
});

describe("history through a symbolic link", () => {
  function linkedHome(text: string, mode = 0o600) {
    const dir = tempDir("cnn-drill-linked-");
    const home = join(dir, "home");
    mkdirSync(home);
    mkdirSync(join(dir, "sync"));
    const real = join(dir, "sync", "history.jsonl");
    writeFileSync(real, text);
    chmodSync(real, mode);
    symlinkSync(real, join(home, "history.jsonl"));
    return { home, real, link: join(home, "history.jsonl") };
  }

  it("appends to the real file; the link stays a link", () => {
    const { home, real, link } = linkedHome(line(record("conv.forward")));
    expect(new History(home).append(record("pool.max"))).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toBe(line(record("conv.forward")) + line(record("pool.max")));
  });

  it("repairs the real file: the damaged bytes are copied aside with their mode, the link stays a link", () => {
    const damaged = `${line(record("conv.forward"))}nonsense\n`;
    const { home, real, link } = linkedHome(damaged);
    const events: HistoryEvent[] = [];
    const records = new History(home, (event) => events.push(event)).load();
    expect(records).toHaveLength(1);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect([readFileSync(real, "utf8"), modeOf(real)]).toEqual([line(record("conv.forward")), 0o600]);
    expect(events).toHaveLength(1);
    const keptAs = (events[0] as { keptAs: string }).keptAs;
    expect(lstatSync(keptAs).isFile()).toBe(true);
    expect([readFileSync(keptAs, "utf8"), modeOf(keptAs)]).toEqual([damaged, 0o600]);
  });

  it("creates a new history file readable by its owner only (0600)", () => {
    const home = tempDir("cnn-drill-new-");
    new History(home).append(record("conv.forward"));
    expect(modeOf(join(home, "history.jsonl"))).toBe(0o600);
  });
});

describe("history records: dates and topics", () => {
  it.each([
    ["2026-11-30T10:00:00.000Z", true],
    ["2026-11-30T10:00:00Z", true],
    ["2026-11-30T19:00:00+09:00", true],
    ["2024-02-29T00:00:00.000Z", true],
    ["2026-02-29T00:00:00.000Z", false],
    ["2026-02-30T00:00:00.000Z", false],
    ["2026-04-31T00:00:00.000Z", false],
    ["2026-13-01T00:00:00.000Z", false],
    ["2026-11-30T24:00:00.000Z", false],
    ["2026-11-30T10:60:00.000Z", false],
    ["+275760-09-13T00:00:00.000Z", false],
    ["1969-12-31T23:59:59.000Z", false],
    ["2026-11-30", false],
    ["Mon, 30 Nov 2026 10:00:00 GMT", false],
  ])("isRecordTime(%s) is %s", (text, valid) => {
    expect(isRecordTime(text)).toBe(valid);
  });

  it("a far-future or impossible date is a damaged line: set aside, warned once, stats --json exits 0 and parses", async () => {
    const home = tempDir("cnn-drill-dates-");
    writeFileSync(join(home, "history.jsonl"), [
      line(record("conv.forward", "+275760-09-13T00:00:00.000Z")),
      line(record("conv.forward", "2026-02-30T10:00:00.000Z")),
      line(record("conv.forward")),
    ].join(""));
    const result = await runInProcess(["stats", "--json"], { env: { CNN_DRILL_HOME: home } });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).attempts).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^warning: the history file .* was damaged \(2 unreadable lines\)/);
  });

  it("records of unknown topics stay in the file and are ignored by load (given the known topics) and by stats", async () => {
    const home = tempDir("cnn-drill-topics-");
    const text = line(record("conv.forward")) + line(record("future.topic"));
    writeFileSync(join(home, "history.jsonl"), text);
    expect(new History(home).load((topic) => topic === "conv.forward").map((r) => r.topic)).toEqual(["conv.forward"]);
    const result = await runInProcess(["stats", "--json"], { env: { CNN_DRILL_HOME: home } });
    expect(result.exitCode).toBe(0);
    const stats = JSON.parse(result.stdout);
    expect([stats.attempts, stats.topics.map((t: { id: string }) => t.id)]).toEqual([1, ["conv.forward"]]);
    expect(result.stderr).toBe("");
    expect(readFileSync(join(home, "history.jsonl"), "utf8")).toBe(text);
  });
});

describe("history lock: owner by pid and host", () => {
  function deadPid(): number {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    return Number(child.stdout);
  }

  it("the token holds this process's pid and host", () => {
    expect(lockToken()).toMatch(new RegExp(`^${process.pid} ${HOST.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} [0-9a-f]{16}\\n$`));
  });

  it("a fresh lock of a dead process on this host is stale at once", () => {
    const lock = join(tempDir("cnn-drill-lock-"), "history.lock");
    writeFileSync(lock, `${deadPid()} ${HOST} 0123456789abcdef\n`);
    expect(ownerState(readFileSync(lock, "utf8"))).toBe("dead");
    expect(isStale(lock)).toBe(true);
  });

  it("withHistoryLock takes a dead process's fresh lock over and releases it", () => {
    const home = tempDir("cnn-drill-lock-");
    writeFileSync(join(home, "history.lock"), `${deadPid()} ${HOST} 0123456789abcdef\n`);
    expect(withHistoryLock(home, () => readFileSync(join(home, "history.lock"), "utf8"))).toMatch(new RegExp(`^${process.pid} `));
    expect(existsSync(join(home, "history.lock"))).toBe(false);
  });

  it("a live owner (this process, or pid 1 which may answer EPERM) is not stale", () => {
    const lock = join(tempDir("cnn-drill-lock-"), "history.lock");
    writeFileSync(lock, `1 ${HOST} 0123456789abcdef\n`);
    expect(ownerState(readFileSync(lock, "utf8"))).toBe("alive");
    expect(isStale(lock)).toBe(false);
    expect(ownerState(`${process.pid} ${HOST} x`)).toBe("alive");
  });

  it("a lock of another host, or of the older format, falls back to the age rule", () => {
    expect(ownerState(`${deadPid()} some-other-host 0123\n`)).toBe("unknown");
    expect(ownerState("12345 0123456789abcdef\n")).toBe("unknown");
    const lock = join(tempDir("cnn-drill-lock-"), "history.lock");
    writeFileSync(lock, `${deadPid()} some-other-host 0123\n`);
    expect(isStale(lock)).toBe(false);
  });
});

describe("a history that was read but could not be repaired (read-only folder)", () => {
  const damaged = `${line(record("conv.forward"))}nonsense\n`;
  const expected = /^warning: the history file .*history\.jsonl has 1 unreadable lines, which could not be set aside \(EACCES\); its 1 valid records are used\n$/;

  // Root ignores permission bits, so as root the command runs as the unprivileged user "nobody".
  it.runIf(isRoot)("as another user: stats warns once that it could not set the lines aside, and counts the valid record", () => {
    const home = tempDir("cnn-drill-readonly-");
    writeFileSync(join(home, "history.jsonl"), damaged);
    chmodSync(home, 0o755);
    chmodSync(join(home, "history.jsonl"), 0o644);
    const result = spawnSync(process.execPath, [BIN, "stats", "--json"], {
      encoding: "utf8", uid: 65534, gid: 65534,
      env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", NO_COLOR: "1", CNN_DRILL_HOME: home },
    });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).attempts).toBe(1);
    expect(result.stderr).toMatch(expected);
    expect(readFileSync(join(home, "history.jsonl"), "utf8")).toBe(damaged);
  });

  it.runIf(!isRoot)("stats warns once that it could not set the lines aside, and counts the valid record", async () => {
    const home = tempDir("cnn-drill-readonly-");
    writeFileSync(join(home, "history.jsonl"), damaged);
    chmodSync(home, 0o555);
    try {
      const result = await runInProcess(["stats", "--json"], { env: { CNN_DRILL_HOME: home } });
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.stdout).attempts).toBe(1);
      expect(result.stderr).toMatch(expected);
    } finally {
      chmodSync(home, 0o755);
    }
  });

  it("History reports notRepaired once however often it loads", () => {
    const home = tempDir("cnn-drill-readonly-");
    writeFileSync(join(home, "history.jsonl"), damaged);
    // A folder where the lock file would go makes the repair fail for any user, root included.
    mkdirSync(join(home, "history.lock"));
    writeFileSync(join(home, "history.lock", "x"), "");
    const events: HistoryEvent[] = [];
    const history = new History(home, (event) => events.push(event));
    expect(history.load()).toHaveLength(1);
    expect(history.load()).toHaveLength(1);
    expect(events.map((event) => event.kind)).toEqual(["notRepaired"]);
  });
});
