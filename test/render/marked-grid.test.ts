/** The kit's marked grids: marked cells written [x] and highlighted, the rest padded by a space (and dimmed for a routed gradient). */
import { describe, expect, it } from "vitest";
import { plainPalette, type Palette } from "../../src/render/colour.js";
import { markedGridLines, routedGridLines } from "../../src/render/grid.js";

/** A palette that shows which style each cell got: <h:…> highlighted, <d:…> dimmed. */
const tagging: Palette = { ...plainPalette, highlight: (text) => `<h:${text}>`, dim: (text) => `<d:${text}>` };

describe("routedGridLines", () => {
  it("[[0,4],[0,0]] with (0,1) receiving: [4] highlighted, the zeros padded to its width and dimmed", () => {
    expect(routedGridLines([[0, 4], [0, 0]], (r, c) => r === 0 && c === 1, tagging)).toEqual([
      "<d: 0 >  <h:[4]>",
      "<d: 0 >  <d: 0 >",
    ]);
  });

  it("plain: the columns stay aligned with a two-digit value marked", () => {
    expect(routedGridLines([[1.5, 0], [0, 10]], (r, c) => r === c, plainPalette)).toEqual([
      "[1.5]     0 ",
      "   0    [10]",
    ]);
  });
});

describe("markedGridLines", () => {
  it("without dimUnmarked: unmarked cells keep their style, marked ones are highlighted", () => {
    expect(markedGridLines([[1, 2], [3, 4]], (r, c) => r === 1 && c === 0, tagging)).toEqual([
      " 1    2 ",
      "<h:[3]>   4 ",
    ]);
  });
});
