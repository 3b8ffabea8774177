/**
 * The one message catalogue: every human-readable string, in English and Korean. Each area keeps
 * its messages in its own file. The common messages are always there; an area's are loaded with the
 * commands that speak it (`loadMessages`), which keeps a single command's start-up short.
 */
import * as common from "./messages/common.js";
import type * as conv from "./messages/conv.js";
import type * as pool from "./messages/pool.js";
import type * as roi from "./messages/roi.js";
import type * as spp from "./messages/spp.js";
import type * as rf from "./messages/rf.js";
import type * as gate from "./messages/gate.js";
import type * as quiz from "./messages/quiz.js";
import type * as practice from "./messages/practice.js";
import type * as hint from "./messages/hint.js";

export type MessageKey =
  | keyof typeof common.en | keyof typeof conv.en | keyof typeof pool.en | keyof typeof roi.en | keyof typeof spp.en
  | keyof typeof rf.en | keyof typeof gate.en | keyof typeof quiz.en | keyof typeof practice.en | keyof typeof hint.en;
export type Lang = "en" | "ko";
export const LANGS: readonly Lang[] = ["en", "ko"];

interface AreaMessages {
  en: Record<string, string>;
  ko: Record<string, string>;
}

const areaModules = {
  conv: (): Promise<AreaMessages> => import("./messages/conv.js"),
  pool: (): Promise<AreaMessages> => import("./messages/pool.js"),
  roi: (): Promise<AreaMessages> => import("./messages/roi.js"),
  spp: (): Promise<AreaMessages> => import("./messages/spp.js"),
  rf: (): Promise<AreaMessages> => import("./messages/rf.js"),
  gate: (): Promise<AreaMessages> => import("./messages/gate.js"),
  quiz: (): Promise<AreaMessages> => import("./messages/quiz.js"),
  practice: (): Promise<AreaMessages> => import("./messages/practice.js"),
  hint: (): Promise<AreaMessages> => import("./messages/hint.js"),
};

export type MessageArea = keyof typeof areaModules;
export const MESSAGE_AREAS = Object.keys(areaModules) as MessageArea[];

/** The messages loaded so far, by language. */
export const catalog: Record<Lang, Record<string, string>> = { en: { ...common.en }, ko: { ...common.ko } };
const loadedAreas = new Set<MessageArea>();

/** Loads the messages of these areas (all of them by default); loading an area twice is free. */
export async function loadMessages(areas: readonly MessageArea[] = MESSAGE_AREAS): Promise<void> {
  for (const area of areas) {
    if (loadedAreas.has(area)) continue;
    const messages = await areaModules[area]();
    Object.assign(catalog.en, messages.en);
    Object.assign(catalog.ko, messages.ko);
    loadedAreas.add(area);
  }
}
