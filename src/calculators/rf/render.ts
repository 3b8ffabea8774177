/** Human output of `cnn-drill rf`: the per-layer tables with formulas substituted, and the pictures. */
import type { LayerCost } from "../../engine/layer-cost.js";
import type { LayerField } from "../../engine/receptive-field.js";
import { FIELD_PICTURE_LIMIT, type FieldCell, type RfExplanation } from "./explain.js";
import type { TextContext } from "../../render/context.js";
import type { Key } from "./messages.js";
import { arrangeBlocks, padEnd, visibleWidth, type Block } from "../../render/layout.js";
import { formatFactor, formatNumber } from "../../render/number.js";
import { renderTable } from "../../render/table.js";

/** The recurrence, one formula per quantity (notation is the same in every language). */
const FORMULAS: [key: Key, formula: string][] = [
  ["rf.formula.kernel", "k̂ = d(k−1) + 1"],
  ["rf.formula.jump", "j = j_in·s"],
  ["rf.formula.field", "r = r_in + (k̂−1)·j_in"],
  ["rf.formula.start", "start = start_in + ((k̂−1)/2 − p)·j_in"],
  ["rf.formula.size", "n = ⌊(n_in + 2p − k̂)/s⌋ + 1"],
];

const FIELD_SYMBOL: Record<FieldCell, string> = { read: "●", hole: "○", outside: "·" };

export function renderRfText(explanation: RfExplanation, context: TextContext<Key>): string {
  const { result } = explanation;
  const { t, palette } = context;
  const tokens = result.layers.map((layer) => layer.token);
  // A long stack's title names its ends; the table below lists what is between.
  const spec = explanation.rows.some((row) => row.kind === "gap") ? [...tokens.slice(0, 3), "…", ...tokens.slice(-2)].join(" → ") : tokens.join(" → ");
  const lines: string[] = [];
  lines.push(palette.heading(result.inputSize === null ? t("rf.title", { layers: spec }) : t("rf.titleWithInput", { layers: spec, n: result.inputSize })), "");

  lines.push(t("rf.recurrence"));
  const formulas = FORMULAS.filter(([key]) => key !== "rf.formula.size" || result.inputSize !== null);
  const width = Math.max(...formulas.map(([, formula]) => visibleWidth(formula)));
  for (const [key, formula] of formulas) lines.push(`  ${padEnd(formula, width)}   ${palette.dim(t(key))}`);
  if (result.layers.some((layer) => layer.kind === "tconv")) lines.push(palette.dim(`  ${t("rf.formula.tconv")}`));
  lines.push("");

  const head = ["#", t("rf.col.layer"), t("rf.col.kernel"), t("rf.col.jump"), t("rf.col.field"), t("rf.col.start")];
  if (result.inputSize !== null) head.push(t("rf.col.size"));
  const rows = explanation.rows.map((tableRow) => {
    if (tableRow.kind === "gap") return ["…", palette.dim(t("rf.layersSkipped", { count: tableRow.count })), "", "", "", "", ...(result.inputSize !== null ? [""] : [])];
    const { layer } = tableRow;
    const row = [String(layer.index), layer.token, kernelCell(layer), jumpCell(layer), fieldCell(layer, context), startCell(layer, context)];
    if (result.inputSize !== null) row.push(sizeCell(layer, context));
    return row;
  });
  lines.push(renderTable(head, rows, palette, ["right", "left", "left", "left", "left", "left", "left"]), "");
  if (explanation.rows.some((row) => row.kind === "gap")) lines.push(palette.dim(t("rf.layersSkippedNote", { layers: result.layers.length })), "");

  lines.push(...resultLines(explanation, context));

  if (explanation.footprints.length > 0) {
    lines.push("", palette.heading(t("rf.footprints")));
    const blocks: Block[] = explanation.footprints.map(({ layer, taps }) => ({
      title: t("rf.footprintTitle", { index: layer.index, token: layer.token, k: layer.kernel, weights: layer.kernel * layer.kernel, span: layer.effectiveKernel }),
      lines: taps.map((row) => row.map((tap) => (tap ? palette.highlight("●") : palette.dim("·"))).join("")),
    }));
    lines.push(...arrangeBlocks(blocks), "", t("rf.dilationWhy"));
  }
  const { tooLarge, more, limitCells } = explanation.footprintsLeftOut;
  for (const layer of tooLarge) lines.push(palette.dim(t("rf.footprintTooLarge", { index: layer.index, token: layer.token, span: layer.effectiveKernel, limit: limitCells })));
  if (more > 0) lines.push(palette.dim(t("rf.footprintsMore", { count: more })));

  lines.push(...fieldLines(explanation, context));
  // The costs come last, after everything about the field.
  lines.push(...costLines(explanation, context));
  return `${lines.join("\n")}\n`;
}

