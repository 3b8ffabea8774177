/**
 * What a calculator is: one spec object. Its option table declares every option once (flag, value
 * name, help, parser, default, choices); one registration turns it into commander options, help and
 * shell completion, and the quiz feeds it typed values. `setup` turns parsed options into the
 * engine's input; `json`, `explain` and `render` give the two kinds of output.
 */
import type { GivenValue } from "../drill/topic.js";
import type { AreaMessages } from "../i18n/index.js";
import type { TextContext } from "../render/context.js";
import type { HtmlAnswer, HtmlContext } from "../render/html-answer.js";

export type { GivenValue } from "../drill/topic.js";

/** An option that takes no value (`--ceil`): its parameter is true when given. */
export interface FlagRow<Key extends string = string> {
  value?: undefined;
  help: Key;
}

interface ValueRowBase<Key extends string> {
  /** The value's name in help, `<matrix>`. */
  value: `<${string}>`;
  help: Key;
  /** Shown in help as the default, and parsed when the option is absent. */
  default?: string;
  required?: boolean;
  /** The values it accepts, completed by the shell (they are not listed in help, which already says them). */
  choices?: readonly string[];
  /** The value may be `-` (standard input) or `@file`: its text is read before parsing. */
  source?: boolean;
}

/** An option with a value: `parse` reads the text; `fromGiven` takes a problem's typed value instead. */
export interface ValueRow<T, Key extends string = string> extends ValueRowBase<Key> {
  repeatable?: false;
  parse(text: string, argument: string): T;
  fromGiven?(value: GivenValue): T;
}

/** An option given once per item (`--box` twice for two boxes): `parse` reads one item. */
export interface RepeatedRow<Item, T, Key extends string = string> extends ValueRowBase<Key> {
  repeatable: true;
  parse(text: string, argument: string): Item;
  fromGiven?(value: GivenValue): T;
}

export type OptionRow = FlagRow | ValueRow<unknown> | RepeatedRow<unknown, unknown>;

/** The row a parameter of type T needs (any row for a spec whose parameters are not known here). */
type RowFor<T, Key extends string> = 0 extends 1 & T ? OptionRow
  : [T] extends [boolean] ? FlagRow<Key>
  : [T] extends [readonly (infer Item)[]] ? ValueRow<T, Key> | RepeatedRow<Item, T, Key>
  : ValueRow<T, Key>;

/** One row per parameter: the type demands it, so no option is declared anywhere else. */
export type OptionTable<Params, Key extends string = string> = { readonly [K in keyof Params]-?: RowFor<NonNullable<Params[K]>, Key> };

/** A positional argument (`gate xor`). */
export interface ArgumentRow<Key extends string = string> {
  name: string;
  required: boolean;
  help: Key;
  choices?: readonly string[];
}

/** `Key`: the message keys of the calculator (its folder's messages.ts) and the common ones. */
export interface CalculatorSpec<Params = any, Input = any, Explanation = any, Key extends string = any> {
  /** The command's name: `cnn-drill <name>`. */
  name: string;
  /** Its messages in every language (its folder's messages.ts), added to the catalogue when it loads. */
  messages: AreaMessages;
  help: Key;
  /** One example command per line; every one is run by the tests. */
  examples: Key;
  argument?: ArgumentRow<Key>;
  options: OptionTable<Params, Key>;
  /**
   * Checks which options go together before any value is read (so "these two exclude each other"
   * comes before a complaint about either's value). `given` holds the options present, defaults included.
   */
  checkPresence?(given: ReadonlySet<keyof Params & string>, argument: string | undefined): void;
  /**
   * Options → the engine's input (the engine checks the rest). `read` parses one option when asked
   * (or takes a problem's typed value), so setup reads them in the order whose first error users see.
   */
  setup(read: ReadParam<Params>, argument: string | undefined): Promise<Input>;
  /** The --json object (tensors become nested arrays when printed). */
  json(input: Input): Record<string, unknown>;
  /** The worked answer as data: every decision (worked out cell by cell or summarised) is made here. */
  explain(input: Input): Explanation;
  render(explanation: Explanation, context: TextContext<Key>): string;
  /** The same worked answer typeset (`--html`, the exam's answer key): from the same explanation, no maths of its own. */
  /** Loaded only when asked for, so that a plain run does not load the typesetting modules. */
  loadHtml?(): Promise<(explanation: Explanation, context: HtmlContext<Key>) => HtmlAnswer>;
}

/**
 * Reads one parameter: its option's text parsed by its row (a file or standard input read first
 * where the row allows), or a problem's typed value; when absent, the row's default, else undefined
 * (a flag: false).
 */
export type ReadParam<Params> = <K extends keyof Params & string>(key: K) => Promise<Params[K]>;

/** `inputSize` → `input-size`: an option's flag (without dashes) and the argument named in its errors. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function isRepeated(row: OptionRow): row is RepeatedRow<unknown, unknown> {
  return row.value !== undefined && row.repeatable === true;
}
