/** Offending values in messages are shortened and escaped; overflowing results are errors naming the cell. */
import { describe, expect, it } from "vitest";
import { displayLines, displayParams, displayText, SHOWN_CHARACTERS } from "../../src/io/display.js";
import { checkFinite, tensor } from "../../src/engine/tensor.js";
import { runInProcess } from "../helpers/cli.js";
import { inputErrorOf } from "../helpers/errors.js";

describe("displayText", () => {
  it.each([
    ["1 2; 3 4", "1 2; 3 4"],
    ["\x1b[31mred", "\\x1b[31mred"],
    ["a\tb\nc\rd", "a\\tb\\nc\\rd"],
    ["\x00\x7f\x9b", "\\x00\\x7f\\x9b"],
    ["\u202eevil", "\\u202eevil"],
    ["\ud800x", "\\ud800x"],
    ["행렬 😀", "행렬 😀"],
  ])("displayText(%j) is %j", (text, shown) => {
    expect(displayText(text)).toBe(shown);
  });

  it(`cuts a long value to ${SHOWN_CHARACTERS} characters and marks the cut with …`, () => {
    expect(displayText("a".repeat(130_000))).toBe(`${"a".repeat(SHOWN_CHARACTERS)}…`);
    expect(displayText("a".repeat(SHOWN_CHARACTERS))).toBe("a".repeat(SHOWN_CHARACTERS));
    expect(displayText("\x1b".repeat(100))).toBe(`${"\\x1b".repeat(20)}…`);
  });

  it("displayParams shortens strings and passes numbers", () => {
    expect(displayParams({ text: "x".repeat(200), row: 3 })).toEqual({ text: `${"x".repeat(SHOWN_CHARACTERS)}…`, row: 3 });
  });

  it("displayLines keeps the lines and cuts each", () => {
    expect(displayLines(`a\n${"b".repeat(300)}\x07`)).toBe(`a\n${"b".repeat(200)}…`);
  });
});

describe("error lines through the CLI", () => {
  it("a 130 KB unquoted value gives a short error line", async () => {
    const { stderr, exitCode } = await runInProcess(["conv", "--input", "z".repeat(130_000), "--kernel", "1"]);
    expect(exitCode).toBe(2);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0].length).toBeLessThan(200);
  });

  it("control bytes in a value are escaped", async () => {
    const { stderr } = await runInProcess(["conv", "--input", "1 \x1b[2J", "--kernel", "1"]);
    expect(stderr).toBe('error: --input: row 1, entry 2: "\\x1b[2J" is not a number\nhint: numbers look like 3, -1.5, 2e-3 or 1/4\n');
  });

  it("an unknown option of 10,000 characters gives a short usage line", async () => {
    const { stderr, exitCode } = await runInProcess(["conv", `--${"q".repeat(10_000)}`]);
    expect(exitCode).toBe(2);
    for (const line of stderr.split("\n")) expect(line.length).toBeLessThanOrEqual(201);
  });

  it.each([
    ["conv", ["conv", "--input", "1e300 1e300; 1 1", "--kernel", "1e300 1"], "error: the output overflows at [0][0]: the value is too large for a 64-bit number"],
    ["conv gradient", ["conv", "--input", "1e300 1", "--kernel", "1", "--grad", "1e300 1e300"], "error: the gradKernel overflows at [0][0]: the value is too large for a 64-bit number"],
    ["avg pool", ["pool", "--type", "avg", "--input", "1e308 1e308; 1e308 1e308", "--size", "2"], "error: the output overflows at [0][0]: the value is too large for a 64-bit number"],
    ["spp avg", ["spp", "--type", "avg", "--input", "1e308 1e308; 1e308 1e308", "--levels", "1"], "error: the level 1 overflows at [0][0]: the value is too large for a 64-bit number"],
  ])("--json: an overflowing %s result is exit 2 naming the cell, nothing on stdout", async (_name, args, line) => {
    const { stdout, stderr, exitCode } = await runInProcess([...args, "--json"]);
    expect([exitCode, stdout]).toEqual([2, ""]);
    expect(stderr).toBe(`${line}\nhint: scale the inputs down (by a power of 10) and scale the answer back\n`);
  });

  it("gate: weights whose truth-table sum overflows are exit 2 naming the row (no null in --json)", async () => {
    const { stdout, stderr, exitCode } = await runInProcess(["gate", "--weights", "1e308,1e308", "--bias", "1e308", "--json"]);
    expect([exitCode, stdout]).toEqual([2, ""]);
    expect(stderr).toBe("error: --weights: the sum overflows at x = (0, 1): the value is too large for a 64-bit number\nhint: scale the inputs down (by a power of 10) and scale the answer back\n");
  });

  it("checkFinite names the cell of a 3-D result", () => {
    const data = new Float64Array(12);
    data[7] = Number.NaN;
    expect(inputErrorOf(() => checkFinite(tensor([2, 2, 3], data), "output")).params).toEqual({ what: "output", cell: "[1][0][1]" });
  });
});
