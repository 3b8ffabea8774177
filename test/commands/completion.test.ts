/**
 * `cnn-drill completion bash|zsh|fish`: generated from the commander tree. Every command and every
 * option of the real program appears; bash completion is exercised for real in bash.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryFolders } from "../helpers/temp.js";
import type { Command } from "commander";
import { buildProgram } from "../../src/cli.js";
import { translator } from "../../src/i18n/index.js";
import { completionModel, SHELLS } from "../../src/commands/completion-script.js";
import { runBuilt, runInProcess } from "../helpers/cli.js";
import type { CliContext } from "../../src/ui/context.js";
import { CALCULATOR_NAMES, loadCalculator } from "../../src/calculators/index.js";
import { kebab } from "../../src/calculators/spec.js";

const { made } = temporaryFolders();

async function fullProgram(): Promise<Command> {
  const context: CliContext = {
    io: { stdout: () => {}, stderr: () => {}, stdin: { stdinIsTTY: true, readStdin: async () => "" }, stdinIsTTY: true, stdoutIsTTY: false, env: {} },
    t: translator("en"),
    setExitCode: () => {},
    fullProgram: () => buildProgram(context),
  };
  return buildProgram(context);
}

function flagsOf(command: Command): string[] {
  const help = command.createHelp();
  return help.visibleOptions(command).flatMap((option) => [option.long, option.short].filter((f): f is string => f !== undefined));
}

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

async function script(shell: string): Promise<string> {
  const result = await runInProcess(["completion", shell]);
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  return result.stdout;
}

describe("completion covers the whole command tree", async () => {
  const program = await fullProgram();
  const commands = program.createHelp().visibleCommands(program);

  it("the tree has the practice commands", () => {
    expect(commands.map((c) => c.name())).toEqual(expect.arrayContaining(["conv", "stats", "completion"]));
  });

  for (const shell of SHELLS) {
    it(`${shell}: every command and every option appears`, async () => {
      const text = await script(shell);
      for (const command of commands) {
        expect(text, command.name()).toContain(command.name());
        for (const flag of flagsOf(command)) {
          const spelled = shell === "fish" ? (flag.startsWith("--") ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`) : flag;
          expect(text, `${command.name()} ${flag}`).toContain(spelled);
        }
      }
    });
  }

  it("the model lists each command's options exactly as commander sees them", () => {
    const model = completionModel(program);
    for (const command of commands) {
      const entry = model.commands.find((c) => c.name === command.name());
      expect(entry, command.name()).toBeDefined();
      expect(entry!.options.flatMap((o) => [o.long, o.short].filter(Boolean))).toEqual(flagsOf(command));
    }
  });
});

describe("bash completion, run in bash", async () => {
  const program = await fullProgram();
  const commands = program.createHelp().visibleCommands(program);
  const dir = made(mkdtempSync(join(tmpdir(), "cnn-drill-completion-")));
  const file = join(dir, "cnn-drill.bash");

  /** COMPREPLY for the words typed so far (the last word is the one being completed). */
  function complete(words: string[]): string[] {
    const quoted = words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(" ");
    const result = spawnSync("bash", ["-c", `source ${file}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _cnn_drill; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    return result.stdout.split("\n").filter((line) => line !== "");
  }

  it.skipIf(!has("bash"))("completes command names", async () => {
    writeFileSync(file, await script("bash"));
    expect(complete(["cnn-drill", ""]).filter((w) => !w.startsWith("-")).sort()).toEqual(commands.map((c) => c.name()).sort());
    expect(complete(["cnn-drill", "st"]).sort()).toEqual(["stats", "step"]);
  });

  it.skipIf(!has("bash"))("completes every command's options after --", async () => {
    writeFileSync(file, await script("bash"));
    for (const command of commands) {
      const expected = flagsOf(command).filter((f) => f.startsWith("--")).sort();
      expect(complete(["cnn-drill", command.name(), "--"]).sort(), command.name()).toEqual(expected);
    }
  });

  it.skipIf(!has("bash"))("completes known values: --lang, shells, --topic ids and areas, --format", async () => {
    writeFileSync(file, await script("bash"));
    expect(complete(["cnn-drill", "stats", "--lang", ""])).toEqual(["en", "ko"]);
    expect(complete(["cnn-drill", "completion", ""])).toEqual(["bash", "zsh", "fish"]);
    expect(complete(["cnn-drill", "completion", "z"])).toEqual(["zsh"]);
    expect(complete(["cnn-drill", "quiz", "--topic", "conv.f"])).toEqual(["conv.forward"]);
    expect(complete(["cnn-drill", "exam", "--topic", "conce"])).toContain("concept");
    expect(complete(["cnn-drill", "exam", "--format", ""])).toEqual(["md", "html"]);
  });
});

describe("generated scripts parse in their shell", () => {
  it.skipIf(!has("bash"))("bash -n", async () => {
    const result = spawnSync("bash", ["-n"], { input: await script("bash"), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  // zsh and fish are optional on a CI machine: without them these two checks are skipped (reported as skipped).
  it.skipIf(!has("zsh"))("zsh -n (skipped when zsh is not installed)", async () => {
    const result = spawnSync("zsh", ["-n"], { input: await script("zsh"), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it.skipIf(!has("fish"))("fish --no-execute (skipped when fish is not installed)", async () => {
    const file = join(made(mkdtempSync(join(tmpdir(), "cnn-drill-fish-"))), "cnn-drill.fish");
    writeFileSync(file, await script("fish"));
    const result = spawnSync("fish", ["--no-config", "--no-execute", file], { encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it.skipIf(!has("fish"))("fish offers the commands and --lang values", async () => {
    const dir = made(mkdtempSync(join(tmpdir(), "cnn-drill-fish-")));
    const file = join(dir, "cnn-drill.fish");
    writeFileSync(file, await script("fish"));
    const run = (line: string) => spawnSync("fish", ["--no-config", "-c", `source ${file}; complete -C '${line}'`], { encoding: "utf8" }).stdout;
    expect(run("cnn-drill sta")).toMatch(/^stats\t/m);
    expect(run("cnn-drill stats --lang ").split("\n").map((l) => l.split("\t")[0]).filter(Boolean)).toEqual(["en", "ko"]);
  });
});

describe("completion errors", () => {
  it("throws when the shell is unknown: exit 2, one error line and a hint, nothing on stdout", async () => {
    const result = await runInProcess(["completion", "powershell"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('error: "powershell" is not a shell cnn-drill can complete for (bash, zsh, fish)\nhint: for example: source <(cnn-drill completion bash)\n');
  });

  it("throws when the shell is missing: exit 2", () => {
    const result = runBuilt(["completion"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("shell");
  });

  it("the built command prints a bash script, exit 0", () => {
    const result = runBuilt(["completion", "bash"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^# bash completion for cnn-drill/);
    expect(result.stdout).toContain("complete -o default -F _cnn_drill cnn-drill");
  });

  it("describes commands in Korean when LANG=ko_KR.UTF-8", async () => {
    const result = await runInProcess(["completion", "fish"], { env: { LANG: "ko_KR.UTF-8" } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("기록으로 본 진도");
  });
});

describe("completion values come from the calculators' option tables", () => {
  it("every option row with choices completes them as values, and gate's argument completes the gate names", async () => {
    const model = completionModel(await fullProgram());
    let checked = 0;
    for (const name of CALCULATOR_NAMES) {
      const spec = await loadCalculator(name);
      const command = model.commands.find((c) => c.name === name)!;
      for (const [key, row] of Object.entries(spec.options) as [string, { choices?: readonly string[] }][]) {
        const option = command.options.find((o) => o.long === `--${kebab(key)}`)!;
        expect(option.values, `${name} --${kebab(key)}`).toEqual(row.choices === undefined ? undefined : [...row.choices]);
        if (row.choices) checked++;
      }
      expect(command.argumentValues).toEqual(spec.argument?.choices ? [...spec.argument.choices] : undefined);
    }
    expect(checked).toBe(7);
    expect(model.commands.find((c) => c.name === "gate")!.argumentValues).toEqual(["and", "or", "nand", "nor", "xor"]);
  });

  it("help does not list the calculators' choices (commander would add `(choices: …)`): the help texts already say them", async () => {
    const result = await runInProcess(["pool", "--help"]);
    expect(result.stdout).toContain("--type <type>");
    expect(result.stdout).not.toContain("choices:");
  });
});
