/**
 * Error codes at the calculators' layer, checked by the type checker alone (nothing imports this
 * file at run time):
 * - a calculator's `setup` throws its own message keys as codes (`gate.both`), so they join the codes,
 *   with the `--html` option's (`html.withJson`: every calculator with a typeset answer has the option);
 * - every code of the engine and of io, which cannot see the catalogue, has a text: a common message
 *   or a calculator's (the engine's conv codes are conv's messages), in every language because each
 *   messages file types `ko` by the keys of `en`.
 */
import type { EngineErrorCode } from "../engine/errors.js";
import type { MessageKey } from "../i18n/index.js";
import type { IoErrorCode } from "../io/error-codes.js";
import type { HtmlKey } from "../render/html-messages.js";
import type { CALCULATORS, CalculatorName } from "./index.js";
import type { CalculatorSpec } from "./spec.js";

type SpecOf<Name extends CalculatorName> = Awaited<ReturnType<(typeof CALCULATORS)[Name]>>["spec"];

/** Every calculator's message keys (its spec's `Key`, the common keys included), read from the list of calculators. */
export type CalculatorMessageKey = { [Name in CalculatorName]: SpecOf<Name> extends CalculatorSpec<any, any, any, infer Key> ? Key : never }[CalculatorName];

declare module "../engine/errors.js" {
  interface ErrorCodes {
    calculators: CalculatorMessageKey | HtmlKey;
  }
}

/** The codes among `Codes` that have no text in the catalogue's areas or any calculator's messages. */
export type WithoutText<Codes extends string> = Exclude<Codes, MessageKey | CalculatorMessageKey>;

/** `true` when every engine and io code has a text; otherwise this fails to compile and names the codes without one. */
export const everyEngineAndIoCodeHasAText: [WithoutText<EngineErrorCode | IoErrorCode>] extends [never] ? true : { withoutText: WithoutText<EngineErrorCode | IoErrorCode> } = true;
