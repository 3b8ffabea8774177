/** Help text: every command shows examples, in the language that --lang names (even before the action runs). */
import { describe, expect, it } from "vitest";
import { languageFromArgv } from "../src/cli.js";
import { runInProcess } from "./helpers/cli.js";

const COMMANDS = ["conv", "pool", "roi", "spp", "rf", "gate", "stats", "quiz", "review", "exam", "topics", "problem", "check"];

describe("languageFromArgv", () => {
  it.each([
    [["conv", "--help", "--lang", "ko"], "ko"],
    [["conv", "--lang=KO", "--help"], "ko"],
    [["conv", "--lang", "en"], "en"],
    [["conv", "--lang", "fr"], undefined],
    [["conv", "--help"], undefined],
    [["conv", "--", "--lang", "ko"], undefined],
  ] as const)("%j gives %s", (argv, expected) => {
    expect(languageFromArgv(argv)).toBe(expected);
  });
});

describe("--help", () => {
  it.each(COMMANDS)("%s --help ends with examples that start with cnn-drill %s", async (name) => {
    const result = await runInProcess([name, "--help"]);
    expect(result.exitCode).toBe(0);
    const examples = result.stdout.split("\nExamples:\n")[1];
    expect(examples).toBeDefined();
    expect(examples.trim().split("\n")[0]).toMatch(new RegExp(`^cnn-drill ${name === "topics" ? "topics" : name}\\b`));
  });

  it("conv --help --lang ko is in Korean, examples included, whatever LANG says", async () => {
    const result = await runInProcess(["conv", "--help", "--lang", "ko"], { env: { LANG: "en_US.UTF-8" } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("합성곱 풀이");
    expect(result.stdout).toContain("\n예:\n  cnn-drill conv --input");
  });

  it("a usage error after --lang ko points to --help in Korean", async () => {
    const result = await runInProcess(["conv", "--lang", "ko"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("(사용법은 --help)");
  });
});
