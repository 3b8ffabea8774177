/**
 * The typeset worked answer of `cnn-drill rf` (`--html`, the exam's answer key), from the same
 * explanation as render.ts: the recurrence in MathML, one table row per layer (rows as the
 * explanation gives them, a long stack's gap included) with each formula substituted, the dilated
 * kernels and the field of one output unit as tables.
 */
import { costFormulas, formatCount, outputShapeCell, weightFactors } from "./render.js";
import type { LayerField } from "../../engine/receptive-field.js";
import { note, type HtmlAnswer, type HtmlContext } from "../../render/html-answer.js";
import { dataTable, factor, figures, formula, frac, grid, heading, join, legend, mi, mn, mo, mrow, paragraph, rawMath, section, type MathPart, type Markup } from "../../render/html.js";
import { formatNumber } from "../../render/number.js";
import { FIELD_PICTURE_LIMIT, type RfExplanation } from "./explain.js";
import type { Key } from "./messages.js";

type Context = HtmlContext<Key>;

const kHat = rawMath('<mover accent="true"><mi>k</mi><mo>^</mo></mover>');
const sub = (base: string, index: string): MathPart => rawMath(`<msub><mi>${base}</mi><mi>${index}</mi></msub>`);
const paren = (...parts: MathPart[]) => mrow(mo("("), ...parts, mo(")"));

/** The recurrence, one formula per quantity (notation is the same in every language). */
const FORMULAS: [key: Key, formula: MathPart][] = [
  ["rf.formula.kernel", mrow(kHat, mo("="), mi("d"), paren(mi("k"), mo("−"), mn(1)), mo("+"), mn(1))],
  ["rf.formula.jump", mrow(mi("j"), mo("="), sub("j", "in"), mo("·"), mi("s"))],
  ["rf.formula.field", mrow(mi("r"), mo("="), sub("r", "in"), mo("+"), paren(kHat, mo("−"), mn(1)), mo("·"), sub("j", "in"))],
  ["rf.formula.start", mrow(mi("start"), mo("="), sub("start", "in"), mo("+"), paren(frac(mrow(kHat, mo("−"), mn(1)), mn(2)), mo("−"), mi("p")), mo("·"), sub("j", "in"))],
  ["rf.formula.size", mrow(mi("n"), mo("="), mo("⌊"), frac(mrow(sub("n", "in"), mo("+"), mn(2), mi("p"), mo("−"), kHat), mi("s")), mo("⌋"), mo("+"), mn(1))],
];

export function rfHtml(explanation: RfExplanation, context: Context): HtmlAnswer {
  const { result } = explanation;
  const { t } = context;
  const tokens = result.layers.map((layer) => layer.token);
  const gap = explanation.rows.some((row) => row.kind === "gap");
  // A long stack's title names its ends; the table lists what is between.
  const layers = gap ? [...tokens.slice(0, 3), "…", ...tokens.slice(-2)].join(" → ") : tokens.join(" → ");
  const title = result.inputSize === null ? t("rf.title", { layers }) : t("rf.titleWithInput", { layers, n: result.inputSize });

  const parts: Markup[] = [paragraph(t("rf.recurrence"))];
  const formulas = FORMULAS.filter(([key]) => key !== "rf.formula.size" || result.inputSize !== null);
  parts.push(dataTable(["", ""], formulas.map(([key, f]) => [formula(f), t(key)]), "data formulas"));
  if (result.layers.some((layer) => layer.kind === "tconv")) parts.push(note(t("rf.formula.tconv")));

  const head = ["#", t("rf.col.layer"), t("rf.col.kernel"), t("rf.col.jump"), t("rf.col.field"), t("rf.col.start")];
  if (result.inputSize !== null) head.push(t("rf.col.size"));
  const rows = explanation.rows.map((row): (Markup | string)[] => {
    if (row.kind === "gap") return ["…", t("rf.layersSkipped", { count: row.count }), "", "", "", "", ...(result.inputSize !== null ? [""] : [])];
    const { layer } = row;
    const cells: (Markup | string)[] = [String(layer.index), layer.token, formula(kernelCell(layer)), formula(jumpCell(layer)), fieldCell(layer, context), startCell(layer, context)];
    if (result.inputSize !== null) cells.push(formula(sizeCell(layer)));
    return cells;
  });
  parts.push(dataTable(head, rows));
  if (gap) parts.push(note(t("rf.layersSkippedNote", { layers: result.layers.length })));
  parts.push(...resultParts(explanation, context), ...footprintParts(explanation, context), ...fieldParts(explanation, context));
  // The costs come last, after everything about the field, as in the text answer.
  parts.push(...costParts(explanation, context));
  return { title, body: join(parts) };
}

