/** Text layout helpers that know about colour codes: visible width, padding, side-by-side blocks. */

// Matches SGR colour sequences as chalk writes them.
const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Display width: East Asian wide characters (Hangul, CJK) take two columns, combining marks (the ^ of k̂) none. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) {
    const code = char.codePointAt(0)!;
    width += isCombining(code) ? 0 : isWide(code) ? 2 : 1;
  }
  return width;
}

function isCombining(code: number): boolean {
  return code >= 0x0300 && code <= 0x036f;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

export function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - visibleWidth(text)));
}

export function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - visibleWidth(text))) + text;
}

export interface Block {
  title: string;
  lines: string[];
}

/** Blocks printed next to each other (title over lines), separated by `gap` spaces. */
export function sideBySide(blocks: Block[], gap = 4): string[] {
  const widths = blocks.map((block) => Math.max(visibleWidth(block.title), ...block.lines.map(visibleWidth)));
  const height = Math.max(...blocks.map((block) => block.lines.length)) + 1;
  const out: string[] = [];
  for (let row = 0; row < height; row++) {
    const parts = blocks.map((block, b) => {
      const text = row === 0 ? block.title : (block.lines[row - 1] ?? "");
      return b === blocks.length - 1 ? text : padEnd(text, widths[b]);
    });
    out.push(parts.join(" ".repeat(gap)).trimEnd());
  }
  return out;
}

/** Wraps blocks side by side when they fit in `maxWidth` columns, else stacks them. */
export function arrangeBlocks(blocks: Block[], maxWidth = 100, gap = 4): string[] {
  const widths = blocks.map((block) => Math.max(visibleWidth(block.title), ...block.lines.map(visibleWidth)));
  const out: string[] = [];
  let row: Block[] = [];
  let used = 0;
  for (let i = 0; i < blocks.length; i++) {
    const needed = (row.length > 0 ? gap : 0) + widths[i];
    if (row.length > 0 && used + needed > maxWidth) {
      out.push(...sideBySide(row, gap), "");
      row = [];
      used = 0;
    }
    used += (row.length > 0 ? gap : 0) + widths[i];
    row.push(blocks[i]);
  }
  if (row.length > 0) out.push(...sideBySide(row, gap));
  return out;
}
