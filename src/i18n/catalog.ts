/**
 * The one message catalogue: every human-readable string, in English and Korean. The common messages
 * are always there; the quiz's and practice's areas are loaded with the commands that speak them
 * (`loadMessages`), and a calculator's messages, which live in its folder, with its spec (`addMessages`).
 * That keeps a single command's start-up short.
 */
import * as common from "./messages/common.js";
import type * as quiz from "./messages/quiz.js";
import type * as practice from "./messages/practice.js";
import type * as hint from "./messages/hint.js";
import type * as tutor from "./messages/tutor.js";

/** The keys every command may use. */
export type CommonKey = keyof typeof common.en;
/** The keys of the areas kept here (common, quiz, practice); a calculator's keys are its own (its folder's `Key`). */
export type MessageKey = CommonKey | keyof typeof quiz.en | keyof typeof practice.en | keyof typeof hint.en | keyof typeof tutor.en;

/**
 * The layers that see the catalogue (the quiz, the tutor, practice, commands) throw its keys as error
 * and hint codes: there, a code is valid when it has a text, in every language by the type of `ko`.
 */
declare module "../engine/errors.js" {
  interface ErrorCodes {
    catalogue: MessageKey;
  }
}

/** Every language, in the order help and completion list them. Adding one: here, and a `ko`-like object in each messages file. */
export const LANGS = ["en", "ko"] as const;
export type Lang = (typeof LANGS)[number];

/** One area's messages: an object per language with the same keys. */
export interface AreaMessages {
  en: Readonly<Record<string, string>>;
  ko: Readonly<Record<string, string>>;
}

const areaModules = {
  quiz: (): Promise<AreaMessages> => import("./messages/quiz.js"),
  practice: (): Promise<AreaMessages> => import("./messages/practice.js"),
  hint: (): Promise<AreaMessages> => import("./messages/hint.js"),
  tutor: (): Promise<AreaMessages> => import("./messages/tutor.js"),
};

export type MessageArea = keyof typeof areaModules;
export const MESSAGE_AREAS = Object.keys(areaModules) as MessageArea[];

/** The messages loaded so far, by language. */
export const catalog: Record<Lang, Record<string, string>> = { en: { ...common.en }, ko: { ...common.ko } };
const loadedAreas = new Set<MessageArea>();

/** Adds an area's messages that its owner has loaded (a calculator's, with its spec); adding them twice is free. */
export function addMessages(messages: AreaMessages): void {
  Object.assign(catalog.en, messages.en);
  Object.assign(catalog.ko, messages.ko);
}

/** Loads the messages of these areas (all of them by default); loading an area twice is free. */
export async function loadMessages(areas: readonly MessageArea[] = MESSAGE_AREAS): Promise<void> {
  for (const area of areas) {
    if (loadedAreas.has(area)) continue;
    addMessages(await areaModules[area]());
    loadedAreas.add(area);
  }
}
