/** The routed-gradient builder shared by pool and roi: routes from argmax (ties to the first maximum), terms per cell, accumulation. */
import { describe, expect, it } from "vitest";
import { argmaxRoutes, receivesGradient, routeGradient, type GradientRoute } from "../../src/engine/routing.js";
import { poolBackward, poolForward, setupPool, type PoolOptions } from "../../src/engine/pool2d.js";
import { roiBackward, roiForward, setupRoi, type Box } from "../../src/engine/roi-pool.js";
import { tensor, type Tensor } from "../../src/engine/tensor.js";
import { parseMatrix } from "../../src/io/parse.js";

const m = (text: string): Tensor => parseMatrix(text, "input");

/** The max-pool routing of `input` for upstream `grad`, built from the engine's argmax. */
function maxPoolRouting(input: Tensor, options: Omit<PoolOptions, "type">, grad: Tensor) {
  const setup = setupPool(input, { ...options, type: "max" });
  const forward = poolForward(setup);
  const routes = argmaxRoutes(forward.argmax!, { channels: setup.channels, outputHeight: setup.outputHeight, outputWidth: setup.outputWidth, width: setup.width });
  return routeGradient(setup, grad, poolBackward(setup, grad, forward), routes);
}

/** Cells that receive something, as "row,col: grads". */
function receivers(cells: ReturnType<typeof routeGradient>): string[] {
  return cells.filter((cell) => cell.terms.length > 0).map((cell) => `${cell.channel}:${cell.row},${cell.col}: ${cell.terms.map((term) => term.grad).join("+")}`);
}

describe("argmaxRoutes", () => {
  it("argmax [0, 5, -1, 3] on a 2×2 output of a width-3 map: (0,0), (1,2), nothing (empty bin), (1,0)", () => {
    const routes = argmaxRoutes([0, 5, -1, 3], { channels: 1, outputHeight: 2, outputWidth: 2, width: 3 });
    expect(routes).toEqual([
      { channel: 0, outRow: 0, outCol: 0, cells: [{ row: 0, col: 0 }] },
      { channel: 0, outRow: 0, outCol: 1, cells: [{ row: 1, col: 2 }] },
      { channel: 0, outRow: 1, outCol: 0, cells: [] },
      { channel: 0, outRow: 1, outCol: 1, cells: [{ row: 1, col: 0 }] },
    ]);
  });

  it("2 channels, 1×1 output: argmax [2, 1] is per channel, each route keeps its channel", () => {
    const routes = argmaxRoutes([2, 1], { channels: 2, outputHeight: 1, outputWidth: 1, width: 2 });
    expect(routes).toEqual([
      { channel: 0, outRow: 0, outCol: 0, cells: [{ row: 1, col: 0 }] },
      { channel: 1, outRow: 0, outCol: 0, cells: [{ row: 0, col: 1 }] },
    ]);
  });
});

describe("routeGradient, max pooling", () => {
  it("tie x=[[3,1],[3,3]] k=2 g=5: the first maximum in row-major order (0,0) receives 5, the tied (1,0) and (1,1) nothing", () => {
    const cells = maxPoolRouting(m("3 1; 3 3"), { size: [2, 2] }, m("5"));
    expect(receivers(cells)).toEqual(["0:0,0: 5"]);
    expect(cells.map((cell) => cell.value)).toEqual([5, 0, 0, 0]);
  });

  it("tie x=[[1,7],[7,2]] k=2 g=3: (0,1) comes before (1,0) in row-major order and receives 3", () => {
    const cells = maxPoolRouting(m("1 7; 7 2"), { size: [2, 2] }, m("3"));
    expect(receivers(cells)).toEqual(["0:0,1: 3"]);
  });

  it("x=[[1,2,1],[1,9,1],[1,1,1]] k=2 s=1 g=[[1,2],[3,4]]: the centre receives all four, in output order, and its value is 10", () => {
    const cells = maxPoolRouting(m("1 2 1; 1 9 1; 1 1 1"), { size: [2, 2], stride: [1, 1] }, m("1 2; 3 4"));
    const centre = cells[4];
    expect(centre).toEqual({
      channel: 0, row: 1, col: 1, value: 10,
      terms: [{ outRow: 0, outCol: 0, grad: 1 }, { outRow: 0, outCol: 1, grad: 2 }, { outRow: 1, outCol: 0, grad: 3 }, { outRow: 1, outCol: 1, grad: 4 }],
    });
    expect(receivers(cells)).toEqual(["0:1,1: 1+2+3+4"]);
  });

  it("a max route's terms carry no divisor", () => {
    const cells = maxPoolRouting(m("1 2; 3 4"), { size: [2, 2] }, m("7"));
    expect(cells[3].terms).toEqual([{ outRow: 0, outCol: 0, grad: 7 }]);
    expect("divisor" in cells[3].terms[0]).toBe(false);
  });

  it("x=2×3×3 k=2 s=1: each channel's gradient goes to its own channel's maxima", () => {
    const input = parseMatrix("[[[1,2,3],[4,5,6],[7,8,9]],[[9,8,7],[6,5,4],[3,2,1]]]", "input");
    const cells = maxPoolRouting(input, { size: [2, 2], stride: [1, 1] }, tensor([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]));
    expect(receivers(cells)).toEqual(["0:1,1: 1", "0:1,2: 2", "0:2,1: 3", "0:2,2: 4", "1:0,0: 5", "1:0,1: 6", "1:1,0: 7", "1:1,1: 8"]);
  });

  it("every cell's value is the sum of its terms (random 5×6 input, k=3 s=2 p=1)", () => {
    const input = tensor([5, 6], Array.from({ length: 30 }, (_, k) => ((k * 7919) % 13) - 6));
    const grad = tensor([3, 3], [1, -2, 3, 0.5, 4, -1, 2, 2, -3]);
    const cells = maxPoolRouting(input, { size: [3, 3], stride: [2, 2], padding: [1, 1] }, grad);
    for (const cell of cells) expect(cell.terms.reduce((sum, term) => sum + term.grad, 0)).toBe(cell.value);
    expect(cells.reduce((count, cell) => count + cell.terms.length, 0)).toBe(9);
  });
});

