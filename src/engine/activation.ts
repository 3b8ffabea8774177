/**
 * Element-wise activations of the training step and their local derivatives, as PyTorch computes
 * them: ReLU′(0) = 0 (the gradient passes only where s > 0), σ′ = σ(1 − σ), tanh′ = 1 − tanh².
 */
import { tensor, type Tensor } from "./tensor.js";

export const ACTIVATIONS = ["none", "relu", "sigmoid", "tanh"] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export function sigmoid(s: number): number {
  // Two branches keep exp from overflowing for large |s|, as PyTorch does.
  if (s >= 0) return 1 / (1 + Math.exp(-s));
  const e = Math.exp(s);
  return e / (1 + e);
}

/** h = act(s) for one cell. */
export function activate(activation: Activation, s: number): number {
  switch (activation) {
    case "none":
      return s;
    case "relu":
      return s > 0 ? s : 0;
    case "sigmoid":
      return sigmoid(s);
    case "tanh":
      return Math.tanh(s);
  }
}

/** ∂h/∂s for one cell, from s and h = act(s) (σ and tanh reuse their output, as autograd does). */
export function activationDerivative(activation: Activation, s: number, h: number): number {
  switch (activation) {
    case "none":
      return 1;
    case "relu":
      return s > 0 ? 1 : 0;
    case "sigmoid":
      return h * (1 - h);
    case "tanh":
      return 1 - h * h;
  }
}

export interface ActivationResult {
  /** h = act(s), shaped like s. */
  activation: Tensor;
  /** act′(s) per cell, shaped like s: what multiplies the upstream gradient. */
  localDerivative: Tensor;
}

export function applyActivation(activation: Activation, preActivation: Tensor): ActivationResult {
  const s = preActivation.data;
  const h = new Float64Array(s.length);
  const derivative = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) {
    h[i] = activate(activation, s[i]);
    derivative[i] = activationDerivative(activation, s[i], h[i]);
  }
  return { activation: tensor(preActivation.shape, h), localDerivative: tensor(preActivation.shape, derivative) };
}
