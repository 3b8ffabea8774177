/// <reference lib="dom" />
/**
 * The typeset pages as headless Chromium lays them out, in English and Korean with the CJK fonts
 * installed: every grid's cells share one top edge per row and one left edge per column, every row of
 * a grid is as wide as the others, formulas are typeset, nothing is drawn with box-drawing text, and
 * the exam still breaks a page before each question and before the key.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { runInProcess } from "../helpers/cli.js";
import { chromiumPath, closeBrowser, gridLayout, withPage } from "../helpers/browser.js";
import { HTML_CASES } from "./html-cases.js";

/** Grids whose rows of cells end at different right edges (a ragged table), and the widest page overflow. */
async function rowWidths(page: Page): Promise<{ ragged: string[]; overflow: number }> {
  return page.evaluate(() => {
    const ragged: string[] = [];
    document.querySelectorAll("table.grid").forEach((table, t) => {
      const rows = [...table.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("td")]).filter((cells) => cells.length > 0);
      const counts = new Set(rows.map((cells) => cells.length));
      const rights = new Set(rows.map((cells) => Math.round(cells[cells.length - 1].getBoundingClientRect().right)));
      if (counts.size > 1 || rights.size > 1) ragged.push(`table ${t}: ${[...counts].join("/")} cells, right edges ${[...rights].join("/")}`);
    });
    return { ragged, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  });
}

async function html(args: string[]): Promise<string> {
  const result = await runInProcess(args);
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout;
}

describe.skipIf(chromiumPath === undefined)("--html pages in headless Chromium", () => {
  afterAll(closeBrowser);

  for (const lang of ["en", "ko"]) {
    it.each(HTML_CASES)(`${lang}: $name`, async ({ args }) => {
      const page = await html([...args, "--html", "--lang", lang]);
      const { layout, widths } = await withPage(page, async (p) => ({ layout: await gridLayout(p), widths: await rowWidths(p) }));
      expect(layout.misaligned).toEqual([]);
      expect(layout.boxDrawing).toEqual([]);
      expect(layout.untypesetFormulas).toBe(0);
      expect(widths.ragged).toEqual([]);
      // The browser parsed every grid the page holds as a table (none swallowed by broken markup).
      expect(layout.tables).toBe(page.match(/<table class="grid/g)?.length ?? 0);
      // spp's worked answer is all tables and sentences; every other one has formulas.
      if (args[0] !== "spp") expect(layout.formulas).toBeGreaterThan(0);
    });
  }
});

describe.skipIf(chromiumPath === undefined)("the exam's HTML page in headless Chromium", () => {
  afterAll(closeBrowser);

  const exams = [
    { lang: "en", args: ["--seed", "5", "--count", "3", "--topic", "conv"] },
    { lang: "ko", args: ["--seed", "2026", "--count", "8"] },
    { lang: "ko", args: ["--seed", "7", "--count", "6", "--topic", "pool", "--topic", "roi", "--topic", "spp", "--topic", "rf", "--topic", "gate"] },
  ];

  it.each(exams)("$lang $args: questions and typeset key line up, no <pre>, a break before each question and the key", async ({ lang, args }) => {
    const page = await html(["exam", "--format", "html", "--answers", "--lang", lang, ...args]);
    expect(page).not.toContain("<pre");
    const result = await withPage(page, async (p) => ({
      layout: await gridLayout(p),
      widths: await rowWidths(p),
      breaks: await p.evaluate(() => [...document.querySelectorAll(".question + .question, .answer-key")].map((element) => getComputedStyle(element).breakBefore)),
      questions: await p.evaluate(() => document.querySelectorAll("section.question").length),
      keys: await p.evaluate(() => document.querySelectorAll("article.key").length),
    }));
    expect(result.layout.misaligned).toEqual([]);
    expect(result.layout.boxDrawing).toEqual([]);
    expect(result.layout.untypesetFormulas).toBe(0);
    expect(result.widths.ragged).toEqual([]);
    const count = Number(args[args.indexOf("--count") + 1]);
    expect(result.questions).toBe(count);
    expect(result.keys).toBe(count);
    // Every question after the first, and the key, start a new page.
    expect(result.breaks).toEqual(Array.from({ length: count }, () => "page"));
  });
});

describe.skipIf(chromiumPath === undefined)("the row-width check itself", () => {
  afterAll(closeBrowser);

  it("notices a grid row with a missing cell and a cell wider than its column", async () => {
    const page = '<!DOCTYPE html><html><body><table class="grid"><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table></body></html>';
    const widths = await withPage(page, rowWidths);
    expect(widths.ragged.length).toBe(1);
  });
});
