import type { ErrorCode, MessageParams } from "../engine/errors.js";
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
 * The text of an error's code or hint code. Every `ErrorCode` has a text (src/engine/errors.ts): the
 * catalogue's own, or a calculator's, which is in the catalogue once its spec has loaded its messages,
 * so a translator typed for the common keys may show it.
 */
export function codeText(t: Translate<never>, code: ErrorCode, params?: MessageParams): string {
  return t(code as never, params);
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
