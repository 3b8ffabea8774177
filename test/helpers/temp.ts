/** Temporary folders for tests, removed when the test file is done. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/**
 * Call once at the top of a test file. Returns `made(dir)`, which records a folder (and returns it)
 * so that it is removed after the file's tests, and `tempDir(prefix)`, which makes and records one.
 */
export function temporaryFolders(): { made: (dir: string) => string; tempDir: (prefix: string) => string } {
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });
  const made = (dir: string): string => {
    folders.push(dir);
    return dir;
  };
  return { made, tempDir: (prefix) => made(mkdtempSync(join(tmpdir(), prefix))) };
}