describe("receivesGradient", () => {
  it("2 channels of x=[[3,1],[1,1]] and [[1,1],[1,4]] k=2: (0,0) of plane 0 and (1,1) of plane 1 receive, the rest do not", () => {
    const x = tensor([2, 2, 2], [3, 1, 1, 1, 1, 1, 1, 4]);
    const cells = maxPoolRouting(x, { size: [2, 2] }, tensor([2, 1, 1], [5, 6]));
    const plane = (c: number) => [0, 1].map((r) => [0, 1].map((q) => receivesGradient(cells, c, 2, 2)(r, q)));
    expect(plane(0)).toEqual([[true, false], [false, false]]);
    expect(plane(1)).toEqual([[false, false], [false, true]]);
  });
});

describe("routeGradient, average pooling routes", () => {
  it("x=1..9 k=2 s=2 p=1, window (0,0) sends g/1 to (0,0) and window (1,1) sends g/4 to its four cells", () => {
    const setup = setupPool(m("1 2 3; 4 5 6; 7 8 9"), { type: "avg", size: [2, 2], stride: [2, 2], padding: [1, 1] });
    const grad = m("4 4; 4 8");
    const routes: GradientRoute[] = [
      { channel: 0, outRow: 0, outCol: 0, cells: [{ row: 0, col: 0 }], divisor: 4 },
      { channel: 0, outRow: 1, outCol: 1, cells: [{ row: 1, col: 1 }, { row: 1, col: 2 }, { row: 2, col: 1 }, { row: 2, col: 2 }], divisor: 4 },
    ];
    const cells = routeGradient(setup, grad, poolBackward(setup, grad), routes);
    expect(cells[0].terms).toEqual([{ outRow: 0, outCol: 0, grad: 4, divisor: 4 }]);
    expect(cells[8].terms).toEqual([{ outRow: 1, outCol: 1, grad: 8, divisor: 4 }]);
    expect(cells[8].value).toBe(2);
    expect(cells[1].terms).toEqual([]);
  });
});

describe("routeGradient, RoI max pooling", () => {
  const box = (x1: number, y1: number, x2: number, y2: number): Box => ({ x1, y1, x2, y2 });

  function roiRouting(input: Tensor, boxes: Box[], outputSize: [number, number], grad: Tensor) {
    const setup = setupRoi(input, boxes, { outputSize, scale: 1 });
    const forward = roiForward(setup);
    const routes = argmaxRoutes(forward.argmax[0], { channels: setup.channels, outputHeight: outputSize[0], outputWidth: outputSize[1], width: setup.width });
    return { routes, cells: routeGradient(setup, grad, roiBackward(setup, grad, forward), routes) };
  }

  it("a bin of equal values (2×2 of 5s, one bin) routes to its first cell in row-major order, (0,0)", () => {
    const { cells } = roiRouting(m("5 5; 5 5"), [box(0, 0, 1, 1)], [1, 1], m("6"));
    expect(receivers(cells)).toEqual(["0:0,0: 6"]);
  });

  it("empty bins (box past the map: only bin (0,0) has cells) route nothing and the cell of bin (0,0) gets its g", () => {
    // The SEMANTICS example: box (8,8,12,12) at scale 0.5 on the 5×5 map gives [[24,0],[0,0]].
    const map5 = m("0 1 2 3 4; 5 6 7 8 9; 10 11 12 13 14; 15 16 17 18 19; 20 21 22 23 24");
    const setup = setupRoi(map5, [box(8, 8, 12, 12)], { outputSize: [2, 2], scale: 0.5 });
    const forward = roiForward(setup);
    const routes = argmaxRoutes(forward.argmax[0], { channels: 1, outputHeight: 2, outputWidth: 2, width: 5 });
    expect(routes.map((route) => route.cells.length)).toEqual([1, 0, 0, 0]);
    const grad = m("1 2; 3 4");
    const cells = routeGradient(setup, grad, roiBackward(setup, grad, forward), routes);
    expect(receivers(cells)).toEqual(["0:4,4: 1"]);
  });

  it("overlapping bins sharing their maximum accumulate: 1×3 map [1 9 2], box (0,0,2,0) in 1×2 bins → (0,1) gets 3 + 4", () => {
    // roi_w = 3, bin_w = 1.5: bins [0, 2) and [1, 3) both hold column 1.
    const { cells } = roiRouting(m("1 9 2"), [box(0, 0, 2, 0)], [1, 2], m("3 4"));
    expect(receivers(cells)).toEqual(["0:0,1: 3+4"]);
    expect(cells[1].value).toBe(7);
  });
});
