/** `cnn-drill stats`: progress from the history — per topic attempts, accuracy, last practised, next due. */
import type { Command } from "commander";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

export function registerStats(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program.command("stats").description(t("practice.stats.help"))
    .addHelpText("after", examplesHelp(t, "practice.stats.help.examples"))
    .option("--exam-date <date>", t("plan.help.examDate"));
  addCommonOptions(command, t).action((options: CommonOptions & { examDate?: string }) =>
    runAction(context, options, async (ui) => {
      // Loaded here, so that help and other commands do not load the scheduler.
      const { openHistory } = await import("../practice/open-history.js");
      const { progressOf } = await import("../practice/progress.js");
      const { listTopics } = await import("../quiz/index.js");
      const { examWindowFor } = await import("./exam-date.js");
      const now = new Date();
      const exam = examWindowFor(ui, options.examDate, now);
      const history = openHistory(ui.io, ui.t);
      const topics = listTopics();
      const progress = progressOf(history.load((id) => topics.some((topic) => topic.id === id)), topics.map((topic) => topic.id), now, exam);
      if (ui.json) {
        return {
          output: renderJson({
            attempts: progress.attempts,
            correct: progress.correct,
            accuracy: progress.accuracy,
            firstTryAccuracy: progress.firstTryAccuracy,
            streak: progress.streak,
            routes: progress.routes,
            hintsUsed: progress.hintsUsed,
            ...(exam === undefined ? {} : { examDate: exam.examDay }),
            historyFile: history.file,
            notPractised: progress.notPractised,
            topics: progress.schedules.map((s) => ({
              id: s.topic,
              title: topics.find((topic) => topic.id === s.topic)?.title[ui.lang],
              attempts: s.attempts,
              correct: s.correct,
              accuracy: s.accuracy,
              averageScore: s.scoreSum / s.attempts,
              lastPractised: s.lastPractised.toISOString(),
              nextDue: s.due.toISOString(),
              due: s.isDue,
              retrievability: s.retrievability,
              state: s.state,
            })),
          }),
        };
      }
      const { renderStatsText } = await import("../views/stats.js");
      return { output: renderStatsText(progress, history.file, now, ui, exam) };
    }),
  );
}
