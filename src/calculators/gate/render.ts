/** Human output of `cnn-drill gate`: the truth table with each weighted sum, the units, and the plane pictures. */
import { gateOfOutputs, type Firing, type Perceptron, type PerceptronTable, type XorNetwork } from "../../engine/gates.js";
import type { GateExplanation, PlanePicture } from "./explain.js";
import type { Palette } from "../../render/colour.js";
import type { TextContext } from "../../render/context.js";
import type { Key } from "./messages.js";
import { arrangeBlocks, type Block } from "../../render/layout.js";
import { formatNumber } from "../../render/number.js";
import { renderTable } from "../../render/table.js";

export function renderGateText(explanation: GateExplanation, context: TextContext<Key>): string {
  const { table } = explanation;
  const lines = table.kind === "xor" ? xorLines(table, explanation, context) : perceptronLines(table, explanation, context);
  return `${lines.join("\n")}\n`;
}

function gateTitle(name: string): string {
  return name.toUpperCase();
}

function weightParams(perceptron: Perceptron): Record<string, string> {
  return { w1: formatNumber(perceptron.weights[0]), w2: formatNumber(perceptron.weights[1]), b: formatNumber(perceptron.bias) };
}

/** `0.5·0 + 0.5·1 - 0.7 = -0.2`: the sum written out as by hand, signs merged. */
function sumText(perceptron: Perceptron, firing: Firing, palette: Palette): string {
  const [w1, w2] = perceptron.weights;
  const [x1, x2] = firing.inputs;
  const then = (value: number) => (value < 0 ? ` - ${formatNumber(-value)}` : ` + ${formatNumber(value)}`);
  const product = (w: number, x: number) => `${formatNumber(Math.abs(w))}·${formatNumber(x)}`;
  const first = `${w1 < 0 ? "-" : ""}${product(w1, x1)}`;
  const second = `${w2 < 0 ? " - " : " + "}${product(w2, x2)}`;
  return `${first}${second}${then(perceptron.bias)} = ${palette.result(formatNumber(firing.sum))}`;
}

/** `0.5·x1 + 0.5·x2 - 0.7`, zero weights left out, signs merged. */
function lineText(perceptron: Perceptron, names: [string, string]): string {
  const parts: string[] = [];
  const add = (value: number, name: string) => {
    if (value === 0) return;
    const magnitude = Math.abs(value);
    const text = name === "" ? formatNumber(magnitude) : `${magnitude === 1 ? "" : `${formatNumber(magnitude)}·`}${name}`;
    if (parts.length === 0) parts.push(value < 0 ? `-${text}` : text);
    else parts.push(value < 0 ? `- ${text}` : `+ ${text}`);
  };
  add(perceptron.weights[0], names[0]);
  add(perceptron.weights[1], names[1]);
  add(perceptron.bias, "");
  return parts.length === 0 ? "0" : parts.join(" ");
}

function bit(value: number, palette: Palette): string {
  return palette.result(String(value));
}

function perceptronLines(table: PerceptronTable, explanation: GateExplanation, context: TextContext<Key>): string[] {
  const { t, palette } = context;
  const { perceptron } = table;
  const lines = [palette.heading(table.name === undefined ? t("gate.title.custom") : t("gate.title.named", { gate: gateTitle(table.name) })), ""];
  lines.push(t("gate.step"), t("gate.weights", weightParams(perceptron)), "");
  const rows = table.rows.map((row) => [String(row.inputs[0]), String(row.inputs[1]), sumText(perceptron, row.firing, palette), bit(row.output, palette)]);
  lines.push(renderTable(["x1", "x2", t("gate.col.sum"), "y"], rows, palette, ["right", "right", "left", "right"]), "");
  lines.push(t("gate.outputs", { outputs: table.outputs.join(", ") }));
  if (table.rows.some((row) => row.firing.sum === 0)) lines.push(t("gate.onLine"));
  if (table.name === undefined) {
    const named = gateOfOutputs(table.outputs);
    lines.push(named === undefined ? t("gate.computesNone") : t("gate.computes", { gate: gateTitle(named) }));
  }
  lines.push("");
  if (perceptron.weights[0] === 0 && perceptron.weights[1] === 0) {
    lines.push(t("gate.noLine", { y: table.outputs[0] }));
    return lines;
  }
  lines.push(t("gate.line", { line: lineText(perceptron, ["x1", "x2"]) }), palette.dim(t("gate.legend")));
  lines.push(...arrangeBlocks([pictureBlock(t("gate.picture.perceptron"), explanation.pictures[0], ["x1", "x2"], palette)]));
  return lines;
}

function xorLines(network: XorNetwork, explanation: GateExplanation, context: TextContext<Key>): string[] {
  const { t, palette } = context;
  const { units } = network;
  const lines = [palette.heading(t("gate.title.xor")), ""];
  lines.push(t("gate.stepXor"));
  lines.push(t("gate.unitHidden1", weightParams(units.nand)), t("gate.unitHidden2", weightParams(units.or)), t("gate.unitOutput", weightParams(units.and)), "");
  const rows = network.rows.map((row) => [
    String(row.inputs[0]), String(row.inputs[1]),
    sumText(units.nand, row.nand, palette), bit(row.nand.output, palette),
    sumText(units.or, row.or, palette), bit(row.or.output, palette),
    sumText(units.and, row.and, palette), bit(row.output, palette),
  ]);
  const head = ["x1", "x2", t("gate.col.nandSum"), "h1", t("gate.col.orSum"), "h2", t("gate.col.andSum"), "y"];
  lines.push(renderTable(head, rows, palette, ["right", "right", "left", "right", "left", "right", "left", "right"]), "");
  lines.push(t("gate.outputs", { outputs: network.outputs.join(", ") }), "");
  lines.push(t("gate.whyNotOne"));
  const mapping = network.rows.map((row) => `${row.inputs.join("")} → (${row.nand.output}, ${row.or.output})`).join(", ");
  lines.push(t("gate.whyTwo", { mapping }), "");
  lines.push(palette.dim(t("gate.legendXor")));
  const [nand, or, both, hidden] = explanation.pictures;
  lines.push(...arrangeBlocks([
    pictureBlock(t("gate.picture.nand"), nand, ["x1", "x2"], palette),
    pictureBlock(t("gate.picture.or"), or, ["x1", "x2"], palette),
    pictureBlock(t("gate.picture.both"), both, ["x1", "x2"], palette),
    pictureBlock(t("gate.picture.hidden"), hidden, ["h1", "h2"], palette),
  ], 110));
  return lines;
}

/** The sampled plane: + where the unit(s) fire, · elsewhere, the labels at the four points, axes at 0 and 1. */
function pictureBlock(title: string, picture: PlanePicture, [across, up]: [string, string], palette: Palette): Block {
  const label = new Map(picture.points.map((point) => [`${point.row},${point.col}`, point.label]));
  const lines = [`    ${up}`];
  picture.rows.forEach((value, r) => {
    const axisLabel = value === 0 || value === 1 ? `${value} │` : "  │";
    const cells = picture.columns.map((_, c) => {
      const point = label.get(`${r},${c}`);
      if (point !== undefined) return palette.highlight(String(point));
      return picture.region[r][c] ? palette.correct("+") : palette.dim("·");
    });
    lines.push(`  ${axisLabel}${cells.join("")}`);
  });
  lines.push(`    └${"─".repeat(picture.columns.length)}`);
  const ticks = picture.columns.map((value) => (value === 0 || value === 1 ? String(value) : " ")).join("");
  lines.push(`     ${ticks} ${across}`);
  return { title, lines };
}
