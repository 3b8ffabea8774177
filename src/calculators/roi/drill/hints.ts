/**
 * Hints for roi.pool: the rule with the output's size, then the region's corners and bins, then the
 * first bin worked. Rounded corners, bins and maxima come from the engine (rows and columns counted
 * from 0, as the prompts do).
 */
import { roiForward, setupRoi } from "../../../engine/roi-pool.js";
import { fromRows, rowsOf } from "../../../engine/tensor.js";
import type { Translate } from "../../../i18n/index.js";
import { listOf, matrixOf, numberOf, type Given } from "../../../drill/given.js";
import { binList, binPlace, factor, num, span } from "../../../drill/text.js";
import type { Key } from "./messages.js";

export function roiHints(given: Given, t: Translate<Key>): string[] {
  const input = matrixOf(given, "input");
  const [x1, y1, x2, y2] = listOf(given, "box");
  const output = numberOf(given, "output");
  const scale = numberOf(given, "scale", 1);
  const setup = setupRoi(fromRows(input), [{ x1, y1, x2, y2 }], { outputSize: [output, output], scale });
  const region = setup.regions[0];

  const rule = t("hint.roi.rule", { ph: output, pw: output, scale: num(scale) });

  const corners = (["x1", "y1", "x2", "y2"] as const).map((name, index) => {
    const rounded = [region.startCol, region.startRow, region.endCol, region.endRow][index];
    return `${name}·scale = ${num([x1, y1, x2, y2][index])}·${factor(scale)} = ${num(region.scaled[index])} → ${rounded}`;
  });
  const bins = t("hint.roi.bins", {
    rows: span(region.startRow, region.endRow), cols: span(region.startCol, region.endCol),
    h: region.roiHeight, w: region.roiWidth, ph: output, pw: output, bh: num(region.binHeight), bw: num(region.binWidth),
    rowBins: binList(region.rowBins.map((bin) => [bin.start, bin.end] as const), t),
    colBins: binList(region.colBins.map((bin) => [bin.start, bin.end] as const), t),
  });
  const cornersText = [t("hint.roi.corners"), ...corners.map((line) => `  ${line}`), bins].join("\n");

  const rowBin = region.rowBins[0];
  const colBin = region.colBins[0];
  const values = input.slice(rowBin.start, rowBin.end).flatMap((row) => row.slice(colBin.start, colBin.end));
  const value = rowsOf(roiForward(setup).outputs[0])[0][0];
  const first = values.length === 0
    ? t("hint.roi.firstEmpty")
    : t("hint.roi.first", { ...binPlace(rowBin.start, rowBin.end, colBin.start, colBin.end), values: values.map(num).join(", "), value: num(value) });
  return [rule, cornersText, first];
}
