/**
 * The codes (errors and hints) that reading text, files and standard input throws, besides the
 * engine's. Their texts are common messages (src/i18n/messages/common.ts), which io cannot see:
 * src/calculators/error-codes.ts checks that each one has a text in every language.
 */
export type IoErrorCode =
  // parse.ts: matrices, numbers, pairs and choices
  | "input.empty" | "input.emptyHint" | "input.emptyRow" | "input.ragged" | "input.raggedHint"
  | "input.notANumber" | "input.notANumberHint" | "input.notFinite" | "input.notFiniteHint" | "input.zeroDenominator"
  | "input.tooLarge" | "input.tooLargeHint" | "input.badJson" | "input.badJsonHint"
  | "input.jsonEmpty" | "input.jsonNotArray" | "input.jsonNotNumber" | "input.jsonRagged" | "input.jsonTooDeep"
  | "number.notPositiveIntegerHint" | "pair.bad" | "pair.badHint" | "pair.notInteger" | "choice.bad" | "choice.badHint"
  // sources.ts: files and standard input
  | "input.fileNotFound" | "input.fileIsDirectory" | "input.fileNotReadable" | "input.fileHint"
  | "input.stdinIsTerminal" | "input.stdinIsTerminalHint" | "input.stdinIsDirectory"
  | "input.stdinNotReadable" | "input.stdinNotReadableHint" | "input.stdinTwice" | "input.stdinTwiceHint";

declare module "../engine/errors.js" {
  interface ErrorCodes {
    io: IoErrorCode;
  }
}
