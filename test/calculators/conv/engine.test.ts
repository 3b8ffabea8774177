import { describe, expect, it } from "vitest";
import { inputErrorOf } from "../../helpers/errors.js";
import { conv2d, conv2dBackward, rotate180, setupConv, type ConvOptions } from "../../../src/engine/conv2d.js";
import { dot, fromRows, tensor, toNested, type Tensor } from "../../../src/engine/tensor.js";
import { explainConv } from "../../../src/calculators/conv/explain.js";
import { randomInt, seededRandom } from "../../helpers/random.js";

const oneToNine = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);


describe("conv2d known values (SEMANTICS.md)", () => {
  it("x=1..9 k=[[1,2],[3,4]] correlation", () => {
    expect(toNested(conv2d(oneToNine, fromRows([[1, 2], [3, 4]])))).toEqual([[37, 47], [67, 77]]);
  });

  it("x=1..9 k=[[1,2],[3,4]] true convolution", () => {
    expect(toNested(conv2d(oneToNine, fromRows([[1, 2], [3, 4]]), { mode: "conv" }))).toEqual([[23, 33], [53, 63]]);
  });

  it("x=1..9 k=[[1,0],[0,-1]] g=ones backward", () => {
    const kernel = fromRows([[1, 0], [0, -1]]);
    expect(toNested(conv2d(oneToNine, kernel))).toEqual([[-4, -4], [-4, -4]]);
    const gradients = conv2dBackward(oneToNine, kernel, fromRows([[1, 1], [1, 1]]));
    expect(toNested(gradients.gradInput)).toEqual([[1, 1, 0], [1, 0, -1], [0, -1, -1]]);
    expect(toNested(gradients.gradKernel)).toEqual([[12, 16], [24, 28]]);
    expect(gradients.gradBias).toBe(4);
  });

  it("x=4x4 k=3 s=2 skips the trailing row and column: they get gradient 0", () => {
    const input = tensor([4, 4], Array.from({ length: 16 }, (_, i) => i + 1));
    const gradients = conv2dBackward(input, tensor([3, 3], Array(9).fill(1)), fromRows([[1]]), { stride: [2, 2] });
    const rows = toNested(gradients.gradInput) as number[][];
    expect(rows[3]).toEqual([0, 0, 0, 0]);
    expect(rows.map((row) => row[3])).toEqual([0, 0, 0, 0]);
  });

  it("x=4x5 k=2 padding=same puts the extra pixel right/bottom", () => {
    const setup = setupConv(tensor([4, 5]), tensor([2, 2]), { padding: "same" });
    expect(setup.padding).toEqual({ top: 0, bottom: 1, left: 0, right: 1 });
    expect([setup.outputHeight, setup.outputWidth]).toEqual([4, 5]);
  });

  it("x=3x3 k=3 d=2 p=2 padding=valid vs numbers", () => {
    expect(setupConv(oneToNine, tensor([3, 3]), { dilation: [2, 2], padding: [2, 2] }).outputHeight).toBe(3);
    expect(setupConv(oneToNine, tensor([2, 2]), { padding: "valid" }).outputHeight).toBe(2);
  });

  it("x=2x3x3 k=2x2x2 (one filter) gives a 2-D output summing channels, with bias", () => {
    const input = tensor([2, 3, 3], [...oneToNine.data, ...oneToNine.data]);
    const kernel = tensor([2, 2, 2], [1, 0, 0, 0, 0, 0, 0, 1]);
    expect(toNested(conv2d(input, kernel, { bias: 10 }))).toEqual([[16, 18], [22, 24]]);
  });

  it("x=3x3 bank k=2x1x1 gives a 2×3×3 output with per-filter bias", () => {
    const output = conv2d(oneToNine, tensor([2, 1, 1], [1, -1]), { bias: [0, 1] });
    expect(output.shape).toEqual([2, 3, 3]);
    expect(toNested(output)).toEqual([[[1, 2, 3], [4, 5, 6], [7, 8, 9]], [[0, -1, -2], [-3, -4, -5], [-6, -7, -8]]]);
  });
});

