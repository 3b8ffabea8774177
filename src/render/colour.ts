/**
 * The one colour module. Colours carry meaning — the window being read, the result, right and wrong,
 * padding and other background cells — and a plain palette is used when colour is off.
 */
import type { ChalkInstance } from "chalk";

export interface Palette {
  readonly enabled: boolean;
  heading(text: string): string;
  /** The cells a window reads, a chosen maximum, a marked region. */
  highlight(text: string): string;
  /** A computed result. */
  result(text: string): string;
  correct(text: string): string;
  wrong(text: string): string;
  /** Padding, inserted zeros, notes: things to look past. */
  dim(text: string): string;
  warn(text: string): string;
}

export interface ColourSettings {
  /** `--no-color` given. */
  noColorFlag: boolean;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
}

/** Off with --no-color or NO_COLOR; FORCE_COLOR turns it on; else on for a terminal unless TERM=dumb. */
export function colourEnabled({ noColorFlag, env, stdoutIsTTY }: ColourSettings): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  if (env.TERM === "dumb") return false;
  return stdoutIsTTY;
}

const plain = (text: string): string => text;

export const plainPalette: Palette = {
  enabled: false,
  heading: plain,
  highlight: plain,
  result: plain,
  correct: plain,
  wrong: plain,
  dim: plain,
  warn: plain,
};

/** The palette for a run; chalk is loaded only when colour is on, so pipelines start faster. */
export async function loadPalette(enabled: boolean): Promise<Palette> {
  if (!enabled) return plainPalette;
  const { Chalk } = await import("chalk");
  return colourPalette(new Chalk({ level: 1 }));
}

export function colourPalette(chalk: ChalkInstance): Palette {
  return {
    enabled: true,
    heading: chalk.bold.underline,
    highlight: chalk.bold.yellow,
    result: chalk.bold.cyan,
    correct: chalk.green,
    wrong: chalk.bold.red,
    dim: chalk.dim,
    warn: chalk.yellow,
  };
}
