/** Human output of the quiz commands: the topic list, a problem, and a checked answer. */
import type { Lang, Translate } from "../i18n/index.js";
import { choiceLetter } from "../quiz/answer.js";
import type { CheckOutcome, ChoiceCheck, NumericCheck } from "../quiz/check.js";
import type { QuizProblem } from "../quiz/problem.js";
import type { GivenValue, Topic } from "../quiz/types.js";
import type { Palette } from "../render/colour.js";
import { givenParts, planesOf } from "./given.js";
import { gridLines } from "../render/grid.js";
import { arrangeBlocks, visibleWidth, type Block } from "../render/layout.js";
import { formatNumber } from "../render/number.js";
import { renderTable } from "../render/table.js";

export interface QuizTextContext {
  t: Translate;
  palette: Palette;
  lang: Lang;
}

const RIGHT = "✓";
const WRONG = "✗";

/** Greedy word wrap by display width (Hangul counts two columns). */
export function wrapText(text: string, width = 88): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line !== "" && visibleWidth(line) + 1 + visibleWidth(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

export function renderTopics(topics: readonly Topic[], { t, palette, lang }: QuizTextContext): string {
  const rows = topics.map((topic) => [topic.id, t(`quiz.kind.${topic.kind}`), topic.title[lang]]);
  const table = renderTable([t("quiz.topics.id"), t("quiz.topics.kind"), t("quiz.topics.title")], rows, palette, ["left", "left", "left"]);
  const example = topics.find((topic) => topic.kind === "numeric")?.id ?? topics[0]?.id ?? "";
  return `${palette.heading(t("quiz.topics.heading"))}\n${table}\n${palette.dim(t("quiz.topics.footer", { example }))}\n`;
}

/** The given matrices side by side, then the other given values on one line. */
export function givenLines(given: Record<string, GivenValue>, { t, palette }: QuizTextContext, calculator?: string): string[] {
  const parts = givenParts(given, t, calculator);
  const blocks: Block[] = parts.flatMap((part) => (part.rows ? [{ title: part.label, lines: gridLines(part.rows) }] : []));
  const settings = parts.flatMap((part) => (part.text !== undefined ? [part.text] : []));
  const lines = blocks.length > 0 ? arrangeBlocks(blocks) : [];
  if (settings.length > 0) lines.push(...(lines.length > 0 ? [""] : []), palette.dim(settings.join(", ")));
  return lines;
}

/** The problem: heading, prompt, given values (or the choices), and the exact check command. */
export function renderProblem(problem: QuizProblem, title: string, context: QuizTextContext): string {
  const { t, palette } = context;
  const lines = [palette.heading(t("quiz.problem.heading", { id: problem.id })), palette.dim(t("quiz.problem.topic", { title })), ""];
  lines.push(...wrapText(problem.prompt), "");
  if (problem.kind === "choice") {
    (problem.choices ?? []).forEach((choice, i) => {
      const [first, ...rest] = wrapText(choice, 84);
      lines.push(`  ${choiceLetter(i)}) ${first}`, ...rest.map((line) => `     ${line}`));
    });
  } else if (problem.given !== undefined) {
    const given = givenLines(problem.given, context, problem.command?.[1]);
    if (given.length === 0) lines.pop();
    lines.push(...given);
  }
  const count = problem.choices?.length ?? 0;
  const form = problem.kind === "choice" ? t("quiz.answerForm.choiceRange", { last: choiceLetter(count - 1), count }) : t(`quiz.answerForm.${problem.answerForm}`);
  lines.push("", `${t("quiz.problem.answerWith")} ${palette.dim(form)}`);
  lines.push(`  ${palette.highlight(`cnn-drill check ${problem.id} --answer "…"`)}`);
  return `${lines.join("\n")}\n`;
}

function cellText(value: number, right: boolean): string {
  return `${formatNumber(value)} ${right ? RIGHT : WRONG}`;
}

/** `revealExpected`: show the right values of the wrong cells (not while the student may still try again). */
function numericLines(outcome: NumericCheck, { t, palette }: QuizTextContext, revealExpected = true): string[] {
  const right = outcome.cells.filter(Boolean).length;
  const total = outcome.cells.length;
  const lines: string[] = [];
  if (outcome.correct) lines.push(palette.correct(t("quiz.check.right")));
  else if (outcome.marks !== undefined) lines.push(palette.wrong(t("quiz.check.partlyMask", { ...outcome.marks, percent: Math.round(outcome.score * 100) })));
  else if (total > 1) lines.push(palette.wrong(t("quiz.check.partly", { right, total, percent: Math.round(outcome.score * 100) })));
  else lines.push(palette.wrong(t("quiz.check.wrong")));
  lines.push("");

  const answerPlanes = planesOf(outcome.answer, outcome.shape);
  const expectedPlanes = planesOf(outcome.expectedValues, outcome.shape);
  const marks = planesOf(outcome.cells.map((cell) => (cell ? 1 : 0)), outcome.shape);
  const blocks: Block[] = [];
  answerPlanes.forEach((plane, p) => {
    const suffix = answerPlanes.length > 1 ? ` — ${t("quiz.given.channel", { c: p + 1 })}` : "";
    const isRight = (i: number, j: number) => marks[p][i][j] === 1;
    blocks.push({
      title: `${t("quiz.check.yourAnswer")}${suffix}`,
      lines: gridLines(plane, {
        text: (value, i, j) => cellText(value, isRight(i, j)),
        style: (text, i, j) => (isRight(i, j) ? palette.correct(text) : palette.wrong(text)),
      }),
    });
    if (!outcome.correct && revealExpected) {
      blocks.push({
        title: `${t("quiz.check.expected")}${suffix}`,
        lines: gridLines(expectedPlanes[p], {
          text: (value, i, j) => (isRight(i, j) ? "·" : formatNumber(value)),
          style: (text, i, j) => (isRight(i, j) ? palette.dim(text) : palette.result(text)),
        }),
      });
    }
  });
  lines.push(...arrangeBlocks(blocks));
  if (!outcome.correct) lines.push("", palette.dim(t("quiz.check.legend")));
  return lines;
}

function choiceLines(outcome: ChoiceCheck, { t, palette }: QuizTextContext): string[] {
  const label = (index: number) => `${choiceLetter(index)}) ${outcome.choices[index]}`;
  const lines = [outcome.correct ? palette.correct(t("quiz.check.right")) : palette.wrong(t("quiz.check.wrong")), ""];
  if (!outcome.correct) lines.push(...wrapText(t("quiz.check.youChose", { choice: label(outcome.chosen) })).map((line) => palette.wrong(line)));
  lines.push(...wrapText(t("quiz.check.rightChoice", { choice: label(outcome.answerIndex) })).map((line) => palette.correct(line)));
  lines.push("", palette.heading(t("quiz.check.why")), ...wrapText(outcome.explanation));
  return lines;
}

/** Each recognised mistake on its own line(s), after the verdict and before the grid; none for an empty list. */
function diagnosisLines(diagnosis: readonly string[], { t, palette }: QuizTextContext): string[] {
  if (diagnosis.length === 0) return [];
  const title = `${t("tutor.mistakeTitle")}: `;
  const lines = diagnosis.flatMap((message) => {
    const [first, ...rest] = wrapText(`${title}${message}`);
    return [`${palette.wrong(title.trimEnd())} ${first.slice(title.length)}`, ...rest];
  });
  return [...lines, ""];
}

/**
 * The checked answer; `diagnosis` (the messages of recognised mistakes) comes right after the verdict,
 * and `solution` (the calculator's worked answer) follows when given.
 */
export function renderCheck(outcome: CheckOutcome, solution: string | undefined, context: QuizTextContext, diagnosis: readonly string[] = [], { revealExpected = true } = {}): string {
  const lines = outcome.kind === "numeric" ? numericLines(outcome, context, revealExpected) : choiceLines(outcome, context);
  // The verdict and its blank line stay first; the diagnosis sits between them and the grid.
  lines.splice(2, 0, ...diagnosisLines(diagnosis, context));
  let text = `${lines.join("\n")}\n`;
  if (solution !== undefined) text += `\n${context.palette.heading(context.t("quiz.check.solution"))}\n\n${solution}`;
  return text;
}

/** One staged hint: its heading, its text, and the command of the next hint (or of checking, after the last). */
export function renderHint(hint: { id: string; level: number; levels: number; text: string }, { t, palette }: QuizTextContext): string {
  const lines = [palette.heading(t("hint.heading", { level: hint.level, levels: hint.levels, id: hint.id })), ""];
  // Hints may hold aligned matrix lines: wrap prose lines only, keep indented lines as they are.
  for (const line of hint.text.split("\n")) lines.push(...(line.startsWith(" ") || line === "" ? [line] : wrapText(line)));
  const next = hint.level < hint.levels
    ? t("hint.next", { command: palette.highlight(`cnn-drill hint ${hint.id} --level ${hint.level + 1}`) })
    : t("hint.last", { command: palette.highlight(`cnn-drill check ${hint.id} --answer "…"`) });
  lines.push("", palette.dim(next));
  return `${lines.join("\n")}\n`;
}
