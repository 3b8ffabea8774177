/**
 * The one message catalogue: every human-readable string, in English and Korean.
 * Each area keeps its messages in its own file; this file joins them.
 */
import * as common from "./messages/common.js";
import * as conv from "./messages/conv.js";
import * as pool from "./messages/pool.js";
import * as roi from "./messages/roi.js";
import * as spp from "./messages/spp.js";
import * as rf from "./messages/rf.js";
import * as gate from "./messages/gate.js";
import * as quiz from "./messages/quiz.js";
import * as practice from "./messages/practice.js";

const en = { ...common.en, ...conv.en, ...pool.en, ...roi.en, ...spp.en, ...rf.en, ...gate.en, ...quiz.en, ...practice.en };
const ko = { ...common.ko, ...conv.ko, ...pool.ko, ...roi.ko, ...spp.ko, ...rf.ko, ...gate.ko, ...quiz.ko, ...practice.ko };

export type MessageKey = keyof typeof en;
export type Lang = "en" | "ko";
export const LANGS: readonly Lang[] = ["en", "ko"];

export const catalog: Record<Lang, Record<MessageKey, string>> = { en, ko };
