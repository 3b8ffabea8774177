/**
 * The training step's common mistakes (topics `train.*`), each recomputed with the engine on the
 * problem's own values: δ with the wrong sign (t − y), the update with the wrong sign (w + η·∇), the
 * gradient passed through ReLU where s ≤ 0 or through σ without σ′, and δ from another form of the loss.
 * Ids only; their messages are in this drill's messages.ts.
 */
import type { Activation } from "../../../engine/activation.js";
import { convBackward } from "../../../engine/conv2d.js";
import { LOSSES, type Loss } from "../../../engine/loss.js";
import type { PoolType } from "../../../engine/pool2d.js";
import { runStep, setupStep, stepOutputs, type StepOptions, type StepResult } from "../../../engine/step.js";
import { tensor, toNested, type Tensor } from "../../../engine/tensor.js";
import type { NestedNumbers } from "../../../drill/nested.js";
import type { DiagnosedProblem, Mistake } from "../../../drill/tutor.js";
import { biasOf, numberOf, pairOf, paddingOf, tensorOf } from "../../../drill/given-values.js";
import type { DrillMistakeId } from "./messages.js";

/** The step's options from a problem's values, as `cnn-drill step` reads them; some replaced by `change`. */
function stepOptions(given: DiagnosedProblem["given"], change: Partial<StepOptions> = {}): StepOptions {
  const pool = typeof given.pool === "string"
    ? { type: given.pool as PoolType, size: given.poolSize === undefined ? undefined : pairOf(given.poolSize, 2), stride: given.poolStride === undefined ? undefined : pairOf(given.poolStride, 2) }
    : undefined;
  return {
    bias: biasOf(given.bias),
    stride: pairOf(given.stride, 1),
    padding: paddingOf(given.padding),
    dilation: pairOf(given.dilation, 1),
    activation: (typeof given.act === "string" ? given.act : "none") as Activation,
    pool,
    target: tensorOf(given.target),
    loss: typeof given.loss === "string" ? (given.loss as Loss) : undefined,
    grad: tensorOf(given.grad),
    lr: numberOf(given.lr),
    ...change,
  };
}

function run(problem: DiagnosedProblem, change: Partial<StepOptions> = {}): StepResult | undefined {
  const input = tensorOf(problem.given.input);
  const kernel = tensorOf(problem.given.kernel);
  if (input === undefined || kernel === undefined) return undefined;
  return runStep(setupStep(input, kernel, stepOptions(problem.given, change)));
}

function asNested(value: Tensor | number | number[]): NestedNumbers {
  return typeof value === "number" ? value : Array.isArray(value) ? value : (toNested(value) as NestedNumbers);
}

/** The asked key of the right run, with the backward pass redone from a mistaken δ. */
function answerFromDelta(result: StepResult, delta: Tensor, ask: string): NestedNumbers | undefined {
  if (ask === "gradPreActivation") return asNested(delta);
  const gradients = convBackward(result.setup.conv, delta);
  if (ask === "gradKernel" || ask === "gradInput" || ask === "gradBias") return asNested(gradients[ask]);
  const lr = result.setup.lr;
  if (lr === undefined) return undefined;
  if (ask === "updatedKernel") return asNested(tensor(result.setup.kernel.shape, result.setup.kernel.data.map((w, i) => w - lr * gradients.gradKernel.data[i])));
  if (ask === "updatedBias") {
    const gradBias = [gradients.gradBias].flat();
    const updated = gradBias.map((g, o) => result.setup.conv.bias[o] - lr * g);
    return result.setup.conv.isBank ? updated : updated[0];
  }
  return undefined;
}

const isTrainTopic = (problem: DiagnosedProblem) => problem.topic.startsWith("train.");
const asksUpdate = (problem: DiagnosedProblem) => problem.ask === "updatedKernel" || problem.ask === "updatedBias";

export const stepMistakes: readonly Mistake<DrillMistakeId>[] = [
  {
    // δ = t − y: every gradient flips sign (an update then moves the wrong way, which update-sign names).
    id: "delta-sign",
    answers: (problem) => (isTrainTopic(problem) && !asksUpdate(problem) && problem.given.target !== undefined ? withDeltaNegated(problem) : []),
  },
  {
    // w′ = w + η·∂L/∂w: a step up the loss, not down.
    id: "update-sign",
    answers: (problem) => (isTrainTopic(problem) && asksUpdate(problem) ? withDeltaNegated(problem) : []),
  },
  {
    // δ = ∂L/∂h everywhere: the ReLU mask forgotten on the way back.
    id: "relu-backward-ignored",
    answers: (problem) => activationIgnored(problem, "relu"),
  },
  {
    // δ = ∂L/∂h: σ′(s) = σ(1 − σ) left out of the product.
    id: "sigmoid-derivative-missing",
    answers: (problem) => activationIgnored(problem, "sigmoid"),
  },
  {
    // δ from another squared-error form: the ½ missing or added, the mean over N taken or left out.
    id: "loss-form",
    answers: (problem) => {
      if (!isTrainTopic(problem) || problem.given.target === undefined) return [];
      const given = typeof problem.given.loss === "string" ? problem.given.loss : "half-sse";
      const answers: NestedNumbers[] = [];
      for (const loss of LOSSES.filter((other) => other !== given)) {
        const result = run(problem, { loss });
        const value = result === undefined ? undefined : stepOutputs(result)[problem.ask];
        if (value !== undefined) answers.push(asNested(value));
      }
      return answers;
    },
  },
];

/** The asked key with every gradient's sign flipped (the backward pass is linear in δ). */
function withDeltaNegated(problem: DiagnosedProblem): NestedNumbers[] {
  const result = run(problem);
  if (result?.backward === undefined) return [];
  const delta = result.backward.gradPreActivation;
  const answer = answerFromDelta(result, tensor(delta.shape, delta.data.map((v) => -v)), problem.ask);
  return answer === undefined ? [] : [answer];
}

function activationIgnored(problem: DiagnosedProblem, activation: "relu" | "sigmoid"): NestedNumbers[] {
  if (!isTrainTopic(problem) || problem.given.act !== activation) return [];
  const result = run(problem);
  if (result?.backward === undefined) return [];
  const answer = answerFromDelta(result, result.backward.gradActivation, problem.ask);
  return answer === undefined ? [] : [answer];
}
