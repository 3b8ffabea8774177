import type { MessageParams } from "../engine/errors.js";
import { catalog, LANGS, type Lang, type MessageKey } from "./catalog.js";
import { fillTemplate } from "./format.js";

export type { Lang, MessageKey } from "./catalog.js";
export { LANGS, loadMessages, MESSAGE_AREAS, type MessageArea } from "./catalog.js";

/** Looks up a message; codes coming from the engine are plain strings, so unknown keys fall back to the key. */
export type Translate = (key: MessageKey | string, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => fillTemplate(catalog[lang][key] ?? catalog.en[key] ?? key, params);
}

export function hasMessage(key: string): boolean {
  return key in catalog.en;
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
