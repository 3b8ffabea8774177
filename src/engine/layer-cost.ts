/**
 * Learnable parameters and multiply-accumulates (MACs) of a stack of layers, as PyTorch's modules
 * have them (`sum(p.numel())`), with the numbers that go into each formula for the worked answer:
 * - conv: k·k·(Cin/g)·Cout weights + Cout biases; MACs = weights · H_out · W_out;
 * - tconv: the same weights (PyTorch stores Cin × Cout/g × k × k); MACs = weights · H_in · W_in,
 *   since every input pixel meets every weight of its group once;
 * - fc: flatten C·H·W = in features, in·N weights + N biases; MACs = in·N;
 * - pooling: no parameters, and comparisons or additions are not MACs: 0.
 * Parameters need no input size (except fc, whose input is the flattened map); MACs do.
 */
import { check } from "./errors.js";
import { receptiveField, type LayerKind, type LayerSpec } from "./receptive-field.js";

export interface LayerCostOptions {
  /** Input channels, default 1. */
  channels?: number;
  /** Input width (= height); without it MACs and spatial output sizes are null, and fc is refused. */
  inputSize?: number;
  /** Whether conv, tconv and fc layers have biases (PyTorch's default, true). */
  bias?: boolean;
}

export interface LayerCost {
  /** 1-based position in the stack. */
  readonly index: number;
  readonly token: string;
  readonly kind: LayerKind;
  /** Kernel side k (fc: the input size it covers; 0 for fc without one, which is refused). */
  readonly kernel: number;
  readonly inChannels: number;
  /** Output channels (fc: its units). */
  readonly channels: number;
  readonly groups: number;
  /** [C, H, W] of the layer's input and output; H and W are null without an input size. */
  readonly inputShape: readonly [number, number | null, number | null];
  readonly outputShape: readonly [number, number | null, number | null];
  /** fc only: C·H·W of its flattened input. */
  readonly inFeatures: number | null;
  /** k·k·(Cin/g)·Cout (fc: in·N; pooling: 0). */
  readonly weights: number;
  /** Cout with biases (fc: N), else 0. */
  readonly biases: number;
  readonly params: number;
  /** The H×W positions the weights are applied at (conv: output, tconv: input, fc: 1×1); null without an input size. */
  readonly macPositions: readonly [number, number] | null;
  /** weights · positions (pooling: 0); null without an input size. */
  readonly macs: number | null;
}

export interface StackCost {
  readonly layers: readonly LayerCost[];
  readonly channels: number;
  readonly inputSize: number | null;
  readonly bias: boolean;
  readonly params: number;
  /** Null without an input size. */
  readonly macs: number | null;
}

const ARGUMENT = "layers";

export function layerCosts(specs: readonly LayerSpec[], options: LayerCostOptions = {}): StackCost {
  const channels = options.channels ?? 1;
  const bias = options.bias ?? true;
  check(Number.isInteger(channels) && channels >= 1, "channels", "number.notPositiveInteger", { text: String(channels) });
  // The field arithmetic checks the tokens and the input size and gives every layer's spatial sizes.
  const field = receptiveField(specs, options.inputSize);
  let inChannels = channels;
  const layers = field.layers.map((layer): LayerCost => {
    const { index, token, kind, groups } = layer;
    const outChannels = kind === "pool" ? inChannels : (layer.outChannels ?? inChannels);
    if (kind === "conv" || kind === "tconv") {
      check(inChannels % groups === 0 && outChannels % groups === 0, ARGUMENT, "rf.groupsDivide", { index, token, groups, inChannels, outChannels }, "rf.groupsDivideHint");
    }
    const n = layer.inputSize;
    const out = layer.outputSize;
    const inputShape = [inChannels, n, n] as const;
    const outputShape = [outChannels, out, out] as const;
    let inFeatures: number | null = null;
    let weights = 0;
    let macPositions: [number, number] | null = null;
    if (kind === "conv" || kind === "tconv") {
      weights = layer.kernel * layer.kernel * (inChannels / groups) * outChannels;
      const side = kind === "conv" ? out : n;
      macPositions = side === null ? null : [side, side];
    } else if (kind === "fc") {
      inFeatures = inChannels * n! * n!;
      weights = inFeatures * outChannels;
      macPositions = [1, 1];
    }
    const biases = bias && kind !== "pool" ? outChannels : 0;
    const params = weights + biases;
    const macs = kind === "pool" ? (n === null ? null : 0) : macPositions === null ? null : weights * macPositions[0] * macPositions[1];
    check(Number.isSafeInteger(params) && (macs === null || Number.isSafeInteger(macs)), ARGUMENT, "rf.overflow", { index, token });
    inChannels = outChannels;
    return { index, token, kind, kernel: layer.kernel, inChannels: inputShape[0], channels: outChannels, groups, inputShape, outputShape, inFeatures, weights, biases, params, macPositions, macs };
  });
  const params = layers.reduce((total, layer) => total + layer.params, 0);
  const macs = field.inputSize === null ? null : layers.reduce((total, layer) => total + layer.macs!, 0);
  check(Number.isSafeInteger(params) && (macs === null || Number.isSafeInteger(macs)), ARGUMENT, "rf.overflow", { index: layers.length, token: layers[layers.length - 1].token });
  return { layers, channels, inputSize: field.inputSize, bias, params, macs };
}

/** True when a stack asks for the parameter columns: channels given, or any `c`/`g`/`fc` token. */
export function wantsLayerCosts(specs: readonly LayerSpec[], channelsGiven: boolean): boolean {
  // A written g1 counts too, so the token's suffixes are read rather than the parsed group count.
  return channelsGiven || specs.some((spec) => spec.kind === "fc" || spec.outChannels !== null || /^t?conv\d+.*g\d/.test(spec.token));
}
