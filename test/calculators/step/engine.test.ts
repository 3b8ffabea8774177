import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyActivation, sigmoid, type Activation } from "../../../src/engine/activation.js";
import { conv2dBackward, type PaddingSpec } from "../../../src/engine/conv2d.js";
import { squaredErrorLoss, type Loss } from "../../../src/engine/loss.js";
import { poolForward, setupPool } from "../../../src/engine/pool2d.js";
import { activationCells, indexOf, lossCells, runStep, setupStep, stepOutputs, trainingStep, updateTerms, type StepOptions, type StepResult } from "../../../src/engine/step.js";
import { InputError } from "../../../src/engine/errors.js";
import { dot, fromRows, tensor, toNested, type Tensor } from "../../../src/engine/tensor.js";
import { stepCase } from "../../engine-adapters/step.js";
import { expectInputError } from "../../helpers/errors.js";
import { firstDifference } from "../../helpers/cli.js";
import { randomInt, seededRandom } from "../../helpers/random.js";

interface TorchCase {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

const cases: TorchCase[] = (JSON.parse(readFileSync(new URL("../../fixtures/torch-cases-round2.json", import.meta.url), "utf8")) as TorchCase[])
  .filter((c) => c.args[0] === "step");

function expectClose(actual: unknown, expected: unknown): void {
  expect(firstDifference(actual, expected)).toBeUndefined();
}

describe("step known values (a 3×3 input, a 2×2 kernel: the seed's setting)", () => {
  const input = fromRows([[1, 2, 0], [0, 1, 3], [2, 1, 0]]);
  const kernel = fromRows([[1, -1], [0, 2]]);

  it("conv → ReLU → 2×2 max pool → half-sse against t=5 → update with η=0.1", () => {
    const result = trainingStep(input, kernel, { bias: -1, activation: "relu", pool: { type: "max" }, target: fromRows([[5]]), lr: 0.1 });
    const json = stepOutputs(result);
    expect(toNested(result.preActivation)).toEqual([[0, 7], [0, -3]]);
    expect(toNested(result.activation)).toEqual([[0, 7], [0, 0]]);
    expect(toNested(result.output)).toEqual([[7]]);
    expect(json.loss).toBe(2);
    expect(toNested(result.backward!.gradOutput)).toEqual([[2]]);
    expect(toNested(result.backward!.gradActivation)).toEqual([[0, 2], [0, 0]]);
    expect(toNested(result.backward!.gradPreActivation)).toEqual([[0, 2], [0, 0]]);
    expect(toNested(result.backward!.conv.gradKernel)).toEqual([[4, 0], [2, 6]]);
    expect(toNested(result.backward!.conv.gradInput)).toEqual([[0, 2, -2], [0, 0, 4], [0, 0, 0]]);
    expect(result.backward!.conv.gradBias).toBe(2);
    expectClose(toNested(result.update!.updatedKernel), [[0.6, -1], [-0.2, 1.4]]);
    expectClose(result.update!.updatedBias, -1.2);
    expect(toNested(result.pool!.mask!)).toEqual([[0, 1], [0, 0]]);
  });

  it("avg pool shares ∂L/∂y out; ReLU zeroes it where s ≤ 0, s = 0 included (ReLU′(0) = 0)", () => {
    const result = trainingStep(input, kernel, { bias: -1, activation: "relu", pool: { type: "avg" }, grad: fromRows([[4]]) });
    expect(toNested(result.localDerivative)).toEqual([[0, 1], [0, 0]]);
    expect(toNested(result.backward!.gradActivation)).toEqual([[1, 1], [1, 1]]);
    expect(toNested(result.backward!.gradPreActivation)).toEqual([[0, 1], [0, 0]]);
  });

  it("sigmoid at s = 0: σ = 1/2 and σ′ = 1/4 multiply the upstream gradient", () => {
    const result = trainingStep(fromRows([[1, -1]]), fromRows([[1, 1]]), { activation: "sigmoid", grad: fromRows([[2]]) });
    expect(toNested(result.activation)).toEqual([[0.5]]);
    expect(toNested(result.localDerivative)).toEqual([[0.25]]);
    expect(toNested(result.backward!.gradPreActivation)).toEqual([[0.5]]);
  });

  it("tanh: tanh′ = 1 − tanh², from the activation as autograd uses it", () => {
    const { activation, localDerivative } = applyActivation("tanh", tensor([3], [0, 1, -2]));
    expect(Array.from(localDerivative.data)).toEqual(Array.from(activation.data, (h) => 1 - h * h));
    expect(localDerivative.data[0]).toBe(1);
  });

  it("sigmoid stays finite and in [0, 1] for large |s|", () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-40)).toBeGreaterThan(0);
  });

  it("losses: half-sse ½Σ(y−t)², sse Σ(y−t)², mse the mean, with their ∂L/∂y", () => {
    const y = fromRows([[3, 1]]);
    const t = fromRows([[1, 2]]);
    expect(squaredErrorLoss("half-sse", y, t).value).toBe(2.5);
    expect(squaredErrorLoss("sse", y, t).value).toBe(5);
    expect(squaredErrorLoss("mse", y, t).value).toBe(2.5);
    expect(toNested(squaredErrorLoss("half-sse", y, t).gradOutput)).toEqual([[2, -1]]);
    expect(toNested(squaredErrorLoss("sse", y, t).gradOutput)).toEqual([[4, -2]]);
    expect(toNested(squaredErrorLoss("mse", y, t).gradOutput)).toEqual([[2, -1]]);
  });

  it("max pool with stride 1: overlapping windows that share a maximum add their gradients", () => {
    const result = trainingStep(fromRows([[1, 9, 1], [1, 1, 1], [1, 1, 1]]), fromRows([[1]]), { pool: { type: "max", stride: [1, 1] }, grad: fromRows([[1, 2], [3, 4]]) });
    expect(toNested(result.output)).toEqual([[9, 9], [1, 1]]);
    // Windows (1,0) and (1,1) hold only ones: the first one in row-major order is chosen.
    expect(toNested(result.backward!.gradActivation)).toEqual([[0, 3, 0], [3, 4, 0], [0, 0, 0]]);
  });
});

