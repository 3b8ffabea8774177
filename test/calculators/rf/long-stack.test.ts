/** Long stacks and huge dilated kernels stay readable: the table and pictures are summarised, the JSON keeps everything. */
import { describe, expect, it } from "vitest";
import { layerCosts } from "../../../src/engine/layer-cost.js";
import { parseLayers, receptiveField } from "../../../src/engine/receptive-field.js";
import { explainRf, FOOTPRINT_LIMIT, TABLE_LAYER_LIMIT } from "../../../src/calculators/rf/explain.js";
import { runInProcess } from "../../helpers/cli.js";

const stack = (n: number, token = "conv3") => Array.from({ length: n }, () => token).join(",");

describe("rf explain: what is drawn", () => {
  it.each([1, TABLE_LAYER_LIMIT.head + TABLE_LAYER_LIMIT.tail])("%i layers: every layer is a row, no gap", (n) => {
    const rows = explainRf(receptiveField(parseLayers(stack(n)))).rows;
    expect(rows.map((row) => row.kind)).toEqual(Array(n).fill("layer"));
  });

  it("1000 layers: the first 20, one gap of 970, the last 10; no closed-form line", () => {
    const explanation = explainRf(receptiveField(parseLayers(stack(1000))));
    expect(explanation.rows).toHaveLength(TABLE_LAYER_LIMIT.head + 1 + TABLE_LAYER_LIMIT.tail);
    expect(explanation.rows[TABLE_LAYER_LIMIT.head]).toEqual({ kind: "gap", count: 970 });
    const last = explanation.rows.at(-1)!;
    expect(last.kind === "layer" && last.layer.index).toBe(1000);
    expect(explanation.closedForm).toBeUndefined();
  });

  it("1000 layers with channels: each shown row carries its own layer's cost; the totals count every layer", () => {
    const specs = parseLayers(stack(1000, "conv1c2"));
    const costs = layerCosts(specs, { channels: 2, inputSize: 4 });
    const explanation = explainRf(receptiveField(specs, 4), costs);
    for (const row of explanation.rows) if (row.kind === "layer") expect(row.cost).toBe(costs.layers[row.layer.index - 1]);
    expect(explanation.costs?.params).toBe(1000 * (2 * 2 + 2));
    expect(explanation.costs?.macs).toBe(1000 * 2 * 2 * 4 * 4);
  });

  it("without channels the rows carry no cost", () => {
    const explanation = explainRf(receptiveField(parseLayers("conv3,pool2")));
    expect(explanation.costs).toBeUndefined();
    expect(explanation.rows.map((row) => row.kind === "layer" && row.cost)).toEqual([undefined, undefined]);
  });

  it("dilated kernels: at most a few drawn, the rest counted, the too large named", () => {
    const explanation = explainRf(receptiveField(parseLayers(`conv3d40,${stack(FOOTPRINT_LIMIT + 2, "conv3d2")}`)));
    expect(explanation.footprints).toHaveLength(FOOTPRINT_LIMIT);
    expect(explanation.footprintsLeftOut.more).toBe(2);
    expect(explanation.footprintsLeftOut.tooLarge.map((layer) => layer.token)).toEqual(["conv3d40"]);
  });
});

describe("rf: a 1000-layer stack through the CLI", () => {
  it("prints a short answer in both languages, and --json keeps every layer", async () => {
    for (const lang of ["en", "ko"]) {
      const result = await runInProcess(["rf", "--layers", stack(1000), "--lang", lang]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout.split("\n").length).toBeLessThan(60);
      expect(result.stdout).toContain(lang === "en" ? "970 more layers" : "층 970개 생략");
      expect(result.stdout).toMatch(/conv3 → conv3 → conv3 → … → conv3 → conv3/);
    }
    const json = JSON.parse((await runInProcess(["rf", "--layers", stack(1000), "--json"])).stdout);
    expect(json.layers).toHaveLength(1000);
    expect(json.receptiveField).toBe(2001);
  });

  it("with channels: the cost table is summarised the same way, its totals still count all 1000 layers", async () => {
    for (const lang of ["en", "ko"]) {
      const result = await runInProcess(["rf", "--layers", stack(1000, "conv1c2"), "--channels", "2", "--input-size", "4", "--lang", lang]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout.split("\n").length).toBeLessThan(110);
      expect(result.stdout.match(lang === "en" ? /970 more layers/g : /층 970개 생략/g)).toHaveLength(2);
      expect(result.stdout).toMatch(/│ 1000 │ conv1c2 +│ 2×4×4 +│ 1·1·2·2 \+ 2 = 6 │ 1·1·2·2·4·4 = 64 │/);
      expect(result.stdout).toMatch(/│ +│ [^│]+ +│ +│ +6,000 │ +64,000 │/);
    }
  });

  it("a dilated kernel too large to draw is named, not silently left out", async () => {
    const result = await runInProcess(["rf", "--layers", "conv3d40"]);
    expect(result.stdout).toContain("layer 1 conv3d40: its 81×81 dilated kernel is too large to draw (pictures go up to 64×64)");
  });
});
