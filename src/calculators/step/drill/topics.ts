/**
 * Training-step topics (`cnn-drill step`): δ from a loss, the gradient-descent update, the whole
 * step, the chain conv → ReLU → max pool backward, and conv → sigmoid. Small whole numbers and learning rates such as 0.1
 * or 1/2, so that every answer has at most two decimals (sigmoid: σ(s) is listed in the prompt).
 */
import { sigmoid } from "../../../engine/activation.js";
import { runStep, setupStep, type StepOptions, type StepResult } from "../../../engine/step.js";
import { fromRows, rowsOf, type Tensor } from "../../../engine/tensor.js";
import type { Random } from "../../../drill/random.js";
import type { GivenValue, NumericGenerator, PromptPart } from "../../../drill/topic.js";
import { allZero, drawUntil, nonZeroMatrix, nonZeroTensor } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

/** Learning rates whose products with small whole gradients have at most two decimals. */
const LEARNING_RATES = [0.1, 0.1, 0.5, 0.25, 1] as const;

interface Drawn {
  input: number[][];
  kernel: number[][];
  bias: number;
}

function drawConv(random: Random, n: number, k: number, { inputMin = 0, inputMax = 3, biasChance = 0.4 } = {}): Drawn {
  const kernel = drawUntil(random, (r) => r.matrix(k, k, -1, 2), (m) => m.flat().filter((v) => v !== 0).length >= 2 && new Set(m.flat()).size >= 2);
  const input = drawUntil(random, (r) => r.matrix(n, n, inputMin, inputMax), (m) => !allZero(m));
  const bias = random.chance(biasChance) ? random.pick([-2, -1, 1, 2]) : 0;
  return { input, kernel, bias };
}

function stepOf(drawn: Drawn, options: StepOptions): StepResult {
  return runStep(setupStep(fromRows(drawn.input), fromRows(drawn.kernel), { ...options, bias: [drawn.bias] }));
}

/** With ReLU, some cell of s is positive: otherwise ReLU blocks every gradient and the answer is all zeros. */
function someCellPasses(drawn: Drawn, act: "none" | "relu"): boolean {
  return act === "none" || stepOf(drawn, {}).preActivation.data.some((s) => s > 0);
}

/** The given values in `cnn-drill step`'s argv order (the bias only when there is one). */
function convGiven(drawn: Drawn): Record<string, GivenValue> {
  return { input: drawn.input, kernel: drawn.kernel, ...(drawn.bias === 0 ? {} : { bias: drawn.bias }) };
}

/** The forward-pass sentence: s = a ⋆ w + b, then the activation (if any). */
function forwardPart(drawn: Drawn, act: "none" | "relu" | "sigmoid"): PromptPart<Key> {
  const key = act === "relu" ? "quiz.prompt.train.forwardRelu" : act === "sigmoid" ? "quiz.prompt.train.forwardSigmoid" : "quiz.prompt.train.forward";
  return { key, params: { bias: drawn.bias } };
}

const LOSS_KEYS = { "half-sse": "quiz.prompt.train.lossHalfSse", sse: "quiz.prompt.train.lossSse", mse: "quiz.prompt.train.lossMse" } as const;

const delta: NumericGenerator<Key> = {
  topic: "train.delta",
  calculator: "step",
  generate(random) {
    const [n, k] = random.stream("shape").pick([[3, 2], [3, 2], [3, 2], [4, 3], [4, 2]] as const);
    const setting = random.stream("setting");
    const act = setting.chance(0.4) ? "relu" : "none";
    const drawnLoss = setting.pick(["half-sse", "half-sse", "half-sse", "sse", "mse"] as const);
    // The mean over 9 cells gives ninths; over 4 cells, halves (answers with at most two decimals).
    const loss = drawnLoss === "mse" && n - k + 1 !== 2 ? "half-sse" : drawnLoss;
    const drawn = drawUntil(random.stream("conv"), (r) => drawConv(r, n, k), (d) => someCellPasses(d, act));
    const out = n - k + 1;
    const target = drawUntil(
      random.stream("target"),
      (r) => r.matrix(out, out, -2, 4),
      // Worth computing: δ is not all zero (ReLU may zero some cells, not all).
      (t) => nonZeroTensor(stepOf(drawn, { activation: act, target: fromRows(t), loss }).backward!.gradPreActivation),
    );
    return {
      given: { ...convGiven(drawn), ...(act === "relu" ? { act } : {}), target, ...(loss === "half-sse" ? {} : { loss }) },
      ask: "gradPreActivation",
      prompt: [
        { key: "quiz.prompt.train.askDelta" },
        forwardPart(drawn, act),
        { key: "quiz.prompt.train.noPool" },
        { key: LOSS_KEYS[loss], params: { count: out * out } },
        { key: "quiz.prompt.train.giveDelta" },
      ],
    };
  },
};

