/**
 * The training step as data, stage by stage: the conv forward and backward as `conv` explains them
 * (the backward from δ), each cell through the activation, each pooling window (the backward from
 * ∂L/∂y), the loss terms and each updated weight. The renderer only lays these out.
 */
import { activationCells, lossCells, runStep, updateTerms, type ActivationCell, type LossCell, type StepResult, type StepSetup, type UpdateTerm } from "../../engine/step.js";
import { explainConv, type ConvExplanation } from "../conv/explain.js";
import { explainPool, type PoolExplanation } from "../pool/explain.js";

export interface StepExplanation {
  result: StepResult;
  /** The conv forward, and its backward from δ when there is a backward pass. */
  conv: ConvExplanation;
  activation: ActivationCell[];
  /** The pooling windows, and the routing of ∂L/∂y when there is a backward pass. */
  pool: PoolExplanation | undefined;
  loss: LossCell[];
  /** Σ(y − t)², the sum the loss scales (½, 1 or 1/N). */
  sumOfSquares: number;
  update: { lr: number; kernel: UpdateTerm[]; bias: UpdateTerm[] } | undefined;
}

export function explainStep(setup: StepSetup): StepExplanation {
  const result = runStep(setup);
  const loss = lossCells(result);
  return {
    result,
    conv: explainConv(setup.conv, result.backward?.gradPreActivation),
    activation: activationCells(result),
    pool: result.pool === undefined ? undefined : explainPool(result.pool.setup, result.backward?.gradOutput),
    loss,
    sumOfSquares: loss.reduce((sum, cell) => sum + cell.square, 0),
    update: updateTerms(result),
  };
}
