/**
 * The typeset worked answer of `cnn-drill gate` (`--html`, the exam's answer key), from the same
 * explanation as render.ts: the truth table with each weighted sum in MathML, the units, and each
 * sampled plane as a picture made of table cells (where the unit fires, and the four inputs).
 */
import { gateOfOutputs, type Firing, type Perceptron, type PerceptronTable, type XorNetwork } from "../../engine/gates.js";
import { note, type HtmlAnswer, type HtmlContext } from "../../render/html-answer.js";
import { dataTable, figures, formula, grid, join, legend, mn, mo, mrow, paragraph, rawMath, section, type CellMark, type MathPart, type Markup } from "../../render/html.js";
import { formatNumber } from "../../render/number.js";
import type { GateExplanation, PlanePicture } from "./explain.js";
import type { Key } from "./messages.js";

type Context = HtmlContext<Key>;

export function gateHtml(explanation: GateExplanation, context: Context): HtmlAnswer {
  const { table } = explanation;
  return table.kind === "xor" ? xorAnswer(table, explanation, context) : perceptronAnswer(table, explanation, context);
}

const x = (index: number): MathPart => rawMath(`<msub><mi>x</mi><mn>${index}</mn></msub>`);

/** `w1·x1 + w2·x2 + b` with numbers, signs merged as by hand: 0.5·0 − 0.5·1 − 0.7 = −1.2. */
function sumMath(perceptron: Perceptron, firing: Firing): MathPart {
  const [w1, w2] = perceptron.weights;
  const [x1, x2] = firing.inputs;
  const term = (value: number, first: boolean, rest: MathPart[]): MathPart[] => {
    const sign = value < 0 ? [mo("−")] : first ? [] : [mo("+")];
    return [...sign, mn(Math.abs(value)), ...rest];
  };
  return mrow(
    ...term(w1, true, [mo("·"), mn(x1)]),
    ...term(w2, false, [mo("·"), mn(x2)]),
    ...term(perceptron.bias, false, []),
    mo("="), mn(firing.sum),
  );
}

/** `0.5·x1 + 0.5·x2 − 0.7`, zero weights left out. */
function lineMath(perceptron: Perceptron): MathPart {
  const parts: MathPart[] = [];
  const add = (value: number, name: MathPart | undefined) => {
    if (value === 0) return;
    const magnitude = Math.abs(value);
    const body = name === undefined ? [mn(magnitude)] : magnitude === 1 ? [name] : [mn(magnitude), mo("·"), name];
    parts.push(...(value < 0 ? [mo("−")] : parts.length > 0 ? [mo("+")] : []), ...body);
  };
  add(perceptron.weights[0], x(1));
  add(perceptron.weights[1], x(2));
  add(perceptron.bias, undefined);
  return parts.length === 0 ? mn(0) : mrow(...parts);
}

function weightParams(perceptron: Perceptron): Record<string, string> {
  return { w1: formatNumber(perceptron.weights[0]), w2: formatNumber(perceptron.weights[1]), b: formatNumber(perceptron.bias) };
}

/** The sampled plane as a picture: shaded where the unit(s) fire, the four inputs with their outputs, axes numbered at 0 and 1. */
function planeGrid(caption: string, picture: PlanePicture): Markup {
  const label = new Map(picture.points.map((point) => [`${point.row},${point.col}`, point.label]));
  const tick = (value: number) => (value === 0 || value === 1 ? String(value) : "");
  return grid(picture.region.map((row) => row.map(() => 0)), {
    caption,
    compact: true,
    rowHeaders: picture.rows.map(tick),
    colHeaders: picture.columns.map(tick),
    text: (_, r, c) => (label.has(`${r},${c}`) ? String(label.get(`${r},${c}`)) : ""),
    marks: (r, c): CellMark[] => [...(picture.region[r][c] ? ["routed" as const] : []), ...(label.has(`${r},${c}`) ? ["max" as const] : [])],
  });
}

function planeLegend({ t }: Context): Markup {
  return legend([{ mark: "routed", label: t("html.legend.fires") }, { mark: "max", label: t("html.legend.point") }]);
}

function perceptronAnswer(table: PerceptronTable, explanation: GateExplanation, context: Context): HtmlAnswer {
  const { t } = context;
  const { perceptron } = table;
  const title = table.name === undefined ? t("gate.title.custom") : t("gate.title.named", { gate: table.name.toUpperCase() });
  const parts: Markup[] = [paragraph(t("gate.step")), paragraph(t("gate.weights", weightParams(perceptron)))];
  const rows = table.rows.map((row) => [String(row.inputs[0]), String(row.inputs[1]), formula(sumMath(perceptron, row.firing)), String(row.output)]);
  parts.push(dataTable(["x1", "x2", t("gate.col.sum"), "y"], rows));
  parts.push(paragraph(t("gate.outputs", { outputs: table.outputs.join(", ") }), "summary"));
  if (table.rows.some((row) => row.firing.sum === 0)) parts.push(note(t("gate.onLine")));
  if (table.name === undefined) {
    const named = gateOfOutputs(table.outputs);
    parts.push(paragraph(named === undefined ? t("gate.computesNone") : t("gate.computes", { gate: named.toUpperCase() })));
  }
  if (perceptron.weights[0] === 0 && perceptron.weights[1] === 0) {
    parts.push(paragraph(t("gate.noLine", { y: table.outputs[0] })));
    return { title, body: join(parts) };
  }
  // The sentence around the line's equation, which is typeset in its place.
  const [before, after = ""] = t("gate.line", { line: "\u0000" }).split("\u0000");
  parts.push(paragraph(join([before, formula(lineMath(perceptron)), after])));
  parts.push(section("part", figures(planeGrid(t("gate.picture.perceptron"), explanation.pictures[0])), planeLegend(context)));
  return { title, body: join(parts) };
}

function xorAnswer(network: XorNetwork, explanation: GateExplanation, context: Context): HtmlAnswer {
  const { t } = context;
  const { units } = network;
  const parts: Markup[] = [paragraph(t("gate.stepXor"))];
  for (const [key, unit] of [["gate.unitHidden1", units.nand], ["gate.unitHidden2", units.or], ["gate.unitOutput", units.and]] as const) {
    parts.push(paragraph(t(key, weightParams(unit))));
  }
  const rows = network.rows.map((row) => [
    String(row.inputs[0]), String(row.inputs[1]),
    formula(sumMath(units.nand, row.nand)), String(row.nand.output),
    formula(sumMath(units.or, row.or)), String(row.or.output),
    formula(sumMath(units.and, row.and)), String(row.output),
  ]);
  parts.push(dataTable(["x1", "x2", t("gate.col.nandSum"), "h1", t("gate.col.orSum"), "h2", t("gate.col.andSum"), "y"], rows));
  parts.push(paragraph(t("gate.outputs", { outputs: network.outputs.join(", ") }), "summary"));
  parts.push(paragraph(t("gate.whyNotOne")));
  const mapping = network.rows.map((row) => `${row.inputs.join("")} → (${row.nand.output}, ${row.or.output})`).join(", ");
  parts.push(paragraph(t("gate.whyTwo", { mapping })));
  const [nand, or, both, hidden] = explanation.pictures;
  parts.push(section("part",
    figures(planeGrid(t("gate.picture.nand"), nand), planeGrid(t("gate.picture.or"), or), planeGrid(t("gate.picture.both"), both), planeGrid(t("gate.picture.hidden"), hidden)),
    planeLegend(context)));
  return { title: t("gate.title.xor"), body: join(parts) };
}
