/**
 * Receptive-field engine: known values (SEMANTICS.md, PyTorch's transposed-conv sizes), the Distill
 * closed form and the conv engine's gradient support as properties over seeded random stacks, the
 * explanation's pictures, and a `throws when …` test for every input check.
 */
import { describe, expect, it } from "vitest";
import { inputErrorOf } from "../../helpers/errors.js";
import { convBackward, setupConv } from "../../../src/engine/conv2d.js";
import { InputError } from "../../../src/engine/errors.js";
import { effectiveKernel } from "../../../src/engine/geometry.js";
import { fieldPixels, parseLayers, receptiveField, type LayerSpec } from "../../../src/engine/receptive-field.js";
import { tensor } from "../../../src/engine/tensor.js";
import { explainRf } from "../../../src/calculators/rf/explain.js";
import { mulberry32 } from "../../../src/drill/random.js";

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function randomStack(random: () => number): string {
  const tokens: string[] = [];
  const count = 1 + Math.floor(random() * 5);
  for (let i = 0; i < count; i++) {
    if (random() < 0.7) {
      const [k, s, p, d] = [pick(random, [1, 2, 3, 5]), pick(random, [1, 1, 2, 3]), pick(random, [0, 0, 1, 2]), pick(random, [1, 1, 2, 3])];
      tokens.push(`conv${k}${s > 1 ? `s${s}` : ""}${p > 0 ? `p${p}` : ""}${d > 1 ? `d${d}` : ""}`);
    } else {
      const k = pick(random, [2, 3]);
      tokens.push(`pool${k}${pick(random, ["", "s1", "s2"])}${k === 3 && random() < 0.3 ? "p1" : ""}`);
    }
  }
  return tokens.join(",");
}

/** Distill's closed form, written independently of the engine's recurrence. */
function closedForm(specs: readonly LayerSpec[]): number {
  let total = 1;
  specs.forEach((spec, l) => {
    const product = specs.slice(0, l).reduce((p, earlier) => p * earlier.stride, 1);
    total += (effectiveKernel(spec.kernel, spec.dilation) - 1) * product;
  });
  return total;
}


describe("receptiveField known values", () => {
  it("conv3p1,conv3s2p1,pool2,conv3d2p2 gives r = 3,5,7,23 and j = 1,2,4,4 (SEMANTICS.md)", () => {
    const result = receptiveField(parseLayers("conv3p1,conv3s2p1,pool2,conv3d2p2"));
    expect(result.layers.map((layer) => layer.receptiveField)).toEqual([3, 5, 7, 23]);
    expect(result.layers.map((layer) => layer.jump)).toEqual([1, 2, 4, 4]);
    expect(result.layers.map((layer) => layer.effectiveKernel)).toEqual([3, 3, 2, 5]);
    expect(result.layers.map((layer) => layer.start)).toEqual([0, 0, 1, 1]);
    expect([result.receptiveField, result.jump, result.start, result.outputSize]).toEqual([23, 4, 1, null]);
  });

  it("conv3,conv3 (no padding) starts at 1 then 2: the first unit's field is centred inside the input", () => {
    expect(receptiveField(parseLayers("conv3,conv3")).layers.map((layer) => layer.start)).toEqual([1, 2]);
  });

  it("pool2 starts half a pixel in: the centre of pixels 0 and 1", () => {
    expect(receptiveField(parseLayers("pool2")).start).toBe(0.5);
  });

  it("conv7s2p3,pool3s2p1 (ResNet stem) on 224: r = 11, j = 4, output 56", () => {
    const result = receptiveField(parseLayers("conv7s2p3,pool3s2p1"), 224);
    expect([result.receptiveField, result.jump, result.outputSize]).toEqual([11, 4, 56]);
    expect(result.layers.map((layer) => layer.outputSize)).toEqual([112, 56]);
    expect(result.layers.map((layer) => layer.inputSize)).toEqual([224, 112]);
  });

  it("input 32 with conv5d2: output ⌊(32 − 9)/1⌋ + 1 = 24", () => {
    expect(receptiveField(parseLayers("conv5d2"), 32).outputSize).toBe(24);
  });
});

