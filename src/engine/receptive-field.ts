/**
 * Receptive-field arithmetic of a stack of layers along one spatial axis (square kernels), as in
 * Distill's "Computing Receptive Fields of Convolutional Neural Networks": per layer the effective
 * kernel, jump, receptive field, start and output size, and the exact input pixels one output unit reads.
 *
 * Coordinates are input pixel centres 0, 1, 2 …; `start` may be negative (in the padding) or a half.
 * Transposed convolutions (`tconv`) keep exact output sizes and jumps; with stride > 1 their output
 * units do not all read the same inputs (it depends on the unit's position modulo the stride), so
 * from such a layer on the receptive field and start are `null` (no single number exists).
 */
import { checkBudget } from "./budget.js";
import { check, InputError } from "./errors.js";
import { convOutputSize, effectiveKernel, poolOutputSize, transposedConvOutputSize } from "./geometry.js";

export type LayerKind = "conv" | "pool" | "tconv" | "fc";

/** One layer of a SPEC such as `conv3p1,pool2,conv3d2p2,tconv4s2p1`. */
export interface LayerSpec {
  readonly kind: LayerKind;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: number;
  readonly dilation: number;
  /** Transposed convolution only: extra rows/columns on one side (PyTorch `output_padding`). */
  readonly outputPadding: number;
  /** The token as written (lower case), for messages and tables. */
  readonly token: string;
  /** Output channels (`c64`; fc: its units); null keeps the input's channel count (pooling, or no `c`). */
  readonly outChannels: number | null;
  /** Channel groups (`g64`, depthwise when it equals the channels); 1 unless given. */
  readonly groups: number;
}

/** A layer with the field arithmetic before (`…In`) and after it. */
export interface LayerField extends LayerSpec {
  /** 1-based position in the stack. */
  readonly index: number;
  readonly effectiveKernel: number;
  readonly jumpIn: number;
  readonly jump: number;
  readonly receptiveFieldIn: number | null;
  /** Null from a transposed convolution with stride > 1 onwards. */
  readonly receptiveField: number | null;
  readonly startIn: number | null;
  readonly start: number | null;
  /** Null without an input size. */
  readonly inputSize: number | null;
  readonly outputSize: number | null;
}

export interface ReceptiveField {
  readonly layers: readonly LayerField[];
  readonly receptiveField: number | null;
  readonly jump: number;
  readonly start: number | null;
  readonly inputSize: number | null;
  readonly outputSize: number | null;
}

const ARGUMENT = "layers";
const HEAD = /^(tconv|conv|pool|fc)(\d+)(.*)$/;
const SUFFIX = /^([spdocg])(\d+)/;
const ALLOWED_SUFFIXES: Record<LayerKind, string> = { conv: "spdcg", pool: "sp", tconv: "spdocg", fc: "" };

/** Parses a SPEC: comma-separated tokens `conv<k>[s][p][d][c][g]`, `pool<k>[s][p]`, `tconv<k>[s][p][d][o][c][g]`, `fc<N>`. */
export function parseLayers(text: string): LayerSpec[] {
  check(text.trim().length > 0, ARGUMENT, "rf.empty", {}, "rf.tokenHint");
  const tokens = text.split(",").map((token) => token.trim().toLowerCase());
  checkBudget("layers", tokens.length, ARGUMENT);
  return tokens.map((token, position) => parseLayer(token, position + 1));
}

