import type { MessageParams } from "../engine/errors.js";

/** Replaces `{name}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function fillTemplate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
