import { describe, expect, it } from "vitest";
import { inputErrorOf } from "../helpers/errors.js";
import { MAX_ELEMENTS } from "../../src/engine/tensor.js";
import { parseChoice, parseMatrix, parseNumber, parseNumberList, parseNumberToken, parsePair, parsePositiveInt } from "../../src/io/parse.js";


describe("parseNumberToken", () => {
  it.each([
    ["3", 3], ["-1.5", -1.5], ["+2", 2], [".5", 0.5], ["2e-3", 0.002], ["1E2", 100], ["1/4", 0.25], ["-1/4", -0.25], ["3/-4", -0.75],
    ["abc", undefined], ["1/", undefined], ["--1", undefined], ["", undefined],
  ])("%s → %s", (text, value) => {
    expect(parseNumberToken(text)).toBe(value);
  });
});

describe("parseMatrix", () => {
  it("reads text rows split by ; with spaces", () => {
    expect(parseMatrix("1 2 3; 4 5 -6", "input")).toEqual({ shape: [2, 3], data: Float64Array.from([1, 2, 3, 4, 5, -6]) });
  });

  it("reads rows split by new lines, entries by commas and spaces, with a final newline", () => {
    expect(parseMatrix("1, 2\n3,4\n", "input").shape).toEqual([2, 2]);
  });

  it("reads a negative first value, decimals, exponents and fractions", () => {
    expect(Array.from(parseMatrix("-1 0.5; 2e1 1/4", "input").data)).toEqual([-1, 0.5, 20, 0.25]);
  });

  it("tolerates a trailing separator", () => {
    expect(parseMatrix("1 2; 3 4;", "input").shape).toEqual([2, 2]);
  });

  it.each([
    ["[[1,2],[3,4]]", [2, 2]],
    ["[[[1,2],[3,4]],[[5,6],[7,8]]]", [2, 2, 2]],
    ["[[[[1]]],[[[2]]]]", [2, 1, 1, 1]],
    ["[1,2,3]", [3]],
  ])("reads JSON %s as shape %j", (text, shape) => {
    expect(parseMatrix(text, "kernel").shape).toEqual(shape);
  });

  it("throws when the value is empty", () => {
    expect(inputErrorOf(() => parseMatrix("  ", "input")).code).toBe("input.empty");
    expect(inputErrorOf(() => parseMatrix(" ; ", "input")).code).toBe("input.empty");
  });

  it("throws when a row inside is empty", () => {
    const error = inputErrorOf(() => parseMatrix("1 2;;3 4", "input"));
    expect(error).toMatchObject({ argument: "input", code: "input.emptyRow", params: { row: 2 } });
  });

  it("throws when rows are ragged, naming both rows", () => {
    const error = inputErrorOf(() => parseMatrix("1 2; 3 4 5", "kernel"));
    expect(error).toMatchObject({ argument: "kernel", code: "input.ragged", params: { row: 2, count: 3, expected: 2 } });
  });

  it("throws when an entry is not a number, naming row and entry", () => {
    expect(inputErrorOf(() => parseMatrix("1 2; 3 x", "input")).params).toEqual({ row: 2, col: 2, text: "x" });
  });

  it.each(["NaN", "Infinity", "-inf"])("throws when an entry is %s", (word) => {
    expect(inputErrorOf(() => parseMatrix(`1 ${word}`, "input")).code).toBe("input.notFinite");
  });

  it("throws when a number overflows to Infinity", () => {
    expect(inputErrorOf(() => parseMatrix("1e999", "input")).code).toBe("input.notFinite");
  });

  it("throws when a fraction divides by zero", () => {
    expect(inputErrorOf(() => parseMatrix("1/0 1", "input")).code).toBe("input.zeroDenominator");
  });

  it("throws when JSON is invalid", () => {
    expect(inputErrorOf(() => parseMatrix("[[1,2],[3,4]", "input")).code).toBe("input.badJson");
  });

  it("throws when JSON arrays are ragged", () => {
    expect(inputErrorOf(() => parseMatrix("[[1,2],[3]]", "input")).params).toMatchObject({ path: "[1]", count: 1, expected: 2 });
  });

  it("throws when a JSON entry is not a number", () => {
    expect(inputErrorOf(() => parseMatrix('[[1,"2"]]', "input")).code).toBe("input.jsonNotNumber");
  });

  it("throws when JSON is nested deeper than 4", () => {
    expect(inputErrorOf(() => parseMatrix("[[[[[1]]]]]", "input")).code).toBe("input.jsonTooDeep");
  });

  it("throws when a JSON array is empty", () => {
    expect(inputErrorOf(() => parseMatrix("[[]]", "input")).code).toBe("input.jsonEmpty");
  });

  it("throws when the matrix is larger than the limit, before allocating it", () => {
    const side = Math.ceil(Math.sqrt(MAX_ELEMENTS)) + 1;
    const row = Array(side).fill("1").join(" ");
    const rows = Array(side).fill(row).join(";");
    expect(inputErrorOf(() => parseMatrix(rows, "input")).code).toBe("input.tooLarge");
  });
});

describe("parsePair", () => {
  it.each([["2", [2, 2]], ["2,1", [2, 1]], ["3x1", [3, 1]], [" 1 , 2 ", [1, 2]]])("%s → %j", (text, pair) => {
    expect(parsePair(text, "stride", { min: 1 })).toEqual(pair);
  });

  it("accepts zero padding", () => {
    expect(parsePair("0", "padding", { min: 0 })).toEqual([0, 0]);
  });

  it("throws when the stride is zero, with the pair hint", () => {
    expect(inputErrorOf(() => parsePair("0", "stride", { min: 1 })).code).toBe("pair.notPositive");
    expect(inputErrorOf(() => parsePair("0", "stride", { min: 1 })).hintCode).toBe("pair.badHint");
  });

  it("throws when padding is negative", () => {
    expect(inputErrorOf(() => parsePair("-1", "padding", { min: 0 })).code).toBe("pair.negative");
  });

  it("throws when the value is not whole", () => {
    expect(inputErrorOf(() => parsePair("1.5", "stride", { min: 1 })).code).toBe("pair.notInteger");
  });

  it.each(["a", "1,2,3", "1,"])("throws when the pair is malformed: %s", (text) => {
    expect(inputErrorOf(() => parsePair(text, "dilation", { min: 1 })).code).toBe("pair.bad");
  });
});

describe("single values", () => {
  it("parseNumber reads fractions", () => {
    expect(parseNumber("-1/2", "bias")).toBe(-0.5);
  });

  it("throws when a number is not one", () => {
    expect(inputErrorOf(() => parseNumber("two", "bias")).code).toBe("number.bad");
  });

  it("parseNumberList reads text and JSON lists", () => {
    expect(parseNumberList("1,-2", "bias")).toEqual([1, -2]);
    expect(parseNumberList("[1, -2]", "bias")).toEqual([1, -2]);
  });

  it("throws when a count is not a positive whole number", () => {
    expect(inputErrorOf(() => parsePositiveInt("0", "count")).code).toBe("number.notPositiveInteger");
    expect(parsePositiveInt("12", "count")).toBe(12);
  });

  it("throws when a choice is not offered", () => {
    expect(inputErrorOf(() => parseChoice("cnv", "mode", ["corr", "conv"])).params).toEqual({ text: "cnv", choices: "corr, conv" });
    expect(parseChoice("CONV", "mode", ["corr", "conv"])).toBe("conv");
  });
});
