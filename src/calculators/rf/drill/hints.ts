/** Hints for the rf topics: the formula with its symbols named, then the numbers substituted (short of the result). */
import { InputError } from "../../../engine/errors.js";
import { parseLayers, receptiveField, type LayerSpec } from "../../../engine/receptive-field.js";
import type { Translate } from "../../../i18n/index.js";
import { stringOf, type Given } from "../../../drill/given.js";
import type { Key } from "./messages.js";

export function rfDilatedKernelHints(given: Given, t: Translate<Key>): string[] {
  const [layer] = parseLayers(stringOf(given, "layers"));
  return [t("hint.rf.dilatedRule"), t("hint.rf.dilatedNumbers", { k: layer.kernel, d: layer.dilation })];
}

/** A layer in exam words: `3×3 conv, stride 2, dilation 2`, `2×2 pool`. */
function layerWords(layer: LayerSpec, t: Translate<Key>): string {
  const parts = [t(layer.kind === "pool" ? "hint.rf.pool" : "hint.rf.conv", { k: layer.kernel })];
  if (layer.stride !== (layer.kind === "pool" ? layer.kernel : 1)) parts.push(t("hint.rf.stride", { s: layer.stride }));
  if (layer.dilation > 1) parts.push(t("hint.rf.dilation", { d: layer.dilation }));
  if (layer.padding > 0) parts.push(t("hint.rf.padding", { p: layer.padding }));
  return parts.join(", ");
}

export function rfStackHints(given: Given, t: Translate<Key>): string[] {
  const layers = parseLayers(stringOf(given, "layers"));
  if (layers.some((layer) => layer.kind === "tconv")) throw new InputError(undefined, "hint.givenBad", { name: "layers", expected: "conv, pool" });
  const field = receptiveField(layers);
  const lines = field.layers.map((layer) =>
    `  ${t("hint.rf.layerLine", {
      layer: layerWords(layer, t), span: layer.effectiveKernel, jump: layer.jumpIn, s: layer.stride, next: layer.jump,
    })}`);
  const sum = `r = 1 + ${field.layers.map((layer) => `(${layer.effectiveKernel} − 1)·${layer.jumpIn}`).join(" + ")}`;
  return [t("hint.rf.stackRule"), [t("hint.rf.stackNumbers"), ...lines, `  ${sum}`].join("\n")];
}
