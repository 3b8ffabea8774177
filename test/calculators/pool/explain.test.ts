/** The pool explanation as data: the padded frame, an average window's sum, the max/avg union and the routed gradient. */
import { describe, expect, it } from "vitest";
import { setupPool, type PoolOptions } from "../../../src/engine/pool2d.js";
import type { Tensor } from "../../../src/engine/tensor.js";
import { explainPool, paddedFrame } from "../../../src/calculators/pool/explain.js";
import { parseMatrix } from "../../../src/io/parse.js";

const m = (text: string): Tensor => parseMatrix(text, "input");
const oneToFour = m("1 2; 3 4");

describe("paddedFrame", () => {
  it("max x=[[1,2],[3,4]] p=1: a 4×4 frame, padding −∞ (never chosen), the input in the middle", () => {
    const frame = paddedFrame(setupPool(oneToFour, { type: "max", size: [2, 2], padding: [1, 1] }));
    const I = -Infinity;
    expect(frame).toMatchObject({ padding: [1, 1], padded: true, padValue: I });
    expect(frame.grids).toEqual([[[I, I, I, I], [I, 1, 2, I], [I, 3, 4, I], [I, I, I, I]]]);
    expect(frame.isPadding).toEqual([[true, true, true, true], [true, false, false, true], [true, false, false, true], [true, true, true, true]]);
  });

  it("avg x=[[1,2],[3,4]] p=(1,0): padding rows only, holding 0", () => {
    const frame = paddedFrame(setupPool(oneToFour, { type: "avg", size: [2, 1], padding: [1, 0] }));
    expect(frame).toMatchObject({ padding: [1, 0], padded: true, padValue: 0 });
    expect(frame.grids).toEqual([[[0, 0], [1, 2], [3, 4], [0, 0]]]);
    expect(frame.isPadding.map((row) => row.map(Number))).toEqual([[1, 1], [0, 0], [0, 0], [1, 1]]);
  });

  it("p=0: the frame is the input itself, nothing is padding", () => {
    const frame = paddedFrame(setupPool(oneToFour, { type: "max", size: [2, 2] }));
    expect(frame.padded).toBe(false);
    expect(frame.grids).toEqual([[[1, 2], [3, 4]]]);
    expect(frame.isPadding.flat().some(Boolean)).toBe(false);
  });

  it("2 channels (p=0 and p=1): one framed grid per channel", () => {
    const frame = paddedFrame(setupPool(parseMatrix("[[[1]],[[2]]]", "input"), { type: "avg", size: [1, 1], padding: [0, 0] }));
    expect(frame.grids).toEqual([[[1]], [[2]]]);
    const framed = paddedFrame(setupPool(parseMatrix("[[[1,2],[3,4]],[[5,6],[7,8]]]", "input"), { type: "avg", size: [2, 2], padding: [1, 1] }));
    expect(framed.grids.map((grid) => grid[1])).toEqual([[0, 1, 2, 0], [0, 5, 6, 0]]);
  });
});

