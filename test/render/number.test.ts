/** Human numbers never hide a value: non-zero is never 0, rounding is marked with ≈. */
import { describe, expect, it } from "vitest";
import { formatFactor, formatNumber } from "../../src/render/number.js";
import { runInProcess } from "../helpers/cli.js";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [-0, "0"],
    [3, "3"],
    [-12, "-12"],
    [2 ** 60, "1152921504606847000"],
    [0.5, "0.5"],
    [-1.25, "-1.25"],
    [0.1 + 0.2, "0.3"],
    [1 / 3, "≈0.3333"],
    [-2 / 3, "≈-0.6667"],
    [0.99999, "≈1"],
    [2.00004, "≈2"],
    [1e-5, "1e-5"],
    [-1e-5, "-1e-5"],
    [0.00004, "4e-5"],
    [1.234567e-7, "≈1.23e-7"],
    [5.551115123125783e-17, "≈5.55e-17"],
    [0.0001, "0.0001"],
    [0.00012345, "≈0.0001"],
  ])("formatNumber(%s) is %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("never prints a non-zero value as 0, and keeps its sign (so a sum agrees with a decision on its sign)", () => {
    for (let exponent = -320; exponent <= 0; exponent++) {
      for (const value of [10 ** exponent, -(10 ** exponent), 3 * 10 ** exponent]) {
        if (value === 0) continue;
        const text = formatNumber(value).replace(/^≈/, "");
        expect(Number(text)).not.toBe(0);
        expect(Math.sign(Number(text))).toBe(Math.sign(value));
      }
    }
  });

  it("marks with ≈ exactly the values whose text does not read back as the value (beyond float noise)", () => {
    for (const value of [1 / 7, 22 / 7, 1e-6 / 3, 12345.678901, 0.125, 1e-5, 7.5]) {
      const text = formatNumber(value);
      const readBack = Number(text.replace(/^≈/, ""));
      // Noise is judged against the value's own size below 1e-4 (exponent form), against 1 above it.
      const tolerance = 1e-9 * (Math.abs(value) < 1e-4 ? Math.abs(value) : Math.max(1, Math.abs(value)));
      expect(text.startsWith("≈")).toBe(Math.abs(readBack - value) > tolerance);
    }
  });
});

describe("formatFactor", () => {
  it.each([[2, "2"], [-1, "(-1)"], [-1 / 3, "(≈-0.3333)"], [1e-5, "1e-5"]])("formatFactor(%s) is %s", (value, text) => {
    expect(formatFactor(value)).toBe(text);
  });
});

describe("a perceptron's printed sums agree with its outputs", () => {
  it("w=(1e-5, 1e-5) b=-1.5e-5: the sums print as -1.5e-5, -5e-6, -5e-6, 5e-6 beside outputs 0, 0, 0, 1", async () => {
    const { stdout, exitCode } = await runInProcess(["gate", "--weights", "0.00001,0.00001", "--bias", "-0.000015", "--no-color"]);
    expect(exitCode).toBe(0);
    const rows = stdout.split("\n").filter((line) => /^│ +[01] │ +[01] │/.test(line)).map((line) => line.split("│").map((cell) => cell.trim()));
    expect(rows.map((cells) => [cells[3].split(" = ").pop(), cells[4]])).toEqual([["-1.5e-5", "0"], ["-5e-6", "0"], ["-5e-6", "0"], ["5e-6", "1"]]);
  });
});
