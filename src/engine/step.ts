/**
 * One training step of a conv layer, as the course notes walk it and PyTorch autograd computes it:
 * s = conv2d(a, w, b) → h = act(s) → y = pool(h) per channel → L(y, t) or a given ∂L/∂y, then back:
 * ∂L/∂y → pool backward → ∂L/∂h → ⊙ act′(s) → δ = ∂L/∂s → conv backward (∂L/∂a, ∂L/∂w, ∂L/∂b) →
 * plain SGD, w′ = w − η·∂L/∂w, b′ = b − η·∂L/∂b (`torch.optim.SGD(lr=η)`, one step).
 *
 * Every stage reuses the conv and pooling engines; the result keeps each stage's tensors and the
 * explanation data (ReLU mask, local derivatives, pool argmax, loss terms).
 */
import { ACTIVATIONS, applyActivation, type Activation } from "./activation.js";
import { convBackward, convForward, outputShape, sameShape, setupConv, shapeText, type ConvGradients, type ConvOptions, type ConvSetup } from "./conv2d.js";
import { check, type EngineErrorCode } from "./errors.js";
import { poolOutputSize, type Pair } from "./geometry.js";
import { LOSSES, squaredErrorLoss, type Loss, type LossResult } from "./loss.js";
import { maxPoolMask, poolBackward, poolForward, setupPool, type PoolResult, type PoolSetup, type PoolType } from "./pool2d.js";
import { tensor, type Tensor } from "./tensor.js";

export const STEP_POOL_TYPES = ["max", "avg"] as const;

export interface StepPoolOptions {
  type: PoolType;
  /** Default 2×2. */
  size?: Pair;
  /** Default: the size. */
  stride?: Pair;
}

export interface StepOptions extends ConvOptions {
  /** Default `none`. */
  activation?: Activation;
  /** Pool h per channel (no padding); without it y = h. */
  pool?: StepPoolOptions;
  /** Target t, shaped like y: the loss and the backward pass. */
  target?: Tensor;
  /** Default `half-sse`; only with a target. */
  loss?: Loss;
  /** ∂L/∂y given directly, shaped like y (instead of a target). */
  grad?: Tensor;
  /** Learning rate η > 0 of one SGD update; needs a target or a grad. */
  lr?: number;
}

/** A validated step: the conv setup and what follows it, all shapes known before any arithmetic. */
export interface StepSetup {
  readonly conv: ConvSetup;
  /** The kernel as given (the update subtracts from it). */
  readonly kernel: Tensor;
  readonly activation: Activation;
  readonly pool: { type: PoolType; size: Pair; stride: Pair } | undefined;
  /** Shape of s and h (conv's output rules). */
  readonly preActivationShape: readonly number[];
  /** Shape of y. */
  readonly outputShape: readonly number[];
  readonly target: Tensor | undefined;
  readonly loss: Loss | undefined;
  readonly grad: Tensor | undefined;
  readonly lr: number | undefined;
}

