import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { setupSpp, sppBins, sppForward, sppShape, SPP_SHAPE_MAX_BINS, type SppMethod } from "../../../src/engine/spp.js";
import { tensor } from "../../../src/engine/tensor.js";
import { sppShapeCase } from "../../engine-adapters/spp-shape.js";
import { firstDifference } from "../../helpers/cli.js";
import { expectInputError } from "../../helpers/errors.js";
import { randomInt, seededRandom } from "../../helpers/random.js";

describe("spp --shape known values", () => {
  it("256×13×13 with levels 1,2,4 → 5,376 (adaptive)", () => {
    const result = sppShape([256, 13, 13], { levels: [1, 2, 4] });
    expect(result.length).toBe(5376);
    expect(result.levels.map((level) => level.n)).toEqual([1, 2, 4]);
    expect(result.levels[1].bins[0][1]).toEqual({ rows: [0, 7], cols: [6, 13] });
  });

  it("256×13×13 with levels 3,2,1 → 256·14 = 3,584 with the paper's windows (13/3: window 5, stride 4)", () => {
    const result = sppShape([256, 13, 13], { levels: [3, 2, 1], method: "sppnet" });
    expect(result.length).toBe(3584);
    expect(result.levels[0].rowAxis).toMatchObject({ window: 5, stride: 4, uncovered: 0 });
  });

  it("sppnet on 7×7 with level 4 (window 2, stride 1) gives 6×6 bins, not 4×4: length ≠ C·Σn²", () => {
    const result = sppShape([2, 7, 7], { levels: [4], method: "sppnet" });
    expect(result.levels[0].bins.length).toBe(6);
    expect(result.length).toBe(72);
    expect(result.expectedLength).toBe(32);
  });

  it("a 2-D shape H,W is one channel", () => {
    expect(sppShape([5, 6], { levels: [1, 2] })).toMatchObject({ channels: 1, height: 5, width: 6, length: 5 });
  });

  it("a huge map needs no memory: 512×100000×100000 with levels 1,2,4", () => {
    expect(sppShape([512, 100_000, 100_000], { levels: [1, 2, 4] }).length).toBe(512 * 21);
  });
});

describe("spp --shape agrees with the spp engine on small maps", () => {
  const methods: SppMethod[] = ["adaptive", "sppnet"];
  const problems = Array.from({ length: 60 }, (_, i) => {
    const random = seededRandom(i + 1);
    const channels = randomInt(random, 1, 3);
    const height = randomInt(random, 1, 9);
    const width = randomInt(random, 1, 9);
    const levels = Array.from({ length: randomInt(random, 1, 3) }, () => randomInt(random, 1, Math.min(height, width)));
    const shape = i % 4 === 0 ? [height, width] : [channels, height, width];
    return { name: `shape=${shape.join("x")} levels=${levels.join(",")} ${methods[i % 2]}`, shape, levels, method: methods[i % 2] };
  });

  it.each(problems.map((p) => [p.name, p] as const))("%s", (_name, { shape, levels, method }) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const setup = setupSpp(tensor(shape, Array.from({ length: size }, (_, i) => (i * 7) % 5)), { levels, method });
    const full = sppForward(setup);
    const fromShape = sppShape(shape, { levels, method });
    expect(fromShape.length).toBe(full.length);
    expect(fromShape.expectedLength).toBe(full.expectedLength);
    expect(fromShape.levels.map((level) => level.bins)).toEqual(sppBins(setup));
    expect(fromShape.levels.map((level) => level.n)).toEqual(levels);
  });
});

interface TorchCase {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

const torchCases = (JSON.parse(readFileSync(new URL("../../fixtures/torch-cases-round2.json", import.meta.url), "utf8")) as TorchCase[])
  .filter((c) => c.args[0] === "spp");

describe(`spp --shape PyTorch reference cases (${torchCases.length}: bins observed with one-hot maps, length from the pooled outputs)`, () => {
  it("include 256×13×13 with levels 1,2,4 → 5,376", () => {
    expect(torchCases.some((c) => c.args.join(" ") === "spp --shape 256,13,13 --levels 1,2,4" && c.expect.length === 5376)).toBe(true);
  });

  it.each(torchCases.map((c) => [c.name, c.args.slice(1).join(" "), c] as const))("%s: %s", (_name, _args, testCase) => {
    const actual = sppShapeCase(testCase.args.slice(1));
    for (const [key, value] of Object.entries(testCase.expect)) expect(firstDifference(actual[key], value), key).toBeUndefined();
  });
});

describe("spp --shape input checks", () => {
  it("throws when the shape has one number", () => expectInputError(() => sppShape([13], { levels: [1] }), "shape", "spp.shapeBad"));
  it("throws when the shape has four numbers", () => expectInputError(() => sppShape([1, 2, 13, 13], { levels: [1] }), "shape", "spp.shapeBad"));
  it("throws when a side is zero", () => expectInputError(() => sppShape([256, 0, 13], { levels: [1] }), "shape", "spp.shapeBad"));
  it("throws when a side is not whole", () => expectInputError(() => sppShape([256, 6.5, 13], { levels: [1] }), "shape", "spp.shapeBad"));
  it("throws when a level is larger than the map", () => expectInputError(() => sppShape([256, 3, 13], { levels: [1, 4] }), "levels", "spp.levelTooLarge"));
  it("throws when a level is zero", () => expectInputError(() => sppShape([256, 13, 13], { levels: [0] }), "levels", "spp.levelBad"));
  it("throws when there are no levels", () => expectInputError(() => sppShape([256, 13, 13], { levels: [] }), "levels", "spp.noLevels"));
  it("throws when the levels ask for too many bins to list", () => expectInputError(() => sppShape([1, 10_000, 10_000], { levels: [Math.ceil(Math.sqrt(SPP_SHAPE_MAX_BINS)) + 1] }), "levels", "spp.tooManyBins"));
  it("throws when the length would not be an exact integer", () => expectInputError(() => sppShape([Number.MAX_SAFE_INTEGER, 13, 13], { levels: [2] }), "shape", "spp.shapeBad"));
});
