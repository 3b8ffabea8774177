import { describe, expect, it } from "vitest";
import { summarize, tensor } from "../../src/engine/tensor.js";
import { translator } from "../../src/i18n/index.js";
import { summaryLines } from "../../src/render/summary.js";

describe("summaries of large results", () => {
  it("summarize gives min, max and sum", () => {
    expect(summarize(tensor([2, 2], [3, -1, 0.5, 2]))).toEqual({ min: -1, max: 3, sum: 4.5 });
  });

  it("summaryLines shows a small grid but not a large one", () => {
    const t = translator("en");
    const small = summaryLines([{ label: "output", tensor: tensor([2, 2], [1, 2, 3, 4]) }], t);
    expect(small).toEqual(["output: 2×2, min 1, max 4, sum 10", "  1  2", "  3  4"]);
    const large = summaryLines([{ label: "output", tensor: tensor([40, 40]) }], t);
    expect(large).toEqual(["output: 40×40, min 0, max 0, sum 0"]);
  });
});