function kernelCell(layer: LayerField): string {
  return layer.dilation === 1 ? String(layer.kernel) : `${layer.dilation}·(${layer.kernel}−1)+1 = ${layer.effectiveKernel}`;
}

function jumpCell(layer: LayerField): string {
  const operator = layer.kind === "tconv" ? "/" : "·";
  return `${formatFactor(layer.jumpIn)}${operator}${layer.stride} = ${formatNumber(layer.jump)}`;
}

function fieldCell(layer: LayerField, { t, palette }: TextContext<Key>): string {
  if (layer.receptiveField === null) return palette.dim(t("rf.varies"));
  return `r = ${layer.receptiveFieldIn} + (${layer.effectiveKernel}−1)·${formatFactor(layer.jumpIn)} = ${palette.result(String(layer.receptiveField))}`;
}

function startCell(layer: LayerField, { t, palette }: TextContext<Key>): string {
  if (layer.start === null || layer.startIn === null) return palette.dim(t("rf.varies"));
  const centre = `(${layer.effectiveKernel}−1)/2`;
  const offset = layer.kind === "tconv" ? `(${layer.padding} − ${centre})` : `(${centre} − ${layer.padding})`;
  return `${formatNumber(layer.startIn)} + ${offset}·${formatFactor(layer.jumpIn)} = ${formatNumber(layer.start)}`;
}

function sizeCell(layer: LayerField, { palette }: TextContext<Key>): string {
  const out = palette.result(String(layer.outputSize));
  if (layer.kind === "tconv") {
    const extra = layer.outputPadding > 0 ? ` + ${layer.outputPadding}` : "";
    return `(${layer.inputSize}−1)·${layer.stride} − 2·${layer.padding} + ${layer.effectiveKernel}${extra} = ${out}`;
  }
  return `⌊(${layer.inputSize} + 2·${layer.padding} − ${layer.effectiveKernel})/${layer.stride}⌋ + 1 = ${out}`;
}

function resultLines({ result, closedForm }: RfExplanation, { t, palette }: TextContext<Key>): string[] {
  const parts = [result.receptiveField === null || result.start === null
    ? t("rf.resultNoField", { j: formatNumber(result.jump) })
    : t("rf.result", { r: palette.result(String(result.receptiveField)), j: palette.result(formatNumber(result.jump)), start: palette.result(formatNumber(result.start)) })];
  if (result.outputSize !== null) parts.push(t("rf.resultSize", { n: palette.result(String(result.outputSize)) }));
  const lines = [`${parts.join(", ")}.`];
  if (closedForm !== undefined && result.receptiveField !== null) {
    const terms = ["1", ...closedForm.map((term) => `(${term.effectiveKernel}−1)·${formatFactor(term.jumpIn)}`)].join(" + ");
    lines.push(palette.dim(t("rf.closedForm", { terms, r: result.receptiveField })));
  }
  const strided = result.layers.find((layer) => layer.kind === "tconv" && layer.stride > 1);
  if (strided !== undefined) lines.push("", palette.warn(t("rf.tconvNote", { index: strided.index, token: strided.token, s: strided.stride })));
  if (result.inputSize === null) lines.push("", palette.dim(t("rf.noInputSize")));
  return lines;
}

function fieldLines({ result, field, holes }: RfExplanation, { t, palette }: TextContext<Key>): string[] {
  if (result.inputSize === null) return [];
  if (field === undefined) return ["", palette.dim(t("rf.fieldTooLarge", { limit: FIELD_PICTURE_LIMIT }))];
  const unit = field.unit + 1;
  const lines = ["", palette.heading(t("rf.fieldTitle", { n: field.inputSize, unit, out: field.outputSize })), palette.dim(t("rf.fieldLegend"))];
  for (const row of field.cells) {
    lines.push(`  ${row.map((cell) => (cell === "read" ? palette.highlight(FIELD_SYMBOL.read) : palette.dim(FIELD_SYMBOL[cell]))).join(" ")}`);
  }
  if (field.readCount === 0) lines.push(t("rf.fieldEmpty"));
  else if (field.readCount < field.extent ** 2) lines.push(t(holes === "gridding" ? "rf.fieldHoles" : "rf.fieldHolesKernel", { read: field.readCount, span: field.extent }));
  if (field.reachesPadding) lines.push(t("rf.fieldPadding"));
  return lines;
}