const update: NumericGenerator<Key> = {
  topic: "train.update",
  calculator: "step",
  generate(random) {
    const setting = random.stream("setting");
    const ask = setting.chance(0.3) ? "updatedBias" : "updatedKernel";
    const fromTarget = setting.chance(0.5);
    const lr = setting.pick(LEARNING_RATES);
    const drawn = drawConv(random.stream("conv"), 3, 2, { biasChance: ask === "updatedBias" ? 1 : 0.4 });
    const draw = random.stream(fromTarget ? "target" : "grad");
    const values = drawUntil(
      draw,
      (r) => (fromTarget ? r.matrix(2, 2, -2, 4) : nonZeroMatrix(r, 2, 2, -2, 2, 2)),
      (m) => {
        const result = stepOf(drawn, fromTarget ? { target: fromRows(m), lr } : { grad: fromRows(m), lr });
        // Something moves, and the answer is not all zeros (which a blank answer would get right).
        if (ask === "updatedBias") return result.backward!.conv.gradBias !== 0 && result.update!.updatedBias !== 0;
        return nonZeroTensor(result.backward!.conv.gradKernel) && nonZeroTensor(result.update!.updatedKernel);
      },
    );
    return {
      given: { ...convGiven(drawn), ...(fromTarget ? { target: values } : { grad: values }), lr },
      ask,
      answerForm: ask === "updatedBias" ? "number" : "matrix",
      prompt: [
        { key: ask === "updatedBias" ? "quiz.prompt.train.askUpdatedBias" : "quiz.prompt.train.askUpdatedKernel", params: { lr } },
        forwardPart(drawn, "none"),
        { key: "quiz.prompt.train.noPool" },
        fromTarget ? { key: "quiz.prompt.train.lossHalfSse" } : { key: "quiz.prompt.train.deltaGiven" },
        { key: ask === "updatedBias" ? "quiz.prompt.train.giveUpdatedBias" : "quiz.prompt.train.giveUpdatedKernel", params: { lr } },
      ],
    };
  },
};

const wholeStep: NumericGenerator<Key> = {
  topic: "train.step",
  calculator: "step",
  generate(random) {
    const setting = random.stream("setting");
    const act = setting.chance(0.5) ? "relu" : "none";
    const lr = setting.pick(LEARNING_RATES);
    const [n, k] = random.stream("shape").pick([[3, 2], [3, 2], [4, 3]] as const);
    const drawn = drawUntil(random.stream("conv"), (r) => drawConv(r, n, k), (d) => someCellPasses(d, act));
    const target = drawUntil(
      random.stream("target"),
      (r) => r.matrix(2, 2, -2, 4),
      (t) => {
        const result = stepOf(drawn, { activation: act, target: fromRows(t), lr });
        return nonZeroTensor(result.backward!.conv.gradKernel) && nonZeroTensor(result.update!.updatedKernel);
      },
    );
    return {
      given: { ...convGiven(drawn), ...(act === "relu" ? { act } : {}), target, lr },
      ask: "updatedKernel",
      prompt: [
        { key: "quiz.prompt.train.askStep", params: { lr } },
        forwardPart(drawn, act),
        { key: "quiz.prompt.train.noPool" },
        { key: "quiz.prompt.train.lossHalfSse" },
        { key: "quiz.prompt.train.giveUpdatedKernel", params: { lr } },
      ],
    };
  },
};

/** Some window of s holds only values ≤ 0: ReLU makes it all zeros, and the gradient routed there stops. */
function hasDeadWindow(result: StepResult): boolean {
  const { pool } = result;
  if (pool === undefined || pool.forward.argmax === undefined) return false;
  return Array.from(pool.forward.argmax).some((at) => result.preActivation.data[at] <= 0);
}

