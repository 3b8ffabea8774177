/** How a practice session looks as it runs: the problem, then a right line or the diff and worked solution. */
import { GIVE_UP, type SessionView } from "../practice/session.js";
import { topicTitle } from "../quiz/index.js";
import { givenLines, renderCheck, wrapText, type QuizTextContext } from "./quiz.js";

export function sessionView(context: QuizTextContext): SessionView {
  const { t, palette, lang } = context;
  return {
    problem(problem, index, total) {
      const lines = [
        "",
        palette.heading(t("practice.quiz.problemHeading", { n: index + 1, total, id: problem.id })),
        palette.dim(topicTitle(problem.topic, lang)),
        "",
        ...wrapText(problem.prompt),
      ];
      if (problem.kind === "numeric" && problem.given !== undefined) lines.push("", ...givenLines(problem.given, context, problem.command?.[1]));
      if (problem.kind === "numeric") lines.push("", ...wrapText(t("practice.quiz.answerHint", { form: t(`quiz.answerForm.${problem.answerForm}`), giveUp: GIVE_UP })).map((line) => palette.dim(line)));
      return `${lines.join("\n")}\n`;
    },
    right: (seconds) => `${palette.correct(t("practice.quiz.right", { seconds }))}\n`,
    wrong: (outcome, solution) => outcome !== undefined
      ? `\n${renderCheck(outcome, solution, context)}`
      : `\n${palette.heading(t("quiz.check.solution"))}\n\n${solution ?? ""}`,
  };
}