describe("step explanation data, cell by cell", () => {
  const input = fromRows([[1, 2, 0], [0, 1, 3], [2, 1, 0]]);
  const kernel = fromRows([[1, -1], [0, 2]]);
  const result = trainingStep(input, kernel, { bias: -1, activation: "relu", pool: { type: "max" }, target: fromRows([[5]]), lr: 0.1 });

  it("activation cells: s, h, ReLU′ and which cells ReLU blocks (s ≤ 0, s = 0 included), with δ", () => {
    expect(activationCells(result)).toEqual([
      { at: [0, 0], preActivation: 0, activation: 0, localDerivative: 0, blocked: true, upstream: 0, delta: 0 },
      { at: [0, 1], preActivation: 7, activation: 7, localDerivative: 1, blocked: false, upstream: 2, delta: 2 },
      { at: [1, 0], preActivation: 0, activation: 0, localDerivative: 0, blocked: true, upstream: 0, delta: 0 },
      { at: [1, 1], preActivation: -3, activation: 0, localDerivative: 0, blocked: true, upstream: 0, delta: 0 },
    ]);
  });

  it("activation cells without a backward pass have no upstream or δ; sigmoid blocks nothing", () => {
    const cells = activationCells(trainingStep(input, kernel, { activation: "sigmoid" }));
    expect(cells.every((cell) => cell.upstream === undefined && cell.delta === undefined && !cell.blocked)).toBe(true);
    expect(cells[0].localDerivative).toBeCloseTo(cells[0].activation * (1 - cells[0].activation), 15);
  });

  it("loss cells: y, t, y − t and ∂L/∂y", () => {
    expect(lossCells(result)).toEqual([{ at: [0, 0], output: 7, target: 5, difference: 2, square: 4, gradOutput: 2 }]);
    expect(lossCells(trainingStep(input, kernel, {}))).toEqual([]);
  });

  it("update terms: each weight and the bias as value − η·grad", () => {
    const terms = updateTerms(result)!;
    expect(terms.lr).toBe(0.1);
    expect(terms.kernel.map((term) => [term.at, term.value, term.grad])).toEqual([[[0, 0], 1, 4], [[0, 1], -1, 0], [[1, 0], 0, 2], [[1, 1], 2, 6]]);
    expect(terms.kernel.every((term) => term.updated === term.value - 0.1 * term.grad)).toBe(true);
    expect(terms.bias).toEqual([{ at: [0], value: -1, grad: 2, updated: -1 - 0.1 * 2 }]);
    expect(updateTerms(trainingStep(input, kernel, { target: fromRows([[5, 5], [5, 5]]) }))).toBeUndefined();
  });

  it("a bank's update terms index [o, c, m, n] and one bias per filter", () => {
    const bank = trainingStep(tensor([2, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8]), tensor([3, 2, 1, 1], [1, 0, 0, 1, 1, 1]), { grad: tensor([3, 2, 2], Array(12).fill(1)), lr: 1 });
    const terms = updateTerms(bank)!;
    expect(terms.kernel.map((term) => term.at)).toEqual([[0, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 1, 0, 0], [2, 0, 0, 0], [2, 1, 0, 0]]);
    expect(terms.bias.map((term) => [term.at, term.grad])).toEqual([[[0], 4], [[1], 4], [[2], 4]]);
  });

  it("indexOf turns flat positions back into row-major indices", () => {
    expect(indexOf([2, 3], 5)).toEqual([1, 2]);
    expect(indexOf([2, 3, 4], 23)).toEqual([1, 2, 3]);
    expect(indexOf([4], 3)).toEqual([3]);
  });
});

