/**
 * Every case computed by PyTorch/torchvision (test/fixtures/torch-cases.json), through the engine and
 * through the built command with --json.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engineAdapters } from "./engine-adapters/index.js";
import { firstDifference, runBuilt } from "./helpers/cli.js";

interface TorchCase {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

const cases: TorchCase[] = JSON.parse(readFileSync(new URL("./fixtures/torch-cases.json", import.meta.url), "utf8"));
const kinds = [...new Set(cases.map((c) => c.args[0]))];

describe("torch cases", () => {
  it("cover every calculator", () => {
    expect(kinds.sort()).toEqual(["conv", "gate", "pool", "rf", "roi", "spp"]);
  });

  for (const kind of kinds) {
    describe(kind, () => {
      for (const testCase of cases.filter((c) => c.args[0] === kind)) {
        it(`${testCase.name} through the engine`, () => {
          const actual = engineAdapters[kind](testCase.args.slice(1));
          for (const [key, value] of Object.entries(testCase.expect)) {
            expect(firstDifference(actual[key], value), key).toBeUndefined();
          }
        });

        it(`${testCase.name} through the built command`, () => {
          const result = runBuilt([...testCase.args, "--json"]);
          expect(result.stderr).toBe("");
          expect(result.exitCode).toBe(0);
          const actual = JSON.parse(result.stdout);
          for (const [key, value] of Object.entries(testCase.expect)) {
            expect(firstDifference(actual[key], value), key).toBeUndefined();
          }
        });
      }
    });
  }
});
