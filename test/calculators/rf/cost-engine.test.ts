import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { layerCosts, wantsLayerCosts } from "../../../src/engine/layer-cost.js";
import { fieldPixels, parseLayers, receptiveField } from "../../../src/engine/receptive-field.js";
import { rfCostCase } from "../../engine-adapters/rf-cost.js";
import { rfCase } from "../../engine-adapters/rf.js";
import { expectInputError } from "../../helpers/errors.js";
import { firstDifference } from "../../helpers/cli.js";
import { mulberry32 } from "../../../src/drill/random.js";

interface TorchCase {
  name: string;
  args: string[];
  expect: Record<string, unknown>;
}

const load = (file: string): TorchCase[] => JSON.parse(readFileSync(new URL(`../../fixtures/${file}`, import.meta.url), "utf8")) as TorchCase[];
const cases = load("torch-cases-round2.json").filter((c) => c.args[0] === "rf");
const VGG16 = "conv3c64p1,conv3c64p1,pool2,conv3c128p1,conv3c128p1,pool2,conv3c256p1,conv3c256p1,conv3c256p1,pool2," +
  "conv3c512p1,conv3c512p1,conv3c512p1,pool2,conv3c512p1,conv3c512p1,conv3c512p1,pool2,fc4096,fc4096,fc1000";

describe("layer costs: published counts", () => {
  it("torchvision VGG16, 3×224×224: 138,357,544 parameters, 15,470,264,320 MACs", () => {
    const cost = layerCosts(parseLayers(VGG16), { channels: 3, inputSize: 224 });
    expect(cost.params).toBe(138_357_544);
    expect(cost.macs).toBe(15_470_264_320);
    expect(cost.layers[17].outputShape).toEqual([512, 7, 7]);
    expect(cost.layers[18]).toMatchObject({ kind: "fc", inFeatures: 25_088, weights: 102_760_448, biases: 4096, outputShape: [4096, 1, 1] });
  });

  it("conv3c128p1 after 64 channels on 56×56: 73,856 parameters and 231,211,008 MACs", () => {
    const [layer] = layerCosts(parseLayers("conv3c128p1"), { channels: 64, inputSize: 56 }).layers;
    expect(layer).toMatchObject({ kernel: 3, inChannels: 64, channels: 128, groups: 1, weights: 73_728, biases: 128, params: 73_856, macPositions: [56, 56], macs: 231_211_008 });
  });

  it("depthwise-separable conv3c64g64p1,conv1c128 after 64 channels: 576 + 64 and 8,192 + 128 parameters", () => {
    const cost = layerCosts(parseLayers("conv3c64g64p1,conv1c128"), { channels: 64, inputSize: 56 });
    expect(cost.layers.map((layer) => [layer.weights, layer.biases])).toEqual([[576, 64], [8192, 128]]);
    expect(cost.params).toBe(8960);
    expect(cost.macs).toBe((576 + 8192) * 56 * 56);
  });

  it("--no-bias drops +Cout on every layer (fc too)", () => {
    const cost = layerCosts(parseLayers("conv3c8,fc10"), { channels: 2, inputSize: 5, bias: false });
    expect(cost.layers.map((layer) => layer.params)).toEqual([3 * 3 * 2 * 8, 8 * 3 * 3 * 10]);
  });

  it("parameters need no input size; MACs and spatial sizes are null without one", () => {
    const cost = layerCosts(parseLayers("conv3c128p1,pool2"), { channels: 64 });
    expect(cost.params).toBe(73_856);
    expect(cost.macs).toBeNull();
    expect(cost.layers[1]).toMatchObject({ channels: 128, outputShape: [128, null, null], params: 0, macs: null, macPositions: null });
  });

  it("tconv4c8s2p1 after 16 channels on 5×5: k·k·Cin/g·Cout weights, MACs over the 5×5 input positions", () => {
    const [layer] = layerCosts(parseLayers("tconv4c8s2p1"), { channels: 16, inputSize: 5 }).layers;
    expect(layer).toMatchObject({ weights: 4 * 4 * 16 * 8, params: 4 * 4 * 16 * 8 + 8, outputShape: [8, 10, 10], macPositions: [5, 5], macs: 4 * 4 * 16 * 8 * 25 });
  });

  it("a conv without c keeps the input channels; channels default to 1", () => {
    expect(layerCosts(parseLayers("conv3"), {}).layers[0]).toMatchObject({ inChannels: 1, channels: 1, params: 10 });
    expect(layerCosts(parseLayers("conv3g4"), { channels: 4 }).layers[0]).toMatchObject({ channels: 4, groups: 4, params: 3 * 3 * 1 * 4 + 4 });
  });
});

