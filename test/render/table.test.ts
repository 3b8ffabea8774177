import { describe, expect, it } from "vitest";
import { plainPalette } from "../../src/render/colour.js";
import { renderTable } from "../../src/render/table.js";

describe("renderTable", () => {
  it("renders without alignments", () => {
    const text = renderTable(["a", "b"], [["1", "22"]], plainPalette);
    expect(text).toContain("│ 1 │ 22 │");
  });

  it("right-aligns a column when asked", () => {
    const text = renderTable(["name", "n"], [["x", "5"], ["y", "12"]], plainPalette, ["left", "right"]);
    expect(text).toContain("│ x    │  5 │");
  });
});
