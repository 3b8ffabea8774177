/**
 * `cnn-drill quiz` and `cnn-drill review` as commands: option errors (one `throws when …` per check)
 * and the no-terminal rule (explain problem/check, exit 2, never wait).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryFolders } from "../helpers/temp.js";
import { CALCULATOR_NAMES } from "../../src/calculators/index.js";
import { resolveTopics } from "../../src/practice/topics.js";
import { BIN, runBuilt, runInProcess } from "../helpers/cli.js";

const { made } = temporaryFolders();

const home = () => made(mkdtempSync(join(tmpdir(), "cnn-drill-quiz-")));

describe("resolveTopics", () => {
  it("an id gives itself", () => {
    expect(resolveTopics(["conv.forward"])).toEqual(["conv.forward"]);
  });

  it("an area gives every topic of the area, in catalogue order, without duplicates", () => {
    const conv = resolveTopics(["conv"]);
    expect(conv.length).toBeGreaterThan(1);
    expect(conv.every((id) => id.startsWith("conv."))).toBe(true);
    expect(resolveTopics(["conv", "conv.forward"])).toEqual(conv);
  });

  it("comma-separated values work like repeated options", () => {
    expect(resolveTopics(["concept.xor,conv.forward"])).toEqual(resolveTopics(["conv.forward", "concept.xor"]));
  });

  it("nothing given: every topic", () => {
    expect(resolveTopics([]).length).toBeGreaterThan(10);
  });

  it("throws when a topic is unknown, naming the areas", () => {
    expect(() => resolveTopics(["conv.nope"])).toThrow(/practice\.topicUnknown/);
  });
});

for (const command of ["quiz", "review"]) {
  describe(`${command} without a terminal`, () => {
    it(`${command} < /dev/null: explains problem/check, exit 2, nothing on stdout (built command)`, () => {
      const result = runBuilt([command], { env: { CNN_DRILL_HOME: home() } });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        `error: ${command} is an interactive session, but standard input is not a terminal\n` +
          'hint: without a terminal, practise with: cnn-drill problem --topic conv.forward (prints a problem and its id), then cnn-drill check <id> --answer "1 2; 3 4" (exit 0 right, 1 wrong)\n',
      );
    });

    it(`${command} in Korean`, () => {
      const result = runBuilt([command, "--lang", "ko"], { env: { CNN_DRILL_HOME: home() } });
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain("대화형 연습인데, 표준 입력이 터미널이 아닙니다");
    });
  });
}

describe("quiz option errors (checked before anything is asked)", () => {
  it("a count above the limit says which counts are taken", async () => {
    const result = await runInProcess(["quiz", "--count", "101"], { env: { CNN_DRILL_HOME: home() } });
    expect(result.stderr).toBe('error: --count: "101" is more than 100 problems\nhint: give a count from 1 to 100; for more practice, run another session\n');
  });

  const cases: [string, string[], string][] = [
    ["the topic is unknown", ["--topic", "pool.nope"], 'error: --topic: unknown topic or area "pool.nope"'],
    ["the count is 0", ["--count", "0"], 'error: --count: "0" must be a whole number of at least 1'],
    ["the count is too large", ["--count", "101"], 'error: --count: "101" is more than 100 problems'],
    ["the count is not a number", ["--count", "many"], 'error: --count: "many" must be a whole number of at least 1'],
    ["the seed is negative", ["--seed", "-3"], 'error: --seed: "-3" is not a seed'],
    ["the language is unknown", ["--lang", "fr"], 'error: --lang: "fr" is not a supported language'],
  ];
  for (const [name, args, message] of cases) {
    it(`throws when ${name}: exit 2, "${message}"`, async () => {
      // stdin is a terminal here: the error must come from the option, not from the terminal check.
      const result = await runInProcess(["quiz", ...args], { env: { CNN_DRILL_HOME: home() } });
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.startsWith(message)).toBe(true);
    });
  }

  it("review: throws when the count is 0", async () => {
    const result = await runInProcess(["review", "--count", "0"], { env: { CNN_DRILL_HOME: home() } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: --count: "0" must be a whole number of at least 1/);
  });
});

describe("start-up stays light", () => {
  // A preload script that, at exit, prints every module the process loaded (the built command is
  // CommonJS, and ES-only packages are loaded through require too, so all land in require.cache).
  const preload = join(made(mkdtempSync(join(tmpdir(), "cnn-drill-preload-"))), "list-modules.cjs");
  writeFileSync(preload, [
    'process.on("exit", () => { for (const file of Object.keys(require.cache)) process.stderr.write("LOADED " + file + "\\n"); });',
  ].join("\n"));

  function loaded(args: string[]): string[] {
    const result = spawnSync(process.execPath, ["--require", preload, BIN, ...args], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", NO_COLOR: "1" } });
    expect(result.status).toBe(0);
    return result.stderr.split("\n").filter((line) => line.startsWith("LOADED ")).map((line) => line.slice(7));
  }

  it("conv loads neither inquirer, ts-fsrs, yaml, the quiz core nor any drill (built command)", () => {
    const modules = loaded(["conv", "--input", "1 2; 3 4", "--kernel", "1"]);
    expect(modules.some((url) => url.includes("/dist/calculators/conv/index.js"))).toBe(true);
    // Only the calculator it names: no other calculator's spec, explanation or renderer.
    expect(modules.filter((url) => /\/dist\/(calculators|explain|render)\/(pool|roi|spp|rf|gate)\b/.test(url))).toEqual([]);
    expect(modules.filter((url) => /@inquirer|ts-fsrs|\/yaml\/|\/dist\/quiz\/|\/dist\/practice\//.test(url))).toEqual([]);
    // No drill: neither a calculator's quiz topics, hints and mistakes nor the kit they are written with.
    expect(modules.filter((url) => /\/dist\/calculators\/[^/]+\/drill\/|\/dist\/drill\//.test(url))).toEqual([]);
  });

  it.each(CALCULATOR_NAMES)("the %s drill loads without its calculator's command (built module)", (name) => {
    const drill = join(dirname(BIN), "..", "dist", "calculators", name, "drill", "index.js");
    const result = spawnSync(process.execPath, ["--require", preload, "-e", `require(${JSON.stringify(drill)})`], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
    expect(result.status).toBe(0);
    const modules = result.stderr.split("\n").filter((line) => line.startsWith("LOADED ")).map((line) => line.slice(7));
    expect(modules).toContain(drill);
    // Not the calculator's spec, explanation, renderers or messages, nor any command.
    expect(modules.filter((url) => new RegExp(`/dist/calculators/${name}/[^/]+\\.js$`).test(url) || /\/dist\/(commands\/|cli\.js)/.test(url))).toEqual([]);
  });

  it("--help lists every command without loading inquirer, ts-fsrs or the question bank", () => {
    const modules = loaded(["--help"]);
    expect(modules.filter((url) => /@inquirer|ts-fsrs|\/yaml\//.test(url))).toEqual([]);
  });
});
