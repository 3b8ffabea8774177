/**
 * Progress history: records, parsing, the damaged-file rule (set aside, kept, replaced, warned — never
 * fatal, valid lines kept) and two real processes appending at once (no record lost).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { temporaryFolders } from "../helpers/temp.js";
import { History, historyHome, isHistoryRecord, parseHistory, withHistoryLock, type HistoryEvent, type HistoryRecord } from "../../src/practice/history.js";
import { writeFileAtomic } from "../../src/io/atomic-write.js";
import { runBuilt, runInProcess } from "../helpers/cli.js";

const { made } = temporaryFolders();

const DIST_HISTORY = fileURLToPath(new URL("../../dist/practice/history.js", import.meta.url));

function tempHome(): string {
  return made(mkdtempSync(join(tmpdir(), "cnn-drill-history-")));
}

function record(i: number, overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  return { time: new Date(Date.UTC(2026, 10, 1, 10, 0, i)).toISOString(), id: `conv.forward@${i}`, topic: "conv.forward", correct: i % 2 === 0, score: i % 2 === 0 ? 1 : 0.5, seconds: 10 + i, ...overrides };
}

describe("historyHome", () => {
  it("uses CNN_DRILL_HOME when set", () => {
    expect(historyHome({ CNN_DRILL_HOME: "/some/where" })).toBe("/some/where");
  });

  it("falls back to the platform data folder when CNN_DRILL_HOME is empty", () => {
    const home = historyHome({ CNN_DRILL_HOME: "" });
    expect(home).toMatch(/cnn-drill$/);
    expect(home).not.toBe("");
  });
});

describe("isHistoryRecord", () => {
  it("accepts a full record", () => {
    expect(isHistoryRecord(record(1))).toBe(true);
  });

  it.each([
    ["time not a date", { time: "yesterday" }],
    ["empty id", { id: "" }],
    ["correct as a string", { correct: "yes" }],
    ["score above 1", { score: 1.5 }],
    ["negative seconds", { seconds: -1 }],
  ])("rejects a record with %s", (_name, overrides) => {
    expect(isHistoryRecord({ ...record(1), ...overrides })).toBe(false);
  });

  it("rejects arrays and null", () => {
    expect(isHistoryRecord([])).toBe(false);
    expect(isHistoryRecord(null)).toBe(false);
  });
});

describe("parseHistory", () => {
  it("keeps valid lines and counts bad ones, ignoring empty lines", () => {
    const text = [JSON.stringify(record(1)), "", "{not json", JSON.stringify({ hello: 1 }), JSON.stringify(record(2)), ""].join("\n");
    const parsed = parseHistory(text);
    expect(parsed.records.map((r) => r.id)).toEqual(["conv.forward@1", "conv.forward@2"]);
    expect(parsed.badLines).toBe(2);
  });
});

describe("parseHistory: the route, attempt and hints of a record", () => {
  it("keeps valid ones", () => {
    const line = JSON.stringify({ ...record(1), via: "check", attempt: 2, hints: 1 });
    expect(parseHistory(line).records).toEqual([{ ...record(1), via: "check", attempt: 2, hints: 1 }]);
  });

  it.each([
    ["an unknown route", { via: "exam" }],
    ["attempt 0", { attempt: 0 }],
    ["a fractional attempt", { attempt: 1.5 }],
    ["negative hints", { hints: -1 }],
    ["hints as text", { hints: "2" }],
  ])("drops %s and keeps the record", (_, extra) => {
    const parsed = parseHistory(JSON.stringify({ ...record(1), ...extra }));
    expect(parsed).toEqual({ records: [record(1)], badLines: 0 });
  });
});

describe("History", () => {
  it("loads nothing, without a warning, when there is no file yet", () => {
    const events: HistoryEvent[] = [];
    expect(new History(join(tempHome(), "not-yet"), (e) => events.push(e)).load()).toEqual([]);
    expect(events).toEqual([]);
  });

  it("appends records and reads them back in order, creating the folder", () => {
    const home = join(tempHome(), "nested", "home");
    const history = new History(home);
    for (let i = 0; i < 3; i++) expect(history.append(record(i))).toBe(true);
    expect(history.load()).toEqual([record(0), record(1), record(2)]);
    expect(readFileSync(join(home, "history.jsonl"), "utf8").split("\n").length).toBe(4);
  });

  it("starts a fresh line when the file ends in a torn line, and counts the torn line as damage", () => {
    const home = tempHome();
    writeFileSync(join(home, "history.jsonl"), `${JSON.stringify(record(0))}\n{"time":"2026-`);
    const events: HistoryEvent[] = [];
    const history = new History(home, (e) => events.push(e));
    history.append(record(1));
    const records = history.load();
    expect(records.map((r) => r.id)).toEqual(["conv.forward@0", "conv.forward@1"]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "damaged", badLines: 1, keptRecords: 2 });
  });

  it("sets a damaged file aside under a timestamped name, keeps its valid lines, and warns once", () => {
    const home = tempHome();
    const damaged = [JSON.stringify(record(0)), "\u0000\u0001garbage", JSON.stringify(record(1)), "[1,2,3]"].join("\n") + "\n";
    writeFileSync(join(home, "history.jsonl"), damaged);
    const events: HistoryEvent[] = [];
    const history = new History(home, (e) => events.push(e), () => new Date(Date.UTC(2026, 10, 30, 12, 0, 0)));
    expect(history.load()).toEqual([record(0), record(1)]);
    expect(events).toEqual([{ kind: "damaged", file: join(home, "history.jsonl"), keptAs: join(home, "history.damaged-20261130T120000000Z.jsonl"), badLines: 2, keptRecords: 2 }]);
    // The damaged bytes are kept exactly; the new file holds only valid records.
    expect(readFileSync(join(home, "history.damaged-20261130T120000000Z.jsonl"), "utf8")).toBe(damaged);
    expect(parseHistory(readFileSync(join(home, "history.jsonl"), "utf8"))).toEqual({ records: [record(0), record(1)], badLines: 0 });
    // Loading again: nothing to repair, no second warning.
    expect(history.load()).toHaveLength(2);
    expect(events).toHaveLength(1);
  });

  it("does not overwrite an earlier set-aside file with the same timestamp", () => {
    const home = tempHome();
    const clock = () => new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
    for (let round = 0; round < 2; round++) {
      writeFileSync(join(home, "history.jsonl"), `oops ${round}\n`);
      new History(home, () => {}, clock).load();
    }
    expect(readdirSync(home).filter((name) => name.startsWith("history.damaged-")).sort()).toEqual([
      "history.damaged-20261130T120000000Z-2.jsonl",
      "history.damaged-20261130T120000000Z.jsonl",
    ]);
  });

  it("reports a write it cannot make instead of throwing", () => {
    const home = tempHome();
    mkdirSync(join(home, "history.jsonl"));
    const events: HistoryEvent[] = [];
    expect(new History(home, (e) => events.push(e)).append(record(0))).toBe(false);
    expect(events[0]).toMatchObject({ kind: "writeFailed" });
  });

  it("reports a history it cannot read (a folder in its place) and starts empty", () => {
    const home = tempHome();
    mkdirSync(join(home, "history.jsonl"));
    const events: HistoryEvent[] = [];
    expect(new History(home, (e) => events.push(e)).load()).toEqual([]);
    expect(events[0]).toMatchObject({ kind: "unreadable" });
  });

  it("takes over a lock left by a crashed process once it is stale", () => {
    const home = tempHome();
    writeFileSync(join(home, "history.lock"), "12345\n");
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(home, "history.lock"), old, old);
    expect(withHistoryLock(home, () => 42)).toBe(42);
    expect(existsSync(join(home, "history.lock"))).toBe(false);
  });
});

/**
 * A child process that appends `count` records tagged `tag`; every 5th time it also writes a damaged
 * line (without the lock, as a crashed writer would) and loads, so repairs run while the other appends.
 */
