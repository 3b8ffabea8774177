/**
 * Hostile input, generated (fast-check, fixed seed): random malformed matrices, pairs, ids and option
 * combinations. Whatever comes in, a run exits 0, 1 or 2, never prints a stack trace, an input error
 * has its one error line and a hint, and `--json` output parses. Most runs are in-process through
 * `main()`; a sample goes through the built command.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runBuilt, runInProcess, type CliResult } from "../helpers/cli.js";
import { temporaryFolders } from "../helpers/temp.js";

const SEED = 20261204;
const { tempDir } = temporaryFolders();
const home = tempDir("cnn-drill-hostile-");
const env = { CNN_DRILL_HOME: home };

/** Pieces that matrices, pairs and ids are made of, good and bad, plus arbitrary text. */
const token = fc.oneof(
  fc.constantFrom("0", "1", "-2", "3.5", "1/4", "1/0", "2e-3", "1e309", "-1e308", "NaN", "Infinity", "inf", ".5", "5.", "--1", "0x10", "١", "1_000", "", " ", "\t"),
  fc.integer({ min: -99, max: 99 }).map(String),
  fc.string({ maxLength: 6 }),
);
const separator = fc.constantFrom(" ", ",", ";", "\n", ";;", ", ", "\r\n", "x", "[", "]", "");
const textMatrix = fc.array(fc.tuple(token, separator), { maxLength: 24 }).map((parts) => parts.map(([t, s]) => t + s).join(""));
const nested = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.integer({ min: -9, max: 9 }), fc.double(), fc.constantFrom(null, "1", true, 1e308), fc.array(tie("value"), { maxLength: 4 })),
})).value;
const jsonMatrix = fc.oneof(nested.map((value) => JSON.stringify(value) ?? "null"), nested.map((value) => (JSON.stringify(value) ?? "").slice(0, -1)));
const matrix = fc.oneof(textMatrix, jsonMatrix, fc.constantFrom("1 2; 3 4", "[[1,2],[3,4]]", "[[[1,2],[3,4]],[[5,6],[7,8]]]", "-", "@", "@/nonexistent", "@/", "1e308 1e308; 1e308 1e308"));
const pair = fc.oneof(fc.constantFrom("1", "2", "0", "-1", "2,1", "2x2", "1.5", "3×3", "99999999999", "1e400", "same", "valid", ",", "2,,1", "a"), fc.string({ maxLength: 5 }));
const number = fc.oneof(fc.constantFrom("0", "1", "-0.5", "1/16", "1/0", "abc", "1e999", "-", ""), fc.double().map(String));
const id = fc.oneof(
  fc.constantFrom("conv.forward@1", "conv.forward@0", "conv.forward@-1", "conv.forward@99999999999999999999", "nope@1", "@1", "conv.forward@", "pool.max@3", "concept.xor@2"),
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 6 })).map(([topic, seed]) => `${topic}@${seed}`),
);
const common = fc.subarray(["--json", "--lang", "ko", "--no-color"], { maxLength: 3 });

/** Option values per command; each run picks some options and a value for each. */
const commands: Record<string, Record<string, fc.Arbitrary<string>>> = {
  conv: { "--input": matrix, "--kernel": matrix, "--stride": pair, "--padding": pair, "--dilation": pair, "--bias": matrix, "--grad": matrix, "--mode": fc.constantFrom("corr", "conv", "x") },
  pool: { "--input": matrix, "--size": pair, "--stride": pair, "--padding": pair, "--type": fc.constantFrom("max", "avg", "min"), "--grad": matrix },
  roi: { "--input": matrix, "--box": fc.oneof(pair, matrix), "--output": pair, "--scale": number, "--grad": matrix },
  spp: { "--input": matrix, "--levels": matrix, "--type": fc.constantFrom("max", "avg", "x"), "--method": fc.constantFrom("adaptive", "sppnet", "y") },
  rf: { "--layers": fc.oneof(fc.constantFrom("conv3", "conv3s2p1,pool2", "tconv4s2p1", "conv3d9999", "conv0", "pool3p2", "conv3,,conv3"), fc.string({ maxLength: 12 })), "--input-size": number },
  gate: { "--weights": matrix, "--bias": number },
  problem: { "--topic": fc.oneof(fc.constantFrom("conv.forward", "pool.max", "x"), fc.string({ maxLength: 6 })), "--seed": number },
  check: { "--answer": fc.oneof(matrix, fc.constantFrom("a", "b", "z", "")) },
  exam: { "--count": number, "--seed": number, "--format": fc.constantFrom("md", "html", "pdf") },
};

const commandLine = fc.constantFrom(...Object.keys(commands)).chain((name) => {
  const options = commands[name];
  const chosen = fc.subarray(Object.keys(options), { minLength: 0 }).chain((keys) => fc.tuple(...keys.map((key) => options[key].map((value) => [key, value] as const))));
  const positional = name === "check" || name === "problem" ? fc.option(id, { nil: undefined }) : name === "gate" ? fc.option(fc.constantFrom("and", "xor", "xnor", ""), { nil: undefined }) : fc.constant(undefined);
  return fc.tuple(chosen, positional, common).map(([pairs, first, extra]) => [name, ...(first === undefined ? [] : [first]), ...pairs.flat(), ...extra]);
});

function expectWellBehaved(args: readonly string[], result: CliResult): void {
  const context = `cnn-drill ${JSON.stringify(args)}\nexit ${result.exitCode}\nstderr: ${result.stderr}`;
  expect([0, 1, 2], context).toContain(result.exitCode);
  expect(result.stderr, context).not.toMatch(/\n\s+at \S/);
  expect(result.stderr, context).not.toMatch(/internal error/);
  if (result.exitCode === 0 && args.includes("--json")) expect(() => JSON.parse(result.stdout), context).not.toThrow();
  if (result.exitCode === 0 && args.includes("--json")) expect(result.stdout, context).not.toMatch(/\b(?:NaN|Infinity)\b/);
  if (result.exitCode === 2) {
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0], context).toMatch(/^(?:error|오류): /);
    // Input errors give their hint; usage errors found by commander point to --help in a hint line.
    expect(lines.some((line) => /^(?:hint|도움말): /.test(line)), context).toBe(true);
    expect(result.stdout, context).toBe("");
  }
}

describe("hostile input (fast-check, seed fixed)", () => {
  it("random command lines, in-process: exit 0, 1 or 2, no stack trace, parsable --json, a hint for every input error", async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, fc.option(matrix, { nil: undefined }), async (args, stdin) => {
        expectWellBehaved(args, await runInProcess(args, { stdin, env }));
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it("random matrices for conv --input, in-process, as text and as JSON", async () => {
    await fc.assert(
      fc.asyncProperty(matrix, fc.constantFrom("1", "[[1]]", "1 0; 0 1"), async (input, kernel) => {
        const args = ["conv", "--input", input, "--kernel", kernel, "--json"];
        expectWellBehaved(args, await runInProcess(args, { stdin: input, env }));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("random problem ids for problem and check, in-process", async () => {
    await fc.assert(
      fc.asyncProperty(id, fc.boolean(), async (problemId, json) => {
        for (const args of [["problem", problemId], ["check", problemId, "--answer", "1"]]) {
          const full = json ? [...args, "--json"] : args;
          expectWellBehaved(full, await runInProcess(full, { env }));
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it("a sample of random command lines through the built command", () => {
    fc.assert(
      fc.property(commandLine, (args) => {
        expectWellBehaved(args, runBuilt(args, { env }));
      }),
      { seed: SEED, numRuns: 12 },
    );
  });
});
