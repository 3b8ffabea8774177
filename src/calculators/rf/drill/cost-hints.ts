/**
 * Hints for the rf cost topics (rf.params, rf.macs): the counting rule, then each layer's formula
 * with its numbers substituted and the sum of the layers, short of the result. Built with the
 * layer-cost engine from the problem's given layers, channels and input size.
 */
import { layerCosts, type LayerCost } from "../../../engine/layer-cost.js";
import { parseLayers } from "../../../engine/receptive-field.js";
import type { Translate } from "../../../i18n/index.js";
import { numberOf, stringOf, type Given } from "../../../drill/given.js";
import type { Key } from "./messages.js";

function costsOf(given: Given) {
  const inputSize = given.inputSize === undefined ? undefined : numberOf(given, "inputSize");
  return layerCosts(parseLayers(stringOf(given, "layers")), { channels: numberOf(given, "channels", 1), inputSize });
}

/** A layer in exam words: `3×3 conv, 8 → 16, stride 2, padding 1`, `3×3 depthwise conv (groups 8), 8 → 8`, `2×2 pooling`, `fc, 10 units`. */
function layerWords(cost: LayerCost, t: Translate<Key>): string {
  if (cost.kind === "fc") return t("hint.rfcost.fc", { n: cost.channels });
  if (cost.kind === "pool") return t("hint.rf.pool", { k: cost.kernel });
  const head = cost.groups > 1 ? t("hint.rfcost.grouped", { k: cost.kernel, g: cost.groups }) : t("hint.rf.conv", { k: cost.kernel });
  return `${head}, ${cost.inChannels} → ${cost.channels}`;
}

/** k·k·C_in·C_out, with (C_in/g) for grouped convs; fc: in·N with in written as C·H·W when the input is a map. */
function weightTerms(cost: LayerCost): string {
  if (cost.kind === "fc") {
    const [c, h, w] = cost.inputShape;
    return h === 1 && w === 1 ? `${c}·${cost.channels}` : `(${c}·${h}·${w})·${cost.channels}`;
  }
  const channelsIn = cost.groups > 1 ? `(${cost.inChannels}/${cost.groups})` : String(cost.inChannels);
  return `${cost.kernel}·${cost.kernel}·${channelsIn}·${cost.channels}`;
}

function paramsTerms(cost: LayerCost): string {
  return cost.kind === "pool" ? "0" : `${weightTerms(cost)} + ${cost.biases}`;
}

function macsTerms(cost: LayerCost): string {
  if (cost.kind === "pool") return "0";
  if (cost.kind === "fc") return weightTerms(cost);
  const [h, w] = cost.macPositions!;
  return `${weightTerms(cost)}·${h}·${w}`;
}

export function rfParamsHints(given: Given, t: Translate<Key>): string[] {
  const { layers } = costsOf(given);
  const lines = layers.map((cost) => `  ${layerWords(cost, t)}: ${paramsTerms(cost)}`);
  const total = layers.filter((cost) => cost.kind !== "pool").map((cost) => `(${paramsTerms(cost)})`).join(" + ");
  return [t("hint.rfcost.paramsRule"), [t("hint.rfcost.numbers"), ...lines, `  ${t("hint.rfcost.total")} = ${total}`].join("\n")];
}

export function rfMacsHints(given: Given, t: Translate<Key>): string[] {
  const { layers } = costsOf(given);
  const lines = layers.map((cost) => {
    const [c, h, w] = cost.outputShape;
    return `  ${layerWords(cost, t)}: ${t("hint.rfcost.output", { shape: `${c}×${h}×${w}` })}, ${macsTerms(cost)}`;
  });
  const total = layers.filter((cost) => cost.kind !== "pool").map((cost) => macsTerms(cost)).join(" + ");
  return [t("hint.rfcost.macsRule"), [t("hint.rfcost.numbers"), ...lines, `  ${t("hint.rfcost.total")} = ${total}`].join("\n")];
}
