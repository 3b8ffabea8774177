/**
 * `cnn-drill quiz`: the interactive drill. Options are checked first; then, without a terminal on
 * standard input, it explains `problem`/`check` and exits 2 at once. Inquirer and the question bank are
 * imported only here, so other commands start fast.
 */
import { Option, type Command } from "commander";
import { collect, parseCount, requireTerminal } from "../practice/options.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

export const DEFAULT_QUIZ_COUNT = 5;
/** From the menu: one problem per topic picked (at least DEFAULT_QUIZ_COUNT), at most this many. */
export const MENU_MAX_COUNT = 20;

interface QuizCliOptions extends CommonOptions {
  topic?: string[];
  count?: string;
  seed?: string;
  examDate?: string;
}

export function registerQuiz(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("quiz")
    .description(t("practice.quiz.help"))
    .addHelpText("after", examplesHelp(t, "practice.quiz.help.examples"))
    .addOption(new Option("--topic <id>", t("practice.quiz.help.topic")).argParser(collect))
    .option("--count <n>", t("practice.quiz.help.count"))
    .option("--seed <n>", t("practice.quiz.help.seed"))
    .option("--exam-date <date>", t("plan.help.examDate"));
  addCommonOptions(command, t, { json: false }).action((options: QuizCliOptions) =>
    runAction(context, options, async (ui) => {
      const quiz = await import("../quiz/index.js");
      const { resolveTopics } = await import("../practice/topics.js");
      const topics = options.topic === undefined ? undefined : resolveTopics(options.topic);
      const count = options.count === undefined ? undefined : parseCount(options.count);
      const seed = options.seed === undefined ? quiz.randomSeed() : quiz.parseSeed(options.seed, "seed");
      const { parseExamDate } = await import("../practice/exam-plan.js");
      if (options.examDate !== undefined) parseExamDate(options.examDate);
      requireTerminal(ui, "quiz");
      // The suggestions after the session follow the schedule capped to the exam.
      const { examWindowFor } = await import("./exam-date.js");
      const exam = examWindowFor(ui, options.examDate, new Date());

      const { inquirerPrompts } = await import("../practice/inquirer.js");
      const prompts = await inquirerPrompts(ui.t);
      // Without topics, count or seed, the student picks topics from a menu (in the session's language).
      const useMenu = options.topic === undefined && options.count === undefined && options.seed === undefined;
      const allTopics = resolveTopics([]);
      let chosen = topics ?? allTopics;
      const { runPracticeSession, topicMenu, INTERRUPTED_EXIT } = await import("./practice-run.js");
      if (useMenu) {
        const picked = await topicMenu(prompts, ui);
        if (picked === undefined) return { output: "", exitCode: INTERRUPTED_EXIT };
        chosen = picked;
      }
      const total = count ?? (useMenu ? Math.min(Math.max(DEFAULT_QUIZ_COUNT, chosen.length), MENU_MAX_COUNT) : DEFAULT_QUIZ_COUNT);
      const { planProblems } = await import("../practice/plan.js");
      const refs = planProblems(chosen, total, seed, "quiz");
      // The topics as the student named them (areas stay areas); from the menu, the ids picked.
      const named = options.topic ?? (chosen.length === allTopics.length ? [] : chosen);
      const again = ["cnn-drill quiz", `--seed ${seed}`, `--count ${total}`, ...named.map((id) => `--topic ${id}`)].join(" ");
      ui.io.stdout(`${ui.palette.dim(ui.t("practice.quiz.seedLine", { seed, command: again }))}\n`);
      return runPracticeSession(refs, prompts, ui, { exam });
    }),
  );
}
