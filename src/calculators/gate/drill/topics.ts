/**
 * gate topics: the XOR network AND(NAND, OR) with drawn weights for its units (each unit's sums and
 * outputs, or the network's outputs), and a perceptron with drawn weights (step(0) = 0 comes up at a
 * steady rate).
 */
import type { Random } from "../../../drill/random.js";
import type { NumericGenerator, PromptPart } from "../../../drill/topic.js";
import { drawUntil } from "../../../drill/generate.js";
import type { Key } from "./messages.js";

/** Textbook weights (w1, w2, b) of `cnn-drill gate <name>`; a test checks them against the calculator. */
export const TEXTBOOK_GATES = {
  and: [0.5, 0.5, -0.7],
  or: [0.5, 0.5, -0.2],
  nand: [-0.5, -0.5, 0.7],
  nor: [-0.5, -0.5, 0.2],
} as const;

type Unit = readonly [number, number, number];

/** Outputs of step(w1·x1 + w2·x2 + b) for 00, 01, 10, 11, on sums rounded to tenths (the draws are multiples of 0.1). */
function unitOutputs([w1, w2, b]: Unit): number[] {
  return [b, w2 + b, w1 + b, w1 + w2 + b].map((z) => (Math.round(z * 10) > 0 ? 1 : 0));
}

const UNIT_TRUTH = { nand: "1110", or: "0111", and: "0001" } as const;

const POSITIVE_WEIGHTS = [0.5, 1, 1, 1.5, 2, 0.4, 0.6] as const;
const BIASES = [-3, -2.5, -2, -1.5, -1, -0.8, -0.7, -0.5, -0.3, -0.2, 0.2, 0.3, 0.5, 0.7, 0.8, 1, 1.5, 2, 2.5, 3] as const;

/** Weights (w1, w2, b) that compute `gate`; NAND's weights are negative, OR's and AND's positive. */
function drawUnit(random: Random, gate: keyof typeof UNIT_TRUTH): Unit {
  const sign = gate === "nand" ? -1 : 1;
  return drawUntil(
    random,
    (r): Unit => [sign * r.pick(POSITIVE_WEIGHTS), sign * r.pick(POSITIVE_WEIGHTS), r.pick(BIASES)],
    (unit) => unitOutputs(unit).join("") === UNIT_TRUTH[gate],
  );
}

/**
 * What a gate.xor problem asks: a key of `cnn-drill gate xor --json` and its catalogue question.
 * Mostly a unit's weighted sums: with valid weights every unit's outputs (and the network's, 0 1 1 0)
 * are the same in every problem, so they are asked only now and then.
 */
const XOR_ASKS = [
  { ask: "outputs", key: "quiz.prompt.gateOutputs" },
  { ask: "nandSums", key: "quiz.prompt.gate.nandSums" },
  { ask: "nandSums", key: "quiz.prompt.gate.nandSums" },
  { ask: "orSums", key: "quiz.prompt.gate.orSums" },
  { ask: "orSums", key: "quiz.prompt.gate.orSums" },
  { ask: "andSums", key: "quiz.prompt.gate.andSums" },
  { ask: "andSums", key: "quiz.prompt.gate.andSums" },
] as const satisfies readonly { ask: string; key: Key }[];

/** The XOR network AND(NAND, OR) with drawn weights for its three units; one of its columns is asked. */
const xor: NumericGenerator<Key> = {
  topic: "gate.xor",
  calculator: "gate",
  generate(random) {
    const weights = random.stream("weights");
    // A fifth of the problems keep the textbook weights, the rest draw each unit.
    const textbook = weights.chance(0.2);
    const nand: Unit = textbook ? TEXTBOOK_GATES.nand : drawUnit(weights, "nand");
    const or: Unit = textbook ? TEXTBOOK_GATES.or : drawUnit(weights, "or");
    const and: Unit = textbook ? TEXTBOOK_GATES.and : drawUnit(weights, "and");
    const { ask, key } = random.stream("ask").pick(XOR_ASKS);
    const prompt: PromptPart<Key>[] = [
      { key: "quiz.prompt.gate.xor", params: { nand: nand.join(", "), or: or.join(", "), and: and.join(", ") } },
      { key },
    ];
    return { positional: ["xor"], given: { nand: [...nand], or: [...or], and: [...and] }, ask, answerForm: "list", prompt };
  },
};

const perceptron: NumericGenerator<Key> = {
  topic: "gate.perceptron",
  calculator: "gate",
  generate(random) {
    const stream = random.stream("weights");
    const wantZeroSum = stream.chance(0.4);
    const [w1, w2, b] = drawUntil(
      stream,
      (r) => [r.pick([-2, -1, -0.5, 0.5, 1, 1, 2]), r.pick([-2, -1, -0.5, 0.5, 1, 1, 2]), r.pick([-2, -1, -1, -0.5, 0, 0.5, 1, 2])],
      ([a, c, bias]) => {
        const sums = [bias, c + bias, a + bias, a + c + bias];
        const outputs = sums.map((z) => (z > 0 ? 1 : 0));
        const constant = outputs.every((y) => y === outputs[0]);
        return !constant && sums.some((z) => z === 0) === wantZeroSum;
      },
    );
    return {
      given: { weights: [w1, w2], bias: b },
      ask: "outputs",
      answerForm: "list",
      prompt: [{ key: "quiz.prompt.gate.perceptron", params: { w1, w2, b } }, { key: "quiz.prompt.gateOutputs" }],
    };
  },
};

export const gateGenerators: NumericGenerator<Key>[] = [xor, perceptron];
