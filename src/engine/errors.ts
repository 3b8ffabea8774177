/**
 * Typed input errors. The engine never formats human text: it names the argument, a message
 * code from the catalogue (src/i18n/messages) and the values that go into the message.
 */
export type MessageParams = Record<string, string | number>;

export class InputError extends Error {
  /** Option name without dashes (`kernel`), or undefined when no single argument is to blame. */
  readonly argument: string | undefined;
  readonly code: string;
  readonly params: MessageParams;
  /** Catalogue code of an optional hint line. */
  readonly hintCode: string | undefined;

  constructor(argument: string | undefined, code: string, params: MessageParams = {}, hintCode?: string) {
    super(`${argument ? `--${argument}: ` : ""}${code} ${JSON.stringify(params)}`);
    this.name = "InputError";
    this.argument = argument;
    this.code = code;
    this.params = params;
    this.hintCode = hintCode;
  }
}

/** Throws unless `condition` holds; keeps input checks one line each. */
export function check(
  condition: boolean,
  argument: string | undefined,
  code: string,
  params: MessageParams = {},
  hintCode?: string,
): asserts condition {
  if (!condition) throw new InputError(argument, code, params, hintCode);
}
