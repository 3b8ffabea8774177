/** Number formatting for human output: integers as they are, other values rounded for reading. */

/** Up to 4 decimals, trailing zeros trimmed, float noise (1e-12) removed, no negative zero. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value === 0 ? "0" : String(value);
  const rounded = Math.round(value * 1e4) / 1e4;
  if (Math.abs(rounded - Math.round(rounded)) < 1e-9) return String(Math.round(rounded) || 0);
  if (rounded === 0) return value < 0 ? "-0.0000…" : "0.0000…";
  const text = rounded.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
  return Math.abs(rounded - value) > 1e-9 ? `${text}…` : text;
}

/** A factor inside a product: negatives in parentheses, as written by hand (`2·(-1)`). */
export function formatFactor(value: number): string {
  const text = formatNumber(value);
  return text.startsWith("-") ? `(${text})` : text;
}
