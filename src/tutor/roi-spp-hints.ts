/**
 * Hints for roi.pool and the spp topics: the rule with the output's size, then the region's
 * corners and bins (RoI) or the first level's bins (SPP), then the first bin or level worked. Rounded
 * corners, bins and maxima come from the engine (rows and columns counted from 0, as the prompts do).
 */
import { roiForward, setupRoi } from "../engine/roi-pool.js";
import { setupSpp, sppForward } from "../engine/spp.js";
import { fromRows, rowsOf, tensor } from "../engine/tensor.js";
import type { Translate } from "../i18n/index.js";
import { listOf, matrixOf, numberOf, planesOf, stringOf, type Given } from "./given.js";
import { factor, num, span } from "./text.js";

/** The message parameters of one bin [r0, r1) × [c0, c1): its ranges and their lengths (for "row"/"rows"). */
function binPlace(r0: number, r1: number, c0: number, c1: number) {
  return { rows: span(r0, r1 - 1), cols: span(c0, c1 - 1), rowCount: r1 - r0, colCount: c1 - c0 };
}

/** Half-open bins [start, end) as `1–2, 2–3`; an empty bin as its word. */
function binList(bins: readonly (readonly [number, number])[], t: Translate): string {
  return bins.map(([start, end]) => (end > start ? span(start, end - 1) : t("hint.bin.empty"))).join(", ");
}

export function roiHints(given: Given, t: Translate): string[] {
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

function sppSetup(given: Given) {
  const planes = planesOf(given, "input");
  const levels = listOf(given, "levels");
  const type = stringOf(given, "type", "max") === "avg" ? "avg" : "max";
  const [c, h, w] = [planes.length, planes[0].length, planes[0][0].length];
  const input = c === 1 ? fromRows(planes[0]) : tensor([c, h, w], planes.flat(2));
  return { planes, levels, type, setup: setupSpp(input, { levels, type }) } as const;
}

export function sppLengthHints(given: Given, t: Translate): string[] {
  const { planes, levels } = sppSetup(given);
  const c = planes.length;
  return [
    t("hint.spp.lengthRule"),
    t("hint.spp.lengthNumbers", {
      c, levels: levels.join(", "),
      squares: levels.map((n) => `${n}²`).join(" + "),
      values: levels.map((n) => n * n).join(" + "),
    }),
  ];
}

export function sppVectorHints(given: Given, t: Translate): string[] {
  const { planes, levels, type, setup } = sppSetup(given);
  const [h, w] = [planes[0].length, planes[0][0].length];
  const length = planes.length * levels.reduce((total, n) => total + n * n, 0);
  const rule = t("hint.spp.vectorRule", { length, h, w, levels: levels.join(", "), pooled: t(`hint.spp.pooled.${type}`) });

  const level = setup.levels[0];
  const bins = t("hint.spp.firstLevelBins", { n: level.n, rowBins: binList(level.rows.bins, t), colBins: binList(level.cols.bins, t) });

  // Channel by channel as the vector is laid out (one channel in the topic's problems).
  const output = sppForward(setup).levels[0].output;
  const lines: string[] = [];
  planes.forEach((plane, c) => {
    const pooled = rowsOf(output, c);
    level.rows.bins.forEach(([r0, r1], i) =>
      level.cols.bins.forEach(([c0, c1], j) => {
        const values = plane.slice(r0, r1).flatMap((row) => row.slice(c0, c1)).map(num).join(", ");
        lines.push(`  ${t("hint.spp.bin", binPlace(r0, r1, c0, c1))}: ${t(`hint.spp.fn.${type}`)}(${values}) = ${num(pooled[i][j])}`);
      }));
  });
  return [rule, bins, [t("hint.spp.firstLevelWorked", { n: level.n }), ...lines].join("\n")];
}
