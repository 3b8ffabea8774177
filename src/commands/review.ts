/**
 * `cnn-drill review`: an interactive session on the topics FSRS says are due (most overdue first), then
 * the weakest, then ones never practised. Needs a terminal, like `quiz`.
 */
import type { Command } from "commander";
import { parseCount, requireTerminal } from "../practice/options.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

export const DEFAULT_REVIEW_COUNT = 5;

interface ReviewCliOptions extends CommonOptions {
  count?: string;
  examDate?: string;
}

export function registerReview(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("review")
    .description(t("practice.review.help"))
    .addHelpText("after", examplesHelp(t, "practice.review.help.examples"))
    .option("--count <n>", t("practice.review.help.count"))
    .option("--exam-date <date>", t("plan.help.examDate"));
  addCommonOptions(command, t, { json: false }).action((options: ReviewCliOptions) =>
    runAction(context, options, async (ui) => {
      const count = options.count === undefined ? DEFAULT_REVIEW_COUNT : parseCount(options.count);
      const { parseExamDate } = await import("../practice/exam-plan.js");
      if (options.examDate !== undefined) parseExamDate(options.examDate);
      requireTerminal(ui, "review");

      const quiz = await import("../quiz/index.js");
      const { openHistory } = await import("../practice/open-history.js");
      const { reviewOrder, scheduleTopics } = await import("../practice/schedule.js");
      const { planInOrder } = await import("../practice/plan.js");
      const { inquirerPrompts } = await import("../practice/inquirer.js");
      const { runPracticeSession } = await import("./practice-run.js");
      const { renderReviewPlan } = await import("../views/session.js");

      const { examWindowFor } = await import("./exam-date.js");
      const { capToExam } = await import("../practice/exam-plan.js");

      const now = new Date();
      const exam = examWindowFor(ui, options.examDate, now);
      const scheduled = scheduleTopics(openHistory(ui.io, ui.t).load((id) => quiz.listTopics().some((topic) => topic.id === id)), now);
      // With an exam ahead, a review FSRS would place after it is due on its eve instead.
      const schedules = exam === undefined ? scheduled : capToExam(scheduled, exam, now);
      const picks = reviewOrder(schedules, quiz.listTopics().map((topic) => topic.id), now).slice(0, count);
      ui.io.stdout(renderReviewPlan(picks, schedules, now, ui));
      const refs = planInOrder(picks.map((pick) => pick.topic), count, quiz.randomSeed(), "review");
      return runPracticeSession(refs, await inquirerPrompts(ui.t), ui, { via: "review", exam });
    }),
  );
}
