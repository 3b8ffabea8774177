/**
 * Where a matrix argument's text comes from: the value itself, a file (`@path`) or standard input
 * (`-`). Standard input is read only when asked for, at most once, and never from a terminal.
 *
 * Files and standard input are read in chunks and stop at LIMITS.bytes, so `@/dev/zero`, a huge file
 * or an endless pipe end with exit 2 instead of filling memory. Pipes, FIFOs and process substitution
 * (`@<(gen)`, i.e. `/dev/fd/N`) are read like files, under the same limit.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { LIMITS } from "../engine/budget.js";
import { InputError } from "../engine/errors.js";

export interface InputSource {
  /** True when standard input is a terminal: `-` then refuses instead of waiting. */
  readonly stdinIsTTY: boolean;
  /** All of standard input, or ByteLimitExceeded past `limit` bytes (an injected source may ignore it: the reader counts too). */
  readStdin(limit: number): Promise<string>;
}

/** Thrown by the readers when a source holds more than the byte limit; the caller names the argument. */
export class ByteLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = "ByteLimitExceeded";
  }
}

export class ArgumentReader {
  private stdinTakenBy: string | undefined;
  /** Bytes read so far from files and standard input: the limit holds for all of them together. */
  private bytesRead = 0;

  constructor(private readonly source: InputSource, private readonly byteLimit: number = LIMITS.bytes) {}

  /** The text behind a matrix argument's value. */
  async text(value: string, argument: string): Promise<string> {
    if (value === "-") return this.counted(await this.readStdin(argument), argument);
    if (value.startsWith("@") && value.length > 1) return this.counted(readArgumentFile(value.slice(1), argument, this.remaining(), this.byteLimit), argument);
    return value;
  }

  private remaining(): number {
    return Math.max(this.byteLimit - this.bytesRead, 0);
  }

  /** Adds a source's bytes to the total; throws when the total passes the limit. */
  private counted(text: string, argument: string): string {
    // Length in UTF-16 units first: it is at most the UTF-8 length, and free to take.
    if (this.bytesRead + text.length > this.byteLimit) throw bytesError(argument, this.byteLimit);
    this.bytesRead += Buffer.byteLength(text, "utf8");
    if (this.bytesRead > this.byteLimit) throw bytesError(argument, this.byteLimit);
    return text;
  }

  private async readStdin(argument: string): Promise<string> {
    if (this.stdinTakenBy !== undefined) {
      throw new InputError(argument, "input.stdinTwice", { other: `--${this.stdinTakenBy}` }, "input.stdinTwiceHint");
    }
    if (this.source.stdinIsTTY) throw new InputError(argument, "input.stdinIsTerminal", {}, "input.stdinIsTerminalHint");
    this.stdinTakenBy = argument;
    try {
      return await this.source.readStdin(this.remaining());
    } catch (error) {
      if (error instanceof ByteLimitExceeded) throw bytesError(argument, this.byteLimit);
      if ((error as NodeJS.ErrnoException).code === "EISDIR") throw new InputError(argument, "input.stdinIsDirectory", {}, "input.stdinNotReadableHint");
      throw new InputError(argument, "input.stdinNotReadable", { reason: reasonOf(error) }, "input.stdinNotReadableHint");
    }
  }
}

function bytesError(argument: string, limit: number): InputError {
  return new InputError(argument, "budget.bytes", { limit }, "budget.bytesHint");
}

function reasonOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

const CHUNK_BYTES = 64 * 1024;

/**
 * A synchronous read: this is a one-shot command, and node:fs is loaded already (fs/promises is not).
 * A regular file's size is checked before reading; anything else (a pipe, a FIFO, /dev/zero) is read
 * chunk by chunk until its end or the limit.
 */
function readArgumentFile(path: string, argument: string, limit: number, shownLimit: number): string {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw fileError(error, path, argument);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(argument, "input.fileIsDirectory", { path }, "input.fileHint");
    if (stat.isFile() && stat.size > limit) throw bytesError(argument, shownLimit);
    return readBounded(fd, limit, stat.isFile() ? stat.size : 0).toString("utf8");
  } catch (error) {
    if (error instanceof ByteLimitExceeded) throw bytesError(argument, shownLimit);
    if (error instanceof InputError) throw error;
    throw fileError(error, path, argument);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads `fd` to its end into one buffer (grown by doubling, so a large input is copied a few times,
 * not once per chunk); throws ByteLimitExceeded as soon as more than `limit` bytes have come.
 * `expectedSize` (a regular file's size) lets the buffer start at the right size.
 */
export function readBounded(fd: number, limit: number, expectedSize = 0): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(expectedSize + 1, CHUNK_BYTES), limit + 1));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      // Full: either the limit is passed (the buffer holds limit + 1 bytes at most) or it grows.
      if (total > limit) throw new ByteLimitExceeded(limit);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    let count: number;
    try {
      count = readSync(fd, buffer, total, buffer.length - total, null);
    } catch (error) {
      // A non-blocking pipe with nothing in it yet: wait a moment, without spinning, and read again.
      if ((error as NodeJS.ErrnoException).code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      throw error;
    }
    if (count === 0) break;
    total += count;
  }
  if (total > limit) throw new ByteLimitExceeded(limit);
  return buffer.subarray(0, total);
}

function fileError(error: unknown, path: string, argument: string): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError(argument, "input.fileNotFound", { path }, "input.fileHint");
  if (code === "EISDIR") return new InputError(argument, "input.fileIsDirectory", { path }, "input.fileHint");
  return new InputError(argument, "input.fileNotReadable", { path, reason: reasonOf(error) }, "input.fileHint");
}

/**
 * Reads all of a stream as UTF-8 text, at most `limit` bytes: past it the stream is let go (an endless
 * pipe is not drained) and ByteLimitExceeded is thrown.
 */
export async function readStream(stream: NodeJS.ReadableStream & { destroy?: () => void }, limit: number = LIMITS.bytes): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > limit) {
      stream.destroy?.();
      throw new ByteLimitExceeded(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

/**
 * The process's standard input, read synchronously in chunks under the byte limit (faster than a
 * stream, and a folder given as standard input is refused as one instead of reading as empty).
 */
export async function readProcessStdin(limit: number = LIMITS.bytes): Promise<string> {
  const stat = fstatSync(0);
  if (stat.isDirectory()) throw Object.assign(new Error("standard input is a folder"), { code: "EISDIR" });
  return readBounded(0, limit, stat.isFile() ? stat.size : 0).toString("utf8");
}
