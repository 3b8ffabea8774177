/** The common mistakes of max-pool backward: δ to every cell, averaged, overlaps not summed, ties all marked. */
import { axisWindow, poolBackward, setupPool, type PoolSetup, type PoolType } from "../../../engine/pool2d.js";
import { tensor, toNested, type Tensor } from "../../../engine/tensor.js";
import { pairOf, tensorOf } from "../../../drill/given-values.js";
import { mistake, type DiagnosedProblem, type Mistake } from "../../../drill/tutor.js";
import type { DrillMistakeId } from "./messages.js";

function poolOf(given: DiagnosedProblem["given"], type: PoolType = given.type === "avg" ? "avg" : "max"): PoolSetup | undefined {
  const input = tensorOf(given.input);
  if (input === undefined || given.size === undefined) return undefined;
  const size = pairOf(given.size, 1);
  return setupPool(input, { type, size, stride: pairOf(given.stride ?? given.size, 1), padding: pairOf(given.padding, 0) });
}

/**
 * Max-pool gradient routed by a mistaken rule: `write` decides what each window does to the cells it
 * covers (the real ones, padding excluded), given the window's δ, its cells and which of them hold its maximum.
 */
function routeMaxPool(setup: PoolSetup, grad: Tensor, write: (out: Float64Array, cells: number[], maxima: number[], delta: number) => void): Tensor {
  const { channels, height, width, outputHeight, outputWidth, input } = setup;
  const out = new Float64Array(channels * height * width);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < outputHeight; i++) {
      const rows = axisWindow(setup, 0, i);
      for (let j = 0; j < outputWidth; j++) {
        const cols = axisWindow(setup, 1, j);
        const cells: number[] = [];
        for (let r = rows.start; r < rows.end; r++) {
          for (let col = cols.start; col < cols.end; col++) cells.push(c * height * width + r * width + col);
        }
        const best = Math.max(...cells.map((cell) => input[cell]));
        write(out, cells, cells.filter((cell) => input[cell] === best), grad.data[(c * outputHeight + i) * outputWidth + j]);
      }
    }
  }
  return tensor(setup.inputShape, out);
}

function maxPoolGradProblem(problem: DiagnosedProblem): { setup: PoolSetup; grad: Tensor } | undefined {
  if (!problem.topic.startsWith("pool.") || problem.ask !== "gradInput" || problem.given.type === "avg") return undefined;
  const setup = poolOf(problem.given, "max");
  const grad = tensorOf(problem.given.grad);
  return setup && grad ? { setup, grad } : undefined;
}

export const poolMistakes: readonly Mistake<DrillMistakeId>[] = [
  mistake("pool-grad-to-all", (problem) => {
    const routed = maxPoolGradProblem(problem);
    return routed && toNested(routeMaxPool(routed.setup, routed.grad, (out, cells, _, delta) => cells.forEach((cell) => { out[cell] += delta; })));
  }),
  mistake("pool-grad-averaged", (problem) => {
    const routed = maxPoolGradProblem(problem);
    const avg = routed && poolOf(problem.given, "avg");
    return avg && routed && toNested(poolBackward(avg, routed.grad));
  }),
  mistake("pool-overlap-not-summed", (problem) => {
    const routed = maxPoolGradProblem(problem);
    if (routed === undefined || routed.setup.stride.every((s, axis) => s >= routed.setup.size[axis])) return undefined;
    // A later window overwrites what an earlier one wrote, instead of adding to it.
    return toNested(routeMaxPool(routed.setup, routed.grad, (out, _, maxima, delta) => { out[maxima[0]] = delta; }));
  }),
  mistake("pool-tie-all", (problem) => {
    if (!problem.topic.startsWith("pool.") || problem.given.type === "avg") return undefined;
    if (problem.ask === "gradInput") {
      const routed = maxPoolGradProblem(problem);
      return routed && toNested(routeMaxPool(routed.setup, routed.grad, (out, _, maxima, delta) => maxima.forEach((cell) => { out[cell] += delta; })));
    }
    if (problem.ask === "mask") {
      const setup = poolOf(problem.given, "max");
      if (setup === undefined) return undefined;
      const grad = tensor([setup.channels, setup.outputHeight, setup.outputWidth]);
      grad.data.fill(1);
      const marked = routeMaxPool(setup, grad, (out, _, maxima) => maxima.forEach((cell) => { out[cell] = 1; }));
      return toNested(marked);
    }
    return undefined;
  }),
];
