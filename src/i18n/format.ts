import type { MessageParams } from "../engine/errors.js";

/**
 * Replaces `{name}` placeholders; an unknown placeholder is left visible rather than dropped.
 * `{name|one|many}` picks `one` when the parameter is 1, else `many` (English plurals:
 * "{count} {count|cell|cells}"); Korean messages need no such choice.
 */
export function fillTemplate(template: string, params: MessageParams = {}): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, many: string) =>
      name in params ? (String(params[name]) === "1" ? one : many) : whole)
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
