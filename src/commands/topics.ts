/** `cnn-drill topics`: every topic, numeric and choice. The quiz modules load only when it runs. */
import type { Command } from "commander";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

export function registerTopics(program: Command, context: CliContext): void {
  const { t } = context;
  const command = program.command("topics").description(t("quiz.topics.help"))
    .addHelpText("after", examplesHelp(t, "quiz.topics.help.examples"));
  addCommonOptions(command, t).action((options: CommonOptions) =>
    runAction(context, options, async (ui) => {
      const { listTopics } = await import("../quiz/index.js");
      const topics = listTopics();
      if (ui.json) {
        return { output: renderJson({ topics: topics.map((topic) => ({ id: topic.id, title: topic.title[ui.lang], kind: topic.kind, area: topic.area })) }) };
      }
      const { renderTopics } = await import("../views/quiz.js");
      return { output: renderTopics(topics, ui) };
    }),
  );
}
