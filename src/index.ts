/** The engine as a typed library: `import { conv2d } from "cnn-drill"`. Pure functions, no I/O. */
export * from "./engine/tensor.js";
export * from "./engine/geometry.js";
export * from "./engine/errors.js";
export * from "./engine/conv2d.js";
export * from "./engine/pool2d.js";
export * from "./engine/roi-pool.js";
export * from "./engine/spp.js";
export * from "./engine/receptive-field.js";
export * from "./engine/gates.js";
export * from "./engine/activation.js";
export * from "./engine/loss.js";
export * from "./engine/step.js";
export * from "./engine/layer-cost.js";
export { parseMatrix, parseNumberToken, parsePair } from "./io/parse.js";
// The codes the parsers throw: exporting their type brings their declaration into the library's ErrorCode.
export type { IoErrorCode } from "./io/error-codes.js";
