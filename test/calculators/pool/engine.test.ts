/** max_pool2d / avg_pool2d: known values (PyTorch), ties, padding, ceil mode, overlap, gradients, input checks. */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { argmaxPositions, maxPoolMask, poolBackward, poolForward, setupPool, type PoolOptions } from "../../../src/engine/pool2d.js";
import { tensor, toNested, type Tensor } from "../../../src/engine/tensor.js";
import { explainPool } from "../../../src/calculators/pool/explain.js";
import { parseMatrix } from "../../../src/io/parse.js";
import { runInProcess } from "../../helpers/cli.js";

const m = (text: string): Tensor => parseMatrix(text, "input");
const oneToNine = m("1 2 3; 4 5 6; 7 8 9");
const oneTo25 = m("1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25");

function run(input: Tensor, options: PoolOptions, grad?: Tensor) {
  const setup = setupPool(input, options);
  const forward = poolForward(setup);
  return {
    setup,
    output: toNested(forward.output),
    argmax: forward.argmax ? argmaxPositions(setup, forward.argmax) : undefined,
    mask: forward.argmax ? toNested(maxPoolMask(setup, forward.argmax)) : undefined,
    gradInput: grad ? toNested(poolBackward(setup, grad, forward)) : undefined,
  };
}


/** Deterministic pseudo-random numbers in [-2, 2) (a small LCG), so failures are reproducible. */
function randomTensor(shape: number[], seed: number): Tensor {
  let state = seed >>> 0;
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < data.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    data[i] = (state / 2 ** 32) * 4 - 2;
  }
  return tensor(shape, data);
}

describe("max pooling", () => {
  it("x=[[1,2,1],[1,9,1],[1,1,1]] k=2 s=1: overlap routes all four gradients to the centre (4)", () => {
    const result = run(m("1 2 1; 1 9 1; 1 1 1"), { type: "max", size: [2, 2], stride: [1, 1] }, m("1 1; 1 1"));
    expect(result.output).toEqual([[9, 9], [9, 9]]);
    expect(result.gradInput).toEqual([[0, 0, 0], [0, 4, 0], [0, 0, 0]]);
    expect(result.mask).toEqual([[0, 0, 0], [0, 1, 0], [0, 0, 0]]);
    expect(result.argmax).toEqual([[[1, 1], [1, 1]], [[1, 1], [1, 1]]]);
  });

  it("tie x=[[3,1],[3,3]] k=2: the first maximum in row-major order (0,0) wins", () => {
    const result = run(m("3 1; 3 3"), { type: "max", size: [2, 2] }, m("5"));
    expect(result.argmax).toEqual([[[0, 0]]]);
    expect(result.gradInput).toEqual([[5, 0], [0, 0]]);
  });

  it("tie x=[[1,7],[7,2]] k=2: (0,1) comes before (1,0) and is chosen; the explanation names the tie", () => {
    const setup = setupPool(m("1 7; 7 2"), { type: "max", size: [2, 2] });
    const explanation = explainPool(setup);
    expect(explanation.windows[0]).toMatchObject({ kind: "max", chosen: { row: 0, col: 1 }, tiedWith: [{ row: 1, col: 0, value: 7 }] });
    expect(explanation.windows[0].kind === "max" && explanation.windows[0].tiedWith).toEqual([{ row: 1, col: 0, value: 7 }]);
  });

  it("x all negative k=2 s=1 p=1: padded zeros are never chosen", () => {
    const result = run(m("-1 -2; -3 -4"), { type: "max", size: [2, 2], stride: [1, 1], padding: [1, 1] });
    expect(result.output).toEqual([[-1, -1, -2], [-1, -1, -2], [-3, -3, -4]]);
  });

  it("x=5x5 k=2 s=2 ceil: 3×3 output, the last windows read one column/row", () => {
    const result = run(oneTo25, { type: "max", size: [2, 2], ceilMode: true });
    expect(result.output).toEqual([[7, 9, 10], [17, 19, 20], [22, 24, 25]]);
  });

  it("x=5x5 k=2 s=2 p=1 ceil: a last window starting in the right padding is dropped (3, not 4)", () => {
    const setup = setupPool(oneTo25, { type: "max", size: [2, 2], padding: [1, 1], ceilMode: true });
    expect([setup.outputHeight, setup.outputWidth]).toEqual([3, 3]);
  });

  it("x=2x3x3 channels k=2 s=1: each channel pooled on its own, argmax per channel", () => {
    const input = parseMatrix("[[[1,2,3],[4,5,6],[7,8,9]],[[9,8,7],[6,5,4],[3,2,1]]]", "input");
    const result = run(input, { type: "max", size: [2, 2], stride: [1, 1] });
    expect(result.output).toEqual([[[5, 6], [8, 9]], [[9, 8], [6, 5]]]);
    expect(result.argmax).toEqual([[[[1, 1], [1, 2]], [[2, 1], [2, 2]]], [[[0, 0], [0, 1]], [[1, 0], [1, 1]]]]);
  });

  it("x=random 6x7 k=3 s=2 p=1: Σ gradInput = Σ g (each δ goes to exactly one cell)", () => {
    const input = randomTensor([6, 7], 7);
    const setup = setupPool(input, { type: "max", size: [3, 3], stride: [2, 2], padding: [1, 1] });
    const grad = randomTensor([setup.outputHeight, setup.outputWidth], 8);
    const gradInput = poolBackward(setup, grad);
    const total = (t: Tensor) => t.data.reduce((a, b) => a + b, 0);
    expect(total(gradInput)).toBeCloseTo(total(grad), 12);
  });

  it("k=2,1 s=1,2 (non-square pairs): 3x4 input gives 2x2", () => {
    const result = run(m("1 2 3 4; 5 6 7 8; 9 10 11 12"), { type: "max", size: [2, 1], stride: [1, 2] });
    expect(result.output).toEqual([[5, 7], [9, 11]]);
  });
});

