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
import { formatNumber } from "../render/number.js";

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

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function gridTable(rows: readonly (readonly number[])[], className = "grid"): string {
  const body = rows.map((row) => `<tr>${row.map((value) => `<td>${escapeHtml(formatNumber(value))}</td>`).join("")}</tr>`).join("");
  return `<table class="${className}"><tbody>${body}</tbody></table>`;
}

/** Empty boxes shaped like the answer, to write in. */
function blankTable(shape: readonly number[]): string {
  const planes = shape.length <= 2 ? 1 : shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const h = shape.length >= 2 ? shape[shape.length - 2] : 1;
  const w = shape.length >= 1 ? shape[shape.length - 1] : 1;
  const one = `<table class="grid blank"><tbody>${`<tr>${"<td></td>".repeat(w)}</tr>`.repeat(h)}</tbody></table>`;
  return Array.from({ length: planes }, () => one).join("");
}

const CSS = `
:root { --ink: #111; --muted: #555; --line: #333; --soft: #f3f3f3; }
* { box-sizing: border-box; }
html { color: var(--ink); background: #fff; }
body {
  margin: 0 auto; max-width: 48rem; padding: 1.5rem;
  font-family: "Noto Sans KR", "Noto Sans CJK KR", "Source Han Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", system-ui, sans-serif;
  font-size: 11pt; line-height: 1.5; word-break: keep-all; overflow-wrap: break-word;
}
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 0 0 .4rem; display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
h2 .number { display: inline-block; min-width: 1.8rem; padding: 0 .3rem; border: 2px solid var(--line); border-radius: .3rem; text-align: center; }
.id, .meta, .settings, .form { color: var(--muted); }
.id { font-family: "Noto Sans Mono CJK KR", "D2Coding", ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; font-weight: normal; }
.instructions { border-left: 4px solid var(--line); padding: .3rem .8rem; background: var(--soft); }
.fields { display: flex; gap: 2rem; margin: 1rem 0; }
.fields span { flex: 1; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.given { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; margin: .6rem 0; }
figure { margin: 0; }
figcaption { font-size: .9rem; color: var(--muted); margin-bottom: .2rem; }
table.grid { border-collapse: collapse; font-family: "Noto Sans Mono CJK KR", "D2Coding", ui-monospace, "DejaVu Sans Mono", monospace; font-variant-numeric: tabular-nums; }
table.grid td { border: 1px solid var(--line); min-width: 2.4rem; height: 1.9rem; padding: .1rem .45rem; text-align: right; }
table.grid.blank td { min-width: 3.2rem; height: 2.6rem; }
table.grid + table.grid { margin-top: .5rem; }
.answer-space { margin-top: 1rem; }
ol.choices { list-style: none; padding-left: 0; }
ol.choices li { margin: .35rem 0; padding-left: 2rem; text-indent: -2rem; }
ol.choices li::before { content: "○ "; }
.question { padding-top: .5rem; }
.question + .question { break-before: page; page-break-before: always; }
.answer-key { break-before: page; page-break-before: always; }
.key { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid #ccc; padding-top: .6rem; margin-top: .8rem; }
.key h3 { font-size: 1rem; margin: 0 0 .4rem; }
pre.solution { font-family: "Noto Sans Mono CJK KR", "D2Coding", ui-monospace, "DejaVu Sans Mono", monospace; font-size: 8pt; line-height: 1.35; white-space: pre-wrap; background: var(--soft); padding: .6rem; border-radius: .3rem; }
@page { size: A4; margin: 16mm 14mm; }
@media screen { body { padding: 2rem 1.5rem 4rem; } .question, .answer-key { border-top: 2px dashed #ccc; margin-top: 2rem; padding-top: 1.5rem; } }
@media print { body { max-width: none; padding: 0; } }
`.trim();

function questionHtml(question: ExamQuestion, t: Translate): string {
  const { problem } = question;
  const parts: string[] = [
    `<section class="question" id="q${question.number}">`,
    `<h2><span class="number">${question.number}</span><span class="title">${escapeHtml(question.title)}</span><span class="id">${escapeHtml(problem.id)}</span></h2>`,
    `<p class="prompt">${escapeHtml(problem.prompt)}</p>`,
  ];
  if (problem.kind === "choice") {
    parts.push(`<ol class="choices">${(problem.choices ?? []).map((choice, i) => `<li><b>${choiceLetter(i)})</b> ${escapeHtml(choice)}</li>`).join("")}</ol>`);
  } else if (problem.given !== undefined) {
    const given = givenParts(problem.given, t, problem.command?.[1]);
    const grids = given.filter((p) => p.rows).map((p) => `<figure><figcaption>${escapeHtml(p.label)}</figcaption>${gridTable(p.rows!)}</figure>`);
    if (grids.length > 0) parts.push(`<div class="given">${grids.join("")}</div>`);
    const settings = given.filter((p) => p.text).map((p) => escapeHtml(p.text!));
    if (settings.length > 0) parts.push(`<p class="settings">${settings.join(", ")}</p>`);
  }
  parts.push(`<div class="answer-space"><p class="form"><b>${escapeHtml(t("practice.exam.answer"))}</b> (${escapeHtml(answerFormText(question, t))})</p>`);
  if (problem.kind === "numeric") parts.push(blankTable(question.answerShape ?? []));
  parts.push(`</div>`, `</section>`);
  return parts.join("\n");
}

function keyHtml(question: ExamQuestion, t: Translate): string {
  const answer = question.answer;
  if (answer === undefined) return "";
  const parts = [`<article class="key" id="key${question.number}">`, `<h3>${question.number} · <span class="id">${escapeHtml(question.problem.id)}</span></h3>`];
  if (answer.kind === "choice") {
    parts.push(`<p><b>${answer.letter})</b> ${escapeHtml(answer.text)}</p>`, `<p class="explanation">${escapeHtml(answer.explanation)}</p>`);
  } else {
    parts.push(answerPlanes(answer.value).map((plane) => gridTable(plane, "grid answer")).join(""));
    parts.push(`<p class="form">${escapeHtml(t("practice.exam.worked"))}</p>`, `<pre class="solution">${escapeHtml(answer.solution.trimEnd())}</pre>`);
  }
  parts.push(`</article>`);
  return parts.join("\n");
}

export function renderExamHtml(exam: Exam, t: Translate): string {
  const title = t("practice.exam.title");
  const body: string[] = [
    `<header>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(t("practice.exam.meta", { seed: exam.seed, count: exam.questions.length }))} <code>${escapeHtml(exam.command)}</code></p>`,
    `<p class="instructions">${escapeHtml(t("practice.exam.instructions"))}</p>`,
    `<div class="fields"><span>${escapeHtml(t("practice.exam.name"))}:</span><span>${escapeHtml(t("practice.exam.score"))}: &nbsp;&nbsp;&nbsp;&nbsp; / ${exam.questions.length}</span></div>`,
    `</header>`,
    `<main>`,
    ...exam.questions.map((question) => questionHtml(question, t)),
    `</main>`,
  ];
  if (exam.withAnswers) {
    body.push(`<section class="answer-key" id="answer-key">`, `<h2>${escapeHtml(t("practice.exam.key"))}</h2>`, ...exam.questions.map((question) => keyHtml(question, t)), `</section>`);
  }
  return [
    "<!DOCTYPE html>",
    `<html lang="${exam.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="cnn-drill">`,
    `<title>${escapeHtml(`${title} · seed ${exam.seed}`)}</title>`,
    `<style>\n${CSS}\n</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
