/** The conv layer's output shape under another geometry: the shape of an answer that forgot the stride, padding or dilation. */
import { setupConv } from "../../../engine/conv2d.js";
import { paddingOf, pairOf, tensorOf } from "../../../drill/given-values.js";
import type { OutputShapes } from "../../../drill/tutor.js";

export const convOutputShapes: OutputShapes = {
  geometry: (given) => ({ stride: pairOf(given.stride, 1), padding: paddingOf(given.padding), dilation: pairOf(given.dilation, 1) }),
  outputShape(given, geometry) {
    const input = tensorOf(given.input);
    const kernel = tensorOf(given.kernel);
    if (input === undefined || kernel === undefined) return undefined;
    try {
      const setup = setupConv(input, kernel, geometry);
      return setup.isBank ? [setup.filters, setup.outputHeight, setup.outputWidth] : [setup.outputHeight, setup.outputWidth];
    } catch {
      return undefined; // the mistaken geometry does not fit the input: no such shape
    }
  },
};