describe("explainPool", () => {
  const explain = (input: Tensor, options: PoolOptions, grad?: Tensor) => explainPool(setupPool(input, options), grad);

  it("avg x=1..9 k=2 s=2 p=1: each window's sum of real cells (1, 2+3, 4+7, 5+6+8+9) and divisor 4", () => {
    const explanation = explain(m("1 2 3; 4 5 6; 7 8 9"), { type: "avg", size: [2, 2], stride: [2, 2], padding: [1, 1] });
    expect(explanation.windows.map((step) => (step.kind === "avg" ? [step.sum, step.divisor] : []))).toEqual([[1, 4], [5, 4], [11, 4], [28, 4]]);
  });

  it("max: type 'max' with how often each cell is chosen; avg: type 'avg' without", () => {
    const max = explain(m("1 2 1; 1 9 1; 1 1 1"), { type: "max", size: [2, 2], stride: [1, 1] });
    expect(max.type).toBe("max");
    expect(max.type === "max" && max.timesChosen).toEqual([[[0, 0, 0], [0, 4, 0], [0, 0, 0]]]);
    const avg = explain(oneToFour, { type: "avg", size: [2, 2] });
    expect(avg.type).toBe("avg");
    expect("timesChosen" in avg).toBe(false);
  });

  it("max backward x=[[3,1],[3,3]] k=2 g=5: the tie's first maximum (0,0) receives δ", () => {
    const explanation = explain(m("3 1; 3 3"), { type: "max", size: [2, 2] }, m("5"));
    expect(explanation.backward!.cells.map((cell) => cell.terms.length)).toEqual([1, 0, 0, 0]);
    expect(explanation.backward!.cells[0]).toMatchObject({ row: 0, col: 0, value: 5, terms: [{ outRow: 0, outCol: 0, grad: 5 }] });
  });

  it("avg backward x=1..9 k=2 s=1 g=ones: the centre receives four δ/4, a corner one", () => {
    const explanation = explain(m("1 2 3; 4 5 6; 7 8 9"), { type: "avg", size: [2, 2], stride: [1, 1] }, m("1 1; 1 1"));
    const cells = explanation.backward!.cells;
    expect(cells[4].terms.map((term) => [term.outRow, term.outCol, term.divisor])).toEqual([[0, 0, 4], [0, 1, 4], [1, 0, 4], [1, 1, 4]]);
    expect(cells[4].value).toBe(1);
    expect(cells[0].terms).toEqual([{ outRow: 0, outCol: 0, grad: 1, divisor: 4 }]);
  });
});

describe("explainPool: overlap and maxima shared by several windows", () => {
  const explain = (input: Tensor, options: PoolOptions) => explainPool(setupPool(input, options));

  it("k=2 s=1: windows overlap on rows first (stride 1 < size 2); k=2 s=2: no overlap", () => {
    expect(explain(m("1 2 1; 1 9 1; 1 1 1"), { type: "max", size: [2, 2], stride: [1, 1] }).overlap).toEqual({ stride: 1, size: 2 });
    expect(explain(m("1 2; 3 4"), { type: "max", size: [2, 2] }).overlap).toBeUndefined();
  });

  it("k=(1,2) s=(1,1): only the columns overlap, so the note names the columns' stride 1 and size 2", () => {
    expect(explain(m("1 2 3; 4 5 6"), { type: "avg", size: [1, 2], stride: [1, 1] }).overlap).toEqual({ stride: 1, size: 2 });
    expect(explain(m("1 2 3; 4 5 6"), { type: "avg", size: [2, 3], stride: [2, 1] }).overlap).toEqual({ stride: 1, size: 3 });
  });

  it("x=[[1,2,1],[1,9,1],[1,1,1]] k=2 s=1: the 9 is chosen by all four windows, in output order", () => {
    const explanation = explain(m("1 2 1; 1 9 1; 1 1 1"), { type: "max", size: [2, 2], stride: [1, 1] });
    expect(explanation.type === "max" && explanation.sharedMaxima).toEqual([
      { channel: 0, row: 1, col: 1, windows: [{ row: 0, col: 0 }, { row: 0, col: 1 }, { row: 1, col: 0 }, { row: 1, col: 1 }] },
    ]);
  });

  it("2 channels, k=2 s=1: shared maxima listed channel by channel, row-major; a cell chosen once is not listed", () => {
    // Channel 1: the 9 at (0,1) wins the two top windows; the bottom ones choose (1,0) and (1,1) once each (ties of 1s).
    // Channel 2: the 7 at (1,1) wins all four.
    const input = parseMatrix("[[[1,9,1],[1,1,1],[1,1,1]],[[1,1,1],[1,7,1],[1,1,1]]]", "input");
    const explanation = explain(input, { type: "max", size: [2, 2], stride: [1, 1] });
    expect(explanation.type === "max" && explanation.sharedMaxima.map((shared) => [shared.channel, shared.row, shared.col, shared.windows.length])).toEqual([
      [0, 0, 1, 2], [1, 1, 1, 4],
    ]);
  });
});
