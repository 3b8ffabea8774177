/** Reading answers (every form and every error) and partial credit. */
import { describe, expect, it } from "vitest";
import { expectInputError } from "../helpers/errors.js";
import { inputErrorOf } from "../helpers/errors.js";
import { checkAnswer, generateProblem, readChoiceAnswer, readNumericAnswer, type NumericCheck, type QuizProblem } from "../../src/quiz/index.js";


describe("readNumericAnswer", () => {
  const matrix = [[1, 2, 3], [4, 5, 6]];

  it.each([
    ["text rows", "1 2 3; 4 5 6"],
    ["commas", "1,2,3;4,5,6"],
    ["new lines", "1 2 3\n4 5 6\n"],
    ["JSON", "[[1,2,3],[4,5,6]]"],
    ["fractions", "2/2 4/2 3; 8/2 5 12/2"],
    ["exponents", "1e0 2 3; 4 5 6"],
  ])("reads a 2×3 matrix from %s", (_, text) => {
    expect(readNumericAnswer(text, matrix).values).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reads negatives at the start", () => {
    expect(readNumericAnswer("-1 2; 3 -4", [[0, 0], [0, 0]]).values).toEqual([-1, 2, 3, -4]);
  });

  it.each([
    ["18,144", 18144],
    ["231,211,008", 231211008],
    ["−1,000", -1000],
    [" 73,856 ", 73856],
  ])("reads %s, a count with thousands separators as rf prints it, as one number", (text, value) => {
    expect(readNumericAnswer(text, 0).values).toEqual([value]);
  });

  it("reads commas as separators where they cannot group thousands, or where the answer is a list", () => {
    expectInputError(() => readNumericAnswer("18,14", 0), "answer", "quiz.answer.wantNumber");
    expect(readNumericAnswer("18,144", [0, 0]).values).toEqual([18, 144]);
  });

  it("reads one number, a fraction, or a 1×1 matrix for a number", () => {
    expect(readNumericAnswer("7", 7).values).toEqual([7]);
    expect(readNumericAnswer("1/4", 0.25).values).toEqual([0.25]);
    expect(readNumericAnswer("[[3]]", 3).values).toEqual([3]);
  });

  it("reads a list as one row, one column, commas or JSON", () => {
    for (const text of ["0 1 1 0", "0,1,1,0", "0;1;1;0", "[0,1,1,0]"]) expect(readNumericAnswer(text, [0, 1, 1, 0]).values).toEqual([0, 1, 1, 0]);
  });

  it("reads a C×H×W answer as JSON or as the channels' rows stacked", () => {
    const expected = [[[1, 2], [3, 4]], [[5, 6], [7, 8]]];
    expect(readNumericAnswer("[[[1,2],[3,4]],[[5,6],[7,8]]]", expected).values).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(readNumericAnswer("1 2; 3 4; 5 6; 7 8", expected).values).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("throws when a matrix answer has too few numbers (expected a 2×3 matrix, got 5 numbers)", () => {
    const error = inputErrorOf(() => readNumericAnswer("1 2 3 4 5", matrix));
    expect(error.argument).toBe("answer");
    expect(error.code).toBe("quiz.answer.wantMatrix");
    expect(error.params).toEqual({ shape: "2×3", count: 5 });
  });

  it("throws when a matrix answer has the right count but the wrong shape", () => {
    const error = inputErrorOf(() => readNumericAnswer("1 2; 3 4; 5 6", matrix));
    expect(error.code).toBe("quiz.answer.wantMatrixShape");
    expect(error.params).toEqual({ shape: "2×3", got: "3×2" });
  });

  it("throws when a number answer has several numbers", () => {
    const error = inputErrorOf(() => readNumericAnswer("1 2", 3));
    expect(error.code).toBe("quiz.answer.wantNumber");
    expect(error.params).toEqual({ count: 2 });
    expect(error.hintCode).toBe("quiz.answer.wantNumberHint");
  });

  it("throws when a list answer has the wrong count", () => {
    const error = inputErrorOf(() => readNumericAnswer("0 1 1", [0, 1, 1, 0]));
    expect(error.code).toBe("quiz.answer.wantList");
    expect(error.params).toEqual({ size: 4, count: 3 });
  });

  it("throws when a list answer is a 2×2 matrix", () => {
    const error = inputErrorOf(() => readNumericAnswer("0 1; 1 0", [0, 1, 1, 0]));
    expect(error.code).toBe("quiz.answer.wantListShape");
    expect(error.params).toEqual({ size: 4, shape: "2×2" });
  });

  it("throws when a C×H×W answer has the wrong count", () => {
    const error = inputErrorOf(() => readNumericAnswer("1 2; 3 4", [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]));
    expect(error.code).toBe("quiz.answer.wantArray");
    expect(error.params).toEqual({ shape: "2×2×2", count: 4 });
  });

  it("throws when a C×H×W answer has the right count but the wrong shape", () => {
    const error = inputErrorOf(() => readNumericAnswer("1 2 3 4; 5 6 7 8", [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]));
    expect(error.code).toBe("quiz.answer.wantArrayShape");
    expect(error.params).toEqual({ shape: "2×2×2", got: "2×4" });
  });

  it.each([
    ["empty", "", "input.empty"],
    ["a word", "1 two; 3 4", "input.notANumber"],
    ["ragged rows", "1 2; 3", "input.ragged"],
    ["bad JSON", "[[1,2],[3,4]", "input.badJson"],
    ["division by zero", "1/0 2; 3 4", "input.zeroDenominator"],
    ["NaN", "NaN 2; 3 4", "input.notFinite"],
  ])("throws when the answer is %s", (_, text, code) => {
    const error = inputErrorOf(() => readNumericAnswer(text, [[1, 2], [3, 4]]));
    expect(error.argument).toBe("answer");
    expect(error.code).toBe(code);
  });
});

describe("readChoiceAnswer", () => {
  it.each([["a", 0], ["B", 1], ["d", 3], ["1", 0], ["4", 3], [" c) ", 2], ["b.", 1]])("reads %j as position %i", (text, index) => {
    expect(readChoiceAnswer(text, 4)).toBe(index);
  });

  it.each(["e", "5", "0", "ab", "", "-1", "1.5"])("throws when the choice is %j (4 options)", (text) => {
    const error = inputErrorOf(() => readChoiceAnswer(text, 4));
    expect(error.code).toBe("quiz.answer.wantChoice");
    expect(error.params).toMatchObject({ last: "d", count: 4 });
  });
});

describe("checkAnswer", () => {
  // A fixed problem, checked against the conv calculator: x = 1..9, w = [[1,2],[3,4]] → [[37,47],[67,77]].
  const problem: QuizProblem = {
    id: "conv.forward@0",
    topic: "conv.forward",
    seed: 0,
    kind: "numeric",
    prompt: "",
    given: { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], kernel: [[1, 2], [3, 4]] },
    ask: "output",
    command: ["cnn-drill", "conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 2; 3 4"],
    answerForm: "matrix",
  };

  it("marks a right answer right, score 1", async () => {
    const result = (await checkAnswer(problem, "37 47; 67 77", "en")) as NumericCheck;
    expect(result).toMatchObject({ correct: true, score: 1, expected: [[37, 47], [67, 77]], cells: [true, true, true, true] });
  });

  it("gives partial credit per cell", async () => {
    const result = (await checkAnswer(problem, "37 46; 67 70", "en")) as NumericCheck;
    expect(result.correct).toBe(false);
    expect(result.score).toBe(0.5);
    expect(result.cells).toEqual([true, false, true, false]);
  });

  it("scores 0 when every cell is wrong", async () => {
    expect((await checkAnswer(problem, "0 0; 0 0", "en")).score).toBe(0);
  });

  it("accepts answers within 0.01 and rejects answers further off", async () => {
    expect((await checkAnswer(problem, "37.01 47; 67 76.99", "en")).correct).toBe(true);
    expect((await checkAnswer(problem, "37.02 47; 67 77", "en")).correct).toBe(false);
  });

  it("accepts exact fractions for decimal answers (avg pooling: 0.25 as 1/4)", async () => {
    const avg: QuizProblem = {
      ...problem,
      given: { input: [[1, 0], [0, 0]], type: "avg", size: 2 },
      command: ["cnn-drill", "pool", "--input", "1 0; 0 0", "--type", "avg", "--size", "2"],
      ask: "output",
    };
    expect((await checkAnswer(avg, "1/4", "en")).correct).toBe(true);
    expect((await checkAnswer(avg, "[[0.25]]", "en")).correct).toBe(true);
  });

  it("throws (not wrong) when the answer has the wrong shape", async () => {
    await expect(checkAnswer(problem, "37 47 67", "en")).rejects.toMatchObject({ code: "quiz.answer.wantMatrix", params: { shape: "2×2", count: 3 } });
  });

  it("checks a choice problem by letter or number, with the explanation", async () => {
    const choice = await generateProblem("concept.xor", 5, "en");
    const right = await checkAnswer(choice, "a", "en");
    const letter = right.expected as string;
    const number = String(letter.charCodeAt(0) - 96);
    expect(await checkAnswer(choice, letter, "en")).toMatchObject({ kind: "choice", correct: true, score: 1 });
    expect(await checkAnswer(choice, number, "en")).toMatchObject({ correct: true });
    const other = letter === "a" ? "b" : "a";
    const wrong = await checkAnswer(choice, other, "ko");
    expect(wrong).toMatchObject({ correct: false, score: 0, expected: letter });
    expect(wrong.kind === "choice" && wrong.explanation).toMatch(/[가-힣]/);
  });

  it("throws when a choice answer is out of range", async () => {
    const choice = await generateProblem("concept.xor", 5, "en");
    await expect(checkAnswer(choice, "z", "en")).rejects.toMatchObject({ code: "quiz.answer.wantChoice" });
  });
});

describe("checkAnswer: a max-pool mask is scored by its marked cells", () => {
  // 2×2 windows, stride 2: the maxima 4, 5, 1, 7 sit at (1,1), (1,3), (3,0), (3,3).
  const input = [[1, 2, 0, 0], [3, 4, 0, 5], [0, 0, 6, 0], [1, 0, 0, 7]];
  const mask: QuizProblem = {
    id: "pool.max-mask@0",
    topic: "pool.max-mask",
    seed: 0,
    kind: "numeric",
    prompt: "",
    given: { input, size: 2, stride: 2 },
    ask: "mask",
    command: ["cnn-drill", "pool", "--input", "1 2 0 0; 3 4 0 5; 0 0 6 0; 1 0 0 7", "--size", "2", "--stride", "2"],
    answerForm: "matrix",
  };
  const right = "0 0 0 0; 0 1 0 1; 0 0 0 0; 1 0 0 1";

  it("the right mask scores 1", async () => {
    expect(await checkAnswer(mask, right, "en")).toMatchObject({ correct: true, score: 1, marks: { trueCells: 4, marked: 4, wronglyMarked: 0 } });
  });

  it("an all-zero mask scores 0 (per cell it would be 12 of 16)", async () => {
    expect(await checkAnswer(mask, "0 0 0 0; 0 0 0 0; 0 0 0 0; 0 0 0 0", "en")).toMatchObject({ correct: false, score: 0, marks: { trueCells: 4, marked: 0, wronglyMarked: 0 } });
  });

  it("2 of 4 true cells marked, none wrongly: 0.5", async () => {
    expect((await checkAnswer(mask, "0 0 0 0; 0 1 0 1; 0 0 0 0; 0 0 0 0", "en")).score).toBe(0.5);
  });

  it("4 of 4 marked and 1 wrongly marked: (4 − 1)/4 = 0.75", async () => {
    expect(await checkAnswer(mask, "0 0 0 0; 0 1 1 1; 0 0 0 0; 1 0 0 1", "en")).toMatchObject({ correct: false, score: 0.75, marks: { marked: 4, wronglyMarked: 1 } });
  });

  it("an all-ones mask marks every true cell and 12 wrongly: score 0, not below", async () => {
    expect((await checkAnswer(mask, "1 1 1 1; 1 1 1 1; 1 1 1 1; 1 1 1 1", "en")).score).toBe(0);
  });

  it("a value matrix (not a mask) keeps per-cell credit and has no marks", async () => {
    const output = await checkAnswer({ ...mask, ask: "output" }, "4 5; 1 0", "en");
    expect(output).toMatchObject({ score: 0.75 });
    expect(output).not.toHaveProperty("marks");
  });
});

