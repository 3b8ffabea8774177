/** Answers as typed: the tool's own minus sign (U+2212) and truth tables as bit strings. */
import { describe, expect, it } from "vitest";
import { normaliseAnswerText } from "../../src/practice/answer-text.js";
import { runBuilt } from "../helpers/cli.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();

describe("normaliseAnswerText", () => {
  it.each([
    ["4 3; \u22121 5", "output", "4 3; -1 5"],
    ["\u22121/2", "gradBias", "-1/2"],
    ["0111", "outputs", "0 1 1 1"],
    [" 0110 ", "outputs", "0 1 1 0"],
    ["0 1 1 1", "outputs", "0 1 1 1"],
    ["0111", "output", "0111"],
    ["0121", "outputs", "0121"],
    ["1", "outputs", "1"],
  ])("%j (asked %s) reads as %j", (text, ask, expected) => {
    expect(normaliseAnswerText(text, ask)).toBe(expected);
  });
});

describe("check reads them (built command)", () => {
  const env = { CNN_DRILL_HOME: tempDir("cnn-drill-answer-text-") };

  it("an answer with U+2212 minus signs, as the tool prints them", () => {
    const problem = JSON.parse(runBuilt(["problem", "conv.grad-input@5", "--json"]).stdout);
    const expected = JSON.parse(runBuilt([...problem.command.slice(1), "--json"]).stdout)[problem.ask] as number[][];
    const text = expected.map((row) => row.map((value) => String(value).replace("-", "\u2212")).join(" ")).join("; ");
    expect(text).toContain("\u2212");
    expect(runBuilt(["check", problem.id, "--answer", text], { env }).exitCode).toBe(0);
  });

  it("a truth table written 0110", () => {
    const expected = JSON.parse(runBuilt(["check", "gate.perceptron@1", "--answer", "0 0 0 0", "--json", "--no-record"], { env }).stdout).expected as number[];
    const result = runBuilt(["check", "gate.perceptron@1", "--answer", expected.join(""), "--json"], { env });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).correct).toBe(true);
  });
});