/** Parameters and MACs per layer (same rows as the field table), each with its formula and numbers, and the totals. */
function costParts(explanation: RfExplanation, context: Context): Markup[] {
  const { costs } = explanation;
  if (costs === undefined) return [];
  const { t } = context;
  const { macs } = costs;
  const withMacs = macs !== null;
  const parts: Markup[] = [heading(2, t(withMacs ? "rf.cost.heading" : "rf.cost.headingNoMacs"))];
  parts.push(dataTable(["", ""], costFormulas(explanation).map(([key, text]) => [text, t(key)]), "data formulas"));
  const head = ["#", t("rf.col.layer"), t(withMacs ? "rf.cost.col.output" : "rf.cost.col.outputChannels"), t("rf.cost.col.params")];
  if (withMacs) head.push(t("rf.cost.col.macs"));
  const rows = explanation.rows.map((tableRow): string[] => {
    if (tableRow.kind === "gap") return ["…", t("rf.layersSkipped", { count: tableRow.count }), "", "", ...(withMacs ? [""] : [])];
    const cost = tableRow.cost!;
    const params = cost.kind === "pool" ? "0" : `${weightFactors(cost)}${cost.biases > 0 ? ` + ${cost.biases}` : ""} = ${formatCount(cost.params)}`;
    const row = [String(cost.index), cost.token, outputShapeCell(cost), params];
    if (withMacs) {
      const positions = cost.kind === "fc" || cost.macPositions === null ? "" : `·${cost.macPositions[0]}·${cost.macPositions[1]}`;
      row.push(cost.kind === "pool" || cost.macs === null ? "0" : `${weightFactors(cost)}${positions} = ${formatCount(cost.macs)}`);
    }
    return row;
  });
  rows.push(["", t("rf.cost.total"), "", formatCount(costs.params), ...(withMacs ? [formatCount(macs)] : [])]);
  parts.push(dataTable(head, rows));
  parts.push(paragraph(withMacs
    ? t("rf.cost.result", { params: formatCount(costs.params), macs: formatCount(macs) })
    : t("rf.cost.resultNoMacs", { params: formatCount(costs.params) })));
  if (!withMacs) parts.push(note(t("rf.cost.noInputSize")));
  return parts;
}

function kernelCell(layer: LayerField): MathPart {
  if (layer.dilation === 1) return mn(layer.kernel);
  return mrow(mn(layer.dilation), mo("·"), paren(mn(layer.kernel), mo("−"), mn(1)), mo("+"), mn(1), mo("="), mn(layer.effectiveKernel));
}

function jumpCell(layer: LayerField): MathPart {
  return mrow(factor(layer.jumpIn), mo(layer.kind === "tconv" ? "/" : "·"), mn(layer.stride), mo("="), mn(layer.jump));
}

function fieldCell(layer: LayerField, { t }: Context): Markup | string {
  if (layer.receptiveField === null) return t("rf.varies");
  return formula(mrow(mn(layer.receptiveFieldIn ?? 0), mo("+"), paren(mn(layer.effectiveKernel), mo("−"), mn(1)), mo("·"), factor(layer.jumpIn), mo("="), mn(layer.receptiveField)));
}

function startCell(layer: LayerField, { t }: Context): Markup | string {
  if (layer.start === null || layer.startIn === null) return t("rf.varies");
  const centre = frac(mrow(mn(layer.effectiveKernel), mo("−"), mn(1)), mn(2));
  const offset = layer.kind === "tconv" ? paren(mn(layer.padding), mo("−"), centre) : paren(centre, mo("−"), mn(layer.padding));
  return formula(mrow(mn(layer.startIn), mo("+"), offset, mo("·"), factor(layer.jumpIn), mo("="), mn(layer.start)));
}