describe("step JSON keys are present exactly when the contract says", () => {
  const input = fromRows([[1, 2], [3, 4]]);
  const kernel = fromRows([[1]]);
  const keys = (options: StepOptions) => Object.keys(stepOutputs(trainingStep(input, kernel, options))).sort();
  const forward = ["activation", "output", "preActivation"];
  const backward = ["gradActivation", "gradBias", "gradInput", "gradKernel", "gradOutput", "gradPreActivation"];

  it("forward only", () => expect(keys({})).toEqual(forward.sort()));
  it("with a target: the loss and the gradients", () => expect(keys({ target: input })).toEqual([...forward, ...backward, "loss"].sort()));
  it("with a grad: the gradients, no loss", () => expect(keys({ grad: input })).toEqual([...forward, ...backward].sort()));
  it("with lr: the updated kernel and bias", () => expect(keys({ grad: input, lr: 0.5 })).toEqual([...forward, ...backward, "updatedBias", "updatedKernel"].sort()));
  it("a bank gives lists of biases; one filter a number", () => {
    expect(stepOutputs(trainingStep(input, tensor([2, 1, 1], [1, 2]), { grad: tensor([2, 2, 2]), lr: 1 })).updatedBias).toEqual([0, 0]);
    expect(stepOutputs(trainingStep(input, kernel, { grad: input, lr: 1 })).updatedBias).toBe(-10);
  });
});

describe(`step PyTorch reference cases (${cases.length})`, () => {
  it("cover every activation, pool, loss and --grad, with and without --lr", () => {
    const all = cases.map((c) => c.args.join(" "));
    for (const word of ["--act relu", "--act sigmoid", "--act tanh", "--act none", "--pool max", "--pool avg", "--pool-stride 1", "--loss sse", "--loss mse", "--loss half-sse", "--grad", "--lr", "--dilation", "--stride", "--padding same", "--padding valid"]) {
      expect(all.some((args) => args.includes(word)), word).toBe(true);
    }
    expect(cases.some((c) => c.args[c.args.indexOf("--input") + 1].startsWith("[[["))).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c.args.slice(1).filter((a) => a.startsWith("--")).join(" "), c] as const))("%s: %s", (_name, _options, testCase) => {
    const actual = stepCase(testCase.args.slice(1));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(testCase.expect).sort());
    for (const [key, value] of Object.entries(testCase.expect)) {
      expect(firstDifference(actual[key], value), key).toBeUndefined();
    }
  });
});

// ---- properties on random problems -------------------------------------------------------------

interface RandomStep {
  name: string;
  input: Tensor;
  kernel: Tensor;
  options: StepOptions;
}

const activations: Activation[] = ["none", "relu", "sigmoid", "tanh"];
const losses: Loss[] = ["half-sse", "sse", "mse"];

