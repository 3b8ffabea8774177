/**
 * The PyTorch reference cases of `rf` with channels (test/fixtures/torch-cases-round2.json, made by
 * scripts/gen-torch-step-cases.py: `sum(p.numel())` of the equivalent torch modules, MACs counted from
 * their shapes), each through the engine (the registered adapter) and through the built command with
 * --json; and the published counts, pinned on their own.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engineAdapters } from "../../engine-adapters/index.js";
import { firstDifference, runBuilt } from "../../helpers/cli.js";

interface TorchCase {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

const cases = (JSON.parse(readFileSync(new URL("../../fixtures/torch-cases-round2.json", import.meta.url), "utf8")) as TorchCase[])
  .filter((testCase) => testCase.args[0] === "rf");

function expectKeys(actual: Record<string, unknown>, expected: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(expected)) expect(firstDifference(actual[key], value), key).toBeUndefined();
}

describe(`rf with channels: PyTorch reference cases (${cases.length})`, () => {
  it("are all there: 46 cases, with and without --input-size and --no-bias", () => {
    expect(cases).toHaveLength(46);
    expect(cases.filter((testCase) => testCase.args.includes("--input-size")).length).toBeGreaterThan(30);
    expect(cases.filter((testCase) => testCase.args.includes("--no-bias")).length).toBeGreaterThan(3);
  });

  describe.each(cases.map((testCase) => [testCase.name, testCase.args.slice(1).join(" "), testCase] as const))("%s: %s", (_name, _args, testCase) => {
    it("through the engine", () => {
      expectKeys(engineAdapters.rf(testCase.args.slice(1)), testCase.expect);
    });

    it("through the built command", () => {
      const result = runBuilt([...testCase.args, "--json"]);
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(0);
      expectKeys(JSON.parse(result.stdout), testCase.expect);
    });
  });
});

describe("published counts through the built command", () => {
  const json = (args: string[]) => JSON.parse(runBuilt(["rf", ...args, "--json"]).stdout);

  it("torchvision VGG16 on 3×224×224: 138,357,544 parameters", () => {
    const layers = "conv3c64p1,conv3c64p1,pool2,conv3c128p1,conv3c128p1,pool2,conv3c256p1,conv3c256p1,conv3c256p1,pool2," +
      "conv3c512p1,conv3c512p1,conv3c512p1,pool2,conv3c512p1,conv3c512p1,conv3c512p1,pool2,fc4096,fc4096,fc1000";
    expect(json(["--layers", layers, "--channels", "3", "--input-size", "224"])).toMatchObject({ params: 138_357_544, macs: 15_470_264_320 });
  });

  it("a 3×3 conv 64→128 on 56×56: 73,856 parameters and 231,211,008 MACs", () => {
    expect(json(["--layers", "conv3c128p1", "--channels", "64", "--input-size", "56"])).toMatchObject({ params: 73_856, macs: 231_211_008 });
  });

  it("depthwise-separable 64→128 (3×3 depthwise, then 1×1): 640 + 8,320 = 8,960 parameters, against 73,856 for the standard conv", () => {
    const separable = json(["--layers", "conv3c64g64p1,conv1c128", "--channels", "64", "--input-size", "56"]);
    expect(separable.layers.map((layer: { params: number }) => layer.params)).toEqual([640, 8320]);
    expect(separable).toMatchObject({ params: 8960, macs: 1_806_336 + 25_690_112 });
  });
});
