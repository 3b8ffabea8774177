/** The settings file: keys, values checked like `config set`, damage never fatal, unknown keys kept, atomic writes. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Config, configHome, parseConfigKey, type ConfigEvent } from "../../src/practice/config.js";
import { inputErrorOf } from "../helpers/errors.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();

function fresh(): { config: Config; events: ConfigEvent[]; home: string } {
  const home = join(tempDir("cnn-drill-config-"), "nested", "home");
  const events: ConfigEvent[] = [];
  return { config: new Config(home, (event) => events.push(event), () => new Date(Date.UTC(2026, 11, 4, 9, 30))), events, home };
}

describe("Config", () => {
  it("lives in $CNN_DRILL_HOME when set, else the platform's config folder", () => {
    expect(configHome({ CNN_DRILL_HOME: "/tmp/x" })).toBe("/tmp/x");
    expect(configHome({ CNN_DRILL_HOME: "  " })).toMatch(/cnn-drill/);
  });

  it("set, get, list and unset an exam date; the folder is made on the first set", () => {
    const { config, events, home } = fresh();
    expect(config.get("exam-date")).toBeUndefined();
    expect(existsSync(home)).toBe(false);
    expect(config.set("exam-date", " 2026-12-15")).toBe("2026-12-15");
    expect(config.get("exam-date")).toBe("2026-12-15");
    expect(config.list()).toEqual({ "exam-date": "2026-12-15" });
    expect(JSON.parse(readFileSync(config.file, "utf8"))).toEqual({ "exam-date": "2026-12-15" });
    expect(config.unset("exam-date")).toBe(true);
    expect(config.unset("exam-date")).toBe(false);
    expect(config.list()).toEqual({});
    expect(events).toEqual([]);
    expect(readdirSync(home)).toEqual(["config.json"]);
  });

  it("keeps keys it does not know (a newer version may have written them)", () => {
    const { config, home } = fresh();
    config.set("exam-date", "2026-12-15");
    writeFileSync(config.file, JSON.stringify({ "exam-date": "2026-12-15", "future-key": [1, 2] }));
    config.set("exam-date", "2026-12-16");
    expect(JSON.parse(readFileSync(join(home, "config.json"), "utf8"))).toEqual({ "exam-date": "2026-12-16", "future-key": [1, 2] });
  });

  it("a damaged file reads as empty with one event; the next set keeps the damaged bytes aside", () => {
    const { config, events, home } = fresh();
    config.set("exam-date", "2026-12-15");
    writeFileSync(config.file, "{ not json");
    expect(config.get("exam-date")).toBeUndefined();
    expect(events).toEqual([{ kind: "damaged", file: config.file }]);
    config.set("exam-date", "2026-12-20");
    const aside = readdirSync(home).find((name) => name.includes("damaged"))!;
    expect(readFileSync(join(home, aside), "utf8")).toBe("{ not json");
    expect(events[1]).toEqual({ kind: "damaged", file: config.file, keptAs: join(home, aside) });
    expect(config.get("exam-date")).toBe("2026-12-20");
  });

  it("a bad stored value is reported and left out", () => {
    const { config, events } = fresh();
    config.set("exam-date", "2026-12-15");
    writeFileSync(config.file, JSON.stringify({ "exam-date": "2026-02-30" }));
    expect(config.list()).toEqual({});
    expect(events).toEqual([{ kind: "badValue", file: config.file, key: "exam-date", value: "2026-02-30" }]);
  });

  it("throws when the key is unknown", () => {
    const error = inputErrorOf(() => parseConfigKey("exam_date"));
    expect([error.argument, error.code, error.hintCode, error.params.keys]).toEqual(["key", "config.keyUnknown", "config.keyUnknownHint", "exam-date"]);
  });

  it("throws when an exam date is not a real date, and writes nothing", () => {
    const { config } = fresh();
    const error = inputErrorOf(() => config.set("exam-date", "2026-02-30"));
    expect([error.argument, error.code]).toEqual(["value", "plan.examDateBad"]);
    expect(existsSync(config.file)).toBe(false);
  });
});
