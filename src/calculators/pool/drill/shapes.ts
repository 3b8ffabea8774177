/** The pooling layer's output shape under another geometry: the shape of an answer that forgot the stride or padding. */
import { setupPool } from "../../../engine/pool2d.js";
import { paddingOf, pairOf, tensorOf } from "../../../drill/given-values.js";
import type { OutputShapes } from "../../../drill/tutor.js";

export const poolOutputShapes: OutputShapes = {
  // The stride defaults to the window, as in PyTorch.
  geometry: (given) => ({ stride: pairOf(given.stride ?? given.size, 1), padding: paddingOf(given.padding), dilation: pairOf(given.dilation, 1) }),
  outputShape(given, geometry) {
    const input = tensorOf(given.input);
    if (input === undefined || given.size === undefined || geometry.padding === "same" || geometry.padding === "valid") return undefined;
    try {
      const setup = setupPool(input, { size: pairOf(given.size, 1), stride: geometry.stride, padding: geometry.padding });
      return input.shape.length === 3 ? [setup.channels, setup.outputHeight, setup.outputWidth] : [setup.outputHeight, setup.outputWidth];
    } catch {
      return undefined; // the mistaken geometry does not fit the input: no such shape
    }
  },
};
