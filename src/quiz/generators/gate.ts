/**
 * gate topics: the XOR network AND(NAND, OR) and its units with the textbook weights, and a
 * perceptron with drawn weights (step(0) = 0 comes up at a steady rate).
 */
import type { NumericGenerator, PromptPart } from "./types.js";
import { drawUntil } from "./util.js";

/** Textbook weights (w1, w2, b) of `cnn-drill gate <name>`; a test checks them against the calculator. */
export const TEXTBOOK_GATES = {
  and: [0.5, 0.5, -0.7],
  or: [0.5, 0.5, -0.2],
  nand: [-0.5, -0.5, 0.7],
  nor: [-0.5, -0.5, 0.2],
} as const;

type UnitName = keyof typeof TEXTBOOK_GATES;

function unitParams(name: UnitName): Record<string, string | number> {
  const [w1, w2, b] = TEXTBOOK_GATES[name];
  return { gate: name.toUpperCase(), w1, w2, b };
}

const xor: NumericGenerator = {
  topic: "gate.xor",
  calculator: "gate",
  generate(random) {
    // Half the problems ask for the whole network, the others for one of its three units.
    const name = random.stream("gate").pick(["xor", "xor", "xor", "nand", "or", "and"] as const);
    const prompt: PromptPart[] =
      name === "xor"
        ? [{ key: "quiz.prompt.gate.xor", params: { nand: TEXTBOOK_GATES.nand.join(", "), or: TEXTBOOK_GATES.or.join(", "), and: TEXTBOOK_GATES.and.join(", ") } }]
        : [{ key: "quiz.prompt.gate.unit", params: unitParams(name) }];
    prompt.push({ key: "quiz.prompt.gateOutputs" });
    return { positional: [name], given: {}, ask: "outputs", answerForm: "list", prompt };
  },
};

const perceptron: NumericGenerator = {
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

export const gateGenerators: NumericGenerator[] = [xor, perceptron];
