/**
 * Squared-error losses of the training step against a target t of y's shape, and ∂L/∂y:
 * `half-sse` L = ½Σ(y−t)² (the textbook form, ∂L/∂y = y − t), `sse` L = Σ(y−t)² (∂L/∂y = 2(y − t)),
 * `mse` L = Σ(y−t)²/N, PyTorch's `MSELoss()` (∂L/∂y = 2(y − t)/N).
 */
import { tensor, type Tensor } from "./tensor.js";

export const LOSSES = ["half-sse", "sse", "mse"] as const;
export type Loss = (typeof LOSSES)[number];

export interface LossResult {
  loss: Loss;
  value: number;
  /** y − t per cell, the terms of the sum (for the worked answer). */
  difference: Tensor;
  /** The factor in front of Σ(y−t)²: ½, 1 or 1/N. */
  scale: number;
  /** ∂L/∂y = 2·scale·(y − t). */
  gradOutput: Tensor;
}

export function lossScale(loss: Loss, count: number): number {
  switch (loss) {
    case "half-sse":
      return 0.5;
    case "sse":
      return 1;
    case "mse":
      return 1 / count;
  }
}

/** L and ∂L/∂y; y and t must have the same shape (the caller checks it). */
export function squaredErrorLoss(loss: Loss, output: Tensor, target: Tensor): LossResult {
  const y = output.data;
  const t = target.data;
  const count = y.length;
  const difference = new Float64Array(count);
  const grad = new Float64Array(count);
  let sumOfSquares = 0;
  for (let i = 0; i < count; i++) {
    difference[i] = y[i] - t[i];
    sumOfSquares += difference[i] * difference[i];
  }
  // Per loss rather than 2·scale·(y − t): half-sse is exactly y − t, and mse rounds as PyTorch's
  // mse_loss_backward does, (y − t)·(2/N).
  const factor = loss === "half-sse" ? 1 : loss === "sse" ? 2 : 2 / count;
  for (let i = 0; i < count; i++) grad[i] = difference[i] * factor;
  const scale = lossScale(loss, count);
  const value = loss === "half-sse" ? sumOfSquares / 2 : loss === "sse" ? sumOfSquares : sumOfSquares / count;
  return { loss, value, difference: tensor(output.shape, difference), scale, gradOutput: tensor(output.shape, grad) };
}