/** A random problem: sizes, stride, padding, dilation, mode and channels drawn from a seed. */
function randomProblem(seed: number): { input: Tensor; kernel: Tensor; options: ConvOptions; name: string } {
  const random = seededRandom(seed);
  const value = () => randomInt(random, -3, 3) + (random() < 0.3 ? 0.5 : 0);
  for (;;) {
    const channels = randomInt(random, 1, 3);
    const bank = random() < 0.5;
    const filters = bank ? randomInt(random, 1, 3) : 1;
    const [h, w] = [randomInt(random, 2, 7), randomInt(random, 2, 7)];
    const [kh, kw] = [randomInt(random, 1, 3), randomInt(random, 1, 3)];
    const stride: [number, number] = [randomInt(random, 1, 3), randomInt(random, 1, 3)];
    const dilation: [number, number] = [randomInt(random, 1, 2), randomInt(random, 1, 2)];
    const padding: [number, number] = [randomInt(random, 0, 2), randomInt(random, 0, 2)];
    const spanH = dilation[0] * (kh - 1) + 1;
    const spanW = dilation[1] * (kw - 1) + 1;
    if (spanH > h + 2 * padding[0] || spanW > w + 2 * padding[1]) continue;
    const inputShape = channels === 1 && random() < 0.5 ? [h, w] : [channels, h, w];
    const perFilter = inputShape.length === 2 ? [kh, kw] : [channels, kh, kw];
    const kernelShape = bank ? [filters, ...perFilter] : perFilter;
    const input = tensor(inputShape, Array.from({ length: inputShape.reduce((a, b) => a * b) }, value));
    const kernel = tensor(kernelShape, Array.from({ length: kernelShape.reduce((a, b) => a * b) }, value));
    const mode = random() < 0.3 ? "conv" : "corr";
    const bias = bank ? Array.from({ length: filters }, value) : value();
    const name = `seed=${seed} x=${inputShape.join("x")} k=${kernelShape.join("x")} s=${stride} p=${padding} d=${dilation} ${mode}`;
    return { input, kernel, options: { stride, padding, dilation, mode, bias }, name };
  }
}

function randomLike(t: Tensor, random: () => number): Tensor {
  return tensor(t.shape, Array.from(t.data, () => randomInt(random, -3, 3)));
}