describe("parseLayers", () => {
  it("conv3 has defaults s1 p0 d1; pool3 has stride 3", () => {
    const [conv, pool] = parseLayers("conv3,pool3");
    expect(conv).toMatchObject({ kind: "conv", kernel: 3, stride: 1, padding: 0, dilation: 1 });
    expect(pool).toMatchObject({ kind: "pool", kernel: 3, stride: 3, padding: 0, dilation: 1 });
  });

  it("conv3p1s2d2 reads suffixes in any order, like conv3s2p1d2", () => {
    expect(parseLayers("conv3p1s2d2")[0]).toMatchObject({ stride: 2, padding: 1, dilation: 2 });
  });

  it("\" Conv3S2 , POOL2 \" ignores case and spaces around tokens", () => {
    expect(parseLayers(" Conv3S2 , POOL2 ").map((layer) => [layer.kind, layer.kernel, layer.stride])).toEqual([["conv", 3, 2], ["pool", 2, 2]]);
  });

  it("tconv4s2p1o1 reads the output padding", () => {
    expect(parseLayers("tconv3s2p1o1")[0]).toMatchObject({ kind: "tconv", kernel: 3, stride: 2, padding: 1, outputPadding: 1 });
  });
});

describe("transposed convolution", () => {
  it.each([
    // (n−1)·s − 2p + d(k−1) + o + 1, as PyTorch's ConvTranspose2d documents it
    ["tconv4s2p1", 8, 16],
    ["tconv3s2p1o1", 8, 16],
    ["tconv3s2p1", 8, 15],
    ["tconv3", 5, 7],
    ["tconv3d2", 5, 9],
    ["tconv2s2", 7, 14],
  ])("%s on %i gives %i", (spec, n, out) => {
    expect(receptiveField(parseLayers(spec), n).outputSize).toBe(out);
  });

  it("tconv3p1 (stride 1) adds k̂ − 1 to the field like conv3p1 and keeps the start", () => {
    const transposed = receptiveField(parseLayers("conv3s2,tconv3p1"));
    const plain = receptiveField(parseLayers("conv3s2,conv3p1"));
    expect(transposed.receptiveField).toBe(plain.receptiveField);
    expect(transposed.start).toBe(plain.start);
  });

  it("tconv4s2p1 halves the jump and leaves no single receptive field or start from there on", () => {
    const result = receptiveField(parseLayers("conv3s2,tconv4s2p1,conv3"), 16);
    expect(result.layers.map((layer) => layer.jump)).toEqual([2, 1, 1]);
    expect(result.layers.map((layer) => layer.receptiveField)).toEqual([3, null, null]);
    expect([result.receptiveField, result.start, result.outputSize]).toEqual([null, null, 12]);
  });

  it("tconv4s2p1 on 4: output 0 reads input 0 only, output 1 reads inputs 0 and 1 (o = i·s − p + m)", () => {
    const result = receptiveField(parseLayers("tconv4s2p1"), 4);
    expect(fieldPixels(result, 0)).toEqual([0]);
    expect(fieldPixels(result, 1)).toEqual([0, 1]);
    expect(fieldPixels(result, 7)).toEqual([3]);
  });
});

