/** Helpers to run the CLI: in-process with injected streams, or as the built command in a child process. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { main } from "../../src/cli.js";

export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export const BIN = fileURLToPath(new URL("../../bin/cnn-drill.js", import.meta.url));

/** Runs the CLI in this process (fast; for many cases). Standard input is `stdin` when given, else a terminal. */
export async function runInProcess(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const stdinIsTTY = options.stdin === undefined;
  const exitCode = await main(args, {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    stdin: { stdinIsTTY, readStdin: async () => options.stdin ?? "" },
    stdinIsTTY,
    stdoutIsTTY: false,
    env: { LANG: "en_US.UTF-8", ...options.env },
  });
  return { stdout, stderr, exitCode };
}

/** Spawns the built command (bin/cnn-drill.js → dist/) with colour off, in `cwd` when given. */
export function runBuilt(args: string[], options: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.stdin ?? "",
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", NO_COLOR: "1", ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 };
}

/** Compares nested numbers within tolerance (objects key by key); returns a message for the first difference, or undefined. */
export function firstDifference(actual: unknown, expected: unknown, tolerance = 1e-6, path = "$"): string | undefined {
  if (typeof expected === "number") {
    if (typeof actual !== "number" || !(Math.abs(actual - expected) <= tolerance)) return `${path}: expected ${expected}, got ${JSON.stringify(actual)}`;
    return undefined;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${path}: expected an array of ${expected.length}, got ${JSON.stringify(actual)?.slice(0, 80)}`;
    for (let i = 0; i < expected.length; i++) {
      const difference = firstDifference(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (difference) return difference;
    }
    return undefined;
  }
  if (typeof expected === "object" && expected !== null) {
    // Objects: every expected key, compared the same way (extra keys in actual are allowed, as in the contract).
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) return `${path}: expected an object, got ${JSON.stringify(actual)?.slice(0, 80)}`;
    for (const [key, value] of Object.entries(expected)) {
      const difference = firstDifference((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
      if (difference) return difference;
    }
    return undefined;
  }
  return JSON.stringify(actual) === JSON.stringify(expected) ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}