const chain: NumericGenerator<Key> = {
  topic: "train.chain",
  calculator: "step",
  generate(random) {
    const setting = random.stream("setting");
    const ask = setting.chance(0.5) ? "gradInput" : "gradKernel";
    // Overlapping 2×2 windows (stride 1) on a 3×3 s, or the seed's 2×2 s pooled to one cell.
    const [n, poolStride] = setting.pick([[4, 1], [4, 1], [3, 2]] as const);
    const wantDead = n === 4 && setting.chance(0.5);
    const drawn = drawUntil(
      random.stream("conv"),
      (r) => drawConv(r, n, 2, { inputMin: -1, inputMax: 3, biasChance: 0.3 }),
      (d) => {
        const result = stepOf(d, { activation: "relu", pool: { type: "max", stride: [poolStride, poolStride] } });
        // Some window passes its gradient back (else every answer is 0); some seeds also have one that ReLU stops.
        const alive = Array.from(result.pool!.forward.argmax!).some((at) => result.preActivation.data[at] > 0);
        return alive && (!wantDead || hasDeadWindow(result));
      },
    );
    const out = n === 4 ? 2 : 1;
    const grad = drawUntil(
      random.stream("grad"),
      (r) => nonZeroMatrix(r, out, out, -2, 2, out === 1 ? 1 : 2),
      (g) => {
        const result = stepOf(drawn, { activation: "relu", pool: { type: "max", stride: [poolStride, poolStride] }, grad: fromRows(g) });
        return nonZeroTensor(result.backward!.conv[ask]);
      },
    );
    return {
      given: { ...convGiven(drawn), act: "relu", pool: "max", ...(poolStride === 2 ? {} : { poolStride }), grad },
      ask,
      prompt: [
        { key: ask === "gradInput" ? "quiz.prompt.train.askChainInput" : "quiz.prompt.train.askChainKernel" },
        forwardPart(drawn, "relu"),
        { key: poolStride === 1 ? "quiz.prompt.train.maxPoolOverlap" : "quiz.prompt.train.maxPool" },
        { key: "quiz.prompt.train.gradGiven" },
        { key: ask === "gradInput" ? "quiz.prompt.train.giveGradInput" : "quiz.prompt.train.giveGradKernel" },
      ],
    };
  },
};

/** σ(s) of each cell to 4 decimals, row by row: `0.5, 0.7311; 0.2689, 0.5`. */
function sigmoidTable(preActivation: Tensor): string {
  return rowsOf(preActivation).map((row) => row.map((s) => String(Number(sigmoid(s).toFixed(4)))).join(", ")).join("; ");
}

const sigmoidChain: NumericGenerator<Key> = {
  topic: "train.sigmoid",
  calculator: "step",
  generate(random) {
    const setting = random.stream("setting");
    const ask = setting.chance(0.5) ? "gradInput" : "gradKernel";
    // s between −2 and 2, so σ′(s) is not vanishingly small and δ is worth computing by hand.
    const drawn = drawUntil(
      random.stream("conv"),
      (r) => drawConv(r, 3, 2, { inputMin: -1, inputMax: 2, biasChance: 0.3 }),
      (d) => stepOf(d, {}).preActivation.data.every((s) => Math.abs(s) <= 2),
    );
    const grad = nonZeroMatrix(random.stream("grad"), 2, 2, -2, 2, 2);
    const result = stepOf(drawn, { activation: "sigmoid", grad: fromRows(grad) });
    return {
      given: { ...convGiven(drawn), act: "sigmoid", grad },
      ask,
      prompt: [
        { key: ask === "gradInput" ? "quiz.prompt.train.askSigmoidInput" : "quiz.prompt.train.askSigmoidKernel" },
        forwardPart(drawn, "sigmoid"),
        { key: "quiz.prompt.train.sigmoidValues", params: { values: sigmoidTable(result.preActivation) } },
        { key: "quiz.prompt.train.gradGiven" },
        { key: ask === "gradInput" ? "quiz.prompt.train.giveGradInput" : "quiz.prompt.train.giveGradKernel" },
      ],
    };
  },
};

export const trainGenerators: readonly NumericGenerator<Key>[] = [delta, update, wholeStep, chain, sigmoidChain];