export function setupStep(input: Tensor, kernel: Tensor, options: StepOptions = {}): StepSetup {
  const activation = options.activation ?? "none";
  check((ACTIVATIONS as readonly string[]).includes(activation), "act", "step.activationBad", { text: String(activation), choices: ACTIVATIONS.join(", ") });
  // Argument combinations first: they are mistakes whatever the numbers are.
  const { target, grad, lr } = options;
  check(!(target !== undefined && grad !== undefined), "grad", "step.targetAndGrad", {}, "step.targetAndGradHint");
  check(options.loss === undefined || target !== undefined, "loss", "step.lossNeedsTarget", {}, "step.lossNeedsTargetHint");
  const loss = target === undefined ? undefined : (options.loss ?? "half-sse");
  if (loss !== undefined) check((LOSSES as readonly string[]).includes(loss), "loss", "step.lossBad", { text: String(loss), choices: LOSSES.join(", ") });
  if (lr !== undefined) {
    check(Number.isFinite(lr) && lr > 0, "lr", "step.lrNotPositive", { value: String(lr) }, "step.lrHint");
    check(target !== undefined || grad !== undefined, "lr", "step.lrNeedsGradient", {}, "step.lrNeedsGradientHint");
  }

  const conv = setupConv(input, kernel, options);
  const preActivationShape = outputShape(conv);
  const pool = options.pool === undefined ? undefined : resolvePool(options.pool, conv);
  const stepOutputShape = pool === undefined
    ? preActivationShape
    : [...preActivationShape.slice(0, -2), poolOutputSize(conv.outputHeight, pool.size[0], pool.stride[0], 0, false), poolOutputSize(conv.outputWidth, pool.size[1], pool.stride[1], 0, false)];
  if (target !== undefined) checkShape(target, stepOutputShape, "target", "step.targetShape", "step.targetShapeHint");
  if (grad !== undefined) checkShape(grad, stepOutputShape, "grad", "step.gradShape", "step.gradShapeHint");
  return { conv, kernel, activation, pool, preActivationShape, outputShape: stepOutputShape, target, loss, grad, lr };
}

function resolvePool(options: StepPoolOptions, conv: ConvSetup): { type: PoolType; size: Pair; stride: Pair } {
  check((STEP_POOL_TYPES as readonly string[]).includes(options.type), "pool", "step.poolBad", { text: String(options.type), choices: STEP_POOL_TYPES.join(", ") });
  const size = options.size ?? [2, 2];
  const stride = options.stride ?? size;
  check(size.every((v) => Number.isInteger(v) && v >= 1), "pool-size", "pair.notPositive", { text: size.join(",") });
  check(stride.every((v) => Number.isInteger(v) && v >= 1), "pool-stride", "pair.notPositive", { text: stride.join(",") });
  check(size[0] <= conv.outputHeight && size[1] <= conv.outputWidth, "pool-size", "step.poolTooLarge", {
    size: `${size[0]}×${size[1]}`,
    map: `${conv.outputHeight}×${conv.outputWidth}`,
  }, "step.poolTooLargeHint");
  return { type: options.type, size, stride };
}

function checkShape(given: Tensor, expected: readonly number[], argument: string, code: EngineErrorCode, hintCode: EngineErrorCode): void {
  check(sameShape(given.shape, expected), argument, code, { shape: shapeText(given.shape), expected: shapeText(expected) }, hintCode);
}

export interface StepPoolStage {
  readonly setup: PoolSetup;
  /** y, and for max pooling each window's argmax (flat index in its channel). */
  readonly forward: PoolResult;
  /** Max pooling: 1 where a cell of h is the chosen maximum of at least one window. */
  readonly mask: Tensor | undefined;
}

export interface StepBackward {
  /** ∂L/∂y: from the loss, or as given. */
  readonly gradOutput: Tensor;
  /** ∂L/∂h: ∂L/∂y routed back through the pool (= ∂L/∂y without a pool). */
  readonly gradActivation: Tensor;
  /** δ = ∂L/∂s = ∂L/∂h ⊙ act′(s). */
  readonly gradPreActivation: Tensor;
  /** ∂L/∂a, ∂L/∂w, ∂L/∂b as `conv --grad δ` gives them. */
  readonly conv: ConvGradients;
}

export interface StepUpdate {
  readonly updatedKernel: Tensor;
  /** A number for one filter, one per filter for a bank (like `gradBias`). */
  readonly updatedBias: number | number[];
}

export interface StepResult {
  readonly setup: StepSetup;
  /** s = conv2d(a, w, b). */
  readonly preActivation: Tensor;
  /** h = act(s). */
  readonly activation: Tensor;
  /** act′(s) per cell (1 everywhere without an activation; ReLU: the mask of cells with s > 0). */
  readonly localDerivative: Tensor;
  readonly pool: StepPoolStage | undefined;
  /** y = pool(h), or h. */
  readonly output: Tensor;
  readonly loss: LossResult | undefined;
  readonly backward: StepBackward | undefined;
  readonly update: StepUpdate | undefined;
}

