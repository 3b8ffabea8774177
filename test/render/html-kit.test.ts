/** The HTML kit: escaping, MathML building blocks, grids with marks, and a page Chromium lays out as tables. */
import { afterAll, describe, expect, it } from "vitest";
import { dataTable, equation, factor, figures, floor, formula, frac, grid, heading, htmlPage, indexed, joined, join, legend, mi, mn, mo, mrow, paragraph, raw, times } from "../../src/render/html.js";
import { chromiumPath, closeBrowser, gridLayout, withPage } from "../helpers/browser.js";

describe("HTML kit", () => {
  it("escapes text everywhere, including captions and attributes", () => {
    expect(paragraph("<b>a & b</b>").html).toBe("<p>&lt;b&gt;a &amp; b&lt;/b&gt;</p>");
    expect(grid([[1]], { caption: "x<y" }).html).toContain("<figcaption>x&lt;y</figcaption>");
  });

  it("indices are 1-based subscripts, with a comma only when an index has two digits", () => {
    expect(indexed("s", 1, 2).mathml).toBe("<msub><mi>s</mi><mn>12</mn></msub>");
    expect(indexed("a", 10, 2).mathml).toBe("<msub><mi>a</mi><mn>10,2</mn></msub>");
  });

  it("negative numbers get a real minus sign, and parentheses as a factor", () => {
    expect(mn(-4).mathml).toBe("<mrow><mo>−</mo><mn>4</mn></mrow>");
    expect(factor(-1).mathml).toBe("<mrow><mo>(</mo><mrow><mo>−</mo><mn>1</mn></mrow><mo>)</mo></mrow>");
    expect(factor(2).mathml).toBe("<mn>2</mn>");
  });

  it("s11 = a11·w11 + a12·w12 = 1·1 + 2·(−1) = −1", () => {
    const terms = joined([times(indexed("a", 1, 1), indexed("w", 1, 1)), times(indexed("a", 1, 2), indexed("w", 1, 2))], "+");
    const numbers = joined([times(mn(1), factor(1)), times(mn(2), factor(-1))], "+");
    const html = formula(equation(indexed("s", 1, 1), terms, numbers, mn(-1)), { block: true }).html;
    expect(html.startsWith('<math display="block"><mrow><msub><mi>s</mi><mn>11</mn></msub><mo>=</mo>')).toBe(true);
    expect(html.endsWith("<mo>=</mo><mrow><mo>−</mo><mn>1</mn></mrow></mrow></math>")).toBe(true);
  });

  it("a grid marks cells by class and can carry headers", () => {
    const html = grid([[1, 2], [3, 4]], { marks: (r, c) => (r === 0 && c === 1 ? ["window", "max"] : []), rowHeaders: ["1", "2"], colHeaders: ["1", "2"] }).html;
    expect(html).toContain('<td class="window max">2</td>');
    expect(html).toContain('<th scope="row">2</th><td>3</td>');
  });

  it("a page sets its language and holds its own styles (no network)", () => {
    const page = htmlPage({ lang: "ko", title: "합성곱", body: paragraph("안녕") });
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ko">/);
    expect(page).not.toMatch(/https?:\/\//);
  });
});

describe.skipIf(chromiumPath === undefined)("in headless Chromium", () => {
  afterAll(closeBrowser);

  const body = join([
    heading(1, "합성곱 Convolution"),
    figures(
      grid([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { caption: "입력 a", marks: (r, c) => (r < 2 && c < 2 ? ["window"] : []) }),
      grid([[1, 0], [0, -1]], { caption: "커널 w" }),
      grid([[-4, -4], [-4, -4.123456]], { caption: "출력 s", marks: (r, c) => (r + c === 0 ? ["max"] : []) }),
    ),
    legend([{ mark: "window", label: "첫 번째 창" }, { mark: "max", label: "최댓값" }]),
    formula(equation(indexed("n", 1), floor(frac(mrow(mi("n"), mo("+"), mn(2), mo("·"), mi("p"), mo("−"), mi("k")), mi("s"))), mn(2)), { block: true }),
    dataTable(["층", "수용 영역"], [["conv3", "3"], ["pool2", "4"]]),
  ]);

  it.each(["en", "ko"])("lang=%s: grid cells line up in rows and columns, formulas are typeset, no box-drawing text", async (lang) => {
    const layout = await withPage(htmlPage({ lang, title: "kit", body }), gridLayout);
    expect(layout.tables).toBe(3);
    expect(layout.misaligned).toEqual([]);
    expect(layout.boxDrawing).toEqual([]);
    expect(layout.formulas).toBe(1);
    expect(layout.untypesetFormulas).toBe(0);
  });
});

describe.skipIf(chromiumPath === undefined)("the layout check itself", () => {
  afterAll(closeBrowser);

  it("notices a cell pushed out of its row, and box-drawing text in a <pre>", async () => {
    const broken = raw('<table class="grid"><tr><td>1</td><td style="display:block;margin-top:12px">2</td></tr></table><pre>┌─┐</pre>');
    const layout = await withPage(htmlPage({ lang: "en", title: "broken", body: broken }), gridLayout);
    expect(layout.misaligned.length).toBeGreaterThan(0);
    expect(layout.boxDrawing.length).toBe(2);
  });
});
