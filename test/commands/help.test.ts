/** Help text: every command shows examples, in the language that --lang names (even before the action runs). */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { afterGlobalOptions, commandsFor, languageFromArgv } from "../../src/cli.js";
import { commandLoaders } from "../../src/commands/index.js";
import { runBuilt, runInProcess } from "../helpers/cli.js";
import { temporaryFolders } from "../helpers/temp.js";

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

describe("global options before the command: the lazy loader skips them", () => {
  const ALL = Object.keys(commandLoaders);
  it.each([
    [["--lang", "ko", "topics"], ["topics"]],
    [["--lang=ko", "--no-color", "--json", "conv", "--input", "1"], ["conv"]],
    [["--no-color", "--lang", "en", "check", "x"], ["check"]],
    [["conv", "--lang", "ko"], ["conv"]],
    [[], []],
    [["--lang", "ko"], []],
    [["--version"], []],
    [["--lang", "ko", "-V"], []],
    [["cnov"], ALL],
    [["--jsn", "conv"], ALL],
    [["--help"], ALL],
    [["--lang", "ko", "--help"], ALL],
  ])("%j registers %j", (argv, expected) => {
    expect(commandsFor(argv)).toEqual(expected);
  });

  it.each([
    [["--lang", "ko", "--no-color", "topics", "--json"], ["topics", "--json"]],
    [["--lang=ko", "gate", "--lang", "en"], ["gate", "--lang", "en"]],
    [["gate", "--no-color"], ["gate", "--no-color"]],
  ])("%j leaves %j", (argv, expected) => {
    expect(afterGlobalOptions(argv)).toEqual(expected);
  });
});

