/**
 * `cnn-drill step`: one training step of a conv layer (PyTorch autograd and `torch.optim.SGD`):
 * conv → activation → pooling → loss, back to δ = ∂L/∂s, the gradients, and the update.
 */
import { ACTIVATIONS, type Activation } from "../../engine/activation.js";
import { InputError } from "../../engine/errors.js";
import type { Pair } from "../../engine/geometry.js";
import { LOSSES, type Loss } from "../../engine/loss.js";
import type { PoolType } from "../../engine/pool2d.js";
import { runStep, setupStep, STEP_POOL_TYPES, stepOutputs, type StepResult, type StepSetup } from "../../engine/step.js";
import type { Tensor } from "../../engine/tensor.js";
import { parseChoice, parseMatrix, parseNumber, parsePair } from "../../io/parse.js";
import { givenNumber, givenPair, givenTensor, givenText } from "../given.js";
import { CONV_LAYER_OPTIONS, type ConvLayerParams } from "../conv/index.js";
import { en as convEn, ko as convKo } from "../conv/messages.js";
import { en as poolEn, ko as poolKo } from "../pool/messages.js";
import type { CalculatorSpec } from "../spec.js";
import { fitsWorkedAnswer } from "../conv/explain.js";
import { explainStep, type StepExplanation } from "./explain.js";
import { en, ko, type Key } from "./messages.js";
import { renderStepSummary, renderStepText } from "./render.js";

/** conv's layer parameters, then the step's own. */
export interface StepParams extends ConvLayerParams {
  act?: Activation;
  relu?: boolean;
  pool?: PoolType;
  poolSize?: Pair;
  poolStride?: Pair;
  target?: Tensor;
  loss?: Loss;
  grad?: Tensor;
  lr?: number;
}

export type StepAnswer = { kind: "worked"; explanation: StepExplanation } | { kind: "summary"; result: StepResult };

const parseSize = (text: string, argument: string): Pair => parsePair(text, argument, { min: 1 });

export const spec: CalculatorSpec<StepParams, StepSetup, StepAnswer, Key> = {
  name: "step",
  // The step shows conv's and pool's stages in their words, so it speaks their messages too.
  messages: { en: { ...convEn, ...poolEn, ...en }, ko: { ...convKo, ...poolKo, ...ko } },
  help: "step.help",
  examples: "step.help.examples",
  options: {
    // The conv layer's own options, as `conv` declares them.
    ...CONV_LAYER_OPTIONS,
    act: { value: "<name>", help: "step.help.act", choices: ACTIVATIONS, parse: (text, argument) => parseChoice(text, argument, ACTIVATIONS), fromGiven: (value) => givenText(value) as Activation },
    relu: { help: "step.help.relu" },
    pool: { value: "<type>", help: "step.help.pool", choices: STEP_POOL_TYPES, parse: (text, argument) => parseChoice(text, argument, STEP_POOL_TYPES), fromGiven: (value) => givenText(value) as PoolType },
    poolSize: { value: "<pair>", help: "step.help.poolSize", parse: parseSize, fromGiven: givenPair },
    poolStride: { value: "<pair>", help: "step.help.poolStride", parse: parseSize, fromGiven: givenPair },
    target: { value: "<matrix>", help: "step.help.target", source: true, parse: parseMatrix, fromGiven: givenTensor },
    loss: { value: "<loss>", help: "step.help.loss", choices: LOSSES, parse: (text, argument) => parseChoice(text, argument, LOSSES), fromGiven: (value) => givenText(value) as Loss },
    grad: { value: "<matrix>", help: "step.help.grad", source: true, parse: parseMatrix, fromGiven: givenTensor },
    lr: { value: "<eta>", help: "step.help.lr", parse: parseNumber, fromGiven: givenNumber },
  },
  // Combinations that are wrong whatever the values: said before any value is read.
  checkPresence: (given) => {
    if (given.has("target") && given.has("grad")) throw new InputError("grad", "step.targetAndGrad", {}, "step.targetAndGradHint");
    if (given.has("loss") && !given.has("target")) throw new InputError("loss", "step.lossNeedsTarget", {}, "step.lossNeedsTargetHint");
    if (given.has("lr") && !given.has("target") && !given.has("grad")) throw new InputError("lr", "step.lrNeedsGradient", {}, "step.lrNeedsGradientHint");
    for (const option of ["poolSize", "poolStride"] as const) {
      const flag = option === "poolSize" ? "pool-size" : "pool-stride";
      if (given.has(option) && !given.has("pool")) throw new InputError(flag, "step.poolOptionNeedsPool", { option: flag }, "step.poolOptionNeedsPoolHint");
    }
  },
  setup: async (read) => {
    const relu = await read("relu");
    const act = await read("act");
    if (relu === true && act !== undefined && act !== "relu") throw new InputError("relu", "step.reluWithAct", { act }, "step.reluWithActHint");
    const input = await read("input");
    const kernel = await read("kernel");
    const bias = await read("bias");
    const convOptions = { stride: await read("stride"), padding: await read("padding"), dilation: await read("dilation"), bias };
    const poolType = await read("pool");
    const pool = poolType === undefined ? undefined : { type: poolType, size: await read("poolSize"), stride: await read("poolStride") };
    return setupStep(input, kernel, {
      ...convOptions,
      activation: relu === true ? "relu" : (act ?? "none"),
      pool,
      target: await read("target"),
      loss: await read("loss"),
      grad: await read("grad"),
      lr: await read("lr"),
    });
  },
  json: (setup) => stepOutputs(runStep(setup)),
  // Worked cell by cell within the conv's limits (the later stages are never larger).
  explain: (setup) => (fitsWorkedAnswer(setup.conv) ? { kind: "worked", explanation: explainStep(setup) } : { kind: "summary", result: runStep(setup) }),
  render: (answer, context) => (answer.kind === "worked" ? renderStepText(answer.explanation, context) : renderStepSummary(answer.result, context)),
  loadHtml: async () => {
    const { stepHtml, stepSummaryHtml } = await import("./html.js");
    return (answer, context) => (answer.kind === "worked" ? stepHtml(answer.explanation, context) : stepSummaryHtml(answer.result, context));
  },
};
