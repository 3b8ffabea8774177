/**
 * step's drill (src/calculators/step/drill/): the training-step topics, varied and hand-computable
 * (answers with at most two decimals, except σ's) and drilling what their issue names; their hints on
 * hand-made problems (worked by hand in the comments) and pinned; and their common mistakes.
 */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../../helpers/errors.js";
import { containsRun, describeHandComputable, describeMistakes, describePinnedHandMadeHints, drillTopics, numbersIn, problemsOf } from "../../helpers/drill.js";
import { translator } from "../../../src/i18n/index.js";
import { calculatorJson, generateProblem } from "../../../src/quiz/index.js";
import { buildHints, type HintProblem } from "../../../src/tutor/hints.js";

const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);

describe("topics", () => {
  it("lists step's topics in order", async () => {
    expect(await drillTopics("step")).toEqual(["train.delta", "train.update", "train.step", "train.chain", "train.sigmoid"]);
  });
});

describeHandComputable(["train.delta", "train.update", "train.step", "train.chain", "train.sigmoid"], ["train.sigmoid"]);

describe("what the training topics drill", () => {
  it("train.update asks the kernel in most seeds and the bias in some", async () => {
    const asks = new Set((await problemsOf("train.update", SEEDS)).map((problem) => problem.ask));
    expect([...asks].sort()).toEqual(["updatedBias", "updatedKernel"]);
  });

  it("train.chain asks ∂L/∂a and ∂L/∂w, and in some seeds ReLU stops a gradient the max pool routed", async () => {
    const all = await problemsOf("train.chain", SEEDS);
    expect(new Set(all.map((problem) => problem.ask))).toEqual(new Set(["gradInput", "gradKernel"]));
    let stopped = 0;
    for (const problem of all) {
      const json = await calculatorJson(problem);
      const routed = (json.gradActivation as number[][]).flat();
      const delta = (json.gradPreActivation as number[][]).flat();
      if (routed.some((g, i) => g !== 0 && delta[i] === 0)) stopped++;
    }
    expect(stopped).toBeGreaterThanOrEqual(10);
  });

  it("train.sigmoid lists σ(s) of every cell in the prompt, to 4 decimals", async () => {
    const problem = await generateProblem("train.sigmoid", 5, "en");
    const json = await calculatorJson(problem);
    for (const h of (json.activation as number[][]).flat()) expect(problem.prompt).toContain(String(Number(h.toFixed(4))));
  });

  it("train.delta varies the loss: half-sse mostly, sse and mse in some seeds", async () => {
    const losses = new Set((await problemsOf("train.delta", SEEDS)).map((problem) => String(problem.given?.loss ?? "half-sse")));
    expect([...losses].sort()).toEqual(["half-sse", "mse", "sse"]);
  });
});

