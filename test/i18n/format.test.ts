/** fillTemplate: placeholders and English plural choices. */
import { describe, expect, it } from "vitest";
import { fillTemplate } from "../../src/i18n/format.js";

describe("fillTemplate", () => {
  it.each([
    [0, "0 cells are"],
    [1, "1 cell is"],
    [2, "2 cells are"],
    ["1", "1 cell is"],
  ] as const)("count %j gives %s", (count, expected) => {
    expect(fillTemplate("{count} {count|cell is|cells are}", { count })).toBe(expected);
  });

  it("leaves a placeholder or a plural choice visible when its parameter is missing", () => {
    expect(fillTemplate("{count} {count|cell|cells} of {total}", {})).toBe("{count} {count|cell|cells} of {total}");
  });

  it("replaces plain placeholders as before, an empty choice included", () => {
    expect(fillTemplate("{a} + {b} = {c}{c|| (many)}", { a: 1, b: 2, c: 3 })).toBe("1 + 2 = 3 (many)");
  });
});
