/** How a practice session looks as it runs: the problem, a right line, or the diff, hints, choices and the worked solution. */
import { messageOrText } from "../i18n/index.js";
import { flattenNested, shapeOfNested, type NestedNumbers } from "../quiz/answer.js";
import { GIVE_UP, HINT, type SessionView } from "../practice/session.js";
import { topicTitle } from "../quiz/index.js";
import { gridLines } from "../render/grid.js";
import { formatNumber } from "../render/number.js";
import { planesOf } from "./given.js";
import { givenLines, renderCheck, wrapText, type QuizTextContext } from "./quiz.js";

/**
 * The asked quantity's name (`∂L/∂a`, `output size`…): the calculator's own (`conv`'s output is s,
 * `pool`'s is y), else the common one, else its key when the catalogue has no name for it.
 */
function askedName(ask: string | undefined, context: QuizTextContext, calculator: string | undefined): string {
  if (ask === undefined) return "";
  const common = messageOrText(context.t, `practice.ask.${ask}`, ask);
  return calculator === undefined ? common : messageOrText(context.t, `practice.ask.${calculator}.${ask}`, common);
}

/** The right value: a number on the line, a matrix (or its channels) as grids below. */
function valueLines(value: NestedNumbers): string[] {
  const shape = shapeOfNested(value);
  if (shape.length === 0) return [formatNumber(value as number)];
  if (shape.length === 1) return [(value as number[]).map(formatNumber).join("  ")];
  const planes = planesOf(flattenNested(value), shape);
  return planes.flatMap((plane, p) => [...(p > 0 ? [""] : []), ...gridLines(plane).map((line) => `  ${line}`)]);
}

/** `width`: the terminal's columns, for wrapping prose (grids and worked solutions keep their own layout). */
export function sessionView(context: QuizTextContext, width = 88): SessionView {
  const { t, palette, lang } = context;
  let keysShown = false;
  return {
    problem(problem, index, total) {
      const lines = [
        "",
        palette.heading(t("practice.quiz.problemHeading", { n: index + 1, total, id: problem.id })),
        palette.dim(topicTitle(problem.topic, lang)),
        "",
        ...wrapText(problem.prompt, width),
      ];
      if (problem.kind === "numeric" && problem.given !== undefined) lines.push("", ...givenLines(problem.given, context, problem.command?.[1]));
      if (problem.kind === "numeric") {
        lines.push("", ...wrapText(t("practice.quiz.answerForm", { form: t(`quiz.answerForm.${problem.answerForm}`) }), width).map((line) => palette.dim(line)));
        // The keys are explained on the first numeric problem only.
        if (!keysShown) lines.push(...wrapText(t("practice.quiz.keys", { hint: HINT, giveUp: GIVE_UP }), width).map((line) => palette.dim(line)));
        keysShown = true;
      }
      return `${lines.join("\n")}\n`;
    },
    right: (seconds) => `${palette.correct(t("practice.quiz.right", { seconds }))}\n`,
    // Which cells are wrong, not their right values: the student may try again; the solution shows them.
    wrong: (outcome, diagnosis) => (outcome === undefined ? "" : `\n${renderCheck(outcome, undefined, context, diagnosis, { revealExpected: false })}`),
    solution(problem, expected, solution) {
      const name = askedName(problem.ask, context, problem.command?.[1]);
      const answer = expected === undefined ? [] : valueLines(expected as NestedNumbers);
      const head = answer.length === 1 ? [palette.result(`${t("practice.solution.answer", { name })} ${answer[0]}`)] : [palette.result(t("practice.solution.answer", { name })), ...answer];
      return `\n${head.join("\n")}\n\n${palette.heading(t("quiz.check.solution"))}\n\n${solution}`;
    },
    hint: (text, level, levels) => (text === undefined
      ? `${palette.dim(t("practice.hint.none"))}\n`
      : `\n${palette.heading(t("practice.hint.heading", { level, levels }))}\n${text.split("\n").flatMap((line) => (line.startsWith(" ") ? [line] : wrapText(line, width))).join("\n")}\n\n`),
    answerPrompt(problem, expected) {
      const name = askedName(problem.ask, context, problem.command?.[1]);
      const shape = expected === undefined ? [] : shapeOfNested(expected as NestedNumbers);
      return shape.length === 0 ? t("practice.quiz.answerPromptNumber", { name }) : t("practice.quiz.answerPromptShape", { name, shape: shape.join("×") });
    },
    nextActions: (actions) => actions.map((action) => ({ name: t(`practice.next.${action}`), value: action })),
    nextMessage: t("practice.next.message"),
    pauseMessage: t("practice.pause"),
  };
}
