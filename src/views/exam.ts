/**
 * A mock exam as Markdown or as one self-contained, print-friendly HTML page: inline CSS, no network,
 * grids as tables, a page break between questions and before the answer key, `lang` set and a font
 * stack that renders Korean.
 */
import type { Translate } from "../i18n/index.js";
import type { Exam, ExamQuestion } from "../practice/exam.js";
import { choiceLetter, flattenNested, shapeOfNested, type NestedNumbers } from "../quiz/answer.js";
import { givenParts, planesOf } from "./given.js";
import { gridLines } from "../render/grid.js";
import { element, escapeHtml, figures, grid, heading, htmlPage, join, paragraph, raw, type Markup } from "../render/html.js";

/** Planes of a nested answer: a number → 1×1, a list → one row, a matrix → itself, C×H×W → C planes. */
function answerPlanes(value: NestedNumbers): number[][][] {
  return planesOf(flattenNested(value), shapeOfNested(value));
}

function shapeText(shape: readonly number[]): string {
  return shape.join("×");
}

function answerFormText(question: ExamQuestion, t: Translate): string {
  const shape = question.answerShape ?? [];
  if (question.problem.kind === "choice") return t("practice.exam.answerChoice");
  if (shape.length === 0) return t("practice.exam.answerNumber");
  if (shape.length === 1) return t("practice.exam.answerList", { size: shape[0] });
  return t("practice.exam.answerShape", { shape: shapeText(shape) });
}

// ------------------------------------------------------------------------------------------ Markdown

function fence(lines: readonly string[]): string[] {
  return ["```text", ...lines, "```"];
}

