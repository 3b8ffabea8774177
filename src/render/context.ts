/** What every renderer draws with: the messages of the run's language and its colours. */
import type { MessageKey, Translate } from "../i18n/index.js";
import type { Palette } from "./colour.js";

/** `Keys`: the message keys the renderer may use (a calculator's renderer: its folder's `Key`). */
export interface TextContext<Keys extends string = MessageKey> {
  t: Translate<Keys>;
  palette: Palette;
}