describe("conv2d properties on random problems", () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i);

  it.each(seeds.map((seed) => [randomProblem(seed).name, seed]))("adjoint ⟨conv(x), g⟩ = ⟨x, gradInput(g)⟩ + bias term: %s", (_name, seed) => {
    const { input, kernel, options } = randomProblem(seed);
    const output = conv2d(input, kernel, options);
    const grad = randomLike(output, seededRandom(seed + 7));
    const { gradInput, gradBias } = conv2dBackward(input, kernel, grad, options);
    const withoutBias = conv2d(input, kernel, { ...options, bias: undefined });
    expect(dot(withoutBias, grad)).toBeCloseTo(dot(input, gradInput), 9);
    // and the same identity for the kernel: ⟨conv(x; w), g⟩ = ⟨w, gradKernel(g)⟩
    const { gradKernel } = conv2dBackward(input, kernel, grad, options);
    expect(dot(withoutBias, grad)).toBeCloseTo(dot(kernel, gradKernel), 9);
    // and the bias: ∂/∂b of ⟨y, g⟩ is Σ g per filter
    const biasSum = (typeof gradBias === "number" ? [gradBias] : gradBias).reduce((a, b) => a + b, 0);
    expect(biasSum).toBeCloseTo(grad.data.reduce((a, b) => a + b, 0), 9);
  });

  it.each(seeds.slice(0, 20).map((seed) => [randomProblem(seed).name, seed]))("finite differences agree with gradInput and gradKernel: %s", (_name, seed) => {
    const { input, kernel, options } = randomProblem(seed);
    const grad = randomLike(conv2d(input, kernel, options), seededRandom(seed + 11));
    const loss = (x: Tensor, w: Tensor) => dot(conv2d(x, w, options), grad);
    const { gradInput, gradKernel } = conv2dBackward(input, kernel, grad, options);
    const h = 1e-4;
    const nudge = (t: Tensor, index: number, delta: number) => {
      const data = Float64Array.from(t.data);
      data[index] += delta;
      return tensor(t.shape, data);
    };
    for (let i = 0; i < input.data.length; i++) {
      const numeric = (loss(nudge(input, i, h), kernel) - loss(nudge(input, i, -h), kernel)) / (2 * h);
      expect(gradInput.data[i]).toBeCloseTo(numeric, 5);
    }
    for (let i = 0; i < kernel.data.length; i++) {
      const numeric = (loss(input, nudge(kernel, i, h)) - loss(input, nudge(kernel, i, -h))) / (2 * h);
      expect(gradKernel.data[i]).toBeCloseTo(numeric, 5);
    }
  });

  it.each(seeds.slice(0, 20).map((seed) => [randomProblem(seed).name, seed]))("conv mode equals correlation with the rotated kernel: %s", (_name, seed) => {
    const { input, kernel, options } = randomProblem(seed);
    const [kh, kw] = kernel.shape.slice(-2);
    const rotated = tensor(kernel.shape, rotate180(kernel.data, kh, kw));
    expect(toNested(conv2d(input, kernel, { ...options, mode: "conv" }))).toEqual(toNested(conv2d(input, rotated, { ...options, mode: "corr" })));
  });

  it.each(seeds.slice(0, 10).map((seed) => [randomProblem(seed).name, seed]))("the explanation's terms add up to every value: %s", (_name, seed) => {
    const { input, kernel, options } = randomProblem(seed);
    const setup = setupConv(input, kernel, options);
    const output = conv2d(input, kernel, options);
    const explanation = explainConv(setup, randomLike(output, seededRandom(seed + 3)));
    for (const cell of explanation.cells) {
      expect(cell.terms.reduce((total, term) => total + term.input * term.weight, cell.bias)).toBeCloseTo(cell.value, 9);
    }
    for (const cell of explanation.backward!.gradInputCells) {
      expect(cell.terms.reduce((total, term) => total + term.grad * term.weight, 0)).toBeCloseTo(cell.value, 9);
    }
    for (const cell of explanation.backward!.gradKernelCells) {
      expect(cell.terms.reduce((total, term) => total + term.grad * term.input, 0)).toBeCloseTo(cell.value, 9);
    }
  });

  const singlePlaneSeeds = Array.from({ length: 400 }, (_, i) => 5000 + i)
    .filter((seed) => randomProblem(seed).input.shape.length === 2 && randomProblem(seed).kernel.shape.length === 2)
    .slice(0, 12);

  it("finds single-plane problems to test the picture with", () => {
    expect(singlePlaneSeeds.length).toBe(12);
  });

  it.each(singlePlaneSeeds.map((seed) => [randomProblem(seed).name, seed]))("gradInput is the correlation of the prepared δ with rot180(w): %s", (_name, seed) => {
    const { input, kernel, options } = randomProblem(seed);
    const setup = setupConv(input, kernel, options);
    const grad = randomLike(conv2d(input, kernel, options), seededRandom(seed + 5));
    const explanation = explainConv(setup, grad);
    const prepared = fromRows(explanation.backward!.prepared[0].values);
    const rotatedApplied = tensor(kernel.shape, rotate180(setup.appliedKernel, setup.kernelHeight, setup.kernelWidth));
    const viaPicture = conv2d(prepared, rotatedApplied, { dilation: options.dilation });
    expect(toNested(viaPicture)).toEqual(toNested(explanation.backward!.gradients.gradInput));
  });
});