function appender(home: string, tag: string, count: number): Promise<number> {
  const script = `
    const { History } = await import(${JSON.stringify(DIST_HISTORY)});
    const { appendFileSync } = await import("node:fs");
    const history = new History(${JSON.stringify(home)});
    for (let i = 0; i < ${count}; i++) {
      const ok = history.append({ time: new Date().toISOString(), id: "${tag}@" + i, topic: "${tag}", correct: true, score: 1, seconds: 1 });
      if (!ok) process.exit(3);
      if (i % 5 === 0) {
        appendFileSync(history.file, "torn by ${tag}\\n");
        history.load();
      }
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? -1));
  });
}

describe("several processes at once (built dist/)", () => {
  it.skipIf(!existsSync(DIST_HISTORY))("lose no record: 3×300 appends while damaged lines are written and repaired", async () => {
    const home = tempHome();
    writeFileSync(join(home, "history.jsonl"), `${JSON.stringify(record(0))}\nthis line is damaged\n`);
    const codes = await Promise.all([appender(home, "conv.a", 300), appender(home, "conv.b", 300), appender(home, "conv.c", 300)]);
    expect(codes).toEqual([0, 0, 0]);
    const parsed = parseHistory(readFileSync(join(home, "history.jsonl"), "utf8"));
    expect(parsed.badLines).toBe(0);
    const ids = new Set(parsed.records.map((r) => r.id));
    expect(parsed.records).toHaveLength(901);
    for (const tag of ["conv.a", "conv.b", "conv.c"]) for (let i = 0; i < 300; i++) expect(ids.has(`${tag}@${i}`)).toBe(true);
    // Every damaged version is kept aside; together they hold every damaged line.
    const aside = readdirSync(home).filter((name) => name.startsWith("history.damaged-"));
    expect(aside.length).toBeGreaterThanOrEqual(1);
    const asideText = aside.map((name) => readFileSync(join(home, name), "utf8")).join("");
    expect(asideText).toContain("this line is damaged");
    for (const tag of ["conv.a", "conv.b", "conv.c"]) expect(asideText).toContain(`torn by ${tag}`);
    expect(existsSync(join(home, "history.lock"))).toBe(false);
  });
});

describe("stats with a damaged history (end to end)", () => {
  it("warns on stderr, keeps the file, and still reports the valid records (built command)", () => {
    const home = tempHome();
    writeFileSync(join(home, "history.jsonl"), `${JSON.stringify(record(0))}\n\u0000binary junk\n${JSON.stringify(record(1))}\n`);
    const result = runBuilt(["stats", "--json"], { env: { CNN_DRILL_HOME: home } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^warning: the history file .*history\.jsonl was damaged \(1 unreadable lines\); it is kept as .*history\.damaged-\d{8}T\d{9}Z\.jsonl and a fresh file holds its 2 valid records\n$/);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ attempts: 2, correct: 1, topics: [{ id: "conv.forward", attempts: 2, correct: 1 }] });
    expect(readdirSync(home).some((name) => name.startsWith("history.damaged-"))).toBe(true);
  });

  it("warns in Korean with --lang ko", async () => {
    const home = tempHome();
    writeFileSync(join(home, "history.jsonl"), "nonsense\n");
    const result = await runInProcess(["stats", "--lang", "ko"], { env: { CNN_DRILL_HOME: home } });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^경고: 기록 파일이 손상되어 있었습니다: .* \(읽을 수 없는 줄 1개\)/);
    expect(result.stdout).toContain("아직 기록된 답이 없습니다.");
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file in one step and leaves no temporary file", () => {
    const dir = tempHome();
    const target = join(dir, "out.txt");
    writeFileSync(target, "old");
    writeFileAtomic(target, "new text");
    expect(readFileSync(target, "utf8")).toBe("new text");
    expect(readdirSync(dir)).toEqual(["out.txt"]);
  });

  it("throws when the target is a folder, and removes its temporary file", () => {
    const dir = tempHome();
    mkdirSync(join(dir, "taken"));
    expect(() => writeFileAtomic(join(dir, "taken"), "x")).toThrow();
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});
