/**
 * The quiz's words for perceptron gates (`cnn-drill gate`): XOR from NAND, OR and AND, and one perceptron: topic titles, prompts, staged hints,
 * in exam notation. Added to the catalogue when the quiz loads this drill.
 */
import type { DrillKey } from "../../../drill/topic.js";
export const en = {
  "quiz.topic.gate.xor": "XOR from perceptron gates",
  "quiz.topic.gate.perceptron": "Perceptron with a step activation",
  "quiz.prompt.gate.xor": "XOR is built from three perceptrons as y = AND(h1, h2) with the hidden units h1 = NAND(x1, x2) and h2 = OR(x1, x2). Each unit outputs step(w1·in1 + w2·in2 + b) of its two inputs, where step(z) = 1 when z > 0 and 0 otherwise (so step(0) = 0). Weights (w1, w2, b): NAND ({nand}), OR ({or}), AND ({and}).",
  "quiz.prompt.gate.nandSums": "Give the weighted sums z = w1·x1 + w2·x2 + b of the NAND unit h1 for the inputs (x1, x2) = 00, 01, 10, 11, in that order, as one row of four numbers.",
  "quiz.prompt.gate.orSums": "Give the weighted sums z = w1·x1 + w2·x2 + b of the OR unit h2 for the inputs (x1, x2) = 00, 01, 10, 11, in that order, as one row of four numbers.",
  "quiz.prompt.gate.andSums": "Give the weighted sums z = w1·h1 + w2·h2 + b of the output unit AND(h1, h2) for the inputs (x1, x2) = 00, 01, 10, 11 (each from that input's h1 and h2), in that order, as one row of four numbers.",
  "quiz.prompt.gate.perceptron": "A perceptron outputs y = step(w1·x1 + w2·x2 + b) with w1 = {w1}, w2 = {w2} and b = {b}, where step(z) = 1 when z > 0 and 0 otherwise (so step(0) = 0).",
  "quiz.prompt.gateOutputs": "Give the outputs y for the inputs (x1, x2) = 00, 01, 10, 11, in that order, as one row of four 0s and 1s (y00 y01 y10 y11).",
  "hint.gate.step": "Each unit outputs 1 iff w1·x1 + w2·x2 + b > 0; a sum of exactly 0 gives 0.",
  "hint.gate.xorWiring": "XOR = AND(NAND(x1, x2), OR(x1, x2)): the hidden units h1 = NAND(x1, x2) and h2 = OR(x1, x2) both read x1 and x2, and their outputs feed the output unit y = AND(h1, h2).",
  "hint.gate.unit": "The {gate} unit has w1 = {w1}, w2 = {w2}, b = {b}.",
  "hint.gate.perceptron": "Here w1 = {w1}, w2 = {w2}, b = {b}.",
  "hint.gate.roleHidden": "In XOR = AND(NAND(x1, x2), OR(x1, x2)) it is a hidden unit: it reads x1 and x2 and feeds the AND unit.",
  "hint.gate.roleOutput": "In XOR = AND(NAND(x1, x2), OR(x1, x2)) it is the output unit: its inputs are the hidden outputs h1 = NAND(x1, x2) and h2 = OR(x1, x2).",
  "hint.gate.row": "One row worked, x = ({x1}, {x2}):",
  "hint.gate.fires": "z = {z} > 0, so {y}",
  "hint.gate.zero": "z = {z}, which is not > 0, so {y} (step(0) = 0)",
  "hint.gate.silent": "z = {z} < 0, so {y}",
  "hint.gate.rest": "The other rows go the same way.",
} as const;

export const ko: Record<keyof typeof en, string> = {
  "quiz.topic.gate.xor": "퍼셉트론 게이트로 만드는 XOR",
  "quiz.topic.gate.perceptron": "계단 함수 퍼셉트론",
  "quiz.prompt.gate.xor": "XOR을 퍼셉트론 세 개로 y = AND(h1, h2) 형태로 만듭니다. 은닉 유닛은 h1 = NAND(x1, x2)와 h2 = OR(x1, x2)입니다. 각 유닛은 두 입력에 대해 step(w1·입력1 + w2·입력2 + b)를 출력하며, z > 0이면 step(z) = 1, 아니면 0입니다(따라서 step(0) = 0). 가중치 (w1, w2, b): NAND ({nand}), OR ({or}), AND ({and}).",
  "quiz.prompt.gate.nandSums": "입력 (x1, x2) = 00, 01, 10, 11에 대한 NAND 유닛 h1의 가중합 z = w1·x1 + w2·x2 + b를 이 순서로 한 줄에 숫자 네 개로 답하세요.",
  "quiz.prompt.gate.orSums": "입력 (x1, x2) = 00, 01, 10, 11에 대한 OR 유닛 h2의 가중합 z = w1·x1 + w2·x2 + b를 이 순서로 한 줄에 숫자 네 개로 답하세요.",
  "quiz.prompt.gate.andSums": "입력 (x1, x2) = 00, 01, 10, 11에 대한 출력 유닛 AND(h1, h2)의 가중합 z = w1·h1 + w2·h2 + b(각 입력의 h1, h2로 계산)를 이 순서로 한 줄에 숫자 네 개로 답하세요.",
  "quiz.prompt.gate.perceptron": "w1 = {w1}, w2 = {w2}, b = {b}인 퍼셉트론이 y = step(w1·x1 + w2·x2 + b)를 출력합니다. z > 0이면 step(z) = 1, 아니면 0입니다(따라서 step(0) = 0).",
  "quiz.prompt.gateOutputs": "입력 (x1, x2) = 00, 01, 10, 11에 대한 출력 y를 이 순서로 한 줄에 답하세요: y00 y01 y10 y11 (0 또는 1 네 개).",
  "hint.gate.step": "각 유닛은 w1·x1 + w2·x2 + b > 0 일 때만 1을 냅니다. 합이 정확히 0이면 0입니다.",
  "hint.gate.xorWiring": "XOR = AND(NAND(x1, x2), OR(x1, x2))입니다. 은닉 유닛 h1 = NAND(x1, x2)와 h2 = OR(x1, x2)가 둘 다 x1, x2를 받고, 그 출력이 출력 유닛 y = AND(h1, h2)로 들어갑니다.",
  "hint.gate.unit": "{gate} 유닛은 w1 = {w1}, w2 = {w2}, b = {b}입니다.",
  "hint.gate.perceptron": "여기서는 w1 = {w1}, w2 = {w2}, b = {b}입니다.",
  "hint.gate.roleHidden": "XOR = AND(NAND(x1, x2), OR(x1, x2))에서 이 유닛은 은닉 유닛으로, x1과 x2를 받아 AND 유닛에 넘깁니다.",
  "hint.gate.roleOutput": "XOR = AND(NAND(x1, x2), OR(x1, x2))에서 이 유닛은 출력 유닛이며, 은닉 유닛의 출력 h1 = NAND(x1, x2)와 h2 = OR(x1, x2)를 입력으로 받습니다.",
  "hint.gate.row": "한 행을 풀어 보면, x = ({x1}, {x2}):",
  "hint.gate.fires": "z = {z} > 0 이므로 {y}",
  "hint.gate.zero": "z = {z}이고, 0은 0보다 크지 않으므로 {y} (step(0) = 0)",
  "hint.gate.silent": "z = {z} < 0 이므로 {y}",
  "hint.gate.rest": "나머지 행도 같은 방법으로 구합니다.",
};

/** The keys this drill may use: its own and the catalogue's common ones. */
export type Key = DrillKey<keyof typeof en>;