describe("layer tokens with channels leave the receptive field as it was", () => {
  it("conv3c64p1,pool2,conv3c64g64d2p2 has the field of conv3p1,pool2,conv3d2p2", () => {
    const withChannels = receptiveField(parseLayers("conv3c64p1,pool2,conv3c64g64d2p2"), 16);
    const plain = receptiveField(parseLayers("conv3p1,pool2,conv3d2p2"), 16);
    expect(withChannels.receptiveField).toBe(plain.receptiveField);
    expect(withChannels.layers.map((layer) => [layer.jump, layer.start, layer.outputSize])).toEqual(plain.layers.map((layer) => [layer.jump, layer.start, layer.outputSize]));
  });

  it("existing tokens parse with no channels and one group", () => {
    expect(parseLayers("conv3s2p1,pool2,tconv4s2p1o1").map((layer) => [layer.outChannels, layer.groups])).toEqual([[null, 1], [null, 1], [null, 1]]);
  });

  it("fc reads the whole input: conv3,pool2,fc10 on 8 pixels sees all 8", () => {
    const field = receptiveField(parseLayers("conv3,pool2,fc10"), 8);
    // conv3: r 3, j 1; pool2: r 4, j 2, size 3; fc over the 3 positions: r = 4 + 2·2 = 8 = the whole input.
    expect(field.receptiveField).toBe(8);
    expect(field.outputSize).toBe(1);
    expect(field.layers[2].kernel).toBe(3);
    expect(fieldPixels(field, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("wantsLayerCosts: with --channels or any c, g or fc token", () => {
    expect(wantsLayerCosts(parseLayers("conv3p1,pool2"), false)).toBe(false);
    expect(wantsLayerCosts(parseLayers("conv3p1,pool2"), true)).toBe(true);
    expect(wantsLayerCosts(parseLayers("conv3c8"), false)).toBe(true);
    expect(wantsLayerCosts(parseLayers("conv3g1"), false)).toBe(true);
    expect(wantsLayerCosts(parseLayers("pool2s2,tconv2s2g1"), false)).toBe(true);
    expect(wantsLayerCosts(parseLayers("conv3s2p1d2,pool2s2p1,tconv4s2p1o1"), false)).toBe(false);
    expect(wantsLayerCosts(parseLayers("fc10"), false)).toBe(true);
  });

  it("the existing rf torch cases give the same results (extra fixture, through the engine)", () => {
    for (const testCase of load("torch-cases-extra.json").filter((c) => c.args[0] === "rf")) {
      const actual = rfCase(testCase.args.slice(1));
      for (const [key, value] of Object.entries(testCase.expect)) expect(firstDifference(actual[key], value), `${testCase.name} ${key}`).toBeUndefined();
    }
  });
});

describe(`layer costs: PyTorch reference cases (${cases.length}, sum(p.numel()) of the equivalent modules)`, () => {
  it("include VGG16 and the 64→128 conv", () => {
    expect(cases.some((c) => c.expect.params === 138_357_544)).toBe(true);
    expect(cases.some((c) => c.expect.params === 73_856 && c.expect.macs === 231_211_008)).toBe(true);
  });

  it.each(cases.map((c) => [c.name, c.args.slice(1).join(" "), c] as const))("%s: %s", (_name, _args, testCase) => {
    const actual = rfCostCase(testCase.args.slice(1));
    for (const [key, value] of Object.entries(testCase.expect)) {
      expect(firstDifference(actual[key], value), key).toBeUndefined();
    }
  });
});

describe("layer cost input checks", () => {
  it("throws when groups do not divide the input channels", () => expectInputError(() => layerCosts(parseLayers("conv3c64g4"), { channels: 6 }), "layers", "rf.groupsDivide"));
  it("throws when groups do not divide the output channels", () => expectInputError(() => layerCosts(parseLayers("conv3c6g4"), { channels: 8 }), "layers", "rf.groupsDivide"));
  it("throws when groups do not divide the channels of a tconv", () => expectInputError(() => layerCosts(parseLayers("tconv2c3g2s2"), { channels: 4 }), "layers", "rf.groupsDivide"));
  it("throws when fc comes without an input size", () => expectInputError(() => layerCosts(parseLayers("conv3c8,fc10"), { channels: 3 }), "input-size", "rf.fcNeedsInputSize"));
  it("throws when fc comes without an input size, in the field arithmetic too", () => expectInputError(() => receptiveField(parseLayers("fc10")), "input-size", "rf.fcNeedsInputSize"));
  it("throws when the channels are zero", () => expectInputError(() => layerCosts(parseLayers("conv3"), { channels: 0 }), "channels", "number.notPositiveInteger"));
  it("throws when the channels are not whole", () => expectInputError(() => layerCosts(parseLayers("conv3"), { channels: 1.5 }), "channels", "number.notPositiveInteger"));
  it("throws when a token has zero output channels", () => expectInputError(() => parseLayers("conv3c0"), "layers", "rf.channelsZero"));
  it("throws when a token has zero groups", () => expectInputError(() => parseLayers("conv3c4g0"), "layers", "rf.groupsZero"));
  it("throws when fc has zero units", () => expectInputError(() => parseLayers("fc0"), "layers", "rf.unitsZero"));
  it("throws when fc has a suffix", () => expectInputError(() => parseLayers("fc10s2"), "layers", "rf.fcSuffix"));
  it("throws when pooling gets output channels", () => expectInputError(() => parseLayers("pool2c4"), "layers", "rf.suffixNotFor.c"));
  it("throws when pooling gets groups", () => expectInputError(() => parseLayers("pool2g2"), "layers", "rf.suffixNotFor.g"));
  it("throws when a token gives c twice", () => expectInputError(() => parseLayers("conv3c4c8"), "layers", "rf.suffixTwice"));
  it("throws when the counts overflow exact integers", () => expectInputError(() => layerCosts(parseLayers("conv9c4096,conv9c4096"), { channels: 4096, inputSize: 4000 }), "layers", "rf.overflow"));
});

describe("layer costs: properties over seeded random stacks", () => {
  /** A seeded stack of conv, depthwise conv, tconv and pooling tokens with channels (fitting a 16-pixel input), and its input channels. */
  function randomStack(random: () => number): { text: string; input: number } {
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const input = pick([1, 2, 4, 8]);
    let channels = input;
    const tokens: string[] = [];
    for (let count = 1 + Math.floor(random() * 4); tokens.length < count;) {
      const kind = pick(["conv", "conv", "depthwise", "tconv", "pool"]);
      if (kind === "pool") tokens.push("pool2");
      else if (kind === "depthwise") tokens.push(`conv3c${channels}g${channels}p1`);
      else {
        channels = pick([2, 4, 6, 8]);
        tokens.push(`${kind}${pick([1, 2, 3])}c${channels}${kind === "tconv" ? "s2" : "p1"}`);
      }
    }
    return { text: tokens.join(","), input };
  }

  it.each(Array.from({ length: 40 }, (_, i) => i * 131 + 7))("seed=%i: channels chain, params need no size, MACs = weights · positions", (seed) => {
    const { text, input } = randomStack(mulberry32(seed));
    const specs = parseLayers(text);
    const sized = layerCosts(specs, { channels: input, inputSize: 16 });
    const unsized = layerCosts(specs, { channels: input });
    expect(unsized.layers.map((layer) => layer.params)).toEqual(sized.layers.map((layer) => layer.params));
    expect(sized.params).toBe(sized.layers.reduce((total, layer) => total + layer.params, 0));
    expect(sized.macs).toBe(sized.layers.reduce((total, layer) => total + layer.macs!, 0));
    sized.layers.forEach((layer, position) => {
      expect(layer.inChannels).toBe(position === 0 ? input : sized.layers[position - 1].channels);
      const [, hIn, wIn] = layer.inputShape;
      const [, hOut, wOut] = layer.outputShape;
      if (layer.kind === "pool") {
        expect([layer.params, layer.macs, layer.channels]).toEqual([0, 0, layer.inChannels]);
        return;
      }
      expect(layer.weights).toBe(layer.kernel * layer.kernel * (layer.inChannels / layer.groups) * layer.channels);
      expect(layer.params).toBe(layer.weights + layer.channels);
      expect(layer.macs).toBe(layer.weights * (layer.kind === "tconv" ? hIn! * wIn! : hOut! * wOut!));
    });
  });
});
