/**
 * Where a matrix argument's text comes from: the value itself, a file (`@path`) or standard input
 * (`-`). Standard input is read only when asked for, at most once, and never from a terminal.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../engine/errors.js";

export interface InputSource {
  /** True when standard input is a terminal: `-` then refuses instead of waiting. */
  readonly stdinIsTTY: boolean;
  readStdin(): Promise<string>;
}

export class ArgumentReader {
  private stdinTakenBy: string | undefined;

  constructor(private readonly source: InputSource) {}

  /** The text behind a matrix argument's value. */
  async text(value: string, argument: string): Promise<string> {
    if (value === "-") return this.readStdin(argument);
    if (value.startsWith("@") && value.length > 1) return readArgumentFile(value.slice(1), argument);
    return value;
  }

  private async readStdin(argument: string): Promise<string> {
    if (this.stdinTakenBy !== undefined) {
      throw new InputError(argument, "input.stdinTwice", { other: `--${this.stdinTakenBy}` }, "input.stdinTwiceHint");
    }
    if (this.source.stdinIsTTY) throw new InputError(argument, "input.stdinIsTerminal", {}, "input.stdinIsTerminalHint");
    this.stdinTakenBy = argument;
    return this.source.readStdin();
  }
}

// A synchronous read: this is a one-shot command, and node:fs is loaded already (fs/promises is not).
function readArgumentFile(path: string, argument: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(argument, "input.fileNotFound", { path }, "input.fileHint");
    if (code === "EISDIR") throw new InputError(argument, "input.fileIsDirectory", { path }, "input.fileHint");
    throw new InputError(argument, "input.fileNotReadable", { path, reason: code ?? (error as Error).message }, "input.fileHint");
  }
}

/** Reads all of a stream as UTF-8 text. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}
