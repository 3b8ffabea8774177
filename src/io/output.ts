/**
 * What happens when the process's own output cannot be written.
 *
 * - A closed pipe (EPIPE: `cnn-drill … | head -1`) is the reader saying it has seen enough: exit 0
 *   quietly, with no stack trace, whatever is still unwritten.
 * - Any other failure (ENOSPC on `> /dev/full`, EIO, EBADF…) is one line on stderr and exit 2.
 *
 * Note: Node itself reopens a closed standard output (`>&-`) as /dev/null before any of this code
 * runs, so that case cannot be told from `> /dev/null` and ends like it (exit 0, nothing written).
 */
import { writeSync } from "node:fs";

/** The exit code for a failed write, and whether a message is due. */
export function outputFailureExitCode(error: unknown): 0 | 2 {
  return (error as NodeJS.ErrnoException).code === "EPIPE" ? 0 : 2;
}

/** The reason a write failed, as a short code (ENOSPC) or message. */
export function writeFailureReason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

interface ProcessOutput {
  stdout: NodeJS.EventEmitter;
  stderr: NodeJS.EventEmitter;
  exit(code: number): never;
}

/**
 * Handles write errors on the process's stdout and stderr: EPIPE exits 0 quietly; anything else on
 * stdout writes `describe(reason)` (the error and hint lines) straight to stderr's descriptor and exits 2.
 * A failing stderr exits with the same codes but cannot say anything.
 */
export function guardProcessOutput(proc: ProcessOutput, describe: (reason: string) => string): void {
  proc.stdout.on("error", (error: unknown) => {
    const code = outputFailureExitCode(error);
    if (code !== 0) {
      try {
        writeSync(2, describe(writeFailureReason(error)));
      } catch {
        // stderr is gone too: the exit code is all that is left.
      }
    }
    proc.exit(code);
  });
  proc.stderr.on("error", (error: unknown) => proc.exit(outputFailureExitCode(error)));
}