describe("properties over seeded random stacks", () => {
  const random = mulberry32(20261130);
  const stacks = Array.from({ length: 200 }, () => randomStack(random));

  it("r equals the closed form 1 + Σ(k̂ₗ−1)·Πsᵢ for 200 stacks", () => {
    for (const spec of stacks) {
      const specs = parseLayers(spec);
      expect(receptiveField(specs).receptiveField, spec).toBe(closedForm(specs));
    }
  });

  it("the jump is the product of the strides and start − (r−1)/2 = −Σ pₗ·jₗ (the field's first pixel)", () => {
    for (const spec of stacks) {
      const result = receptiveField(parseLayers(spec));
      expect(result.jump, spec).toBe(result.layers.reduce((p, layer) => p * layer.stride, 1));
      const padded = result.layers.reduce((total, layer) => total + layer.padding * layer.jumpIn, 0);
      expect(result.start! - (result.receptiveField! - 1) / 2, spec).toBe(0 - padded);
    }
  });

  it("sizes and field pixels agree with the conv engine: the gradient of one output unit reaches exactly those pixels", () => {
    let checked = 0;
    for (const spec of stacks) {
      const specs = parseLayers(spec);
      const n = 40;
      let result;
      try {
        result = receptiveField(specs, n);
      } catch (error) {
        if (error instanceof InputError && error.code === "rf.tooSmall") continue;
        throw error;
      }
      // Average pooling is a convolution with a k×k kernel of 1/k², so every layer runs as conv2d.
      const setups = result.layers.map((layer) => setupConv(tensor([layer.inputSize!, layer.inputSize!]), tensor([layer.kernel, layer.kernel], new Array(layer.kernel ** 2).fill(1)), {
        stride: [layer.stride, layer.stride], padding: [layer.padding, layer.padding], dilation: [layer.dilation, layer.dilation],
      }));
      setups.forEach((setup, l) => expect(setup.outputHeight, `${spec} layer ${l + 1}`).toBe(result.layers[l].outputSize));
      const out = result.outputSize!;
      const unit = Math.floor((out - 1) / 2);
      let grad = tensor([out, out]);
      grad.data[unit * out + unit] = 1;
      for (let l = setups.length - 1; l >= 0; l--) grad = convBackward(setups[l], grad).gradInput;
      const rows = new Set<number>();
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (grad.data[i * n + j] !== 0) rows.add(i);
      expect([...rows].sort((a, b) => a - b), spec).toEqual(fieldPixels(result, unit));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe("explainRf", () => {
  it("conv3d2 footprint is ●·●·● / ····· rows: taps every 2nd pixel of 5×5", () => {
    const { footprints } = explainRf(receptiveField(parseLayers("conv3,conv3d2")));
    expect(footprints.map((footprint) => footprint.layer.index)).toEqual([2]);
    expect(footprints[0].taps.map((row) => row.map((tap) => (tap ? "●" : "·")).join(""))).toEqual(["●·●·●", "·····", "●·●·●", "·····", "●·●·●"]);
  });

  it("conv3d2 on 9: the middle unit reads rows and columns 2, 4, 6 with holes between", () => {
    const { field } = explainRf(receptiveField(parseLayers("conv3d2"), 9));
    expect(field!.unit).toBe(2);
    expect(field!.pixels).toEqual([2, 4, 6]);
    expect([field!.extent, field!.readCount, field!.reachesPadding]).toEqual([5, 9, false]);
    expect(field!.cells[2].slice(1, 8)).toEqual(["outside", "read", "hole", "read", "hole", "read", "outside"]);
    expect(field!.cells[3][2]).toBe("hole");
  });

  it("conv3p1 on 2: the field reaches into the padding", () => {
    expect(explainRf(receptiveField(parseLayers("conv3p1"), 2)).field!.reachesPadding).toBe(true);
  });

  it("input 33 is too large to draw; no input size, no picture", () => {
    expect(explainRf(receptiveField(parseLayers("conv3"), 33)).field).toBeUndefined();
    expect(explainRf(receptiveField(parseLayers("conv3"))).field).toBeUndefined();
  });

  it("the closed form is left out when a tconv is in the stack", () => {
    expect(explainRf(receptiveField(parseLayers("conv3,tconv3"))).closedForm).toBeUndefined();
    expect(explainRf(receptiveField(parseLayers("conv3s2,conv3"))).closedForm).toEqual([{ effectiveKernel: 3, jumpIn: 1 }, { effectiveKernel: 3, jumpIn: 2 }]);
  });
});

describe("input checks", () => {
  it.each([
    ["", "rf.empty", {}],
    ["   ", "rf.empty", {}],
    ["conv3,,pool2", "rf.tokenEmpty", { index: 2 }],
    ["conv3,", "rf.tokenEmpty", { index: 2 }],
    ["conv3x", "rf.tokenBad", { index: 1, token: "conv3x" }],
    ["conv3,pool", "rf.tokenBad", { index: 2, token: "pool" }],
    ["conv,pool2", "rf.tokenBad", { index: 1, token: "conv" }],
    ["conv3s", "rf.tokenBad", { index: 1, token: "conv3s" }],
    ["conv3s-1", "rf.tokenBad", { index: 1, token: "conv3s-1" }],
    ["dense3", "rf.tokenBad", { index: 1, token: "dense3" }],
    ["conv3 s2", "rf.tokenBad", { index: 1, token: "conv3 s2" }],
    ["pool2d2", "rf.suffixNotFor.d", { index: 1, token: "pool2d2" }],
    ["conv3o1", "rf.suffixNotFor.o", { index: 1, token: "conv3o1" }],
    ["conv3s2s2", "rf.suffixTwice", { index: 1, letter: "s" }],
    ["conv0", "rf.kernelZero", { index: 1 }],
    ["conv3s0", "rf.strideZero", { index: 1 }],
    ["pool2s0", "rf.strideZero", { index: 1 }],
    ["conv3d0", "rf.dilationZero", { index: 1 }],
    ["pool2p2", "rf.poolPadding", { index: 1, padding: 2, max: 1 }],
    ["tconv3s2o2", "rf.outputPadding", { index: 1, outputPadding: 2, max: 1 }],
    ["tconv3o1", "rf.outputPadding", { index: 1, outputPadding: 1, max: 0 }],
  ])("throws when the spec is %j (%s)", (spec, code, params) => {
    const error = inputErrorOf(() => parseLayers(spec));
    expect(error.argument).toBe("layers");
    expect(error.code).toBe(code);
    expect(error.params).toMatchObject(params);
  });

  it("throws when a layer would shrink the map below 1, naming the layer: conv3,conv3,pool2 on 5", () => {
    const error = inputErrorOf(() => receptiveField(parseLayers("conv3,conv3,pool2"), 5));
    expect([error.argument, error.code]).toEqual(["layers", "rf.tooSmall"]);
    expect(error.params).toMatchObject({ index: 3, token: "pool2", n: 1, out: 0, span: 2 });
  });

  it("throws when a tconv's padding crops the whole output: tconv1p1 on 1", () => {
    const error = inputErrorOf(() => receptiveField(parseLayers("tconv1p1"), 1));
    expect([error.code, error.params.index, error.params.out]).toEqual(["rf.tooSmallTconv", 1, -1]);
  });

  it("throws when the numbers overflow exact arithmetic: 60 × conv3s9", () => {
    const error = inputErrorOf(() => receptiveField(parseLayers(Array(60).fill("conv3s9").join(","))));
    expect(error.code).toBe("rf.overflow");
  });

  it("throws when the input size is not a whole number of at least 1: 0 and 2.5", () => {
    expect(inputErrorOf(() => receptiveField(parseLayers("conv3"), 0)).argument).toBe("input-size");
    expect(inputErrorOf(() => receptiveField(parseLayers("conv3"), 2.5)).code).toBe("number.notPositiveInteger");
  });

  it("throws when the layer list is empty", () => {
    expect(inputErrorOf(() => receptiveField([])).code).toBe("rf.empty");
  });

  it("throws when field pixels are asked for without sizes, or for a unit outside the output", () => {
    expect(inputErrorOf(() => fieldPixels(receptiveField(parseLayers("conv3")), 0)).code).toBe("rf.needsInputSize");
    expect(inputErrorOf(() => fieldPixels(receptiveField(parseLayers("conv3"), 5), 3)).code).toBe("rf.unitOutside");
  });
});