describe("average pooling", () => {
  it("x=1..9 k=2 s=2 p=1 (count_include_pad): [[0.25,1.25],[2.75,7]], gradInput 0.25 everywhere", () => {
    const result = run(oneToNine, { type: "avg", size: [2, 2], padding: [1, 1] }, m("1 1; 1 1"));
    expect(result.output).toEqual([[0.25, 1.25], [2.75, 7]]);
    expect(result.gradInput).toEqual([[0.25, 0.25, 0.25], [0.25, 0.25, 0.25], [0.25, 0.25, 0.25]]);
  });

  it("x=1..9 k=2 s=2 p=1 exclude-pad: divides by the real cells only", () => {
    const result = run(oneToNine, { type: "avg", size: [2, 2], padding: [1, 1], countIncludePad: false });
    expect(result.output).toEqual([[1, 2.5], [5.5, 7]]);
  });

  it("x=5x5 k=2 s=2 ceil: cells past n + p are not counted (last column divides by 2)", () => {
    const result = run(oneTo25, { type: "avg", size: [2, 2], ceilMode: true });
    expect(result.output).toEqual([[4, 6, 7.5], [14, 16, 17.5], [21.5, 23.5, 25]]);
  });

  it("x=1..9 k=2 s=1 overlap: gradients accumulate, centre gets 4·(1/4) = 1", () => {
    const result = run(oneToNine, { type: "avg", size: [2, 2], stride: [1, 1] }, m("1 1; 1 1"));
    expect(result.gradInput).toEqual([[0.25, 0.5, 0.25], [0.5, 1, 0.5], [0.25, 0.5, 0.25]]);
  });

  const finiteDifferenceCases: { name: string; shape: number[]; options: PoolOptions }[] = [
    { name: "x=5x6 k=2 s=1", shape: [5, 6], options: { type: "avg", size: [2, 2], stride: [1, 1] } },
    { name: "x=5x5 k=3 s=2 p=1", shape: [5, 5], options: { type: "avg", size: [3, 3], stride: [2, 2], padding: [1, 1] } },
    { name: "x=5x5 k=3 s=2 p=1 exclude-pad", shape: [5, 5], options: { type: "avg", size: [3, 3], stride: [2, 2], padding: [1, 1], countIncludePad: false } },
    { name: "x=6x5 k=2 s=2 ceil", shape: [6, 5], options: { type: "avg", size: [2, 2], ceilMode: true } },
    { name: "x=2x4x5 k=3,2 s=1,2 p=1,1", shape: [2, 4, 5], options: { type: "avg", size: [3, 2], stride: [1, 2], padding: [1, 1] } },
  ];
  for (const testCase of finiteDifferenceCases) {
    it(`${testCase.name}: gradInput matches finite differences of L = Σ g·y`, () => {
      const input = randomTensor(testCase.shape, 11);
      const setup = setupPool(input, testCase.options);
      const outputShape = poolForward(setup).output.shape;
      const grad = randomTensor([...outputShape], 12);
      const analytic = poolBackward(setup, grad);
      const loss = (x: Tensor) => {
        const y = poolForward(setupPool(x, testCase.options)).output;
        return y.data.reduce((total, value, i) => total + value * grad.data[i], 0);
      };
      const h = 1e-6;
      for (let i = 0; i < input.data.length; i++) {
        const plus = tensor(input.shape, Float64Array.from(input.data));
        const minus = tensor(input.shape, Float64Array.from(input.data));
        plus.data[i] += h;
        minus.data[i] -= h;
        expect(analytic.data[i]).toBeCloseTo((loss(plus) - loss(minus)) / (2 * h), 6);
      }
    });
  }
});

