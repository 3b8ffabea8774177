/**
 * Settings that outlive a command, such as the exam date: one small JSON object in `<home>/config.json`,
 * where home is `$CNN_DRILL_HOME` when set, else the platform's config folder.
 *
 * Robustness as for the history: a damaged file is never fatal (it is reported and read as empty, and the
 * next `set` keeps the damaged bytes aside before writing a fresh file); keys this version does not know
 * are kept as they are (a newer version may have written them); every write replaces the file atomically.
 * No human text here: problems are structured events that commands translate.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import envPaths from "env-paths";
import { InputError } from "../engine/errors.js";
import { writeFileAtomic } from "../io/atomic-write.js";
import { parseExamDate } from "./exam-plan.js";

export const CONFIG_FILE = "config.json";

/** Every key `config` takes, with how its value is read (a bad value is an InputError). */
export const CONFIG_KEYS = {
  "exam-date": (text: string) => parseExamDate(text, "value"),
} as const satisfies Record<string, (text: string) => string>;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export const CONFIG_KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKey[];

export type ConfigEvent =
  | { kind: "damaged"; file: string; keptAs?: string }
  | { kind: "badValue"; file: string; key: ConfigKey; value: string };

/** `$CNN_DRILL_HOME` when set and not empty, else the platform's config folder for cnn-drill. */
export function configHome(env: Record<string, string | undefined>): string {
  const home = env.CNN_DRILL_HOME;
  if (home !== undefined && home.trim() !== "") return home;
  return envPaths("cnn-drill", { suffix: "" }).config;
}

export function parseConfigKey(text: string, argument = "key"): ConfigKey {
  const key = text.trim().toLowerCase();
  if (key in CONFIG_KEYS) return key as ConfigKey;
  throw new InputError(argument, "config.keyUnknown", { key: text, keys: CONFIG_KEY_NAMES.join(", ") }, "config.keyUnknownHint");
}

/** A key's value checked as `config set` would check it (exam dates are real calendar dates). */
export function parseConfigValue(key: ConfigKey, text: string): string {
  return CONFIG_KEYS[key](text);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class Config {
  readonly file: string;

  constructor(readonly home: string, private readonly listener: (event: ConfigEvent) => void = () => {}, private readonly clock: () => Date = () => new Date()) {
    this.file = join(home, CONFIG_FILE);
  }

  /** Everything in the file (unknown keys too), or undefined when the file is damaged; {} when there is none. */
  private readRaw(): Record<string, unknown> | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      return undefined;
    }
    try {
      const value: unknown = JSON.parse(text);
      return isPlainObject(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** The known keys with valid values; a damaged file or a bad value is reported and left out. */
  list(): Partial<Record<ConfigKey, string>> {
    const raw = this.readRaw();
    if (raw === undefined) {
      this.listener({ kind: "damaged", file: this.file });
      return {};
    }
    const out: Partial<Record<ConfigKey, string>> = {};
    for (const key of CONFIG_KEY_NAMES) {
      const value = raw[key];
      if (value === undefined) continue;
      try {
        if (typeof value !== "string") throw new TypeError(key);
        out[key] = parseConfigValue(key, value);
      } catch {
        this.listener({ kind: "badValue", file: this.file, key, value: String(value) });
      }
    }
    return out;
  }

  get(key: ConfigKey): string | undefined {
    return this.list()[key];
  }

  set(key: ConfigKey, text: string): string {
    const value = parseConfigValue(key, text);
    this.write((raw) => ({ ...raw, [key]: value }));
    return value;
  }

  /** Removes a key; false when it was not set. */
  unset(key: ConfigKey): boolean {
    const raw = this.readRaw();
    if (raw === undefined || !(key in raw)) return false;
    this.write(({ [key]: _removed, ...rest }) => rest);
    return true;
  }

  private write(change: (raw: Record<string, unknown>) => Record<string, unknown>): void {
    mkdirSync(this.home, { recursive: true });
    let raw = this.readRaw();
    if (raw === undefined) {
      const keptAs = `${this.file}.damaged-${this.clock().toISOString().replace(/[:.]/g, "-")}`;
      copyFileSync(this.file, keptAs);
      this.listener({ kind: "damaged", file: this.file, keptAs });
      raw = {};
    }
    writeFileAtomic(this.file, `${JSON.stringify(change(raw), null, 2)}\n`);
  }
}
