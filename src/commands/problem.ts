/** `cnn-drill problem [ID] [--topic T] [--seed N]`: one reproducible problem (id `topic@seed`). */
import type { Command } from "commander";
import { InputError } from "../engine/errors.js";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

interface ProblemCliOptions extends CommonOptions {
  topic?: string;
  seed?: string;
}

export function registerProblem(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program
    .command("problem")
    .description(t("quiz.problem.help"))
    .addHelpText("after", examplesHelp(t, "quiz.problem.help.examples"))
    .argument("[id]", t("quiz.problem.help.id"))
    .option("--topic <id>", t("quiz.problem.help.topic"))
    .option("--seed <n>", t("quiz.problem.help.seed"));
  addCommonOptions(command, t).action((id: string | undefined, options: ProblemCliOptions) =>
    runAction(context, options, async (ui) => {
      const quiz = await import("../quiz/index.js");
      let topic = options.topic === undefined ? undefined : quiz.requireTopic(options.topic, "topic");
      let seed = options.seed === undefined ? undefined : quiz.parseSeed(options.seed, "seed");
      if (id !== undefined) {
        const ref = id.includes("@") ? quiz.parseProblemId(id, undefined) : { topic: quiz.requireTopic(id, undefined), seed: undefined };
        if (topic !== undefined && topic !== ref.topic) throw new InputError("topic", "quiz.topicConflict", { idTopic: ref.topic, topic });
        if (seed !== undefined && ref.seed !== undefined && seed !== ref.seed) throw new InputError("seed", "quiz.seedConflict", { idSeed: ref.seed, seed });
        topic = ref.topic;
        seed = ref.seed ?? seed;
      }
      const ref = quiz.pickProblemRef(topic, seed);
      const problem = await quiz.generateProblem(ref.topic, ref.seed, ui.lang);
      const title = quiz.topicTitle(problem.topic, ui.lang);
      if (ui.json) return { output: renderJson({ ...problem, title }) };
      const { renderProblem } = await import("../views/quiz.js");
      return { output: renderProblem(problem, title, ui) };
    }),
  );
}