describe("conv explanation: ∂L/∂b", () => {
  it("x=3x3 bank of 2 filters k=2x2, δ=[[1,2],[3,4]] and [[0,1],[-1,0]]: each filter's terms are its δ, summed", () => {
    const kernel = tensor([2, 2, 2], [1, 0, 0, 1, 0, 1, 1, 0]);
    const setup = setupConv(fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), kernel, { bias: [1, -2] });
    const explanation = explainConv(setup, tensor([2, 2, 2], [1, 2, 3, 4, 0, 1, -1, 0]));
    const cells = explanation.backward!.gradBiasCells;
    expect(cells.map((cell) => [cell.filter, cell.terms.map((term) => term.grad), cell.value])).toEqual([[0, [1, 2, 3, 4], 10], [1, [0, 1, -1, 0], 0]]);
    expect(cells[0].terms.map((term) => [term.row, term.col])).toEqual([[0, 0], [0, 1], [1, 0], [1, 1]]);
  });
});

describe("conv explanation pictures", () => {
  it("x=2x2 k=2x2 p=1 conv mode: the padded input, the first window, and the kernel given, applied and for the backward pass", () => {
    const setup = setupConv(fromRows([[1, 2], [3, 4]]), fromRows([[1, 2], [3, 4]]), { padding: [1, 1], mode: "conv" });
    const explanation = explainConv(setup);
    const [plane] = explanation.paddedInputs;
    expect(plane.values).toEqual([[0, 0, 0, 0], [0, 1, 2, 0], [0, 3, 4, 0], [0, 0, 0, 0]]);
    expect(plane.isPadding[1]).toEqual([true, false, false, true]);
    expect(plane.inFirstWindow[0]).toEqual([true, true, false, false]);
    expect(explanation.kernels).toEqual([{ filter: 0, channel: 0, given: [[1, 2], [3, 4]], applied: [[4, 3], [2, 1]], backward: [[1, 2], [3, 4]] }]);
  });

  it("corr mode: the kernel is applied as given and rotated for the backward pass", () => {
    const explanation = explainConv(setupConv(oneToNine, fromRows([[1, 2], [3, 4]])));
    expect(explanation.kernels[0]).toMatchObject({ given: [[1, 2], [3, 4]], applied: [[1, 2], [3, 4]], backward: [[4, 3], [2, 1]] });
  });
});

describe("conv2d input checks", () => {
  it("throws when the input is not 2-D or 3-D", () => {
    expect(inputErrorOf(() => setupConv(tensor([3]), tensor([1, 1]))).argument).toBe("input");
  });

  it("throws when the kernel's rank fits neither one filter nor a bank", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([1, 1, 1, 1]))).code).toBe("conv.kernelRank");
  });

  it("throws when channels differ", () => {
    expect(inputErrorOf(() => setupConv(tensor([2, 3, 3]), tensor([3, 2, 2]))).code).toBe("conv.channelMismatch");
    expect(inputErrorOf(() => setupConv(tensor([2, 3, 3]), tensor([4, 3, 2, 2]))).code).toBe("conv.channelMismatch");
  });

  it("throws when the kernel is bigger than the padded input", () => {
    expect(inputErrorOf(() => setupConv(tensor([2, 2]), tensor([3, 3]))).code).toBe("conv.kernelTooLarge");
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([2, 2]), { dilation: [3, 3] })).code).toBe("conv.kernelTooLarge");
    expect(setupConv(tensor([2, 2]), tensor([3, 3]), { padding: [1, 1] }).outputHeight).toBe(2);
  });

  it("throws when the stride is zero", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([2, 2]), { stride: [0, 1] })).argument).toBe("stride");
  });

  it("throws when the dilation is zero", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([2, 2]), { dilation: [1, 0] })).argument).toBe("dilation");
  });

  it("throws when the padding is negative", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([2, 2]), { padding: [-1, 0] })).argument).toBe("padding");
  });

  it("throws when same padding comes with stride > 1", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([2, 2]), { padding: "same", stride: [2, 2] })).code).toBe("conv.sameNeedsStride1");
  });

  it("throws when a bank gets the wrong number of biases", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([2, 1, 1]), { bias: [1, 2, 3] })).code).toBe("conv.biasCount");
  });

  it("throws when one filter gets several biases", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([1, 1]), { bias: [1, 2] })).code).toBe("conv.biasSingle");
  });

  it("throws when the output would be absurdly large (huge padding)", () => {
    expect(inputErrorOf(() => setupConv(tensor([3, 3]), tensor([1, 1]), { padding: [5000, 5000] })).code).toBe("budget.outputElements");
  });

  it("throws when the gradient's shape is not the output's", () => {
    const error = inputErrorOf(() => conv2dBackward(oneToNine, tensor([2, 2]), tensor([3, 3])));
    expect(error).toMatchObject({ argument: "grad", code: "conv.gradShape", params: { shape: "3×3", expected: "2×2" } });
  });
});

