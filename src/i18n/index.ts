import type { MessageParams } from "../engine/errors.js";
import { catalog, type Lang, type MessageKey } from "./catalog.js";
import { fillTemplate } from "./format.js";

export type { Lang, MessageKey } from "./catalog.js";
export { LANGS } from "./catalog.js";

/** Looks up a message; codes coming from the engine are plain strings, so unknown keys fall back to the key. */
export type Translate = (key: MessageKey | string, params?: MessageParams) => string;

export function translator(lang: Lang): Translate {
  const messages = catalog[lang] as Record<string, string>;
  const english = catalog.en as Record<string, string>;
  return (key, params) => fillTemplate(messages[key] ?? english[key] ?? key, params);
}

export function hasMessage(key: string): boolean {
  return key in catalog.en;
}

/** Korean when the locale says so (LC_ALL, then LC_MESSAGES, then LANG), else English. */
export function languageFromEnv(env: Record<string, string | undefined>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("ko") ? "ko" : "en";
}