function parseLayer(token: string, index: number): LayerSpec {
  check(token.length > 0, ARGUMENT, "rf.tokenEmpty", { index }, "rf.tokenHint");
  const head = HEAD.exec(token);
  if (head === null) throw new InputError(ARGUMENT, "rf.tokenBad", { index, token }, "rf.tokenHint");
  const kind = head[1] as LayerKind;
  if (kind === "fc") return parseFullyConnected(token, index, Number(head[2]), head[3]);
  const kernel = Number(head[2]);
  const given = new Map<string, number>();
  let rest = head[3];
  while (rest.length > 0) {
    const suffix = SUFFIX.exec(rest);
    if (suffix === null) throw new InputError(ARGUMENT, "rf.tokenBad", { index, token }, "rf.tokenHint");
    const letter = suffix[1];
    // Every kind that takes suffixes takes s and p, so a refused letter is one of d, o, c, g.
    check(ALLOWED_SUFFIXES[kind].includes(letter), ARGUMENT, `rf.suffixNotFor.${letter as "d" | "o" | "c" | "g"}`, { index, token, kind }, "rf.tokenHint");
    check(!given.has(letter), ARGUMENT, "rf.suffixTwice", { index, token, letter }, "rf.tokenHint");
    given.set(letter, Number(suffix[2]));
    rest = rest.slice(suffix[0].length);
  }
  for (const value of [kernel, ...given.values()]) checkBudget("layerValue", value, ARGUMENT, { index, token });
  const stride = given.get("s") ?? (kind === "pool" ? kernel : 1);
  const padding = given.get("p") ?? 0;
  const dilation = given.get("d") ?? 1;
  const outputPadding = given.get("o") ?? 0;
  check(kernel >= 1, ARGUMENT, "rf.kernelZero", { index, token });
  check(stride >= 1, ARGUMENT, "rf.strideZero", { index, token });
  check(dilation >= 1, ARGUMENT, "rf.dilationZero", { index, token });
  // PyTorch refuses these too: pooling padding beyond half the window, output padding ≥ both stride and dilation.
  if (kind === "pool") check(padding <= Math.floor(kernel / 2), ARGUMENT, "rf.poolPadding", { index, token, padding, kernel, max: Math.floor(kernel / 2) }, "rf.poolPaddingHint");
  if (kind === "tconv") check(outputPadding < Math.max(stride, dilation), ARGUMENT, "rf.outputPadding", { index, token, outputPadding, max: Math.max(stride, dilation) - 1 });
  const outChannels = given.get("c") ?? null;
  const groups = given.get("g") ?? 1;
  check(outChannels === null || outChannels >= 1, ARGUMENT, "rf.channelsZero", { index, token });
  check(groups >= 1, ARGUMENT, "rf.groupsZero", { index, token });
  return { kind, kernel, stride, padding, dilation, outputPadding, token, outChannels, groups };
}

/**
 * `fc<N>`: flatten, then N fully connected units. Its window is the whole input, so its kernel is
 * only known with the input size (0 here; `receptiveField` makes it the input size).
 */
function parseFullyConnected(token: string, index: number, units: number, rest: string): LayerSpec {
  check(rest.length === 0, ARGUMENT, "rf.fcSuffix", { index, token }, "rf.tokenHint");
  check(units >= 1, ARGUMENT, "rf.unitsZero", { index, token });
  return { kind: "fc", kernel: 0, stride: 1, padding: 0, dilation: 1, outputPadding: 0, token, outChannels: units, groups: 1 };
}

/** The output size of one layer for an input of n pixels (may be ≤ 0 when the window does not fit). */
export function layerOutputSize(layer: LayerSpec, n: number): number {
  switch (layer.kind) {
    case "conv":
      return convOutputSize(n, layer.kernel, layer.stride, layer.padding, layer.padding, layer.dilation);
    case "pool":
      return poolOutputSize(n, layer.kernel, layer.stride, layer.padding, false);
    case "tconv":
      return transposedConvOutputSize(n, layer.kernel, layer.stride, layer.padding, layer.dilation, layer.outputPadding);
    case "fc":
      return 1;
  }
}

/**
 * Runs the recurrence from r = 1, j = 1, start = 0: k̂ = d(k−1)+1, r_out = r_in + (k̂−1)·j_in,
 * j_out = j_in·s, start_out = start_in + ((k̂−1)/2 − p)·j_in; n_out as PyTorch computes it.
 * A transposed convolution divides the jump by its stride; with stride 1 it reads k̂ consecutive
 * inputs like a convolution padded by k̂−1−p, so start_out = start_in + (p − (k̂−1)/2)·j_in.
 */
