/** What every calculator renderer draws with: the messages of the run's language and its colours. */
import type { Translate } from "../i18n/index.js";
import type { Palette } from "./colour.js";

export interface TextContext {
  t: Translate;
  palette: Palette;
}
