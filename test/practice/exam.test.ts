/**
 * `cnn-drill exam`: reproducible (same seed ⇒ same exam), a correct answer key (checked by the quiz
 * checker), Markdown and self-contained HTML, every input error, and a real browser: headless Chromium
 * renders the page, prints it to PDF (one page per question, the key on its own pages, a Korean font
 * embedded for --lang ko) and takes a screenshot.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { temporaryFolders } from "../helpers/temp.js";
import { buildExam } from "../../src/practice/exam.js";
import { planProblems } from "../../src/practice/plan.js";
import { resolveTopics } from "../../src/practice/topics.js";
import { checkAnswer } from "../../src/quiz/index.js";
import { translator } from "../../src/i18n/index.js";
import { escapeHtml, renderExamHtml, renderExamMarkdown } from "../../src/views/exam.js";
import { runBuilt, runInProcess } from "../helpers/cli.js";

const { made } = temporaryFolders();

const tempDir = () => made(mkdtempSync(join(tmpdir(), "cnn-drill-exam-")));

describe("exam is reproducible", () => {
  for (const format of ["md", "html"]) {
    it(`--format ${format}: the same seed gives the same exam, another seed another`, async () => {
      const a = await runInProcess(["exam", "--seed", "17", "--count", "5", "--format", format, "--answers"]);
      const b = await runInProcess(["exam", "--seed", "17", "--count", "5", "--format", format, "--answers"]);
      const c = await runInProcess(["exam", "--seed", "18", "--count", "5", "--format", format, "--answers"]);
      expect(a.exitCode).toBe(0);
      expect(a.stderr).toBe("");
      expect(b.stdout).toBe(a.stdout);
      expect(c.stdout).not.toBe(a.stdout);
    });
  }

  it("the built command gives the same bytes as in-process (seed 4, --topic conv)", async () => {
    const built = runBuilt(["exam", "--seed", "4", "--topic", "conv", "--count", "3"]);
    const inProcess = await runInProcess(["exam", "--seed", "4", "--topic", "conv", "--count", "3"]);
    expect(built.exitCode).toBe(0);
    expect(built.stdout).toBe(inProcess.stdout);
  });

  it("without --seed, the seed used is printed with the command that gives the exam again", async () => {
    const result = await runInProcess(["exam", "--count", "2"]);
    const seed = /Seed (\d+) · 2 questions/.exec(result.stdout)?.[1];
    expect(seed).toBeDefined();
    expect(result.stdout).toContain(`\`cnn-drill exam --seed ${seed} --count 2 --lang en\``);
    const again = await runInProcess(["exam", "--seed", seed!, "--count", "2"]);
    expect(again.stdout).toBe(result.stdout);
  });
});

describe("the answer key is right", () => {
  it("seed 9, 10 questions over every topic: each key answer passes the checker", async () => {
    const refs = planProblems(resolveTopics([]), 10, 9, "exam");
    const exam = await buildExam(refs, { seed: 9, lang: "en", withAnswers: true, command: "x" });
    expect(exam.questions).toHaveLength(10);
    for (const question of exam.questions) {
      const answer = question.answer!;
      const text = answer.kind === "choice" ? answer.letter : JSON.stringify(answer.value);
      const outcome = await checkAnswer(question.problem, text, "en");
      expect(outcome.correct, question.problem.id).toBe(true);
      if (answer.kind === "numeric") expect(answer.solution.length).toBeGreaterThan(20);
    }
  });

  it("every topic × seeds 1–3, in English and Korean: the key passes the checker and both formats render", async () => {
    const refs = resolveTopics([]).flatMap((topic) => [1, 2, 3].map((seed) => ({ topic, seed })));
    for (const lang of ["en", "ko"] as const) {
      const exam = await buildExam(refs, { seed: 1, lang, withAnswers: true, command: "x" });
      expect(renderExamHtml(exam, translator(lang))).toContain("</html>");
      expect(renderExamMarkdown(exam, translator(lang))).toContain(lang === "en" ? "## Answer key" : "## 정답지");
      for (const question of exam.questions) {
        const answer = question.answer!;
        const outcome = await checkAnswer(question.problem, answer.kind === "choice" ? answer.letter : JSON.stringify(answer.value), lang);
        expect(outcome.correct, `${lang} ${question.problem.id}`).toBe(true);
      }
    }
  });

  it("Markdown: each question, then the key after a page break, with worked solutions", async () => {
    const result = await runInProcess(["exam", "--seed", "5", "--count", "3", "--topic", "conv", "--answers"]);
    const text = result.stdout;
    expect(text).toMatch(/^# Mock exam: convolution, pooling and perceptrons\n/);
    expect(text.match(/^## Question \d/gm)).toHaveLength(3);
    const key = text.indexOf("## Answer key");
    expect(key).toBeGreaterThan(text.lastIndexOf("## Question"));
    expect(text.slice(0, key)).toContain('<div style="page-break-before: always"></div>');
    expect(text.slice(key).match(/^### \d · `conv\.[a-z-]+@\d+`/gm)).toHaveLength(3);
    expect(text.slice(key)).toContain("<summary>Worked solution</summary>");
  });

  it("without --answers there is no key", async () => {
    const result = await runInProcess(["exam", "--seed", "5", "--count", "3"]);
    expect(result.stdout).not.toContain("Answer key");
  });
});

describe("HTML page", () => {
  async function html(args: string[]): Promise<string> {
    const result = await runInProcess(["exam", "--format", "html", ...args]);
    expect(result.exitCode).toBe(0);
    return result.stdout;
  }

  it("is self-contained: inline CSS, no scripts, links, images or URLs", async () => {
    const page = await html(["--seed", "3", "--count", "4", "--answers"]);
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain("<style>");
    expect(page).not.toMatch(/<script|<link|<img|<iframe|url\(|https?:\/\/|@import/i);
  });

  it("has the print rules: a page break between questions and before the key", async () => {
    const page = await html(["--seed", "3", "--count", "2"]);
    expect(page).toContain(".question + .question { break-before: page; page-break-before: always; }");
    expect(page).toContain(".answer-key { break-before: page; page-break-before: always; }");
    expect(page).toContain("@page { size: A4;");
  });

  it("grids are tables; numeric questions get blank answer boxes shaped like the answer", async () => {
    const page = await html(["--seed", "5", "--count", "2", "--topic", "conv.forward"]);
    expect(page.match(/<section class="question"/g)).toHaveLength(2);
    expect(page).toContain('<table class="grid"><tbody><tr><td>');
    expect(page).toMatch(/<table class="grid blank"><tbody>(<tr>(<td><\/td>)+<\/tr>)+<\/tbody><\/table>/);
  });

  it("--lang ko: lang attribute, Korean text and a Korean font stack", async () => {
    const page = await html(["--seed", "3", "--count", "2", "--lang", "ko"]);
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain("모의고사: 합성곱, 풀링, 퍼셉트론");
    expect(page).toContain('"Noto Sans CJK KR"');
    expect(page).toContain("word-break: keep-all");
  });

  it("escapes text", () => {
    expect(escapeHtml(`<b>"a" & 'b'</b>`)).toBe("&lt;b&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/b&gt;");
  });
});

describe("--output", () => {
  it("writes the file, says so on stdout, and picks html from the .html extension", () => {
    const dir = tempDir();
    const file = join(dir, "mock.html");
    const result = runBuilt(["exam", "--seed", "2", "--count", "2", "--output", file]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`Wrote a 2-question exam (seed 2, html) to ${file}\n`);
    expect(readFileSync(file, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("writes Markdown to a .md file", () => {
    const file = join(tempDir(), "mock.md");
    expect(runBuilt(["exam", "--seed", "2", "--count", "2", "--output", file]).exitCode).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^# Mock exam/);
  });
});

describe("exam input errors", () => {
  const cases: [string, string[], string][] = [
    ["the format is unknown", ["--format", "pdf"], 'error: --format: "pdf" is not one of md, html'],
    ["the count is 0", ["--count", "0"], 'error: --count: "0" must be a whole number of at least 1'],
    ["the count is above 100", ["--count", "500"], 'error: --count: "500" is more than 100 problems'],
    ["the seed is not a number", ["--seed", "abc"], 'error: --seed: "abc" is not a seed'],
    ["a topic is unknown", ["--topic", "conv", "--topic", "nope"], 'error: --topic: unknown topic or area "nope"'],
    ["the output folder does not exist", ["--output", "/nonexistent-dir/x.md"], 'error: --output: cannot write "/nonexistent-dir/x.md": ENOENT'],
  ];
  for (const [name, args, message] of cases) {
    it(`throws when ${name}: exit 2, nothing on stdout`, async () => {
      const result = await runInProcess(["exam", "--seed", "1", ...args]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
    });
  }
});

// ------------------------------------------------------------------------------------ a real browser

function findChromium(): string | undefined {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0) return found.stdout.trim();
  }
  return undefined;
}

const chromium = findChromium();
if (chromium === undefined) {
  console.warn("practice-exam: SKIPPING the browser test: chromium is not installed (Debian: apt-get install -y chromium fonts-noto-cjk)");
}

function headless(args: string[]): { stdout: string; status: number | null } {
  const profile = made(mkdtempSync(join(tmpdir(), "cnn-drill-chromium-")));
  const result = spawnSync(
    chromium!,
    ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${profile}`, ...args],
    { encoding: "utf8", timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { stdout: result.stdout, status: result.status };
}

/** Pages in a PDF: the page objects (`/Type /Page`, not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

function pdfFontNames(pdf: Buffer): string[] {
  return [...pdf.toString("latin1").matchAll(/\/(?:FontName|BaseFont)\s*\/[A-Z]{6}\+([^\s/]+)/g)].map((m) => m[1]);
}

describe.skipIf(chromium === undefined)("in headless Chromium (skipped when chromium is not installed)", () => {
  const dir = tempDir();
  const file = join(dir, "exam.html");
  const count = 3;

  it("renders the page: questions, grids, answer key and Korean text are in the DOM", () => {
    expect(runBuilt(["exam", "--seed", "5", "--count", String(count), "--topic", "conv", "--answers", "--lang", "ko", "--output", file]).exitCode).toBe(0);
    const { stdout: dom, status } = headless(["--dump-dom", pathToFileURL(file).href]);
    expect(status).toBe(0);
    expect(dom).toContain('<html lang="ko">');
    expect(dom.match(/<section class="question"/g)).toHaveLength(count);
    expect(dom.match(/<article class="key"/g)).toHaveLength(count);
    expect(dom).toContain("모의고사: 합성곱, 풀링, 퍼셉트론");
    expect(dom).toContain("정답지");
    expect(dom).toMatch(/<table class="grid"><tbody><tr><td>-?\d/);
  });

  it("prints to PDF: one page per question, the key on its own page(s), a Korean font embedded", () => {
    const pdfFile = join(dir, "exam.pdf");
    const { status } = headless(["--no-pdf-header-footer", `--print-to-pdf=${pdfFile}`, pathToFileURL(file).href]);
    expect(status).toBe(0);
    const pdf = readFileSync(pdfFile);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // Each question starts a page and the key starts another: at least count + 1 pages.
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(count + 1);
    const fonts = pdfFontNames(pdf);
    expect(fonts.some((name) => /CJK|KR|Nanum|Gothic|Hangul|Han/i.test(name)), `no Korean font embedded (fonts: ${fonts.join(", ")}); install fonts-noto-cjk`).toBe(true);
  });

  it("page breaks: 3 short concept questions print on exactly 3 pages, and the key adds exactly 1", () => {
    // Without the breaks these short questions would share one page.
    for (const [answers, pages] of [[false, 3], [true, 4]] as const) {
      const page = join(dir, `concept-${answers}.html`);
      const args = ["exam", "--seed", "5", "--count", "3", "--topic", "concept", "--output", page, ...(answers ? ["--answers"] : [])];
      expect(runBuilt(args).exitCode).toBe(0);
      const pdfFile = join(dir, `concept-${answers}.pdf`);
      expect(headless(["--no-pdf-header-footer", `--print-to-pdf=${pdfFile}`, pathToFileURL(page).href]).status).toBe(0);
      expect(pdfPages(readFileSync(pdfFile)), `answers=${answers}`).toBe(pages);
    }
  });

  it("takes a PNG screenshot", () => {
    const png = join(dir, "exam.png");
    expect(headless([`--screenshot=${png}`, "--window-size=900,1200", "--hide-scrollbars", pathToFileURL(file).href]).status).toBe(0);
    expect(existsSync(png)).toBe(true);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(statSync(png).size).toBeGreaterThan(10_000);
  });
});
