/**
 * Bounded reading of matrix arguments: @file, `-`, pipes, FIFOs, process substitution, /dev/zero,
 * folders. Unit tests use a small byte limit; end-to-end tests spawn the built command.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../src/engine/budget.js";
import { InputError } from "../../src/engine/errors.js";
import { ArgumentReader, ByteLimitExceeded, readBounded, readStream } from "../../src/io/sources.js";
import { Readable } from "node:stream";
import { BIN } from "../helpers/cli.js";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();

async function errorOf(run: () => Promise<unknown>): Promise<InputError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

const pipedStdin = (text: string) => ({ stdinIsTTY: false, readStdin: async () => text });

describe("ArgumentReader with a byte limit of 16", () => {
  const dir = tempDir("cnn-drill-sources-");
  const small = join(dir, "small.txt");
  const large = join(dir, "large.txt");
  writeFileSync(small, "1 2; 3 4");
  writeFileSync(large, "1 ".repeat(9)); // 18 bytes

  it("reads a file of at most 16 bytes", async () => {
    expect(await new ArgumentReader(pipedStdin(""), 16).text(`@${small}`, "input")).toBe("1 2; 3 4");
  });

  it("throws when a file has 17 or more bytes, naming the argument, before reading it", async () => {
    const error = await errorOf(() => new ArgumentReader(pipedStdin(""), 16).text(`@${large}`, "kernel"));
    expect([error.argument, error.code, error.hintCode]).toEqual(["kernel", "budget.bytes", "budget.bytesHint"]);
  });

  it("throws when @/dev/zero passes the limit (an endless character device)", async () => {
    const error = await errorOf(() => new ArgumentReader(pipedStdin(""), 16).text("@/dev/zero", "input"));
    expect(error.code).toBe("budget.bytes");
  });

  it("throws when standard input brings 17 bytes (counted in UTF-8: 6 Korean letters are 18 bytes)", async () => {
    expect(await new ArgumentReader(pipedStdin("1".repeat(16)), 16).text("-", "input")).toHaveLength(16);
    expect((await errorOf(() => new ArgumentReader(pipedStdin("1".repeat(17)), 16).text("-", "input"))).code).toBe("budget.bytes");
    expect((await errorOf(() => new ArgumentReader(pipedStdin("가나다라마바"), 16).text("-", "input"))).code).toBe("budget.bytes");
  });

  it("counts files and standard input together: 8 + 8 bytes fit, one byte more throws at the source that passes", async () => {
    const eight = join(dir, "eight.txt");
    writeFileSync(eight, "1 2; 3 4");
    const reader = new ArgumentReader(pipedStdin("5 6; 7 8"), 16);
    expect(await reader.text(`@${eight}`, "input")).toBe("1 2; 3 4");
    expect(await reader.text("-", "grad")).toBe("5 6; 7 8");
    const fuller = new ArgumentReader(pipedStdin("5 6; 7 8;"), 16);
    await fuller.text(`@${eight}`, "input");
    const error = await errorOf(() => fuller.text("-", "grad"));
    expect([error.argument, error.code]).toEqual(["grad", "budget.bytes"]);
  });

  it("passes the bytes still allowed to the standard input reader", async () => {
    const eight = join(dir, "eight-again.txt");
    writeFileSync(eight, "1 2; 3 4");
    const asked: number[] = [];
    const reader = new ArgumentReader({ stdinIsTTY: false, readStdin: async (limit) => { asked.push(limit); return "1"; } }, 16);
    await reader.text(`@${eight}`, "input");
    await reader.text("-", "grad");
    expect(asked).toEqual([8]);
  });

  it("throws when the standard input reader stops at the limit (ByteLimitExceeded becomes budget.bytes)", async () => {
    const source = { stdinIsTTY: false, readStdin: async () => { throw new ByteLimitExceeded(16); } };
    expect((await errorOf(() => new ArgumentReader(source, 16).text("-", "grad"))).code).toBe("budget.bytes");
  });

  it("throws when standard input is a folder (EISDIR), with a hint", async () => {
    const source = { stdinIsTTY: false, readStdin: async () => { throw Object.assign(new Error("folder"), { code: "EISDIR" }); } };
    const error = await errorOf(() => new ArgumentReader(source, 16).text("-", "input"));
    expect([error.code, error.hintCode]).toEqual(["input.stdinIsDirectory", "input.stdinNotReadableHint"]);
  });

  it("throws when standard input cannot be read, as a read error with its reason", async () => {
    const source = { stdinIsTTY: false, readStdin: async () => { throw Object.assign(new Error("io"), { code: "EIO" }); } };
    const error = await errorOf(() => new ArgumentReader(source, 16).text("-", "input"));
    expect([error.code, error.params.reason]).toEqual(["input.stdinNotReadable", "EIO"]);
  });

  it("throws when the path is a folder, or does not exist", async () => {
    const folder = join(dir, "folder");
    mkdirSync(folder);
    expect((await errorOf(() => new ArgumentReader(pipedStdin(""), 16).text(`@${folder}`, "input"))).code).toBe("input.fileIsDirectory");
    expect((await errorOf(() => new ArgumentReader(pipedStdin(""), 16).text(`@${join(dir, "none")}`, "input"))).code).toBe("input.fileNotFound");
  });
});

describe("readBounded and readStream", () => {
  it("readBounded reads a file to its end, and throws one byte past the limit", () => {
    const file = join(tempDir("cnn-drill-bounded-"), "f");
    writeFileSync(file, "x".repeat(100_000)); // more than one 64 KiB chunk
    const fd = openSync(file, "r");
    try {
      expect(readBounded(fd, 100_000)).toHaveLength(100_000);
    } finally {
      closeSync(fd);
    }
    const again = openSync(file, "r");
    try {
      expect(() => readBounded(again, 99_999)).toThrow(ByteLimitExceeded);
    } finally {
      closeSync(again);
    }
  });

  it("readStream joins chunks, and throws one byte past the limit", async () => {
    expect(await readStream(Readable.from([Buffer.from("1 2"), Buffer.from("; 3 4")]), 8)).toBe("1 2; 3 4");
    await expect(readStream(Readable.from([Buffer.from("1 2"), Buffer.from("; 3 4")]), 7)).rejects.toThrow(ByteLimitExceeded);
  });

  it("the default limit is the budget's", () => {
    expect(LIMITS.bytes).toBe(16 * 2 ** 20);
  });
});

/** Runs a shell line with the built command as $CNN (pipes, FIFOs and <(…) need a shell). */
function shell(line: string): { stdout: string; stderr: string; exitCode: number } {
  const result = spawnSync("bash", ["--norc", "--noprofile", "-c", line], {
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", NO_COLOR: "1", CNN: `${process.execPath} ${BIN}` },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 };
}

function expectBytesError(result: { stdout: string; stderr: string; exitCode: number }, argument: string): void {
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(
    `error: --${argument}: the files and standard input of one command hold more than the limit of ${LIMITS.bytes} bytes together\nhint: write numbers with fewer digits, or use smaller matrices (a 1024×1024 map with its gradient fits)\n`,
  );
}

describe("built command: bounded sources", () => {
  it("@/dev/zero stops at the byte limit with exit 2", () => {
    expectBytesError(shell("$CNN conv --input @/dev/zero --kernel 1"), "input");
  });

  it("an endless pipe on standard input stops at the byte limit with exit 2", () => {
    expectBytesError(shell("yes 1 | $CNN conv --input - --kernel 1"), "input");
  });

  it("process substitution @<(…) is read like a file", () => {
    const result = shell("$CNN conv --input @<(printf '1 2\\n3 4\\n') --kernel 2 --json");
    expect([result.stdout, result.stderr, result.exitCode]).toEqual(['{"output":[[2,4],[6,8]]}\n', "", 0]);
  });

  it("a FIFO is read like a file", () => {
    const fifo = join(tempDir("cnn-drill-fifo-"), "matrix");
    const result = shell(`mkfifo '${fifo}' && (printf '5 6' > '${fifo}' &) && $CNN conv --input @'${fifo}' --kernel 1 --json`);
    expect([result.stdout, result.stderr, result.exitCode]).toEqual(['{"output":[[5,6]]}\n', "", 0]);
  });

  it("a pipe that pauses between lines is read to its end", () => {
    const result = shell("(printf '1 2\\n'; sleep 0.3; printf '3 4\\n') | $CNN conv --input - --kernel 1 --json");
    expect([result.stdout, result.exitCode]).toEqual(['{"output":[[1,2],[3,4]]}\n', 0]);
  });

  it("a folder as standard input is a clear error", () => {
    const result = shell("$CNN conv --input - --kernel 1 < /");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe("error: --input: cannot read standard input: it is a folder\nhint: - reads a matrix piped in (cat m.txt | cnn-drill …); a file can be given as @m.txt\n");
  });

  it("a folder as @path is a clear error", () => {
    const result = shell("$CNN conv --input @/ --kernel 1");
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error: --input: cannot read "/": it is a folder\nhint: @path reads a matrix from a file; check the path\n');
  });
});
