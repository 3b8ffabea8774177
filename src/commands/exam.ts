/** `cnn-drill exam`: a printable mock exam (Markdown or one self-contained HTML page); the same seed gives the same exam. */
import { Option, type Command } from "commander";
import { InputError } from "../engine/errors.js";
import { parseChoice } from "../io/parse.js";
import { withListedValues } from "./choices.js";
import { collect, parseCount } from "../practice/options.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

const FORMATS = ["md", "html"] as const;
type Format = (typeof FORMATS)[number];

interface ExamCliOptions extends CommonOptions {
  seed?: string;
  count?: string;
  topic?: string[];
  format?: string;
  answers?: boolean;
  output?: string;
}

/** `--format`, else from the output file's extension (.html/.htm → html), else md. */
function chooseFormat(options: ExamCliOptions): Format {
  if (options.format !== undefined) return parseChoice<Format>(options.format, "format", FORMATS);
  return options.output !== undefined && /\.html?$/i.test(options.output) ? "html" : "md";
}

export function registerExam(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("exam")
    .description(t("practice.exam.help"))
    .addHelpText("after", examplesHelp(t, "practice.exam.help.examples"))
    .option("--seed <n>", t("practice.exam.help.seed"))
    .option("--count <n>", t("practice.exam.help.count"))
    .addOption(new Option("--topic <id>", t("practice.exam.help.topic")).argParser(collect))
    .addOption(withListedValues(new Option("--format <format>", t("practice.exam.help.format")), FORMATS))
    .option("--answers", t("practice.exam.help.answers"))
    .option("--output <file>", t("practice.exam.help.output"));
  addCommonOptions(command, t, { json: false }).action((options: ExamCliOptions) =>
    runAction(context, options, async (ui) => {
      const quiz = await import("../quiz/index.js");
      const { resolveTopics } = await import("../practice/topics.js");
      const { DEFAULT_EXAM_COUNT, buildExam } = await import("../practice/exam.js");
      const { planProblems } = await import("../practice/plan.js");
      const format = chooseFormat(options);
      const count = options.count === undefined ? DEFAULT_EXAM_COUNT : parseCount(options.count);
      const seed = options.seed === undefined ? quiz.randomSeed() : quiz.parseSeed(options.seed, "seed");
      const topics = resolveTopics(options.topic ?? []);

      const again = [
        "cnn-drill exam",
        `--seed ${seed}`,
        `--count ${count}`,
        ...(options.topic ?? []).map((topic) => `--topic ${topic}`),
        `--lang ${ui.lang}`,
        ...(options.answers ? ["--answers"] : []),
      ].join(" ");
      const exam = await buildExam(planProblems(topics, count, seed, "exam"), { seed, lang: ui.lang, withAnswers: options.answers === true, command: again });
      const { renderExamHtml, renderExamMarkdown } = await import("../views/exam.js");
      const text = format === "html" ? renderExamHtml(exam, ui.t) : renderExamMarkdown(exam, ui.t);
      if (options.output === undefined) return { output: text };

      const { writeFileAtomic } = await import("../io/atomic-write.js");
      try {
        writeFileAtomic(options.output, text);
      } catch (error) {
        const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new InputError("output", "practice.exam.cannotWrite", { path: options.output, reason }, "practice.exam.cannotWriteHint");
      }
      return { output: `${ui.t("practice.exam.written", { file: options.output, count, seed, format })}\n` };
    }),
  );
}
