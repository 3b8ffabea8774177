/** Large results, summarised: shape, smallest, largest and sum, and the grid itself when it fits. */
import { shapeText } from "../engine/conv2d.js";
import { rowsOf, summarize, type Tensor } from "../engine/tensor.js";
import type { CommonKey, Translate } from "../i18n/index.js";
import { fitsOnScreen, gridLines } from "./grid.js";
import { formatNumber } from "./number.js";

export interface LabelledTensor {
  label: string;
  tensor: Tensor;
}

export function summaryLines(results: readonly LabelledTensor[], t: Translate<CommonKey>): string[] {
  const lines: string[] = [];
  for (const { label, tensor } of results) {
    const { min, max, sum } = summarize(tensor);
    lines.push(t("output.summary", { what: label, shape: shapeText(tensor.shape), min: formatNumber(min), max: formatNumber(max), sum: formatNumber(sum) }));
    const [h, w] = tensor.shape.slice(-2);
    if (tensor.shape.length === 2 && fitsOnScreen(h, w)) lines.push(...gridLines(rowsOf(tensor)).map((line) => `  ${line}`));
  }
  return lines;
}
