/** The shared pieces of the typeset answers: cell symbols, sums broken into aligned lines, rounded results, bin grids. */
import { describe, expect, it } from "vitest";
import { binGrid, cellSymbol, sumFormula } from "../../src/render/html-answer.js";
import { mn } from "../../src/render/html.js";

describe("typeset answer pieces", () => {
  it("cell symbols: a12, a with channel 2 as a superscript, and a comma once an index passes 9", () => {
    expect(cellSymbol("a", [], 0, 1).mathml).toBe("<msub><mi>a</mi><mn>12</mn></msub>");
    expect(cellSymbol("w", [0, 1], 2, 0).mathml).toBe("<msubsup><mi>w</mi><mn>31</mn><mrow><mo>(</mo><mn>1,2</mn><mo>)</mo></mrow></msubsup>");
    expect(cellSymbol("a", [], 9, 2).mathml).toBe("<msub><mi>a</mi><mn>10,3</mn></msub>");
    expect(cellSymbol("<", [], 0, 0).mathml).toBe("<msub><mi>&lt;</mi><mn>11</mn></msub>");
  });

  it("terms=14: the symbols take 3 lines of at most 6 terms, continued with +, then the numbers 3 more ending = result", () => {
    const terms = Array.from({ length: 14 }, (_, i) => mn(i));
    const html = sumFormula(cellSymbol("s", [], 0, 0), terms, terms, 91).html;
    expect(html.match(/<tr>/g)).toHaveLength(6);
    expect(html.match(/<td class="lhs"><\/td>/g)).toHaveLength(5);
    expect(html.match(/<td class="rhs"><math displaystyle="true"><mrow><mo>\+<\/mo>/g)).toHaveLength(4);
    expect(html.endsWith("<mo>=</mo><mn>91</mn></mrow></math></td></tr></tbody></table>")).toBe(true);
  });

  it("a rounded result follows ≈ instead of =, and a note is escaped text after the last line", () => {
    const html = sumFormula(cellSymbol("y", [], 0, 0), [mn(1)], [mn(2)], 1 / 3, { note: "a < b" }).html;
    expect(html).toContain("<mo>≈</mo><mn>0.3333</mn>");
    expect(html).not.toContain("≈0.3333");
    expect(html).toContain('<span class="muted">a &lt; b</span>');
  });

  it("no terms: label = value on one line", () => {
    const html = sumFormula(cellSymbol("a", [], 0, 0), [], [], 0).html;
    expect(html).toBe('<table class="sum"><tbody><tr><td class="lhs"><math displaystyle="true"><msub><mi>a</mi><mn>11</mn></msub></math></td><td class="rhs"><math displaystyle="true"><mrow><mo>=</mo><mn>0</mn></mrow></math></td></tr></tbody></table>');
  });

  it("bin grid 3x3, region rows [1,3) cols [0,2), bins starting at row 1 and col 0, 1: rules, frame, max and outside marked", () => {
    const html = binGrid([[1, 2, 3], [4, 5, 6], [7, 8, 9]], { rows: [1, 3], cols: [0, 2], rowStarts: new Set([1]), colStarts: new Set([0, 1]), isMax: (r, c) => r === 2 && c === 1 }).html;
    expect(html.match(/<td class="outside">/g)).toHaveLength(5);
    expect(html).toContain('<td class="bin-start-row bin-start-col">4</td>');
    expect(html).toContain('<td class="bin-start-col bin-end-row bin-end-col max">8</td>');
    expect(html).toContain('<th scope="row">2</th>');
  });
});
