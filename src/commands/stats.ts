/** `cnn-drill stats`: progress from the history — per topic attempts, accuracy, last practised, next due. */
import type { Command } from "commander";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, type CliContext, type CommonOptions, examplesHelp } from "./context.js";

export function registerStats(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program.command("stats").description(t("practice.stats.help"))
    .addHelpText("after", examplesHelp(t, "practice.stats.help.examples"));
  addCommonOptions(command, t).action((options: CommonOptions) =>
    runAction(context, options, async (ui) => {
      // Loaded here, so that help and other commands do not load the scheduler.
      const { openHistory } = await import("../practice/open-history.js");
      const { scheduleTopics } = await import("../practice/schedule.js");
      const { renderStatsText } = await import("../render/stats.js");
      const now = new Date();
      const history = openHistory(ui.io, ui.t);
      const records = history.load();
      const schedules = scheduleTopics(records, now);
      const attempts = records.length;
      const correct = records.filter((r) => r.correct).length;
      const { listTopics } = await import("../quiz/index.js");
      const topics = listTopics();
      const practised = new Set(schedules.map((s) => s.topic));
      const notPractised = topics.filter((topic) => !practised.has(topic.id)).map((topic) => topic.id);
      if (ui.json) {
        return {
          output: renderJson({
            attempts,
            correct,
            accuracy: attempts === 0 ? 0 : correct / attempts,
            historyFile: history.file,
            notPractised,
            topics: schedules.map((s) => ({
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
      return { output: renderStatsText(schedules, { attempts, correct, file: history.file, notPractised }, now, ui) };
    }),
  );
}
