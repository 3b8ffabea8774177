/**
 * The values an option or argument accepts, kept for shell completion only: commander would list
 * `argChoices` in help and check them in English, while we check them ourselves in the user's language.
 */
import type { Argument, Option } from "commander";

const values = new WeakMap<Option | Argument, readonly string[]>();

export function withValues<T extends Option | Argument>(target: T, accepted: readonly string[]): T {
  values.set(target, [...accepted]);
  return target;
}

/** The values declared with `withValues` or as commander choices; undefined when any text goes. */
export function valuesOf(target: Option | Argument): readonly string[] | undefined {
  return values.get(target) ?? target.argChoices;
}

/** Values listed in help as well (`(choices: "md", "html")`), still checked by us, not by commander. */
export function withListedValues(option: Option, accepted: readonly string[]): Option {
  option.argChoices = [...accepted];
  return option;
}
