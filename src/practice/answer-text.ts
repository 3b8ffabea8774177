/**
 * An answer as typed, in the forms the checker reads: the minus sign the tool itself prints (U+2212)
 * becomes "-", and a truth table's outputs written as one bit string (`0111`) become a list (`0 1 1 1`).
 */

/** `ask`: the problem's asked key (`outputs` for a truth table). */
export function normaliseAnswerText(text: string, ask: string | undefined): string {
  const plain = text.replaceAll("\u2212", "-");
  const trimmed = plain.trim();
  if (ask === "outputs" && /^[01]{2,}$/.test(trimmed)) return trimmed.split("").join(" ");
  return plain;
}
