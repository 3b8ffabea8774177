import { closeSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";

/** Writes `text` to a temporary file beside `target` and renames it over `target` (atomic on one file system). */
export function writeFileAtomic(target: string, text: string): void {
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, "w");
  try {
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing left to clean up.
    }
    throw error;
  }
}
