/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Headless Chromium (Debian's, driven by playwright-core) for layout checks of the HTML pages.
 * `chromiumPath` is undefined when no Chromium is installed; tests then skip with a warning
 * (CI installs it: see .ci/run).
 */
import { spawnSync } from "node:child_process";
import { chromium, type Browser, type Page } from "playwright-core";

function findChromium(): string | undefined {
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim() !== "") return found.stdout.trim();
  }
  return undefined;
}

export const chromiumPath = findChromium();

/** Flags for a closed network: no background connections, no sandbox as root. */
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let browser: Browser | undefined;

/** Loads `html` in a fresh page and runs `body`; the browser is started once per test file. */
export async function withPage<T>(html: string, body: (page: Page) => Promise<T>): Promise<T> {
  if (chromiumPath === undefined) throw new Error("no chromium installed");
  browser ??= await chromium.launch({ executablePath: chromiumPath, args: FLAGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  try {
    await page.setContent(html, { waitUntil: "load" });
    return await body(page);
  } finally {
    await page.close();
  }
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export interface GridLayout {
  /** Tables whose cells in one row do not share a top edge, or in one column a left edge. */
  misaligned: string[];
  tables: number;
  /** <pre> elements and text nodes holding box-drawing characters (U+2500–U+257F). */
  boxDrawing: string[];
  /** <math> elements the browser laid out with no width (not typeset). */
  untypesetFormulas: number;
  formulas: number;
}

/** Measures every grid table, every formula and every box-drawing character on the page. */
export async function gridLayout(page: Page): Promise<GridLayout> {
  return page.evaluate(() => {
    const misaligned: string[] = [];
    const tables = [...document.querySelectorAll("table.grid")];
    tables.forEach((table, t) => {
      const rows = [...table.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.getBoundingClientRect()));
      rows.forEach((cells, r) => {
        if (cells.some((cell) => Math.abs(cell.top - cells[0].top) > 0.5)) misaligned.push(`table ${t} row ${r}: tops differ`);
      });
      const width = Math.max(0, ...rows.map((cells) => cells.length));
      for (let c = 0; c < width; c++) {
        const column = rows.filter((cells) => cells.length === width).map((cells) => cells[c]);
        if (column.some((cell) => Math.abs(cell.left - column[0].left) > 0.5)) misaligned.push(`table ${t} column ${c}: left edges differ`);
      }
    });
    const boxDrawing: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (/[\u2500-\u257f]/.test(node.textContent ?? "")) boxDrawing.push((node.textContent ?? "").slice(0, 60));
    }
    for (const pre of document.querySelectorAll("pre")) boxDrawing.push(`<pre> ${(pre.textContent ?? "").slice(0, 40)}`);
    const maths = [...document.querySelectorAll("math")];
    return {
      misaligned,
      tables: tables.length,
      boxDrawing,
      formulas: maths.length,
      untypesetFormulas: maths.filter((m) => m.getBoundingClientRect().width === 0).length,
    };
  });
}
