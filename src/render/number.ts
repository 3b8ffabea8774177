/**
 * Number formatting for human output: integers as they are, other values rounded for reading.
 * A value is never hidden: a non-zero value never prints as 0 (tiny values go to exponent form), and
 * every rounded value is marked with ≈, so a printed sum always agrees with a decision taken on its sign.
 */

/** Below this magnitude four decimals would show nothing: exponent form (3 significant digits) instead. */
const SMALLEST_DECIMAL = 1e-4;

/** `1.50e-5` → `1.5e-5`: trailing zeros of the mantissa and the exponent's `+` dropped. */
function exponentText(value: number): string {
  const [mantissa, exponent] = value.toExponential(2).split("e");
  return `${mantissa.replace(/\.?0+$/, "")}e${exponent.replace("+", "")}`;
}

/**
 * Up to 4 decimals, trailing zeros trimmed, no negative zero; `≈` before a value that was rounded.
 * Float noise (a difference below 1e-9 of the value) does not count as rounding: 0.1 + 0.2 prints 0.3.
 */
export function formatNumber(value: number): string {
  if (value === 0) return "0";
  if (Number.isInteger(value) || !Number.isFinite(value)) return String(value);
  if (Math.abs(value) < SMALLEST_DECIMAL) {
    const text = exponentText(value);
    return Number(text) === value ? text : `≈${text}`;
  }
  const rounded = Math.round(value * 1e4) / 1e4;
  const text = rounded.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
  const isNoise = Math.abs(rounded - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return isNoise ? text : `≈${text}`;
}

/** A factor inside a product: negatives in parentheses, as written by hand (`2·(-1)`). */
export function formatFactor(value: number): string {
  const text = formatNumber(value);
  return text.replace(/^≈/, "").startsWith("-") ? `(${text})` : text;
}

/**
 * `digits` significant digits, for values that are rarely exact (σ(s), tanh(s) and their
 * derivatives): 0.622459… prints ≈0.6225, 0.00669… prints ≈0.006693. Exact values print as formatNumber does.
 */
export function formatSignificant(value: number, digits = 4): string {
  if (value === 0 || Number.isInteger(value) || !Number.isFinite(value)) return formatNumber(value);
  const rounded = Number(value.toPrecision(digits));
  const isNoise = Math.abs(rounded - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return isNoise ? formatNumber(rounded) : `≈${String(rounded)}`;
}
