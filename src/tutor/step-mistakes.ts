/**
 * The training step's common mistakes (topics `train.*`), each recomputed with the engine on the
 * problem's own values: δ with the wrong sign (t − y), the update with the wrong sign (w + η·∇), the
 * gradient passed through ReLU where s ≤ 0 or through σ without σ′, and δ from another form of the loss.
 * Ids only; the messages live in the tutor's catalogue.
 */
import type { Activation } from "../engine/activation.js";
import { convBackward } from "../engine/conv2d.js";
import type { PaddingSpec } from "../engine/conv2d.js";
import type { Pair } from "../engine/geometry.js";
import { LOSSES, type Loss } from "../engine/loss.js";
import type { PoolType } from "../engine/pool2d.js";
import { runStep, setupStep, stepOutputs, type StepOptions, type StepResult } from "../engine/step.js";
import { tensor, toNested, type Tensor } from "../engine/tensor.js";
import type { GivenValue } from "../quiz/types.js";

export const STEP_MISTAKE_IDS = ["delta-sign", "update-sign", "relu-backward-ignored", "sigmoid-derivative-missing", "loss-form"] as const;

export type StepMistakeId = (typeof STEP_MISTAKE_IDS)[number];

type Nested = number | Nested[];

interface StepProblem {
  topic: string;
  given: Readonly<Record<string, GivenValue>>;
  ask: string;
}

interface StepMistake {
  id: StepMistakeId;
  /** Every answer the mistake can give on this problem (none when it does not apply). */
  answers(problem: StepProblem): Nested[];
}

function nestedTensor(value: GivenValue | undefined): Tensor | undefined {
  if (value === undefined || typeof value === "string") return undefined;
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const data = Array.isArray(value) ? (value as unknown[]).flat(3) as number[] : [value];
  return tensor(shape.length === 0 ? [1, 1] : shape.length === 1 ? [1, shape[0]] : shape, data);
}

function pair(value: GivenValue | undefined, fallback: number): Pair {
  return typeof value === "number" ? [value, value] : Array.isArray(value) && value.length === 2 ? [value[0] as number, value[1] as number] : [fallback, fallback];
}

/** The step's options from a problem's values, as `cnn-drill step` reads them; some replaced by `change`. */
function stepOptions(given: StepProblem["given"], change: Partial<StepOptions> = {}): StepOptions | undefined {
  const bias = given.bias === undefined ? undefined : [given.bias].flat(2) as number[];
  const padding = given.padding === "same" || given.padding === "valid" ? given.padding : pair(given.padding, 0);
  const pool = typeof given.pool === "string"
    ? { type: given.pool as PoolType, size: given.poolSize === undefined ? undefined : pair(given.poolSize, 2), stride: given.poolStride === undefined ? undefined : pair(given.poolStride, 2) }
    : undefined;
  return {
    bias,
    stride: pair(given.stride, 1),
    padding: padding as PaddingSpec,
    dilation: pair(given.dilation, 1),
    activation: (typeof given.act === "string" ? given.act : "none") as Activation,
    pool,
    target: nestedTensor(given.target),
    loss: typeof given.loss === "string" ? (given.loss as Loss) : undefined,
    grad: nestedTensor(given.grad),
    lr: typeof given.lr === "number" ? given.lr : undefined,
    ...change,
  };
}

function run(problem: StepProblem, change: Partial<StepOptions> = {}): StepResult | undefined {
  const input = nestedTensor(problem.given.input);
  const kernel = nestedTensor(problem.given.kernel);
  const options = stepOptions(problem.given, change);
  if (input === undefined || kernel === undefined || options === undefined) return undefined;
  return runStep(setupStep(input, kernel, options));
}

function asNested(value: Tensor | number | number[]): Nested {
  return typeof value === "number" ? value : Array.isArray(value) ? value : (toNested(value) as Nested);
}

/** The asked key of the right run, with the backward pass redone from a mistaken δ. */
function answerFromDelta(result: StepResult, delta: Tensor, ask: string): Nested | undefined {
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

const isTrainTopic = (problem: StepProblem) => problem.topic.startsWith("train.");
const asksUpdate = (problem: StepProblem) => problem.ask === "updatedKernel" || problem.ask === "updatedBias";

const STEP_MISTAKES: readonly StepMistake[] = [
  {
    // δ = t − y: every gradient flips sign (an update then moves the wrong way, which update-sign names).
    id: "delta-sign",
    answers: (problem) => {
      if (!isTrainTopic(problem) || asksUpdate(problem) || problem.given.target === undefined) return [];
      const result = run(problem);
      if (result?.backward === undefined) return [];
      const flipped = tensor(result.backward.gradPreActivation.shape, result.backward.gradPreActivation.data.map((v) => -v));
      const answer = answerFromDelta(result, flipped, problem.ask);
      return answer === undefined ? [] : [answer];
    },
  },
  {
    // w′ = w + η·∂L/∂w: a step up the loss, not down.
    id: "update-sign",
    answers: (problem) => {
      if (!isTrainTopic(problem) || !asksUpdate(problem)) return [];
      const result = run(problem);
      if (result?.backward === undefined) return [];
      const flipped = tensor(result.backward.gradPreActivation.shape, result.backward.gradPreActivation.data.map((v) => -v));
      const answer = answerFromDelta(result, flipped, problem.ask);
      return answer === undefined ? [] : [answer];
    },
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
      const answers: Nested[] = [];
      for (const loss of LOSSES.filter((other) => other !== given)) {
        const result = run(problem, { loss });
        const value = result === undefined ? undefined : stepOutputs(result)[problem.ask];
        if (value !== undefined) answers.push(asNested(value));
      }
      return answers;
    },
  },
];

function activationIgnored(problem: StepProblem, activation: "relu" | "sigmoid"): Nested[] {
  if (!isTrainTopic(problem) || problem.given.act !== activation) return [];
  const result = run(problem);
  if (result?.backward === undefined) return [];
  const answer = answerFromDelta(result, result.backward.gradActivation, problem.ask);
  return answer === undefined ? [] : [answer];
}

/** Every mistaken answer of the training-step mistakes that apply to this problem. */
export function stepMistakenAnswers(problem: StepProblem): { id: StepMistakeId; answer: Nested }[] {
  return STEP_MISTAKES.flatMap((mistake) => mistake.answers(problem).map((answer) => ({ id: mistake.id, answer })));
}
