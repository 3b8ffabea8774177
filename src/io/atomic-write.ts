/**
 * Safe whole-file writes (`exam --output`, the history's repair).
 *
 * - A regular file (or a new one) is replaced atomically: a temporary file beside it, given the old
 *   file's permission bits and owner, is renamed over it. Readers see the old text or the new, never
 *   half of it; a 0600 file stays 0600.
 * - A symbolic link is written through: the temporary file goes beside the real target, which is
 *   replaced; the link stays a link.
 * - A special file (`/dev/stdout`, a FIFO, a terminal, a character device) is written to directly:
 *   renaming over it would replace the device or pipe with a regular file.
 * This holds as root too, where permission checks would not stop a wrong rename.
 */
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";

export interface AtomicWriteOptions {
  /** Permission bits of a file that does not exist yet (before the umask); an existing file keeps its own. */
  mode?: number;
}

/** Symbolic links are followed at most this many times (as the kernel's ELOOP limit). */
const MAX_LINKS = 40;

/**
 * The path that a write to `path` really changes: symbolic links followed, also a dangling link
 * (whose target does not exist yet). Other errors of lstat (a missing folder…) are left to the write.
 */
export function realTarget(path: string): string {
  let current = path;
  for (let hops = 0; hops < MAX_LINKS; hops++) {
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch {
      return current;
    }
    if (!stats.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: "ELOOP" });
}

/** Writes all of `bytes` to `fd` (writeSync may write less than asked to a pipe). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

const DESCRIPTOR_PATH = /^\/(?:dev\/(?:(stdout)|(stderr)|fd\/(\d+))|proc\/self\/fd\/(\d+))$/;

/**
 * `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: the process's own open descriptor,
 * written as it is (it may be a socket, which cannot be opened again by path).
 */
function openDescriptor(path: string): number | undefined {
  const match = DESCRIPTOR_PATH.exec(path);
  if (match === null) return undefined;
  return match[1] ? 1 : match[2] ? 2 : Number(match[3] ?? match[4]);
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes `text` to `target` safely (see the module comment). */
export function writeFileAtomic(target: string, text: string | Buffer, options: AtomicWriteOptions = {}): void {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  const descriptor = openDescriptor(target);
  if (descriptor !== undefined) {
    writeAll(descriptor, bytes);
    return;
  }
  // stat follows links the way open does (also /dev/stdout → /proc/self/fd/1 → a pipe), so special
  // files are recognised by what they are, whatever the path to them.
  const existing = statOrUndefined(target);
  if (existing !== undefined && !existing.isFile()) {
    if (existing.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: "EISDIR" });
    writeSpecial(target, bytes);
    return;
  }
  const real = realTarget(target);

  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(temp, "wx", existing === undefined ? (options.mode ?? 0o666) : 0o600);
  try {
    try {
      if (existing !== undefined) keepModeAndOwner(fd, existing);
      writeAll(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, real);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing left to clean up.
    }
    throw error;
  }
}

/** The replacement gets the old file's permission bits (exactly: fchmod ignores the umask) and owner. */
function keepModeAndOwner(fd: number, existing: Stats): void {
  fchmodSync(fd, existing.mode & 0o7777);
  const own = fstatSync(fd);
  if (own.uid === existing.uid && own.gid === existing.gid) return;
  try {
    fchownSync(fd, existing.uid, existing.gid);
    // chown clears set-id bits: put them back.
    fchmodSync(fd, existing.mode & 0o7777);
  } catch (error) {
    // Only root may give a file away; anyone else writes a file of their own, as any editor does.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") throw error;
  }
}

/** A FIFO, terminal or device: opened for writing (never created, never truncated into a file) and written. */
function writeSpecial(path: string, bytes: Buffer): void {
  const fd = openSync(path, "w");
  try {
    writeAll(fd, bytes);
  } finally {
    closeSync(fd);
  }
}
