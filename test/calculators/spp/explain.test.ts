/** The spp explanation as data: whether the vector is written out (flips at 64 numbers), the length worked out, and size independence. */
import { describe, expect, it } from "vitest";
import { setupSpp, sppShape, type SppMethod } from "../../../src/engine/spp.js";
import { tensor } from "../../../src/engine/tensor.js";
import { explainSpp, explainSppShape, VECTOR_WRITTEN_LIMIT } from "../../../src/calculators/spp/explain.js";

const map = (...shape: number[]) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, k) => k));
const explain = (shape: number[], levels: number[], method: SppMethod = "adaptive") => explainSpp(setupSpp(map(...shape), { levels, type: "max", method }));

describe("explainSpp: the vector written out", () => {
  it("up to 64 numbers", () => expect(VECTOR_WRITTEN_LIMIT).toBe(64));
  it("4×8×8 map, levels 4: 4·16 = 64 numbers → written", () => expect(explain([4, 8, 8], [4]).vectorWritten).toBe(true));
  it("5×8×8 map, levels 4,1: 5·(4² + 1²) = 85 numbers → not written", () => expect(explain([5, 8, 8], [4, 1]).vectorWritten).toBe(false));
  it("1×8×8 map, levels 8: 64 numbers → written; levels 8,1: 65 → not", () => {
    expect(explain([8, 8], [8]).vectorWritten).toBe(true);
    expect(explain([8, 8], [8, 1]).vectorWritten).toBe(false);
  });
});

describe("the length worked out", () => {
  it("adaptive 2×13×13, levels 1,2,4: 2·(1² + 2² + 4²) = 2·21 = 42, the same for maps of side ≥ 4 (example 24)", () => {
    const explanation = explain([2, 13, 13], [1, 2, 4]);
    expect(explanation.length).toEqual({ kind: "squares", channels: 2, ns: [1, 2, 4], sumOfSquares: 21, length: 42 });
    expect(explanation.sizeIndependence).toEqual({ method: "adaptive", min: 4, bigger: 24 });
  });

  it("a 20×30 map: the example larger side is 30 + 11 = 41", () => {
    expect(explain([20, 30], [2]).sizeIndependence).toEqual({ method: "adaptive", min: 2, bigger: 41 });
  });

  it("sppnet 5×5, level 3: windows 2 with stride 1 give 4×4 bins, so 1·(4·4) = 16 instead of 9", () => {
    const explanation = explain([5, 5], [3], "sppnet");
    expect(explanation.length).toEqual({ kind: "counts", channels: 1, counts: [[4, 4]], length: 16, expected: 9 });
    expect(explanation.sizeIndependence).toEqual({ method: "sppnet" });
  });

  it("spp --shape 256,13,13 levels 1,2,4: 256·21 = 5,376, from the shape alone", () => {
    const explanation = explainSppShape(sppShape([256, 13, 13], { levels: [1, 2, 4], method: "adaptive" }), "max");
    expect(explanation.length).toEqual({ kind: "squares", channels: 256, ns: [1, 2, 4], sumOfSquares: 21, length: 5376 });
    expect(explanation.sizeIndependence).toEqual({ method: "adaptive", min: 4, bigger: 24 });
  });
});
