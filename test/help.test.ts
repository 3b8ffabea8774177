/** Help text: every command shows examples, in the language that --lang names (even before the action runs). */
import { describe, expect, it } from "vitest";
import { languageFromArgv } from "../src/cli.js";
import { commandLoaders } from "../src/commands/index.js";
import { runInProcess } from "./helpers/cli.js";

/** Every command but completion, whose help ends with how to load its script instead. */
const COMMANDS = Object.keys(commandLoaders).filter((name) => name !== "completion");

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
    expect(result.stderr).toContain("도움말: 사용법은 --help 로 보세요");
  });
});

describe("usage errors (commander's)", () => {
  it("too many arguments (an unquoted matrix) gets a hint to quote it, exit 2", async () => {
    const result = await runInProcess(["conv", "--input", "1", "2", "--kernel", "1"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("error: too many arguments for 'conv'. Expected 0 arguments but got 1.\nhint: a value with spaces needs quotes");
  });

  it.each([
    [["conv", "--kernel", "1", "--lang", "ko"], "오류: 꼭 필요한 옵션이 빠졌습니다: --input <matrix>"],
    [["conv", "--input", "1", "--kernel", "1", "--strid", "2", "--lang", "ko"], "오류: 알 수 없는 옵션입니다: --strid\n(혹시 --stride?)"],
    [["cnov", "--lang", "ko"], "오류: 알 수 없는 명령입니다: cnov\n(혹시 conv?)"],
    [["conv", "--lang", "ko", "--input"], "오류: 옵션에 값이 없습니다: --input <matrix>"],
  ])("%j in Korean: %s", async (args, expected) => {
    const result = await runInProcess(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(expected);
    expect(result.stdout).toBe("");
  });

  it("English keeps commander's words", async () => {
    const result = await runInProcess(["conv", "--kernel", "1"]);
    expect(result.stderr).toContain("error: required option '--input <matrix>' not specified");
  });
});

describe("usage errors: no quoting hint where it does not fit", () => {
  it("gate and or (gate takes one name): no hint about quotes", async () => {
    const result = await runInProcess(["gate", "and", "or"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("too many arguments for 'gate'. Expected 1 argument but got 2.");
    expect(result.stderr).not.toContain("quotes");
  });
});
