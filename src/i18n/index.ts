import type { MessageParams } from "../engine/errors.js";
import { catalog, LANGS, type Lang, type MessageKey } from "./catalog.js";
import { fillTemplate } from "./format.js";

export type { AreaMessages, CommonKey, Lang, MessageKey } from "./catalog.js";
export { addMessages, LANGS, loadMessages, MESSAGE_AREAS, type MessageArea } from "./catalog.js";

/** The ends of the keys that start with `prefix`: `KeysUnder<"quiz.topic.">` is every topic id with a title. */
export type KeysUnder<Prefix extends string> = MessageKey extends infer Key ? (Key extends `${Prefix}${infer Rest}` ? Rest : never) : never;

/** Looks up a message by its key: a misspelt key fails the type check. `Keys`: what the caller may say (a calculator: its `Key`). */
export type Translate<Keys extends string = MessageKey> = (key: Keys, params?: MessageParams) => string;

/** The translator of `lang`, for the keys `Keys` (the catalogue areas kept here, unless a calculator names its own). */
export function translator<Keys extends string = MessageKey>(lang: Lang): Translate<Keys> {
  return (key, params) => fillTemplate(catalog[lang][key] ?? catalog.en[key] ?? key, params);
}

export function hasMessage(key: string): key is MessageKey {
  return key in catalog.en;
}

/**
 * The message of an engine error code (or hint code). Codes are plain strings in the engine, which
 * knows nothing of the catalogue; an unknown code shows as itself (a test checks every code has a message).
 */
export function codeText(t: Translate<never>, code: string, params?: MessageParams): string {
  return hasMessage(code) ? t(code as never, params) : code;
}

/** The message under a key built at run time, or `fallback` when the catalogue has none. */
export function messageOrText(t: Translate<never>, key: string, fallback: string, params?: MessageParams): string {
  return hasMessage(key) ? t(key as never, params) : fallback;
}

/** A language code as typed (`KO`, ` en `), or undefined when it is not one of LANGS. */
export function parseLang(text: string): Lang | undefined {
  const code = text.trim().toLowerCase();
  return LANGS.find((lang) => lang === code);
}

/** Korean when the locale says so (LC_ALL, then LC_MESSAGES, then LANG), else English. */
export function languageFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("ko") ? "ko" : "en";
}
