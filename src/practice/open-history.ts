/** Opens the history for a command: its problems become warnings on stderr, never errors. */
import type { CliIO } from "../ui/context.js";
import type { Translate } from "../i18n/index.js";
import { History, historyHome, type HistoryEvent } from "./history.js";

function historyWarning(event: HistoryEvent, t: Translate): string {
  const prefix = t("practice.warningPrefix");
  switch (event.kind) {
    case "damaged":
      return `${prefix}: ${t("practice.history.damaged", { file: event.file, badLines: event.badLines, keptAs: event.keptAs, kept: event.keptRecords })}\n`;
    case "unreadable":
      return `${prefix}: ${t("practice.history.unreadable", { file: event.file, reason: event.reason })}\n`;
    case "notRepaired":
      return `${prefix}: ${t("practice.history.notRepaired", { file: event.file, badLines: event.badLines, reason: event.reason, kept: event.keptRecords })}\n`;
    case "writeFailed":
      return `${prefix}: ${t("practice.history.writeFailed", { file: event.file, reason: event.reason })}\n`;
  }
}

/** A failed write is reported once per command run, not after every answer. */
export function openHistory(io: CliIO, t: Translate, clock?: () => Date): History {
  let writeFailureReported = false;
  return new History(historyHome(io.env), (event) => {
    if (event.kind === "writeFailed") {
      if (writeFailureReported) return;
      writeFailureReported = true;
    }
    io.stderr(historyWarning(event, t));
  }, clock);
}
