/**
 * The one place that states how large a problem cnn-drill accepts. Every size a user controls is
 * checked here before anything is allocated, computed or drawn, so that no command line runs longer
 * than about 2 s or grows past 300 MiB on a 2-core machine: it finishes or refuses at once (exit 2).
 *
 * The numbers were set by measurement (see CHANGELOG and `npm run bench`): the conv inner loop costs
 * about 3.5 ns per multiply-add forward and 5 ns backward; a 1024×1024 map with its gradient
 * (about 2.1 million numbers) must still be accepted.
 */
import { InputError, type BudgetLimit } from "./errors.js";

export const LIMITS = {
  /** Numbers in all matrix inputs of one command together (input, kernel, gradient, boxes…). */
  elements: 2 ** 22,
  /** Numbers in one result. */
  outputElements: 2 ** 22,
  /** Multiply-adds (or window reads) of one pass: taps × outputs. Forward and backward ≈ 1.2 s at the limit. */
  work: 2 ** 27,
  /**
   * Bytes read from all @files and standard input of one command together. Parsing and printing a
   * 17-digit number costs about 1.5 µs, so 16 MiB of such numbers in (and as many out) is about 1.5 s
   * on this 2-core machine under load (20 MiB measured 1.5–2.05 s);
   * a 1024×1024 map with its gradient written with short numbers is a few MB.
   */
  bytes: 16 * 2 ** 20,
  /** Cells of one drawn picture (a dilated kernel's footprint): 64×64. */
  pictureCells: 64 * 64,
  /** Layers in one receptive-field stack. */
  layers: 1000,
  /** Kernel, stride, padding, dilation or output padding of one receptive-field layer. */
  layerValue: 4096,
  /** Pixel-set visits that finding one unit's field takes (Σ output size × kernel over the layers); a visit costs ~25 ns. */
  fieldTaps: 2 ** 22,
  /** Windows of a max pooling, whose maxima's positions the JSON answer lists one by one ([row, col] each). */
  listedWindows: 2 ** 20,
  /** Problems in one exam, quiz or review (`--count`); an exam of 100 with answers takes about 0.5 s. */
  problems: 100,
  /** Largest problem seed (`topic@N`, `--seed`): the generators draw from 32-bit seeds. */
  seed: 0xffffffff,
  /** Bins that an RoI or SPP answer lists one by one in JSON (boxes × output cells, Σ bins of the levels). */
  listedBins: 2 ** 16,
} as const;

export type Limit = keyof typeof LIMITS;

/**
 * Throws the budget error for `limit` unless `size` ≤ its limit. `argument` names the option to blame
 * (undefined when no single option is), `size` is what the input would produce.
 */
export function checkBudget(limit: BudgetLimit, size: number, argument: string | undefined, params: Record<string, string | number> = {}): void {
  if (size <= LIMITS[limit]) return;
  throw new InputError(argument, `budget.${limit}`, { ...params, size: sizeText(size), limit: LIMITS[limit] }, `budget.${limit}Hint`);
}

/** True when `size` fits `limit` (for optional extras that are left out rather than refused, like pictures). */
export function withinBudget(limit: Limit, size: number): boolean {
  return size <= LIMITS[limit];
}

/** Exact below 2^53, else in exponent form: a size is never shown as a rounded-off integer. */
function sizeText(size: number): string {
  return Number.isSafeInteger(size) ? String(size) : size.toExponential(2);
}

/** Numbers in several tensors' data together. */
export function elementCount(...arrays: readonly { readonly length: number }[]): number {
  return arrays.reduce((total, array) => total + array.length, 0);
}