describe("conv explanation: stride > 1 backward", () => {
  // Single-plane cross-correlations with a stride above 1 on some axis.
  const stridedSeeds = Array.from({ length: 2000 }, (_, i) => 9000 + i)
    .filter((seed) => {
      const { input, kernel, options } = randomProblem(seed);
      return input.shape.length === 2 && kernel.shape.length === 2 && options.mode === "corr" && (options.stride ?? [1, 1]).some((s) => s > 1);
    })
    .slice(0, 12);

  it("finds strided single-plane problems to test the picture with", () => {
    expect(stridedSeeds.length).toBe(12);
  });

  it.each(stridedSeeds.map((seed) => [randomProblem(seed).name, seed]))("gradKernel is the correlation of the padded input with δ dilated by the stride, read every d cells: %s", (_name, seed) => {
    const { input, kernel, options } = randomProblem(seed);
    const setup = setupConv(input, kernel, options);
    const grad = randomLike(conv2d(input, kernel, options), seededRandom(seed + 7));
    const backward = explainConv(setup, grad).backward!;
    // The picture δ dilated by the stride, slid over the padded input, gives each weight's gradient at offset d·(m, n).
    const padded = fromRows(explainConv(setup).paddedInputs[0].values);
    const dilated = fromRows(backward.strideDilated![0].values);
    const full = toNested(conv2d(padded, dilated)) as number[][];
    const [dh, dw] = setup.dilation;
    const viaPicture = Array.from({ length: setup.kernelHeight }, (_, m) => Array.from({ length: setup.kernelWidth }, (_, n) => full[m * dh][n * dw]));
    expect(viaPicture).toEqual(toNested(backward.gradients.gradKernel));
  });

  it("x=5x5 k=2 s=2: (5 − 2) = 3 is not a multiple of 2, so one row and one column are left over", () => {
    const setup = setupConv(fromRows(Array.from({ length: 5 }, () => [1, 2, 3, 4, 5])), fromRows([[1, 0], [0, 1]]), { stride: [2, 2] });
    const backward = explainConv(setup, fromRows([[1, 2], [3, 4]])).backward!;
    expect(backward.leftovers).toEqual([
      { axis: "height", span: 3, stride: 2, count: 1 },
      { axis: "width", span: 3, stride: 2, count: 1 },
    ]);
    expect(backward.strideDilated![0].values).toEqual([[1, 0, 2], [0, 0, 0], [3, 0, 4]]);
  });

  it("x=4x4 k=2 s=2 p=0 and x=3x3 k=2 s=1 leave nothing over", () => {
    const four = setupConv(fromRows(Array.from({ length: 4 }, () => [1, 2, 3, 4])), fromRows([[1, 0], [0, 1]]), { stride: [2, 2] });
    expect(explainConv(four, fromRows([[1, 2], [3, 4]])).backward!.leftovers).toEqual([]);
    const three = setupConv(oneToNine, fromRows([[1, 0], [0, 1]]));
    const backward = explainConv(three, fromRows([[1, 2], [3, 4]])).backward!;
    expect(backward.leftovers).toEqual([]);
    expect(backward.strideDilated).toBeUndefined();
  });
});