export function runStep(setup: StepSetup): StepResult {
  const preActivation = convForward(setup.conv);
  const { activation, localDerivative } = applyActivation(setup.activation, preActivation);
  let pool: StepPoolStage | undefined;
  if (setup.pool !== undefined) {
    const poolSetup = setupPool(activation, { type: setup.pool.type, size: setup.pool.size, stride: setup.pool.stride });
    const forward = poolForward(poolSetup);
    pool = { setup: poolSetup, forward, mask: forward.argmax === undefined ? undefined : maxPoolMask(poolSetup, forward.argmax) };
  }
  const output = pool === undefined ? activation : pool.forward.output;
  const loss = setup.target === undefined ? undefined : squaredErrorLoss(setup.loss!, output, setup.target);
  const gradOutput = loss?.gradOutput ?? setup.grad;
  const backward = gradOutput === undefined ? undefined : stepBackward(setup, gradOutput, localDerivative, pool);
  const update = backward === undefined || setup.lr === undefined ? undefined : sgdUpdate(setup, backward.conv, setup.lr);
  return { setup, preActivation, activation, localDerivative, pool, output, loss, backward, update };
}

function stepBackward(setup: StepSetup, gradOutput: Tensor, localDerivative: Tensor, pool: StepPoolStage | undefined): StepBackward {
  const gradActivation = pool === undefined ? gradOutput : poolBackward(pool.setup, gradOutput, pool.forward);
  const delta = new Float64Array(gradActivation.data.length);
  for (let i = 0; i < delta.length; i++) delta[i] = gradActivation.data[i] * localDerivative.data[i];
  const gradPreActivation = tensor(setup.preActivationShape, delta);
  return { gradOutput, gradActivation, gradPreActivation, conv: convBackward(setup.conv, gradPreActivation) };
}

function sgdUpdate(setup: StepSetup, gradients: ConvGradients, lr: number): StepUpdate {
  const w = setup.kernel.data;
  const gw = gradients.gradKernel.data;
  const updatedKernel = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) updatedKernel[i] = w[i] - lr * gw[i];
  const b = setup.conv.bias;
  const gb = typeof gradients.gradBias === "number" ? [gradients.gradBias] : gradients.gradBias;
  const updatedBias = gb.map((g, o) => b[o] - lr * g);
  // A finite but huge η can push a weight past float64's range; say so rather than print Infinity.
  check(updatedKernel.every(Number.isFinite) && updatedBias.every(Number.isFinite), "lr", "step.updateNotFinite", { value: String(lr) }, "step.lrHint");
  return { updatedKernel: tensor(setup.kernel.shape, updatedKernel), updatedBias: setup.conv.isBank ? updatedBias : updatedBias[0] };
}

/** The step in one call: `trainingStep(a, w, { activation: "relu", pool: { type: "max" }, target, lr: 0.1 })`. */
export function trainingStep(input: Tensor, kernel: Tensor, options: StepOptions = {}): StepResult {
  return runStep(setupStep(input, kernel, options));
}

/** The contract's JSON keys, present exactly when the contract says (tensors stay tensors). */
export function stepOutputs(result: StepResult): Record<string, Tensor | number | number[]> {
  const outputs: Record<string, Tensor | number | number[]> = {
    preActivation: result.preActivation,
    activation: result.activation,
    output: result.output,
  };
  if (result.loss !== undefined) outputs.loss = result.loss.value;
  if (result.backward !== undefined) {
    const { gradOutput, gradActivation, gradPreActivation, conv } = result.backward;
    Object.assign(outputs, { gradOutput, gradActivation, gradPreActivation, gradInput: conv.gradInput, gradKernel: conv.gradKernel, gradBias: conv.gradBias });
  }
  if (result.update !== undefined) Object.assign(outputs, { updatedKernel: result.update.updatedKernel, updatedBias: result.update.updatedBias });
  return outputs;
}