export function receptiveField(specs: readonly LayerSpec[], inputSize?: number): ReceptiveField {
  check(specs.length > 0, ARGUMENT, "rf.empty", {}, "rf.tokenHint");
  if (inputSize !== undefined) check(Number.isInteger(inputSize) && inputSize >= 1, "input-size", "number.notPositiveInteger", { text: String(inputSize) });
  let r: number | null = 1;
  let jump = 1;
  let start: number | null = 0;
  let n: number | null = inputSize ?? null;
  const layers: LayerField[] = [];
  specs.forEach((given, position) => {
    const index = position + 1;
    // A fully connected layer reads its whole input: a conv whose kernel is the input size.
    if (given.kind === "fc") check(n !== null, "input-size", "rf.fcNeedsInputSize", { index, token: given.token }, "rf.fcNeedsInputSizeHint");
    const spec = given.kind === "fc" ? { ...given, kernel: n! } : given;
    const span = effectiveKernel(spec.kernel, spec.dilation);
    const nextJump = spec.kind === "tconv" ? jump / spec.stride : jump * spec.stride;
    let nextR: number | null = null;
    let nextStart: number | null = null;
    if (r !== null && start !== null && !(spec.kind === "tconv" && spec.stride > 1)) {
      nextR = r + (span - 1) * jump;
      nextStart = spec.kind === "tconv" ? start + (spec.padding - (span - 1) / 2) * jump : start + ((span - 1) / 2 - spec.padding) * jump;
    }
    let nextN: number | null = null;
    if (n !== null) {
      nextN = layerOutputSize(spec, n);
      check(nextN >= 1, ARGUMENT, spec.kind === "tconv" ? "rf.tooSmallTconv" : "rf.tooSmall", {
        index, token: spec.token, n, out: nextN, span, padding: spec.padding, padded: n + 2 * spec.padding,
      }, "rf.tooSmallHint");
    }
    const representable = (nextR === null || Number.isSafeInteger(nextR)) && (nextN === null || Number.isSafeInteger(nextN)) &&
      nextJump > 0 && nextJump <= Number.MAX_SAFE_INTEGER;
    check(representable, ARGUMENT, "rf.overflow", { index, token: spec.token });
    layers.push({
      ...spec, index, effectiveKernel: span,
      jumpIn: jump, jump: nextJump, receptiveFieldIn: r, receptiveField: nextR, startIn: start, start: nextStart, inputSize: n, outputSize: nextN,
    });
    r = nextR;
    jump = nextJump;
    start = nextStart;
    n = nextN;
  });
  return { layers, receptiveField: r, jump, start, inputSize: inputSize ?? null, outputSize: n };
}

/**
 * The input pixels (one axis, padding excluded) that output unit `unit` of the last layer reads,
 * through every tap of every layer: dilation leaves holes, stride-s transposed convolutions skip
 * the inserted zeros. Needs the sizes (an input size). Sorted, without repeats.
 */
export function fieldPixels(stack: ReceptiveField, unit: number): number[] {
  const last = stack.layers[stack.layers.length - 1];
  check(last.outputSize !== null, "input-size", "rf.needsInputSize");
  check(Number.isInteger(unit) && unit >= 0 && unit < last.outputSize, "input-size", "rf.unitOutside", { unit, size: last.outputSize });
  // At most every output pixel of a layer visits every tap: bound the set operations before any.
  checkBudget("fieldTaps", stack.layers.reduce((total, layer) => total + layer.outputSize! * layer.kernel, 0), ARGUMENT);
  let current = new Set([unit]);
  for (let l = stack.layers.length - 1; l >= 0; l--) {
    const layer = stack.layers[l];
    const n = layer.inputSize!;
    const reads = new Set<number>();
    for (const o of current) {
      for (let m = 0; m < layer.kernel; m++) {
        let i: number;
        if (layer.kind === "tconv") {
          // Output o = i·s − p + m·d, so input i = (o + p − m·d)/s when that is whole.
          const t = o + layer.padding - m * layer.dilation;
          if (t % layer.stride !== 0) continue;
          i = t / layer.stride;
        } else {
          i = o * layer.stride - layer.padding + m * layer.dilation;
        }
        if (i >= 0 && i < n) reads.add(i);
      }
    }
    current = reads;
  }
  return [...current].sort((a, b) => a - b);
}