describe("global options in both positions (the built command)", () => {
  const ESC = "\u001b[";
  it.each([
    ["before", ["--lang", "ko", "topics"]],
    ["after", ["topics", "--lang", "ko"]],
    ["before, with =", ["--lang=ko", "topics"]],
  ])("--lang ko %s the command speaks Korean", (_where, args) => {
    const result = runBuilt(args);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("합성곱 순전파");
  });

  it("the value after the command wins over the one before", () => {
    const result = runBuilt(["--lang", "ko", "gate", "and", "--lang", "en"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("AND as one perceptron");
    expect(result.stdout).not.toMatch(/[가-힣]/);
  });

  it.each([
    ["before", ["--no-color", "gate", "and"]],
    ["after", ["gate", "and", "--no-color"]],
  ])("--no-color %s the command turns colour off even with FORCE_COLOR", (_where, args) => {
    const result = runBuilt(args, { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("AND as one perceptron");
    expect(result.stdout).not.toContain(ESC);
  });

  it("without --no-color, FORCE_COLOR colours the same answer (so the test above can fail)", () => {
    const result = runBuilt(["gate", "and"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(result.stdout).toContain(ESC);
  });

  it.each([
    ["before", ["--json", "conv", "--input", "1 2; 3 4", "--kernel", "1"]],
    ["after", ["conv", "--input", "1 2; 3 4", "--kernel", "1", "--json"]],
  ])("--json %s a calculator prints one JSON object", (_where, args) => {
    const result = runBuilt(args);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ output: [[1, 2], [3, 4]] });
  });

  it.each(["en", "ko"] as const)("throws when --json comes before a command without JSON output (quiz), --lang %s", (lang) => {
    const result = runBuilt(["--lang", lang, "--json", "quiz"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(lang === "en"
      ? "error: --json: quiz has no JSON output\nhint: leave out --json; cnn-drill quiz --help lists what it takes\n"
      : "오류: --json: quiz 명령에는 JSON 출력이 없습니다\n도움말: --json 을 빼세요. 이 명령이 받는 옵션은 cnn-drill quiz --help 로 볼 수 있습니다\n");
  });

  it.each([
    ["en", [], "error: --json: needs a command whose answer it prints\nhint: for example cnn-drill --json topics, or cnn-drill --json conv --input \"1 2; 3 4\" --kernel 1\n"],
    ["ko", ["--lang", "ko"], "오류: --json: JSON으로 출력할 명령이 필요합니다\n도움말: 예: cnn-drill --json topics 또는 cnn-drill --json conv --input \"1 2; 3 4\" --kernel 1\n"],
  ] as const)("throws when --json is given without a command (%s): nothing but JSON may go to stdout", (_lang, lang, stderr) => {
    const result = runBuilt(["--json", ...lang]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(stderr);
  });

  it.each([[["--lang", "fr", "topics"]], [["--lang", "fr"]]])("throws when --lang before the command is not a language: %j", (args) => {
    const result = runBuilt(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: --lang: \"fr\" is not a supported language\nhint: use --lang en or --lang ko\n");
  });

  it("--lang before completion is accepted (the script has no language)", () => {
    const result = runBuilt(["--lang", "ko", "completion", "bash"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("complete");
  });
});

describe("a bare cnn-drill and the program's --help", () => {
  it.each([
    ["en", [], "Start here:\n  cnn-drill quiz", "Every command: cnn-drill --help"],
    ["ko", ["--lang", "ko"], "시작하기:\n  cnn-drill quiz", "모든 명령은 cnn-drill --help"],
  ] as const)("bare cnn-drill (%s) prints the short start on stdout, exit 0", (_lang, args, start, more) => {
    const result = runBuilt([...args]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(start);
    expect(result.stdout).toContain("cnn-drill problem --topic conv.forward");
    expect(result.stdout).toContain("cnn-drill check conv.forward@1234");
    expect(result.stdout).toContain("cnn-drill conv --input");
    expect(result.stdout).toContain(more);
  });

  it.each([
    ["en", "Examples:", "Start here:"],
    ["ko", "예:", "시작하기:"],
  ] as const)("cnn-drill --help --lang %s ends with examples, then the start", async (lang, examples, start) => {
    const result = await runInProcess(["--help", "--lang", lang]);
    expect(result.exitCode).toBe(0);
    const tail = result.stdout.split(`\n${examples}\n`)[1];
    expect(tail).toBeDefined();
    expect(tail.split(`\n${start}\n`)).toHaveLength(2);
    expect(tail.trimEnd().split("\n").at(-1)).toMatch(/^ {2}cnn-drill conv --input/);
  });
});

describe("commander's own words follow --lang", () => {
  const COMMANDER_WORDS = ["Usage:", "Options:", "Commands:", "Arguments:", "display help for command", "output the version number", "(default:", "(choices:"];
  const PROGRAM_AND_COMMANDS = [[], ...Object.keys(commandLoaders).map((name) => [name])];

  it.each(PROGRAM_AND_COMMANDS)("%j --help --lang ko has none of commander's English words", async (...command) => {
    const result = await runInProcess([...command, "--help", "--lang", "ko"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("사용법: cnn-drill");
    for (const words of COMMANDER_WORDS) expect(result.stdout, words).not.toContain(words);
  });

  it("English keeps them (the test above can fail)", async () => {
    const program = (await runInProcess(["--help"])).stdout;
    for (const words of ["Usage:", "Options:", "Commands:", "display help for command", "output the version number"]) expect(program).toContain(words);
    expect((await runInProcess(["pool", "--help"])).stdout).toContain("max or avg (default: \"max\")");
    expect((await runInProcess(["completion", "--help"])).stdout).toContain("Arguments:\n  shell       bash, zsh or fish (choices: \"bash\", \"zsh\", \"fish\")");
  });

  it.each([
    [["pool", "--help", "--lang", "ko"], "max 또는 avg (기본값: \"max\")"],
    [["completion", "--help", "--lang", "ko"], "인자:\n  shell       bash, zsh 또는 fish (선택지: \"bash\", \"zsh\", \"fish\")"],
    [["--lang", "ko", "--help"], "명령:\n  conv [options]"],
    [["--lang", "ko", "help", "conv"], "옵션:\n  --input <matrix>"],
  ])("%j shows %s", async (args, expected) => {
    const result = await runInProcess(args);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(expected);
  });

  it.each([
    ["en", "(Did you mean one of rf, roi?)"],
    ["ko", "(혹시 rf, roi 중 하나?)"],
  ])("several suggestions (%s): %s", async (lang, expected) => {
    const result = await runInProcess(["rof", "--lang", lang]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(expected);
  });
});

describe("did you mean (the built command), in both languages", () => {
  it.each([
    ["en", ["conv", "--inptu", "1 2; 3 4", "--kernel", "1"], "error: unknown option '--inptu'\n(Did you mean --input?)\nhint: add --help for usage\n"],
    ["ko", ["conv", "--inptu", "1 2; 3 4", "--kernel", "1", "--lang", "ko"], "오류: 알 수 없는 옵션입니다: --inptu\n(혹시 --input?)\n도움말: 사용법은 --help 로 보세요\n"],
    ["en", ["problem", "conv.forwrd"], "error: unknown topic \"conv.forwrd\"\nhint: did you mean conv.forward? (cnn-drill topics lists every topic)\n"],
    ["ko", ["--lang", "ko", "problem", "conv.forwrd@3"], "오류: 알 수 없는 주제 \"conv.forwrd\"\n도움말: 혹시 conv.forward? (모든 주제는 cnn-drill topics 로 볼 수 있습니다)\n"],
    ["en", ["problem", "--topic", "pool.mx"], "error: --topic: unknown topic \"pool.mx\"\nhint: did you mean pool.max? (cnn-drill topics lists every topic)\n"],
    ["en", ["check", "conv.forwrd@3", "--answer", "1"], "error: unknown topic \"conv.forwrd\"\nhint: did you mean conv.forward? (cnn-drill topics lists every topic)\n"],
    ["en", ["exam", "--topic", "pol"], "error: --topic: unknown topic or area \"pol\" (areas: conv, pool, roi, spp, rf, gate, train, concept)\nhint: did you mean pool? (cnn-drill topics lists every topic)\n"],
    ["ko", ["exam", "--topic", "conv.forwrd", "--lang", "ko"], "오류: --topic: 알 수 없는 주제나 영역 \"conv.forwrd\" (영역: conv, pool, roi, spp, rf, gate, train, concept)\n도움말: 혹시 conv.forward? (모든 주제는 cnn-drill topics 로 볼 수 있습니다)\n"],
    ["en", ["problem", "zzz"], "error: unknown topic \"zzz\"\nhint: cnn-drill topics lists every topic\n"],
  ])("%s %j", (_lang, args, stderr) => {
    const result = runBuilt(args);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(stderr);
    expect(result.exitCode).toBe(2);
  });
});

describe("an unknown option is reported before a missing required one", () => {
  it.each([
    [["conv", "--inptu", "1"], "error: unknown option '--inptu'"],
    [["check", "conv.forward@3", "--answr", "1"], "error: unknown option '--answr'"],
    [["check", "--answr", "1"], "error: unknown option '--answr'"],
    [["conv", "--kernel", "1"], "error: required option '--input <matrix>' not specified"],
    [["check", "conv.forward@3"], "error: required option '--answer <answer>' not specified"],
    [["check", "--answer", "1"], "error: missing required argument 'id'"],
  ])("%j: %s", async (args, expected) => {
    const result = await runInProcess(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe(expected);
  });
});

describe("bash completion after global options", () => {
  const { tempDir } = temporaryFolders();

  /** COMPREPLY of the generated bash script for the words typed so far (the last one is being completed). */
  async function complete(words: string[]): Promise<string[]> {
    const file = join(tempDir("cnn-drill-completion-"), "cnn-drill.bash");
    writeFileSync(file, (await runInProcess(["completion", "bash"])).stdout);
    const quoted = words.map((word) => `'${word}'`).join(" ");
    const result = spawnSync("bash", ["-c", `source ${file}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _cnn_drill; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    return result.stdout.split("\n").filter((line) => line !== "");
  }

  it.each([
    [["cnn-drill", "--lang", ""], ["en", "ko"]],
    [["cnn-drill", "--lang", "ko", "co"], ["conv", "completion", "config"]],
    [["cnn-drill", "--lang", "ko", "--no-color", "spp", "--sh"], ["--shape"]],
    [["cnn-drill", "--json", "conv", "--mode", ""], ["corr", "conv"]],
    [["cnn-drill", "conv", "--lang", ""], ["en", "ko"]],
  ])("%j completes to %j", async (words, expected) => {
    expect(await complete(words)).toEqual(expected);
  });
});
