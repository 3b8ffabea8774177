/**
 * Values quoted back in messages: a 130 KB unquoted matrix or a binary file's bytes must not become a
 * 130 KB error line or raw control bytes on a terminal. One helper, used wherever errors are reported.
 */

/** Characters of an offending value that an error message shows. */
export const SHOWN_CHARACTERS = 80;
/** Longest line a usage error shows. */
export const SHOWN_LINE = 200;

const NAMED_ESCAPES: Record<number, string> = { 9: "\\t", 10: "\\n", 13: "\\r" };

function escapeCode(code: number): string {
  if (NAMED_ESCAPES[code] !== undefined) return NAMED_ESCAPES[code];
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** C0 and C1 controls, DEL, lone surrogates and the bidirectional overrides that reorder a terminal line. */
function isUnsafe(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/**
 * `text` with unsafe characters escaped (`\x1b`, `\n`) and cut to `max` characters with `…`. Only as
 * much of the text is looked at as is shown, so a huge value costs nothing.
 */
export function displayText(text: string, max: number = SHOWN_CHARACTERS, { keepNewlines = false } = {}): string {
  let shown = "";
  for (let i = 0; i < text.length; i++) {
    if (shown.length >= max) return `${shown.slice(0, max)}…`;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        shown += text[i] + text[i + 1]; // A whole pair: an emoji or a rare character, shown as it is.
        i++;
        continue;
      }
    }
    if (keepNewlines && code === 10) shown += "\n";
    else shown += isUnsafe(code) ? escapeCode(code) : text[i];
  }
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

/** Message parameters with every string shown safely (numbers pass as they are). */
export function displayParams<T extends Record<string, string | number>>(params: T): T {
  const shown: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) shown[key] = typeof value === "string" ? displayText(value) : value;
  return shown as T;
}

/** Each line of a ready message shown safely and cut to SHOWN_LINE characters (usage errors from commander). */
export function displayLines(text: string): string {
  return text.split("\n").map((line) => displayText(line, SHOWN_LINE)).join("\n");
}
