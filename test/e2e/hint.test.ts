/** `cnn-drill hint` through the built command: level 1 by default, --level, --json, Korean, and its input checks. */
import { describe, expect, it } from "vitest";
import { generateProblem } from "../../src/quiz/index.js";
import { hintsFor } from "../../src/tutor/hints.js";
import { runBuilt } from "../helpers/cli.js";

const ID = "conv.padded@2";

describe("cnn-drill hint", () => {
  it("prints hint 1 by default, with the command of the next one", async () => {
    const hints = await hintsFor(await generateProblem("conv.padded", 2, "en"), "en");
    const result = runBuilt(["hint", ID]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.startsWith(`Hint 1 of ${hints.length} — ${ID}\n\n`)).toBe(true);
    // Wrapped to the width, the same words as the hint.
    expect(result.stdout.split("\n").slice(2, -3).join(" ")).toBe(hints[0].replace(/\s+/g, " "));
    expect(result.stdout).toContain(`Next hint: cnn-drill hint ${ID} --level 2\n`);
  });

  it("--json gives id, level, levels and text of the level asked", async () => {
    const hints = await hintsFor(await generateProblem("conv.padded", 2, "en"), "en");
    const result = runBuilt(["hint", ID, "--level", "2", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ id: ID, level: 2, levels: hints.length, text: hints[1] });
  });

  it("the last hint points to check, in Korean with --lang ko", async () => {
    const hints = await hintsFor(await generateProblem("conv.padded", 2, "ko"), "ko");
    const result = runBuilt(["hint", ID, "--level", String(hints.length), "--lang", "ko"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.startsWith(`힌트 ${hints.length}/${hints.length} — ${ID}\n`)).toBe(true);
    expect(result.stdout).toContain(`마지막 힌트였습니다. 답을 채점하려면: cnn-drill check ${ID} --answer "…"\n`);
  });

  it.each(["0", "9", "1.5", "two", "-1"])("throws when --level is %s: exit 2, one error line and a hint", (level) => {
    const result = runBuilt(["hint", ID, "--level", level]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`error: --level: there is no hint "${level}": this problem has hints 1 to 3\nhint: give a level from 1 to 3, or none for the first hint\n`);
  });

  it("throws when the topic has no hints (a concept question)", () => {
    const result = runBuilt(["hint", "concept.xor@3"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: there are no hints for topic concept.xor\nhint: hints exist for the numeric topics; cnn-drill topics lists them\n");
  });

  it("throws when the id is not one", () => {
    const result = runBuilt(["hint", "conv.nothing@1"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: .*\nhint: .*\n$/);
  });
});