/** Random real values (no ties, no zeros in s with probability 1), so L is differentiable at the point. */
function randomStep(seed: number): RandomStep {
  const random = seededRandom(seed);
  const values = (shape: number[]) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random() * 4 - 2));
  const channels = randomInt(random, 1, 2);
  const bank = random() < 0.5;
  const filters = bank ? randomInt(random, 1, 2) : 1;
  const k = randomInt(random, 1, 3);
  const stride = randomInt(random, 1, 2);
  const dilation = randomInt(random, 1, 2);
  // No padding for 1×1 kernels: a window wholly in the padding would make s = b there, ties in every max window.
  const padding: PaddingSpec = stride === 1 && random() < 0.3 ? "same" : k === 1 ? [0, 0] : [randomInt(random, 0, 1), randomInt(random, 0, 1)];
  const size = randomInt(random, 2, 3) * stride + dilation * (k - 1) + 1;
  const input = channels === 1 && random() < 0.5 ? values([size, size]) : values([channels, size, size]);
  const inputChannels = input.shape.length === 3 ? [channels] : [];
  const kernel = values([...(bank ? [filters] : []), ...inputChannels, k, k]);
  const activation = activations[seed % 4];
  const poolType = [undefined, "max", "avg"][seed % 3] as "max" | "avg" | undefined;
  const poolStride = randomInt(random, 1, 2);
  const probe = setupStep(input, kernel, { padding, stride: [stride, stride], dilation: [dilation, dilation] });
  const pool = poolType === undefined ? undefined : { type: poolType, stride: [poolStride, poolStride] as const };
  const withPool = setupStep(input, kernel, { padding, stride: [stride, stride], dilation: [dilation, dilation], pool });
  const useTarget = seed % 5 !== 0;
  const options: StepOptions = {
    bias: bank ? Array.from({ length: filters }, () => random() - 0.5) : random() - 0.5,
    stride: [stride, stride], dilation: [dilation, dilation], padding, activation, pool,
    ...(useTarget ? { target: values([...withPool.outputShape]), loss: losses[seed % 3] } : { grad: values([...withPool.outputShape]) }),
    lr: 0.1,
  };
  const name = `x=${input.shape.join("x")} k=${kernel.shape.join("x")} s=${stride} p=${padding} d=${dilation} act=${activation} pool=${poolType ?? "none"}/${poolStride} ${useTarget ? `loss=${losses[seed % 3]}` : "grad"} (s: ${probe.preActivationShape.join("x")})`;
  return { name, input, kernel, options };
}

/** L as a function of the inputs: the loss against the target, or ⟨g, y⟩ for a given g = ∂L/∂y. */
function lossOf(input: Tensor, kernel: Tensor, options: StepOptions): number {
  const result = trainingStep(input, kernel, { ...options, lr: undefined, grad: undefined });
  if (options.target !== undefined) return result.loss!.value;
  return dot(options.grad!, result.output);
}

/** L from s onwards (activation, pool, loss), to check δ, ∂L/∂h and ∂L/∂y at their own stage. */
function lossFromStage(result: StepResult, stage: "s" | "h" | "y", value: Tensor): number {
  const setup = result.setup;
  let h = value;
  if (stage === "s") h = applyActivation(setup.activation, value).activation;
  let y = h;
  if (stage !== "y" && setup.pool !== undefined) y = poolForward(setupPool(h, setup.pool)).output;
  return setup.target !== undefined ? squaredErrorLoss(setup.loss!, y, setup.target).value : dot(setup.grad!, y);
}

function centralDifference(f: (t: Tensor) => number, at: Tensor, index: number, epsilon = 1e-6): number {
  const plus = tensor(at.shape, at.data.slice());
  const minus = tensor(at.shape, at.data.slice());
  plus.data[index] += epsilon;
  minus.data[index] -= epsilon;
  return (f(plus) - f(minus)) / (2 * epsilon);
}

