/**
 * Every case computed by PyTorch/torchvision, through the engine and through the built command with --json:
 * - test/fixtures/torch-cases.json: the reference cases (made by the shared gen_torch_cases.py);
 * - test/fixtures/torch-cases-extra.json: edge cases made by scripts/gen-torch-cases.py (see its header);
 * - test/fixtures/torch-cases-round2.json: the training step, rf layer costs and spp shapes, made by
 *   scripts/gen-torch-step-cases.py (autograd on float64 graphs, torch.optim.SGD for the update).
 *
 * The engine path runs every case. Spawning the built command costs about 0.1 s a case, so it runs for
 * every reference case but only for about one extra case in 4: those whose name hashes to 0 mod 4 (a
 * fixed sample, the same cases every run; a hash rather than every 4th index because the generator
 * cycles its variants with periods 2, 3, 4 and 8, which every 4th index would follow). The other extra
 * cases still go through the whole command — option parsing, commander, JSON rendering — in this
 * process, which takes milliseconds. Together the file stays well under a minute on a 2-core machine.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readArgs } from "./engine-adapters/args.js";
import { engineAdapters } from "./engine-adapters/index.js";
import { firstDifference, runBuilt, runInProcess, type CliResult } from "./helpers/cli.js";

interface TorchCase {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

interface Fixture {
  file: string;
  /** Spawn the built command for the cases whose name hashes to 0 mod this (the rest run the CLI in process). */
  spawnOneIn: number;
  /** The commands whose cases run (a fixture may hold cases of commands still being built). */
  commands?: readonly string[];
}

const fixtures: Fixture[] = [
  { file: "torch-cases.json", spawnOneIn: 1 },
  { file: "torch-cases-extra.json", spawnOneIn: 4 },
  { file: "torch-cases-round2.json", spawnOneIn: 4, commands: ["step"] },
];

/** The JSON keys each case must have exactly (no more): the step's keys depend on its options. */
const EXACT_KEYS = new Set(["step"]);

function load(file: string): TorchCase[] {
  return JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8"));
}

/** FNV-1a of the case name: a stable sample that does not follow the generator's variant cycles. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

function expectCase(result: CliResult, testCase: TorchCase): void {
  expect(result.stderr).toBe("");
  expect(result.exitCode).toBe(0);
  const actual = JSON.parse(result.stdout);
  if (EXACT_KEYS.has(testCase.args[0])) expect(Object.keys(actual).sort()).toEqual(Object.keys(testCase.expect).sort());
  for (const [key, value] of Object.entries(testCase.expect)) {
    expect(firstDifference(actual[key], value), key).toBeUndefined();
  }
}

describe("engine adapters", () => {
  it("readArgs reads --ceil and --exclude-pad as flags, so the option after them keeps its value", () => {
    const args = readArgs(["--input", "1 2; 3 4", "--ceil", "--exclude-pad", "--grad", "-1 2"]);
    expect(args.options.get("ceil")).toEqual([""]);
    expect(args.options.get("exclude-pad")).toEqual([""]);
    expect(args.options.get("grad")).toEqual(["-1 2"]);
    expect(args.positional).toEqual([]);
  });
});

for (const { file, spawnOneIn, commands } of fixtures) {
  const cases = load(file).filter((c) => commands === undefined || commands.includes(c.args[0]));
  const kinds = [...new Set(cases.map((c) => c.args[0]))];

  describe(`torch cases (${file})`, () => {
    it("cover every calculator", () => {
      const expected = commands ?? (file === "torch-cases.json" ? ["conv", "gate", "pool", "rf", "roi", "spp"] : ["conv", "pool", "rf", "roi", "spp"]);
      expect([...kinds].sort()).toEqual(expected);
    });

    for (const kind of kinds) {
      describe(kind, () => {
        for (const testCase of cases.filter((c) => c.args[0] === kind)) {

          it(`${testCase.name} through the engine`, () => {
            const actual = engineAdapters[kind](testCase.args.slice(1));
            if (EXACT_KEYS.has(kind)) expect(Object.keys(actual).sort()).toEqual(Object.keys(testCase.expect).sort());
            for (const [key, value] of Object.entries(testCase.expect)) {
              expect(firstDifference(actual[key], value), key).toBeUndefined();
            }
          });

          if (nameHash(testCase.name) % spawnOneIn === 0) {
            it(`${testCase.name} through the built command`, () => {
              expectCase(runBuilt([...testCase.args, "--json"]), testCase);
            });
          } else {
            it(`${testCase.name} through the command in process`, async () => {
              expectCase(await runInProcess([...testCase.args, "--json"]), testCase);
            });
          }
        }
      });
    }
  });
}