export function renderExamMarkdown(exam: Exam, t: Translate): string {
  const out: string[] = [`# ${t("practice.exam.title")}`, ""];
  out.push(t("practice.exam.meta", { seed: exam.seed, count: exam.questions.length }), "", `\`${exam.command}\``, "");
  out.push(`> ${t("practice.exam.instructions")}`, "");
  out.push(`${t("practice.exam.name")}: ____________________ ${t("practice.exam.score")}: ______ / ${exam.questions.length}`, "");
  for (const question of exam.questions) {
    const { problem } = question;
    out.push("---", "", `## ${t("practice.exam.question", { n: question.number })} · ${question.title}`, "", `\`${problem.id}\``, "", problem.prompt, "");
    if (problem.kind === "choice") {
      (problem.choices ?? []).forEach((choice, i) => out.push(`- **${choiceLetter(i)})** ${choice}`));
      out.push("");
    } else if (problem.given !== undefined) {
      const parts = givenParts(problem.given, t, problem.command?.[1]);
      for (const part of parts.filter((p) => p.rows)) out.push(`**${part.label}**`, "", ...fence(gridLines(part.rows!)), "");
      const settings = parts.filter((p) => p.text).map((p) => p.text!);
      if (settings.length > 0) out.push(settings.join(", "), "");
    }
    out.push(`**${t("practice.exam.answer")}** (${answerFormText(question, t)}):`, "");
  }
  if (exam.withAnswers) {
    out.push('<div style="page-break-before: always"></div>', "", "---", "", `## ${t("practice.exam.key")}`, "");
    for (const question of exam.questions) {
      const answer = question.answer;
      if (answer === undefined) continue;
      out.push(`### ${question.number} · \`${question.problem.id}\``, "");
      if (answer.kind === "choice") {
        out.push(`**${answer.letter})** ${answer.text}`, "", answer.explanation, "");
      } else {
        out.push(...answerPlanes(answer.value).flatMap((plane) => [...fence(gridLines(plane)), ""]));
        out.push(`<details><summary>${t("practice.exam.worked")}</summary>`, "", ...fence(answer.solution.trimEnd().split("\n")), "", "</details>", "");
      }
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

// ---------------------------------------------------------------------------------------------- HTML

export { escapeHtml };

/** Empty boxes shaped like the answer, to write in. */
function blankTable(shape: readonly number[]): string {
  const planes = shape.length <= 2 ? 1 : shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const h = shape.length >= 2 ? shape[shape.length - 2] : 1;
  const w = shape.length >= 1 ? shape[shape.length - 1] : 1;
  const one = `<table class="grid blank"><tbody>${`<tr>${"<td></td>".repeat(w)}</tr>`.repeat(h)}</tbody></table>`;
  return Array.from({ length: planes }, () => one).join("");
}

/** The exam's own styles, after the kit's page styles (grids, formulas, legends): questions, answer boxes, the key. */
const EXAM_CSS = `
body { max-width: 48rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 0 0 .4rem; display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
h2 .number { display: inline-block; min-width: 1.8rem; padding: 0 .3rem; border: 2px solid var(--line); border-radius: .3rem; text-align: center; }
.id, .meta, .settings, .form { color: var(--muted); }
.id { font-family: "Noto Sans Mono CJK KR", "D2Coding", ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; font-weight: normal; }
.instructions { border-left: 4px solid var(--line); padding: .3rem .8rem; background: var(--soft); }
.fields { display: flex; gap: 2rem; margin: 1rem 0; }
.fields span { flex: 1; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
table.grid.blank td { min-width: 3.2rem; height: 2.6rem; }
table.grid + table.grid { margin-top: .5rem; }
.answer-space { margin-top: 1rem; }
ol.choices { list-style: none; padding-left: 0; }
ol.choices li { margin: .35rem 0; padding-left: 2rem; text-indent: -2rem; }
ol.choices li::before { content: "○ "; }
.question { padding-top: .5rem; }
.question + .question { break-before: page; page-break-before: always; }
.answer-key { break-before: page; page-break-before: always; }
.key { border-top: 1px solid #ccc; padding-top: .6rem; margin-top: .8rem; }
.key h3 { font-size: 1rem; margin: 0 0 .4rem; break-after: avoid; }
.worked { font-size: 10pt; }
.worked .worked-title { font-weight: bold; margin: .6rem 0 .3rem; }
.worked h2 { font-size: 1rem; margin: .8rem 0 .3rem; display: block; }
.worked h3 { font-size: .95rem; }
pre.solution { font-size: 8pt; line-height: 1.35; white-space: pre-wrap; background: var(--soft); padding: .6rem; border-radius: .3rem; }
@media screen { body { padding: 2rem 1.5rem 4rem; } .question, .answer-key { border-top: 2px dashed #ccc; margin-top: 2rem; padding-top: 1.5rem; } }
`.trim();

function questionHtml(question: ExamQuestion, t: Translate): Markup {
  const { problem } = question;
  const parts: (Markup | string)[] = [
    raw(`<h2><span class="number">${question.number}</span><span class="title">${escapeHtml(question.title)}</span><span class="id">${escapeHtml(problem.id)}</span></h2>`),
    paragraph(problem.prompt, "prompt"),
  ];
  if (problem.kind === "choice") {
    parts.push(raw(`<ol class="choices">${(problem.choices ?? []).map((choice, i) => `<li><b>${choiceLetter(i)})</b> ${escapeHtml(choice)}</li>`).join("")}</ol>`));
  } else if (problem.given !== undefined) {
    const given = givenParts(problem.given, t, problem.command?.[1]);
    const grids = given.filter((p) => p.rows).map((p) => grid(p.rows!, { caption: p.label }));
    if (grids.length > 0) parts.push(figures(...grids));
    const settings = given.filter((p) => p.text).map((p) => p.text!);
    if (settings.length > 0) parts.push(paragraph(settings.join(", "), "settings"));
  }
  const form = raw(`<p class="form"><b>${escapeHtml(t("practice.exam.answer"))}</b> (${escapeHtml(answerFormText(question, t))})</p>`);
  parts.push(element("div", { class: "answer-space" }, form, raw(problem.kind === "numeric" ? blankTable(question.answerShape ?? []) : "")));
  return element("section", { class: "question", id: `q${question.number}` }, ...parts);
}

function keyHtml(question: ExamQuestion, t: Translate): Markup {
  const answer = question.answer;
  if (answer === undefined) return raw("");
  const parts: Markup[] = [raw(`<h3>${question.number} · <span class="id">${escapeHtml(question.problem.id)}</span></h3>`)];
  if (answer.kind === "choice") {
    parts.push(raw(`<p><b>${answer.letter})</b> ${escapeHtml(answer.text)}</p>`), paragraph(answer.explanation, "explanation"));
  } else {
    parts.push(figures(...answerPlanes(answer.value).map((plane) => grid(plane))));
    parts.push(paragraph(t("practice.exam.worked"), "form"));
    // A calculator without a typeset answer yet keeps its text answer (never the case for the six here).
    const worked = answer.typeset === undefined
      ? raw(`<pre class="solution">${escapeHtml(answer.solution.trimEnd())}</pre>`)
      : element("div", { class: "worked" }, paragraph(answer.typeset.title, "worked-title"), answer.typeset.body);
    parts.push(worked);
  }
  return element("article", { class: "key", id: `key${question.number}` }, ...parts);
}

export function renderExamHtml(exam: Exam, t: Translate): string {
  const title = t("practice.exam.title");
  const body: Markup[] = [
    raw([
      `<header>`,
      `<h1>${escapeHtml(title)}</h1>`,
      `<p class="meta">${escapeHtml(t("practice.exam.meta", { seed: exam.seed, count: exam.questions.length }))} <code>${escapeHtml(exam.command)}</code></p>`,
      `<p class="instructions">${escapeHtml(t("practice.exam.instructions"))}</p>`,
      `<div class="fields"><span>${escapeHtml(t("practice.exam.name"))}:</span><span>${escapeHtml(t("practice.exam.score"))}: &nbsp;&nbsp;&nbsp;&nbsp; / ${exam.questions.length}</span></div>`,
      `</header>`,
    ].join("\n")),
    element("main", {}, join(exam.questions.map((question) => questionHtml(question, t)), "\n")),
  ];
  if (exam.withAnswers) {
    body.push(element("section", { class: "answer-key", id: "answer-key" }, heading(2, t("practice.exam.key")), join(exam.questions.map((question) => keyHtml(question, t)), "\n")));
  }
  return htmlPage({ lang: exam.lang, title: `${title} · seed ${exam.seed}`, body: join(body, "\n"), css: EXAM_CSS });
}
