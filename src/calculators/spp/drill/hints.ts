/**
 * Hints for the spp topics: the rule with the vector's length, then the first level's bins, then
 * that level worked bin by bin (rows and columns counted from 0, as the prompts do).
 */
import { setupSpp, sppForward } from "../../../engine/spp.js";
import { fromRows, rowsOf, tensor } from "../../../engine/tensor.js";
import type { Translate } from "../../../i18n/index.js";
import { listOf, planesOf, stringOf, type Given } from "../../../drill/given.js";
import { binList, binPlace, num } from "../../../drill/text.js";
import type { Key } from "./messages.js";

function sppSetup(given: Given) {
  const planes = planesOf(given, "input");
  const levels = listOf(given, "levels");
  const type = stringOf(given, "type", "max") === "avg" ? "avg" : "max";
  const [c, h, w] = [planes.length, planes[0].length, planes[0][0].length];
  const input = c === 1 ? fromRows(planes[0]) : tensor([c, h, w], planes.flat(2));
  return { planes, levels, type, setup: setupSpp(input, { levels, type }) } as const;
}

export function sppLengthHints(given: Given, t: Translate<Key>): string[] {
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

export function sppVectorHints(given: Given, t: Translate<Key>): string[] {
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