// ---- explanation data: each stage cell by cell, so renderers only render ------------------------

/** The multi-index of flat position `flat` in `shape` (row-major): [row, col], [c, row, col] … */
export function indexOf(shape: readonly number[], flat: number): number[] {
  const index = new Array<number>(shape.length);
  for (let dim = shape.length - 1; dim >= 0; dim--) {
    index[dim] = flat % shape[dim];
    flat = Math.floor(flat / shape[dim]);
  }
  return index;
}

/** One cell of s through the activation, and (with a backward pass) δ = ∂L/∂h · act′(s) there. */
export interface ActivationCell {
  /** Position in s: [row, col] or [channel, row, col]. */
  at: number[];
  preActivation: number;
  activation: number;
  /** act′(s): 1 without an activation; ReLU 1 or 0; σ(1 − σ); 1 − tanh². */
  localDerivative: number;
  /** ReLU only: s ≤ 0, so the cell passes nothing forward and no gradient back (ReLU′(0) = 0). */
  blocked: boolean;
  /** ∂L/∂h at the cell and δ = upstream · localDerivative; undefined without a backward pass. */
  upstream?: number;
  delta?: number;
}

export function activationCells(result: StepResult): ActivationCell[] {
  const { preActivation: s, activation: h, localDerivative, backward } = result;
  return Array.from(s.data, (value, i) => ({
    at: indexOf(s.shape, i),
    preActivation: value,
    activation: h.data[i],
    localDerivative: localDerivative.data[i],
    blocked: result.setup.activation === "relu" && value <= 0,
    ...(backward === undefined ? {} : { upstream: backward.gradActivation.data[i], delta: backward.gradPreActivation.data[i] }),
  }));
}

/** One cell of y in the loss: the term scale·(y − t)² and ∂L/∂y = 2·scale·(y − t). */
export interface LossCell {
  at: number[];
  output: number;
  target: number;
  difference: number;
  /** (y − t)², the term before the loss's scale. */
  square: number;
  gradOutput: number;
}

export function lossCells(result: StepResult): LossCell[] {
  const { loss, setup, output } = result;
  if (loss === undefined) return [];
  return Array.from(output.data, (y, i) => ({
    at: indexOf(output.shape, i),
    output: y,
    target: setup.target!.data[i],
    difference: loss.difference.data[i],
    square: loss.difference.data[i] ** 2,
    gradOutput: loss.gradOutput.data[i],
  }));
}

/** One weight or bias of the update: updated = value − η·grad. */
export interface UpdateTerm {
  /** Position in the kernel ([m, n], [c, m, n] or [o, c, m, n]); a bias: [o]. */
  at: number[];
  value: number;
  grad: number;
  updated: number;
}

export function updateTerms(result: StepResult): { lr: number; kernel: UpdateTerm[]; bias: UpdateTerm[] } | undefined {
  const { update, backward, setup } = result;
  if (update === undefined || backward === undefined) return undefined;
  const gradKernel = backward.conv.gradKernel.data;
  const kernel = Array.from(setup.kernel.data, (value, i) => ({
    at: indexOf(setup.kernel.shape, i), value, grad: gradKernel[i], updated: update.updatedKernel.data[i],
  }));
  const gradBias = typeof backward.conv.gradBias === "number" ? [backward.conv.gradBias] : backward.conv.gradBias;
  const updatedBias = typeof update.updatedBias === "number" ? [update.updatedBias] : update.updatedBias;
  const bias = gradBias.map((grad, o) => ({ at: [o], value: setup.conv.bias[o], grad, updated: updatedBias[o] }));
  return { lr: setup.lr!, kernel, bias };
}
