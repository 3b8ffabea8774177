/** `cnn-drill plan [--exam-date D]`: the days until the exam, each with its topics (new and weak first, due reviews merged in). */
import type { Command } from "commander";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

interface PlanCliOptions extends CommonOptions {
  examDate?: string;
}

export function registerPlan(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("plan")
    .description(t("plan.help"))
    .addHelpText("after", examplesHelp(t, "plan.help.examples"))
    .option("--exam-date <date>", t("plan.help.examDate"));
  addCommonOptions(command, t).action((options: PlanCliOptions) =>
    runAction(context, options, async (ui) => {
      const { examWindowFor } = await import("./exam-date.js");
      const { openHistory } = await import("../practice/open-history.js");
      const { planToExam } = await import("../practice/exam-plan.js");
      const { scheduleTopics } = await import("../practice/schedule.js");
      const { listTopics } = await import("../quiz/index.js");
      const now = new Date();
      const exam = examWindowFor(ui, options.examDate, now);
      // Nothing to plan to yet (as stats with no history): say how to set the date; not an error.
      if (exam === undefined) return { output: ui.json ? renderJson({ examDate: null, daysLeft: null, days: [] }) : `${ui.t("plan.noExamDate")}\n` };
      const known = listTopics().map((topic) => topic.id);
      const schedules = scheduleTopics(openHistory(ui.io, ui.t).load((id) => known.includes(id)), now);
      const plan = planToExam(schedules, known, exam, now);
      if (ui.json) return { output: renderJson({ examDate: plan.examDate, daysLeft: plan.daysLeft, days: plan.days }) };
      const { renderPlan } = await import("../views/stats.js");
      return { output: renderPlan(plan, ui) };
    }),
  );
}
