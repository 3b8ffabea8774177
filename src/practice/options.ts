/** Option helpers shared by the practice commands (light: no quiz core, no prompts). */
import type { Ui } from "../ui/context.js";
import { LIMITS } from "../engine/budget.js";
import { InputError } from "../engine/errors.js";
import { parsePositiveInt } from "../io/parse.js";

export const MAX_COUNT = LIMITS.problems;

/** Commander collector for a repeatable option (`--topic a --topic b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A number of problems: a whole number from 1 to MAX_COUNT. */
export function parseCount(text: string, argument = "count"): number {
  const count = parsePositiveInt(text, argument);
  if (count > MAX_COUNT) throw new InputError(argument, "practice.countTooLarge", { text, max: MAX_COUNT }, "practice.countTooLargeHint");
  return count;
}

/** Refuses to start an interactive session without a terminal on standard input (never waits on a pipe). */
export function requireTerminal(ui: Ui, command: string): void {
  if (!ui.io.stdinIsTTY) throw new InputError(undefined, "practice.notTerminal", { command }, "practice.notTerminalHint");
}
