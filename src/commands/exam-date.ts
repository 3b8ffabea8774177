/** The settings file and the exam date as commands use them: problems with either become warnings on stderr. */
import { Config, configHome, type ConfigEvent } from "../practice/config.js";
import { chooseExamDate } from "../practice/exam-date.js";
import type { ExamWindow } from "../practice/exam-plan.js";
import type { Translate } from "../i18n/index.js";
import type { Ui } from "../ui/context.js";

function configWarning(event: ConfigEvent, t: Translate): string {
  const prefix = t("practice.warningPrefix");
  switch (event.kind) {
    case "damaged":
      return `${prefix}: ${event.keptAs === undefined ? t("config.damaged", { file: event.file }) : t("config.damagedKept", { file: event.file, keptAs: event.keptAs })}\n`;
    case "badValue":
      return `${prefix}: ${t("config.badValue", { file: event.file, key: event.key, value: event.value })}\n`;
  }
}

/** The settings of `$CNN_DRILL_HOME` (or the platform's config folder); its problems are warnings. Needs the practice messages. */
export function openConfig(ui: Ui): Config {
  return new Config(configHome(ui.io.env), (event) => ui.io.stderr(configWarning(event, ui.t)));
}

/**
 * The exam window of `--exam-date` (checked first: a bad date exits 2), else of the configured date;
 * a past date is ignored with a warning. Needs the practice messages.
 */
export function examWindowFor(ui: Ui, optionText: string | undefined, now: Date): ExamWindow | undefined {
  const configured = optionText === undefined ? openConfig(ui).get("exam-date") : undefined;
  const { exam, past } = chooseExamDate(optionText, configured, now);
  if (past !== undefined) ui.io.stderr(`${ui.t("practice.warningPrefix")}: ${ui.t("plan.examPast", { date: past })}\n`);
  return exam;
}
