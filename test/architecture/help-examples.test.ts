/**
 * Every command's help examples run as written, derived from the command list (no hand-kept list):
 * the files they name are fixtures in a temporary folder; interactive sessions, which need a
 * terminal, must say so and point to the commands that do not.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandLoaders } from "../../src/commands/index.js";
import { runBuilt, runInProcess } from "../helpers/cli.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();
const COMMANDS = Object.keys(commandLoaders);

/**
 * The example commands of `--help`: the block under its last heading ("Examples:", or completion's
 * "Load it now:"), each line's `cnn-drill …` without comments, pipes or process substitution.
 */
async function examples(command: string, lang: "en" | "ko"): Promise<string[]> {
  const lines = (await runInProcess([command, "--help", "--lang", lang])).stdout.trimEnd().split("\n");
  const heading = lines.map((line) => /^\S.*:$/.test(line)).lastIndexOf(true);
  expect(heading, `${command} --help --lang ${lang} has an examples heading`).toBeGreaterThan(0);
  return lines.slice(heading + 1).map((line) => {
    const example = line.match(/cnn-drill [^)|]*/)?.[0].replace(/\s+#.*$/, "").trim();
    expect(example, `${command} --help: "${line}" shows a command`).toBeDefined();
    return example!;
  });
}

/** Words as a POSIX shell splits them (double quotes only; `> file` dropped, as the output is checked here). */
function words(line: string): string[] {
  const result = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]);
  const redirect = result.indexOf(">");
  return redirect < 0 ? result : result.slice(0, redirect);
}

describe("help examples", () => {
  it("every command has examples, and they are the same commands in Korean", async () => {
    for (const command of COMMANDS) {
      const english = await examples(command, "en");
      expect(english.length).toBeGreaterThan(0);
      expect(await examples(command, "ko")).toEqual(english);
    }
  });

  it.each(COMMANDS)("%s: every example runs (or, needing a terminal, says so)", async (command) => {
    const dir = tempDir("cnn-drill-examples-");
    const env = { CNN_DRILL_HOME: join(dir, "home") };
    for (const line of await examples(command, "en")) {
      const [program, ...args] = words(line);
      expect(program).toBe("cnn-drill");
      for (const file of args.filter((word) => word.startsWith("@"))) writeFileSync(join(dir, file.slice(1)), "1 2 3 4 5\n6 7 8 9 10\n1 0 1 0 1\n2 2 2 2 2\n0 1 0 1 0\n");
      const result = runBuilt(args, { cwd: dir, env });
      if (result.stderr.includes("standard input is not a terminal")) {
        expect(result.exitCode, line).toBe(2);
        expect(result.stderr, line).toContain("hint: without a terminal, practise with: cnn-drill problem");
        continue;
      }
      expect(result.stderr, line).toBe("");
      expect(result.exitCode, line).toBe(0);
      if (!args.includes("--output")) expect(result.stdout.length, line).toBeGreaterThan(0);
    }
  });
});

describe("the program's help examples and start", () => {
  /** `cnn-drill --help`'s last two blocks, "Examples:" and "Start here:", as commands. */
  async function programExamples(lang: "en" | "ko"): Promise<string[]> {
    const text = (await runInProcess(["--help", "--lang", lang])).stdout;
    const [examplesBlock, startBlock] = text.split(lang === "en" ? "\nExamples:\n" : "\n예:\n")[1].split(lang === "en" ? "\nStart here:\n" : "\n시작하기:\n");
    return [...examplesBlock.trim().split("\n"), ...startBlock.trim().split("\n")].map((line) => line.replace(/\s+#.*$/, "").trim());
  }

  it("are the same commands in Korean", async () => {
    expect(await programExamples("ko")).toEqual(await programExamples("en"));
  });

  it("every one runs (or, needing a terminal, says so)", async () => {
    const dir = tempDir("cnn-drill-examples-");
    for (const line of await programExamples("en")) {
      const [program, ...args] = words(line);
      expect(program, line).toBe("cnn-drill");
      const result = runBuilt(args, { cwd: dir, env: { CNN_DRILL_HOME: join(dir, "home") } });
      if (result.stderr.includes("standard input is not a terminal")) {
        expect(result.exitCode, line).toBe(2);
        continue;
      }
      expect(result.stderr, line).toBe("");
      expect(result.exitCode, line).toBe(0);
      expect(result.stdout.length, line).toBeGreaterThan(0);
    }
  });
});