function expectGradient(f: (t: Tensor) => number, at: Tensor, gradient: Tensor): void {
  for (let i = 0; i < at.data.length; i++) {
    const numeric = centralDifference(f, at, i);
    expect(Math.abs(numeric - gradient.data[i]), `cell ${i}: numeric ${numeric}, analytic ${gradient.data[i]}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
  }
}

const seeds = Array.from({ length: 60 }, (_, i) => i + 1);

describe("step properties on random problems", () => {
  it.each(seeds.map((seed) => [randomStep(seed).name, seed]))("finite differences of L agree with every gradient: %s", (_name, seed) => {
    const { input, kernel, options } = randomStep(seed);
    const result = trainingStep(input, kernel, options);
    const { gradInput, gradKernel, gradBias } = result.backward!.conv;
    expectGradient((a) => lossOf(a, kernel, options), input, gradInput);
    expectGradient((w) => lossOf(input, w, options), kernel, gradKernel);
    const bias = tensor([result.setup.conv.filters], result.setup.conv.bias);
    const biasOptions = (b: Tensor): StepOptions => ({ ...options, bias: result.setup.conv.isBank ? Array.from(b.data) : b.data[0] });
    expectGradient((b) => lossOf(input, kernel, biasOptions(b)), bias, tensor([bias.data.length], typeof gradBias === "number" ? [gradBias] : gradBias));
    expectGradient((s) => lossFromStage(result, "s", s), result.preActivation, result.backward!.gradPreActivation);
    // After ReLU, h holds zeros that tie in max windows: L has a kink in h there (not in s, which the line above checks).
    if (!(options.activation === "relu" && options.pool?.type === "max")) {
      expectGradient((h) => lossFromStage(result, "h", h), result.activation, result.backward!.gradActivation);
    }
    expectGradient((y) => lossFromStage(result, "y", y), result.output, result.backward!.gradOutput);
  });

  it.each(seeds.filter((seed) => seed % 5 !== 0).slice(0, 20).map((seed) => [randomStep(seed).name, seed]))("with grad = the ∂L/∂y of a target run, the two runs agree: %s", (_name, seed) => {
    const { input, kernel, options } = randomStep(seed);
    const withTarget = stepOutputs(trainingStep(input, kernel, options));
    const withGrad = stepOutputs(trainingStep(input, kernel, { ...options, target: undefined, loss: undefined, grad: withTarget.gradOutput as Tensor }));
    for (const key of Object.keys(withTarget).filter((k) => k !== "loss")) expect(withGrad[key], key).toEqual(withTarget[key]);
    expect(withGrad.loss).toBeUndefined();
  });

  it.each(seeds.slice(0, 20).map((seed) => [randomStep(seed).name, seed]))("no activation, no pool and grad = G equals conv --grad G: %s", (_name, seed) => {
    const { input, kernel, options } = randomStep(seed);
    const plain: StepOptions = { bias: options.bias, stride: options.stride, padding: options.padding, dilation: options.dilation };
    const shape = setupStep(input, kernel, plain).outputShape;
    const random = seededRandom(seed + 1000);
    const grad = tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => randomInt(random, -3, 3)));
    const step = trainingStep(input, kernel, { ...plain, grad });
    const conv = conv2dBackward(input, kernel, grad, plain);
    expect(step.backward!.gradPreActivation).toEqual(grad);
    expect(step.backward!.conv).toEqual(conv);
  });

  it.each(seeds.slice(0, 10).map((seed) => [randomStep(seed).name, seed]))("the update is w − η·∂L/∂w and b − η·∂L/∂b: %s", (_name, seed) => {
    const { input, kernel, options } = randomStep(seed);
    const result = trainingStep(input, kernel, { ...options, lr: 0.5 });
    const { gradKernel, gradBias } = result.backward!.conv;
    expect(Array.from(result.update!.updatedKernel.data)).toEqual(Array.from(kernel.data, (w, i) => w - 0.5 * gradKernel.data[i]));
    const biases = typeof options.bias === "number" ? [options.bias] : options.bias!;
    const gradBiases = typeof gradBias === "number" ? [gradBias] : gradBias;
    const expected = biases.map((b, o) => b - 0.5 * gradBiases[o]);
    expect(result.update!.updatedBias).toEqual(result.setup.conv.isBank ? expected : expected[0]);
  });

  it("true convolution (mode conv): the gradient and update refer to the kernel as given", () => {
    const { input, kernel, options } = randomStep(3);
    const flipped = tensor(kernel.shape, kernel.data.slice());
    const [kh, kw] = kernel.shape.slice(-2);
    for (let base = 0; base < kernel.data.length; base += kh * kw)
      for (let i = 0; i < kh * kw; i++) flipped.data[base + i] = kernel.data[base + kh * kw - 1 - i];
    const corr = trainingStep(input, kernel, options);
    const conv = trainingStep(input, flipped, { ...options, mode: "conv" });
    expect(conv.output).toEqual(corr.output);
    expect(firstDifference(toNested(conv.backward!.conv.gradInput), toNested(corr.backward!.conv.gradInput))).toBeUndefined();
    const rotatedBack = runStep(setupStep(input, flipped, { ...options, mode: "conv" })).update!.updatedKernel;
    for (let base = 0; base < kernel.data.length; base += kh * kw)
      for (let i = 0; i < kh * kw; i++) expect(rotatedBack.data[base + i]).toBeCloseTo(corr.update!.updatedKernel.data[base + kh * kw - 1 - i], 12);
  });
});

describe("step input checks", () => {
  const input = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  const kernel = fromRows([[1, 0], [0, -1]]);
  const run = (options: StepOptions) => () => trainingStep(input, kernel, options);

  it("throws when the target's shape is not y's", () => expectInputError(run({ target: fromRows([[1, 2]]) }), "target", "step.targetShape"));
  it("throws when the target has the conv output's shape but a pool shrinks y", () => expectInputError(run({ pool: { type: "max" }, target: fromRows([[1, 2], [3, 4]]) }), "target", "step.targetShape"));
  it("throws when the grad's shape is not y's", () => expectInputError(run({ grad: tensor([2, 2, 2]) }), "grad", "step.gradShape"));
  it("throws when the pool window is larger than the conv output", () => expectInputError(run({ pool: { type: "max", size: [3, 3] } }), "pool-size", "step.poolTooLarge"));
  it("throws when the pool window is larger than the conv output on one side only", () => expectInputError(() => trainingStep(fromRows([[1, 2, 3]]), fromRows([[1]]), { pool: { type: "avg" } }), "pool-size", "step.poolTooLarge"));
  it("throws when the pool size is zero", () => expectInputError(run({ pool: { type: "max", size: [0, 0] } }), "pool-size", "pair.notPositive"));
  it("throws when the pool stride is zero", () => expectInputError(run({ pool: { type: "max", stride: [0, 1] } }), "pool-stride", "pair.notPositive"));
  it("throws when the pool type is unknown", () => expectInputError(run({ pool: { type: "min" as "max" } }), "pool", "step.poolBad"));
  it("throws when lr is zero", () => expectInputError(run({ grad: fromRows([[1, 1], [1, 1]]), lr: 0 }), "lr", "step.lrNotPositive"));
  it("throws when lr is negative", () => expectInputError(run({ grad: fromRows([[1, 1], [1, 1]]), lr: -0.1 }), "lr", "step.lrNotPositive"));
  it("throws when lr is not a number", () => expectInputError(run({ grad: fromRows([[1, 1], [1, 1]]), lr: Number.NaN }), "lr", "step.lrNotPositive"));
  it("throws when lr is infinite", () => expectInputError(run({ grad: fromRows([[1, 1], [1, 1]]), lr: Infinity }), "lr", "step.lrNotPositive"));
  it("throws when lr is so large that the updated weights overflow", () => expectInputError(run({ grad: fromRows([[1, 1], [1, 1]]), lr: 1e308 }), "lr", "step.updateNotFinite"));
  it("throws when lr comes without a target or a grad", () => expectInputError(run({ lr: 0.1 }), "lr", "step.lrNeedsGradient"));
  it("throws when both a target and a grad are given", () => expectInputError(run({ target: fromRows([[1, 1], [1, 1]]), grad: fromRows([[1, 1], [1, 1]]) }), "grad", "step.targetAndGrad"));
  it("throws when a loss comes without a target", () => expectInputError(run({ loss: "mse" }), "loss", "step.lossNeedsTarget"));
  it("throws when a loss comes with a grad instead of a target", () => expectInputError(run({ loss: "sse", grad: fromRows([[1, 1], [1, 1]]) }), "loss", "step.lossNeedsTarget"));
  it("throws when the loss is unknown", () => expectInputError(run({ loss: "l1" as Loss, target: fromRows([[1, 1], [1, 1]]) }), "loss", "step.lossBad"));
  it("throws when the activation is unknown", () => expectInputError(run({ activation: "gelu" as Activation }), "act", "step.activationBad"));
  it("throws conv's own errors for the conv stage (channels)", () => expectInputError(() => trainingStep(tensor([2, 3, 3]), tensor([3, 2, 2])), "kernel", "conv.channelMismatch"));
});

describe("step on hostile input (fast-check)", () => {
  /** Mostly `valid`, sometimes `hostile`: every check gets hit, and most runs get far enough to compute. */
  const mostly = <T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: hostile, weight: 1 });
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
  const shape = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));
  const side = (min: number) => mostly(fc.integer({ min, max: 3 }), fc.integer({ min: -2, max: min - 1 }));
  const pair = (min: number) => fc.tuple(side(min), side(min));
  const hostileNumber = fc.oneof(fc.double(), fc.constantFrom(0, -0, -1, Infinity, -Infinity, Number.NaN));

  it("every combination of options either works, with the contract's keys and finite numbers, or throws an InputError", () => {
    let computed = 0;
    fc.assert(fc.property(
      shape(1, 7), mostly(shape(1, 2), shape(3, 5)), shape(1, 3), pair(1), mostly(fc.constant([1, 1] as [number, number]), pair(1)), maybe(pair(1)), maybe(pair(1)),
      mostly(fc.constantFrom<string>("none", "relu", "sigmoid", "tanh"), fc.constant("gelu")),
      maybe(mostly(fc.constantFrom<string>("max", "avg"), fc.constant("min"))),
      maybe(mostly(fc.constantFrom<string>("half-sse", "sse", "mse"), fc.constant("l1"))),
      mostly(fc.constantFrom("target", "grad", "neither"), fc.constant("both")), maybe(mostly(fc.constantFrom(0.1, 0.5, 2), hostileNumber)),
      mostly(fc.constant(false), fc.constant(true)),
      (inputShape, kernelShape, randomShape, stride, dilation, poolSize, poolStride, activation, poolType, givenLoss, source, lr, wrongShape) => {
        const input = tensor(inputShape, Array.from({ length: inputShape[0] * inputShape[1] }, (_, i) => (i % 5) - 2));
        const kernel = tensor(kernelShape, Array.from({ length: kernelShape[0] * kernelShape[1] }, (_, i) => (i % 3) - 1));
        const withTarget = source === "target" || source === "both";
        const withGrad = source === "grad" || source === "both";
        // A loss mostly comes with a target (else it is refused, which a few runs still check).
        const loss = withTarget || wrongShape ? givenLoss : undefined;
        const forward: StepOptions = {
          stride, dilation, activation: activation as Activation,
          pool: poolType === undefined ? undefined : { type: poolType as "max", size: poolSize, stride: poolStride },
        };
        // y's shape when the forward options hold, so that most targets and grads fit; sometimes a random one.
        let yShape: readonly number[] = randomShape;
        if (!wrongShape) {
          try {
            yShape = setupStep(input, kernel, forward).outputShape;
          } catch {
            // The forward options are refused; the run below checks that it is with an InputError.
          }
        }
        const y = tensor(yShape, Array(yShape.reduce((a, b) => a * b, 1)).fill(1));
        const options: StepOptions = { ...forward, loss: loss as Loss | undefined, lr, target: withTarget ? y : undefined, grad: withGrad ? y : undefined };
        let result: StepResult;
        try {
          result = trainingStep(input, kernel, options);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        computed++;
        const outputs = stepOutputs(result);
        expect("loss" in outputs).toBe(withTarget);
        expect("gradInput" in outputs).toBe(withTarget || withGrad);
        expect("updatedKernel" in outputs).toBe(lr !== undefined);
        for (const value of Object.values(outputs)) {
          const numbers = typeof value === "number" ? [value] : Array.isArray(value) ? value : Array.from(value.data);
          expect(numbers.every(Number.isFinite)).toBe(true);
        }
      },
    ), { numRuns: 3000, seed: 11 });
    // Not vacuous: a good share of the runs get through every check and compute.
    expect(computed).toBeGreaterThan(600);
  });
});
