/**
 * `--html` on every calculator, run in process: a standalone page, well formed and escaped, with the
 * worked answer in tables and MathML (no <pre>, no box-drawing text, no raw message key), in English
 * and Korean; and the known values in the right marked cells and formulas.
 */
import { describe, expect, it } from "vitest";
import { catalog } from "../../src/i18n/catalog.js";
import { CALCULATOR_NAMES } from "../../src/calculators/index.js";
import { runInProcess } from "../helpers/cli.js";
import { caseArgs, HTML_CASES } from "./html-cases.js";

const keys = Object.keys(catalog.en).filter((key) => /^(html|conv|pool|roi|spp|rf|gate|output|error)\./.test(key));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const keyPatterns = keys.map((key) => ({ key, pattern: new RegExp(`(?<![\\w.-])${escape(key)}(?![\\w.-])`) }));

async function page(args: string[], lang = "en"): Promise<string> {
  const result = await runInProcess([...args, "--html", "--lang", lang]);
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
/** The page's text with tags and the <style> removed. */
const textOf = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, "");

describe("--html pages: well formed and typeset", () => {
  it("every calculator has a case here", () => {
    expect(new Set(HTML_CASES.map((c) => c.args[0]))).toEqual(new Set(CALCULATOR_NAMES));
  });

  for (const lang of ["en", "ko"]) {
    it.each(HTML_CASES)(`${lang}: $name`, async ({ name, args }) => {
      const html = await page(args, lang);
      expect(html.startsWith(`<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">`)).toBe(true);
      expect(html.endsWith("</body>\n</html>\n")).toBe(true);
      for (const tag of ["table", "tr", "td", "math", "figure", "section", "p", "ul", "li", "mrow"]) {
        expect(count(html, new RegExp(`<${tag}[ >]`, "g")), `<${tag}> opened and closed`).toBe(count(html, new RegExp(`</${tag}>`, "g")));
      }
      expect(html).not.toMatch(/<pre|<script|<link|<img|https?:\/\//);
      expect(textOf(html)).not.toMatch(/[\u2500-\u257f]/);
      // Every < and > of the text is escaped: none is left between tags.
      expect(textOf(html)).not.toMatch(/[<>]/);
      expect(keyPatterns.filter(({ pattern }) => pattern.test(textOf(html))).map(({ key }) => key)).toEqual([]);
      // A summary shows no grid when the result is too large to draw.
      if (!name.includes("summarised")) expect(html).toContain('<table class="');
      if (lang === "ko") expect(textOf(html)).toMatch(/[가-힣]/);
    });
  }
});

describe("--html pages: the worked answer's values", () => {
  it("conv x=3x3 k=2: s11 = a11·w11 + a12·w12 + a21·w21 + a22·w22 = 1·1 + 2·0 + 4·0 + 5·(−1) = −4, the first window and kernel marked", async () => {
    const html = await page(caseArgs("conv 3x3 k=2"));
    const s11 = '<td class="lhs"><math displaystyle="true"><msub><mi>s</mi><mn>11</mn></msub></math></td>';
    expect(html).toContain(s11);
    expect(html).toContain("<mn>5</mn><mo>·</mo><mrow><mo>(</mo><mrow><mo>−</mo><mn>1</mn></mrow><mo>)</mo></mrow></mrow></mrow><mo>=</mo><mrow><mo>−</mo><mn>4</mn></mrow>");
    expect(count(html, /<table class="sum">/g)).toBe(4);
    expect(count(html, /<td class="window">/g)).toBe(4);
    expect(count(html, /<td class="kernel">/g)).toBe(4);
    expect(html).toContain("<msub><mi>a</mi><mn>22</mn></msub><mo>·</mo><msub><mi>w</mi><mn>22</mn></msub>");
  });

  it("conv s=2 p=1 mode=conv with grad: padding shown as · and marked, δ′ with inserted zeros, rotated kernel, every input cell's gradient", async () => {
    const html = await page(caseArgs("conv s=2 p=1 grad mode=conv"));
    // 5×5 padded input: 16 border cells of padding, the first window's padding cells also marked as window.
    expect(count(html, /<td class="padding( window)?">·<\/td>/g)).toBe(16);
    expect(count(html, /<td class="inserted">·<\/td>/g)).toBeGreaterThan(0);
    expect(html).toContain("<figcaption>Kernel rotated 180° (applied)</figcaption>");
    // ∂L/∂a for each of the 9 input cells, ∂L/∂w for 4 weights, ∂L/∂b once, plus 4 output cells.
    expect(count(html, /<table class="sum">/g)).toBe(4 + 9 + 4 + 1);
  });

  it("conv 2 channels, bank of 2 filters with bias 1,-2: channel and filter as superscripts, biases b1 and b2 (1-based)", async () => {
    const html = await page(caseArgs("conv 2 channels, bank of 2, bias, d=2"));
    expect(html).toContain("<msub><mi>b</mi><mn>1</mn></msub>");
    expect(html).toContain("<msub><mi>b</mi><mn>2</mn></msub>");
    expect(html).not.toContain("<msub><mi>b</mi><mn>0</mn></msub>");
    expect(html).toContain("<msubsup><mi>w</mi><mn>11</mn><mrow><mo>(</mo><mn>2,1</mn><mo>)</mo></mrow></msubsup>");
    // A sum of 8 products and the bias is broken after 6 terms; the continued line starts with +, and no line ends with one.
    expect(html).not.toMatch(/<mo>\+<\/mo><\/mrow><\/math>/);
  });

  it("conv 20x20 is summarised under the same budget as text: no cell-by-cell sums", async () => {
    const html = await page(caseArgs("conv 20x20 (summarised)"));
    expect(html).not.toContain('<table class="sum">');
    expect(html).toContain("output: 19×19, min");
    expect(html).toContain("too large to work out cell by cell here");
  });

  it("pool max x=3x3 k=2 s=1: every window picks the 9 at a22, which gets the summed gradient 4", async () => {
    const html = await page(caseArgs("pool max s=1 grad"));
    expect(count(html, /<mrow class="chosen"><mn>9<\/mn><\/mrow>/g)).toBe(4);
    expect(count(html, /<td class="max">9<\/td>/g)).toBe(1);
    expect(count(html, /<td class="routed">4<\/td>/g)).toBe(1);
    expect(html).toContain("a22 is the maximum of 4 windows (y11, y12, y21, y22)");
    expect(html).toContain("(stride 1 &lt; size 2)");
  });

  it("pool avg p=1: averages as fractions over the whole window, rounded results after ≈", async () => {
    const html = await page(caseArgs("pool avg p=1 grad"));
    expect(html).toContain("<mfrac><mrow><msub><mi>a</mi><mn>11</mn></msub></mrow><mn>4</mn></mfrac>");
    expect(count(html, /<td class="routed">/g)).toBe(9);
  });

  it("roi: the four bin maxima 12, 14, 17, 19 marked on the map, the region framed", async () => {
    const html = await page(caseArgs("roi scale 0.5 grad"));
    for (const value of [12, 14, 17, 19]) expect(html).toMatch(new RegExp(`<td class="[^"]*\\bmax">${value}</td>`));
    expect(count(html, /<td class="[^"]*\bmax">/g)).toBe(4);
    expect(count(html, /<td class="outside">/g)).toBe(25 - 12);
    expect(html).toContain("bin-start-row");
  });

  it("spp sppnet: level 3 gives 4×4 bins, said in words; no │ or ─ in the picture captions", async () => {
    const html = await page(caseArgs("spp sppnet 1,2,3"));
    expect(html).toContain("Level n = 3: 4×4 bins");
    expect(html).toContain("The map (rows and columns counted from 0), a thick rule where each bin starts");
  });

  it("rf conv3p1,conv3s2p1,pool2,conv3d2p2 n=16: receptive field 23, jump 4, start 1, output 4, the recurrence in MathML, a row per layer", async () => {
    const html = await page(caseArgs("rf with input size and dilation"));
    expect(html).toContain('<mover accent="true"><mi>k</mi><mo>^</mo></mover>');
    expect(count(html, /<tbody><tr>/g)).toBeGreaterThan(0);
    expect(html).toContain("Receptive field 23×23 input pixels, jump 4, start 1, output 4×4.");
  });

  it("gate xor: outputs 0, 1, 1, 0 and four plane pictures", async () => {
    const html = await page(caseArgs("gate xor"));
    expect(html).toContain("Outputs for 00, 01, 10, 11: 0, 1, 1, 0");
    expect(count(html, /<table class="grid compact">/g)).toBe(4);
  });
});

describe("--html usage", () => {
  it("throws when --html comes with --json: one error line and a hint, exit 2, nothing on stdout", async () => {
    const result = await runInProcess(["conv", "--input", "1 2; 3 4", "--kernel", "1", "--html", "--json"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: --html: cannot be used with --json\nhint: use --json for the numbers, or --html for a page to read or print\n");
  });

  it("--html --json is refused before the input is read (even bad input)", async () => {
    const result = await runInProcess(["pool", "--input", "1 2; 3", "--size", "2", "--html", "--json", "--lang", "ko"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("오류: --html: --json 과 함께 쓸 수 없습니다\n도움말: 숫자만 필요하면 --json, 읽거나 인쇄할 페이지가 필요하면 --html 을 쓰세요\n");
  });

  it("bad input with --html is the usual input error, nothing half-printed", async () => {
    const result = await runInProcess(["conv", "--input", "1 2; 3", "--kernel", "1", "--html"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: --input: /);
  });

  it.each(CALCULATOR_NAMES)("%s --help lists --html", async (name) => {
    const result = await runInProcess([name, "--help"]);
    expect(result.stdout).toContain("--html");
  });
});