/** Counts with thousands grouped (138,357,544), as published counts are written. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** The cost formulas that apply to this stack: notation is the same in every language. */
export function costFormulas(explanation: RfExplanation): [key: Key, formula: string][] {
  const { costs, result } = explanation;
  const kinds = new Set(result.layers.map((layer) => layer.kind));
  const withMacs = result.inputSize !== null;
  const formulas: [Key, string][] = [];
  if (kinds.has("conv") || kinds.has("tconv")) {
    formulas.push(costs?.bias === false ? ["rf.cost.formula.paramsNoBias", "params = k·k·(C_in/g)·C_out"] : ["rf.cost.formula.params", "params = k·k·(C_in/g)·C_out + C_out"]);
  }
  if (withMacs && kinds.has("conv")) formulas.push(["rf.cost.formula.macs", "MACs = k·k·(C_in/g)·C_out·H_out·W_out"]);
  if (withMacs && kinds.has("tconv")) formulas.push(["rf.cost.formula.tconvMacs", "tconv: MACs = k·k·(C_in/g)·C_out·H_in·W_in"]);
  if (kinds.has("fc")) formulas.push(["rf.cost.formula.fc", costs?.bias === false ? "fc: params = in·N, MACs = in·N" : "fc: params = in·N + N, MACs = in·N"]);
  if (kinds.has("pool")) formulas.push(["rf.cost.formula.pool", withMacs ? "pool: params = 0, MACs = 0" : "pool: params = 0"]);
  return formulas;
}

/** k·k·C_in·C_out, or k·k·(C_in/g)·C_out with groups (fc: its flattened input C·H·W and its units). */
export function weightFactors(cost: LayerCost): string {
  if (cost.kind === "fc") {
    const [c, h, w] = cost.inputShape;
    // After another fc the input is already flat (C×1×1): in = C.
    return h === 1 && w === 1 ? `${c}·${cost.channels}` : `(${c}·${h}·${w})·${cost.channels}`;
  }
  const channelsIn = cost.groups === 1 ? String(cost.inChannels) : `(${cost.inChannels}/${cost.groups})`;
  return `${cost.kernel}·${cost.kernel}·${channelsIn}·${cost.channels}`;
}

export function outputShapeCell(cost: LayerCost): string {
  const [c, h, w] = cost.outputShape;
  return h === null || w === null ? String(c) : `${c}×${h}×${w}`;
}

function paramsCell(cost: LayerCost, { palette }: TextContext<Key>): string {
  if (cost.kind === "pool") return "0";
  const bias = cost.biases > 0 ? ` + ${cost.biases}` : "";
  return `${weightFactors(cost)}${bias} = ${palette.result(formatCount(cost.params))}`;
}

function macsCell(cost: LayerCost, { palette }: TextContext<Key>): string {
  if (cost.kind === "pool" || cost.macs === null) return "0";
  // fc is applied once (positions 1×1): in·N alone.
  const positions = cost.kind === "fc" || cost.macPositions === null ? "" : `·${cost.macPositions[0]}·${cost.macPositions[1]}`;
  return `${weightFactors(cost)}${positions} = ${palette.result(formatCount(cost.macs))}`;
}

/** The parameter and MAC table (same rows as the field table), its totals and the formulas behind it. */
function costLines(explanation: RfExplanation, context: TextContext<Key>): string[] {
  const { costs } = explanation;
  if (costs === undefined) return [];
  const { t, palette } = context;
  const { macs } = costs;
  const withMacs = macs !== null;
  const lines = ["", palette.heading(t(withMacs ? "rf.cost.heading" : "rf.cost.headingNoMacs"))];
  const formulas = costFormulas(explanation);
  const width = Math.max(...formulas.map(([, formula]) => visibleWidth(formula)));
  for (const [key, formula] of formulas) lines.push(`  ${padEnd(formula, width)}   ${palette.dim(t(key))}`);
  lines.push("");

  const head = ["#", t("rf.col.layer"), t(withMacs ? "rf.cost.col.output" : "rf.cost.col.outputChannels"), t("rf.cost.col.params")];
  if (withMacs) head.push(t("rf.cost.col.macs"));
  const rows = explanation.rows.map((tableRow) => {
    if (tableRow.kind === "gap") return ["…", palette.dim(t("rf.layersSkipped", { count: tableRow.count })), "", "", ...(withMacs ? [""] : [])];
    const cost = tableRow.cost!;
    const row = [String(cost.index), cost.token, outputShapeCell(cost), paramsCell(cost, context)];
    if (withMacs) row.push(macsCell(cost, context));
    return row;
  });
  const total = ["", t("rf.cost.total"), "", palette.result(formatCount(costs.params))];
  if (withMacs) total.push(palette.result(formatCount(macs)));
  rows.push(total);
  lines.push(renderTable(head, rows, palette, ["right", "left", "left", "right", "right"]), "");
  lines.push(withMacs
    ? t("rf.cost.result", { params: palette.result(formatCount(costs.params)), macs: palette.result(formatCount(macs)) })
    : t("rf.cost.resultNoMacs", { params: palette.result(formatCount(costs.params)) }));
  if (!withMacs) lines.push(palette.dim(t("rf.cost.noInputSize")));
  return lines;
}