function sizeCell(layer: LayerField): MathPart {
  const out = mn(layer.outputSize ?? 0);
  const n = mn(layer.inputSize ?? 0);
  if (layer.kind === "tconv") {
    const extra = layer.outputPadding > 0 ? [mo("+"), mn(layer.outputPadding)] : [];
    return mrow(paren(n, mo("−"), mn(1)), mo("·"), mn(layer.stride), mo("−"), mn(2), mo("·"), mn(layer.padding), mo("+"), mn(layer.effectiveKernel), ...extra, mo("="), out);
  }
  return mrow(mo("⌊"), frac(mrow(n, mo("+"), mn(2), mo("·"), mn(layer.padding), mo("−"), mn(layer.effectiveKernel)), mn(layer.stride)), mo("⌋"), mo("+"), mn(1), mo("="), out);
}

function resultParts({ result, closedForm }: RfExplanation, { t }: Context): Markup[] {
  const sentence = [result.receptiveField === null || result.start === null
    ? t("rf.resultNoField", { j: formatNumber(result.jump) })
    : t("rf.result", { r: String(result.receptiveField), j: formatNumber(result.jump), start: formatNumber(result.start) })];
  if (result.outputSize !== null) sentence.push(t("rf.resultSize", { n: String(result.outputSize) }));
  const parts = [paragraph(`${sentence.join(", ")}.`, "summary")];
  if (closedForm !== undefined && result.receptiveField !== null) {
    const terms = ["1", ...closedForm.map((term) => `(${term.effectiveKernel}−1)·${term.jumpIn < 0 ? `(${formatNumber(term.jumpIn)})` : formatNumber(term.jumpIn)}`)].join(" + ");
    parts.push(note(t("rf.closedForm", { terms, r: result.receptiveField })));
  }
  const strided = result.layers.find((layer) => layer.kind === "tconv" && layer.stride > 1);
  if (strided !== undefined) parts.push(paragraph(t("rf.tconvNote", { index: strided.index, token: strided.token, s: strided.stride })));
  if (result.inputSize === null) parts.push(note(t("rf.noInputSize")));
  return parts;
}

function footprintParts(explanation: RfExplanation, { t }: Context): Markup[] {
  const parts: Markup[] = [];
  if (explanation.footprints.length > 0) {
    const pictures = explanation.footprints.map(({ layer, taps }) => grid(taps.map((row) => row.map((tap) => (tap ? 1 : 0))), {
      caption: t("rf.footprintTitle", { index: layer.index, token: layer.token, k: layer.kernel, weights: layer.kernel * layer.kernel, span: layer.effectiveKernel }),
      text: () => "",
      marks: (r, c) => (taps[r][c] ? ["kernel"] : []),
      compact: true,
    }));
    parts.push(section("part", heading(2, t("html.footprints")), figures(...pictures),
      legend([{ mark: "kernel", label: t("html.legend.tap") }, { mark: "empty", label: t("html.legend.hole") }], { compact: true }), paragraph(t("rf.dilationWhy"))));
  }
  const { tooLarge, more, limitCells } = explanation.footprintsLeftOut;
  for (const layer of tooLarge) parts.push(note(t("rf.footprintTooLarge", { index: layer.index, token: layer.token, span: layer.effectiveKernel, limit: limitCells })));
  if (more > 0) parts.push(note(t("rf.footprintsMore", { count: more })));
  return parts;
}

function fieldParts({ result, field, holes }: RfExplanation, { t }: Context): Markup[] {
  if (result.inputSize === null) return [];
  if (field === undefined) return [note(t("rf.fieldTooLarge", { limit: FIELD_PICTURE_LIMIT }))];
  const unit = field.unit + 1;
  const parts: Markup[] = [heading(2, t("rf.fieldTitle", { n: field.inputSize, unit, out: field.outputSize }))];
  parts.push(grid(field.cells.map((row) => row.map(() => 0)), {
    text: () => "",
    marks: (r, c) => (field.cells[r][c] === "read" ? ["window"] : field.cells[r][c] === "hole" ? ["inserted"] : []),
    compact: true,
  }));
  parts.push(legend([{ mark: "window", label: t("html.legend.read") }, { mark: "inserted", label: t("html.legend.skipped") }], { compact: true }));
  if (field.readCount === 0) parts.push(paragraph(t("rf.fieldEmpty")));
  else if (field.readCount < field.extent ** 2) parts.push(paragraph(t(holes === "gridding" ? "rf.fieldHoles" : "rf.fieldHolesKernel", { read: field.readCount, span: field.extent })));
  if (field.reachesPadding) parts.push(paragraph(t("rf.fieldPadding")));
  return [section("part", ...parts)];
}
