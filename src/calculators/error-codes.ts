/**
 * Error codes at the calculators' layer, checked by the type checker alone (nothing imports this
 * file at run time):
 * - a calculator's `setup` throws its own message keys as codes (`gate.both`), so they join the codes,
 *   with the `--html` option's (`html.withJson`: every calculator with a typeset answer has the option);
 * - every code of the engine and of io, which cannot see the catalogue, has a text where the runs that
 *   can throw it find it: an engine code named after a calculator (`conv.biasCount`) in that
 *   calculator's messages, loaded with its spec; the engine's other codes in the catalogue kept in
 *   src/i18n; io's among the common messages, which every run has. In every language, because each
 *   messages file types `ko` by the keys of `en`.
 */
import type { EngineErrorCode } from "../engine/errors.js";
import type { CommonKey, MessageKey } from "../i18n/index.js";
import type { IoErrorCode } from "../io/error-codes.js";
import type { HtmlKey } from "../render/html-messages.js";
import type { CALCULATORS, CalculatorName } from "./index.js";
import type { CalculatorSpec } from "./spec.js";

type SpecOf<Name extends CalculatorName> = Awaited<ReturnType<(typeof CALCULATORS)[Name]["spec"]>>["spec"];

/** A calculator's message keys (its spec's `Key`: its own and the common ones). */
type KeyOf<Name extends CalculatorName> = SpecOf<Name> extends CalculatorSpec<any, any, any, infer Key> ? Key : never;

/** Every calculator's message keys, read from the list of calculators. */
export type CalculatorMessageKey = { [Name in CalculatorName]: KeyOf<Name> }[CalculatorName];

declare module "../engine/errors.js" {
  interface ErrorCodes {
    calculators: CalculatorMessageKey | HtmlKey;
  }
}

/** The keys that may hold the text of engine code `Code`: its calculator's if it is named after one, else the catalogue's. */
type EngineTextKey<Code extends string> = Code extends `${infer Name extends CalculatorName}.${string}` ? KeyOf<Name> : MessageKey;

/** The engine codes among `Codes` with no text where their runs find it (see above). */
export type EngineCodesWithoutText<Codes extends string> = Codes extends EngineTextKey<Codes> ? never : Codes;
/** The io codes among `Codes` that are not common messages. */
export type IoCodesWithoutText<Codes extends string> = Exclude<Codes, CommonKey>;

/** `true` when every engine and io code has its text; otherwise this fails to compile and names the codes without one. */
export const everyEngineAndIoCodeHasAText: [EngineCodesWithoutText<EngineErrorCode> | IoCodesWithoutText<IoErrorCode>] extends [never]
  ? true
  : { engineCodesWithoutText: EngineCodesWithoutText<EngineErrorCode>; ioCodesWithoutText: IoCodesWithoutText<IoErrorCode> } = true;
