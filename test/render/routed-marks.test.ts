/** The typeset answers mark the cells a routed gradient reaches with one kit helper (pool, RoI, step). */
import { describe, expect, it } from "vitest";
import { routedMarks } from "../../src/render/html.js";

describe("routedMarks", () => {
  // Two 2×3 planes, row-major; a cell with terms receives gradient.
  const cells = [[], [1], [], [], [], [1, 2], [1], [], [], [], [], []].map((terms) => ({ terms }));

  it("marks the cells of plane 0 that receive gradient", () => {
    const marks = routedMarks(cells, 0, 2, 3);
    expect([0, 1].map((r) => [0, 1, 2].map((c) => marks(r, c)))).toEqual([[[], ["routed"], []], [[], [], ["routed"]]]);
  });

  it("reads plane 1 at its own offset", () => {
    const marks = routedMarks(cells, 1, 2, 3);
    expect([0, 1].map((r) => [0, 1, 2].map((c) => marks(r, c)))).toEqual([[["routed"], [], []], [[], [], []]]);
  });
});