describe("pool input checks", () => {
  it("throws when padding is more than half the window (k=2 p=2)", () => {
    expectInputError(() => setupPool(oneToNine, { size: [2, 2], padding: [2, 2] }), "padding", "pool.paddingTooLarge");
  });

  it("throws when padding is more than half the window on one axis only (k=3,2 p=1,2)", () => {
    expectInputError(() => setupPool(oneToNine, { size: [3, 2], padding: [1, 2] }), "padding", "pool.paddingTooLarge");
  });

  it("throws when the window is larger than the padded input (x=2x2 k=3 p=0)", () => {
    expectInputError(() => setupPool(m("1 2; 3 4"), { size: [3, 3] }), "size", "pool.windowTooLarge");
  });

  it("throws when the gradient has the wrong shape", () => {
    const setup = setupPool(oneToNine, { size: [2, 2], stride: [1, 1] });
    expectInputError(() => poolBackward(setup, m("1 2 3")), "grad", "pool.gradShape");
  });

  it("throws when the input is 1-D or 4-D", () => {
    expectInputError(() => setupPool(parseMatrix("[1,2,3]", "input"), { size: [1, 1] }), "input", "input.rank");
    expectInputError(() => setupPool(parseMatrix("[[[[1]]]]", "input"), { size: [1, 1] }), "input", "input.rank");
  });

  it("throws when size or stride is below 1, or padding negative", () => {
    expectInputError(() => setupPool(oneToNine, { size: [0, 1] }), "size", "pair.notPositive");
    expectInputError(() => setupPool(oneToNine, { size: [2, 2], stride: [0, 1] }), "stride", "pair.notPositive");
    expectInputError(() => setupPool(oneToNine, { size: [2, 2], padding: [-1, 0] }), "padding", "pair.negative");
  });

  it("throws when --exclude-pad is given with --type max (exit 2)", async () => {
    const result = await runInProcess(["pool", "--input", "1 2; 3 4", "--size", "2", "--exclude-pad"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("error: --exclude-pad: --exclude-pad only changes average pooling\nhint: add --type avg, or drop --exclude-pad (max pooling never uses padded cells)\n");
  });

  it("throws when --type is neither max nor avg (exit 2)", async () => {
    const result = await runInProcess(["pool", "--input", "1 2; 3 4", "--size", "2", "--type", "min"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("error: --type: \"min\" is not one of max, avg\nhint: give one of these words exactly: max, avg\n");
  });
});

describe("pool human output", () => {
  it("x=[[1,2,1],[1,9,1],[1,1,1]] k=2 s=1 --grad ones: overlap, marked cell and its sum of four δ", async () => {
    const result = await runInProcess(["pool", "--input", "1 2 1; 1 9 1; 1 1 1", "--size", "2", "--stride", "1", "--grad", "1 1; 1 1"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("The windows overlap (stride 1 < size 2)");
    expect(result.stdout).toContain("y11 = max(a11, a12, a21, a22) = max(1, 2, 1, [9]) = 9  at a22");
    expect(result.stdout).toContain(" 1   [9]   1");
    expect(result.stdout).toContain("a22 is the maximum of 4 windows (y11, y12, y21, y22)");
    expect(result.stdout).toContain("∂L/∂a22 = δ11 + δ12 + δ21 + δ22 = 1 + 1 + 1 + 1 = 4");
  });

  it("tie x=[[1,7],[7,2]] k=2: says which tied cell wins", async () => {
    const result = await runInProcess(["pool", "--input", "1 7; 7 2", "--size", "2"]);
    expect(result.stdout).toContain("tie: a12 = a21 = 7; the first in row-major order, a12, is chosen");
  });

  it("avg x=1..9 k=2 s=2 p=1: writes each window's sum over its divisor and the padding note", async () => {
    const result = await runInProcess(["pool", "--type", "avg", "--input", "1 2 3; 4 5 6; 7 8 9", "--size", "2", "--padding", "1", "--grad", "1 1; 1 1"]);
    expect(result.stdout).toContain("y22 = (a22 + a23 + a32 + a33) / 4");
    expect(result.stdout).toContain("= (5 + 6 + 8 + 9) / 4 = 28 / 4 = 7");
    expect(result.stdout).toContain("count_include_pad=True");
    expect(result.stdout).toContain("∂L/∂a11 = δ11/4 = 1/4 = 0.25");
  });

  it("ceil x=5x5 k=2 s=2 p=1: explains the dropped last window", async () => {
    const result = await runInProcess(["pool", "--input", "1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25", "--size", "2", "--padding", "1", "--ceil"]);
    expect(result.stdout).toContain("height: ⌈(5 + 2·1 − 2) / 2⌉ + 1 = 4, but the last window would start at 6 ≥ n + p = 6 (in the right padding), so it is dropped: 3");
  });

  it("x=5x5 k=2 s=3: says that 9 input cells are read by no window", async () => {
    const result = await runInProcess(["pool", "--input", "1 2 3 4 5; 6 7 8 9 10; 11 12 13 14 15; 16 17 18 19 20; 21 22 23 24 25", "--size", "2", "--stride", "3"]);
    expect(result.stdout).toContain("9 input cells are read by no window");
  });

  it("x=2x2x2 channels: windows labelled per channel", async () => {
    const result = await runInProcess(["pool", "--input", "[[[1,2],[3,4]],[[8,7],[6,5]]]", "--size", "2", "--grad", "[[[1]],[[2]]]"]);
    expect(result.stdout).toContain("y[2]11 = max(a[2]11, a[2]12, a[2]21, a[2]22) = max([8], 7, 6, 5) = 8  at a[2]11");
    expect(result.stdout).toContain("∂L/∂a[2]11 = δ[2]11 = 2");
  });

  it("--lang ko: Korean headings", async () => {
    const result = await runInProcess(["pool", "--input", "1 2; 3 4", "--size", "2", "--lang", "ko"]);
    expect(result.stdout).toContain("최대 풀링 2×2, 스트라이드 2, 패딩 0 (PyTorch max_pool2d)");
  });

  it("x=40x40 k=2: summarised, pointing to --json", async () => {
    const rows = Array.from({ length: 40 }, (_, i) => Array.from({ length: 40 }, (_, j) => (i * 40 + j) % 7).join(" ")).join("; ");
    const result = await runInProcess(["pool", "--input", rows, "--size", "2"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("output: 20×20, min");
    expect(result.stdout).toContain("use --json for every value");
    expect(result.stdout.split("\n").length).toBeLessThan(20);
  });
});