describe("hints on hand-made problems", () => {
  const t = translator("en");

  // Hand-made given values, keyed like `cnn-drill step`'s options. The expected numbers are worked by hand in the comments.
  // s = a ⋆ w + b with a = 1 2 0; 0 1 3; 2 1 1, w = 1 0; -1 2, b = 1: s = 4 8; 1 3.
  const seedFigure = { input: [[1, 2, 0], [0, 1, 3], [2, 1, 1]], kernel: [[1, 0], [-1, 2]], bias: 1 };
  // s_ij = a_ij − a_i,j+1 + 2·a_i+1,j+1 = 1 8 -3; 1 0 4; 1 4 5; ReLU, then 2×2 max pool with stride 1:
  // y = 8 8; 4 5 with maxima at h12, h12, h32, h33, so δ = 0 3 0; 0 0 0; 0 -1 3 for ∂L/∂y = 1 2; -1 3.
  const chain = {
    input: [[1, 2, 0, 1], [0, 1, 3, -1], [2, 1, 1, 0], [1, 0, 2, 2]], kernel: [[1, -1], [0, 2]],
    act: "relu", pool: "max", poolSize: 2, poolStride: 1, grad: [[1, 2], [-1, 3]],
  };

  it("train.delta seed figure target=3 7; 0 4: δ = s − t, first cell worked", () => {
    const hints = buildHints({ topic: "train.delta", given: { ...seedFigure, target: [[3, 7], [0, 4]] } }, t);
    expect(hints).toHaveLength(3);
    expect(hints[0]).toContain("δ = ∂L/∂s has the shape of s, 2×2");
    expect(hints[0]).toContain("∂L/∂y = y − t");
    expect(hints[1]).toContain("s11 = a11·w11 + a12·w12 + a21·w21 + a22·w22 + b\n  ∂L/∂y11 = y11 − t11\n  δ11 = ∂L/∂s11 = ∂L/∂y11");
    expect(hints[2]).toContain("s11 = 1·1 + 2·0 + 0·(-1) + 1·2 + 1 = 4\n  ∂L/∂y11 = 4 − 3 = 1\n  δ11 = 1");
    // δ = 1 1; 1 -1 is in no level.
    for (const level of hints) expect(containsRun(numbersIn(level), [1, 1, 1, -1])).toBe(false);
  });

  it.each([["sse", "2·(4 − 3) = 2"], ["mse", "2·(4 − 3)/4 = 0.5"]])("train.delta loss=%s: ∂L/∂y11 = %s", (loss, written) => {
    const hints = buildHints({ topic: "train.delta", given: { ...seedFigure, target: [[3, 7], [0, 4]], loss } }, t);
    expect(hints[2]).toContain(`∂L/∂y11 = ${written}`);
  });

  it("train.update seed figure lr=0.1: w′11 = 1 − 0.1·2", () => {
    const hints = buildHints({ topic: "train.update", ask: "updatedKernel", given: { ...seedFigure, target: [[3, 7], [0, 4]], lr: 0.1 } }, t);
    expect(hints[0]).toContain("w′ = w − η·∂L/∂w with η = 0.1");
    expect(hints[1]).toContain("∂L/∂w11 = δ11·a11 + δ12·a12 + δ21·a21 + δ22·a22\n  w′11 = w11 − η·∂L/∂w11");
    expect(hints[2]).toContain("∂L/∂w11 = 1·1 + 1·2 + 1·0 + (-1)·1 = 2\n  w′11 = w11 − η·∂L/∂w11 = 1 − 0.1·2 = 0.8");
  });

  it("train.update ask=updatedBias grad=1 -1; 2 0 lr=0.5: b′ substituted, short of the result", () => {
    const hints = buildHints({ topic: "train.update", ask: "updatedBias", given: { ...seedFigure, grad: [[1, -1], [2, 0]], lr: 0.5 } }, t);
    expect(hints).toHaveLength(2);
    expect(numbersIn(hints[0])).not.toContain(0); // b′ = 1 − 0.5·2 = 0
    expect(hints[1]).toBe("Here b′ = 1 − 0.5·(1 + (-1) + 2 + 0)");
  });

  it("train.chain relu + max pool s=1: the first window's maximum h12 collects two gradients", () => {
    const hints = buildHints({ topic: "train.chain", ask: "gradKernel", given: chain }, t);
    expect(hints[1]).toContain("The first pooling window's maximum is h12, so follow s12 forward and back:");
    expect(hints[1]).toContain("δ12 = ∂L/∂s12 = (∂L/∂y11 + ∂L/∂y12) · [s12 > 0]");
    expect(hints[1]).toContain("y12 = max(8, 0, 0, 4) = 8");
    expect(hints[1]).toContain("δ12 = 1 + 2 (s = 8 > 0: ReLU lets it through) = 3");
    expect(hints[2]).toContain("0   3   0\n     0   0   0\n     0  -1   3");
    // ∂L/∂w11 = Σ δ_ij·a_ij = 3·2 + (-1)·1 + 3·1 = 8.
    expect(hints[2]).toContain("= 8");
  });

  it("train.chain ask=gradInput: the first row of ∂L/∂a from δ", () => {
    const hints = buildHints({ topic: "train.chain", ask: "gradInput", given: chain }, t);
    expect(hints[0]).toContain("∂L/∂a has the shape of a, 4×4");
    expect(hints[2]).toContain("∂L/∂a13 = δ12·w12 + δ13·w11 = 3·(-1) + 0·1 = -3");
  });

  it("train.chain: a gradient that ReLU blocks", () => {
    // Every s is 0 + 0 + 0 + 0 − 1 = -1: h = 0, the first maximum h11 gets ∂L/∂y11 = 4, and ReLU blocks it.
    const hints = buildHints({ topic: "train.chain", given: { input: [[0, 0, 0], [0, 0, 0], [0, 0, 0]], kernel: [[1, 1], [1, 1]], bias: -1, act: "relu", pool: "max", poolSize: 2, grad: [[4]] } }, t);
    expect(hints[1]).toContain("4 · 0 (s = -1 ≤ 0: ReLU blocks it) = 0");
  });

  it("train hints exist in Korean", () => {
    const hints = buildHints({ topic: "train.chain", given: chain }, translator("ko"));
    expect(hints[0]).toContain("연쇄 법칙");
    expect(hints[1]).toContain("ReLU를 통과");
  });

  it.each([
    ["neither a target nor a gradient", { ...seedFigure }],
    ["both a target and a gradient", { ...seedFigure, target: [[0, 0], [0, 0]], grad: [[0, 0], [0, 0]] }],
    ["the activation is unknown", { ...seedFigure, target: [[0, 0], [0, 0]], act: "softmax" }],
    ["the pooling is unknown", { ...seedFigure, target: [[0, 0], [0, 0]], pool: "min" }],
    ["the loss is unknown", { ...seedFigure, target: [[0, 0], [0, 0]], loss: "l1" }],
    ["the target has another shape than y", { ...seedFigure, target: [[0, 0, 0]] }],
  ])("throws when %s", (_, given) => {
    expectInputError(() => buildHints({ topic: "train.delta", given }, t), undefined, "hint.givenBad");
  });

  it("throws when an update has no learning rate", () => {
    expectInputError(() => buildHints({ topic: "train.step", given: { ...seedFigure, target: [[3, 7], [0, 4]] } }, t), undefined, "hint.givenBad");
  });
});

