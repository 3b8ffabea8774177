/** Runs a practice session for `quiz` and `review`: history, prompts, clock, output, then the summary. */
import { loadMessages } from "../i18n/index.js";
import type { InteractivePrompts } from "../practice/inquirer.js";
import { capToExam, type ExamWindow } from "../practice/exam-plan.js";
import type { HistoryRoute } from "../practice/history.js";
import { openHistory } from "../practice/open-history.js";
import { scheduleTopics } from "../practice/schedule.js";
import { isPromptExit, runSession, summariseSession, type SessionPrompts } from "../practice/session.js";
import { suggestNext } from "../practice/suggest.js";
import { listTopics, type ProblemRef } from "../quiz/index.js";
import type { Ui } from "../ui/context.js";
import { sessionView } from "../views/practice.js";
import { renderSessionSummary } from "../views/session.js";

/** Exit code of a session ended with Ctrl-C (128 + SIGINT), as shells expect. */
export const INTERRUPTED_EXIT = 130;

/** The topic menu; undefined when the student pressed Ctrl-C. */
export async function topicMenu(prompts: InteractivePrompts, ui: Ui): Promise<string[] | undefined> {
  const choices = listTopics().map((topic) => ({ value: topic.id, name: `${topic.id}  ${ui.palette.dim(topic.title[ui.lang])}`, area: topic.area }));
  try {
    return await prompts.topicMenu({
      message: ui.t("practice.menu.message"),
      instructions: ui.t("practice.menu.instructions"),
      required: ui.t("practice.menu.required"),
      choices,
    });
  } catch (error) {
    if (isPromptExit(error)) return undefined;
    throw error;
  }
}

/** Prose wraps to the terminal (one column spare), at most 88 columns; 88 when the width is unknown. */
function proseWidth(): number {
  const columns = process.stdout.isTTY ? process.stdout.columns : undefined;
  return columns !== undefined && columns > 20 ? Math.min(88, columns - 1) : 88;
}

export interface SessionOptions {
  now?: () => number;
  /** The command the answers are recorded under (default quiz). */
  via?: HistoryRoute;
  /** The exam ahead: the suggestions follow the schedules capped to it. */
  exam?: ExamWindow;
}

export async function runPracticeSession(refs: readonly ProblemRef[], prompts: SessionPrompts, ui: Ui, options: SessionOptions = {}): Promise<{ output: string; exitCode: number }> {
  // The recognised mistakes are named after a wrong answer (hints load their own messages).
  await loadMessages(["tutor"]);
  const history = openHistory(ui.io, ui.t);
  // Read (and if need be repair) the history first, so that a warning comes before the session.
  history.load();
  const now = options.now ?? (() => Date.now());
  const result = await runSession(refs, {
    prompts,
    write: (text) => ui.io.stdout(text),
    now,
    record: (record) => { history.append({ ...record, via: options.via ?? "quiz" }); },
    lang: ui.lang,
    t: ui.t,
    view: sessionView(ui, proseWidth()),
    colour: ui.palette.enabled,
  });
  const at = new Date(now());
  const scheduled = scheduleTopics(history.load((id) => listTopics().some((topic) => topic.id === id)), at);
  const schedules = options.exam === undefined ? scheduled : capToExam(scheduled, options.exam, at);
  const suggestions = suggestNext(result, schedules, listTopics().map((topic) => topic.id), at);
  return { output: renderSessionSummary(result, summariseSession(result.answers), suggestions, ui), exitCode: result.interrupted ? INTERRUPTED_EXIT : 0 };
}