const handMade: [string, HintProblem][] = [
  ["train.delta", { topic: "train.delta", given: { input: [[1, 2, 0], [0, 1, 3], [2, 1, 1]], kernel: [[1, 0], [-1, 2]], bias: 1, act: "relu", target: [[3, 7], [0, 4]] } }],
  ["train.update", { topic: "train.update", ask: "updatedKernel", given: { input: [[1, 2, 0], [0, 1, 3], [2, 1, 1]], kernel: [[1, 0], [-1, 2]], grad: [[1, -1], [2, 0]], lr: 0.5 } }],
  ["train.step", { topic: "train.step", ask: "updatedKernel", given: { input: [[1, 2, 0, 1, 2], [0, 1, 3, -1, 0], [2, 1, 1, 0, 1], [1, 0, 2, 2, 0], [0, 1, 0, 1, 1]], kernel: [[1, -1], [0, 2]], bias: -1, act: "relu", pool: "max", target: [[2, 3], [1, 0]], lr: 0.5 } }],
  ["train.chain", { topic: "train.chain", ask: "gradKernel", given: { input: [[1, 2, 0, 1], [0, 1, 3, -1], [2, 1, 1, 0], [1, 0, 2, 2]], kernel: [[1, -1], [0, 2]], act: "relu", pool: "max", poolSize: 2, poolStride: 1, grad: [[1, 2], [-1, 3]] } }],
];
describePinnedHandMadeHints(new URL("__snapshots__/hints/", import.meta.url), handMade);

describeMistakes("step", {
  "delta-sign": "train.delta",
  "update-sign": "train.update",
  "relu-backward-ignored": "train.chain",
  "sigmoid-derivative-missing": "train.sigmoid",
  "loss-form": "train.delta",
});
