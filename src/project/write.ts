/**
 * Writing outputs so that no reader ever sees half a file: each file is written next to its
 * place under a temporary name (".name.pid.tmp") and renamed over it, which is atomic on one
 * file system. An output whose bytes are unchanged is not touched at all.
 *
 * Files are not forced to the disk one by one (fsync): that took half a millisecond of the
 * system's time per file, a build writes thousands, and a build stopped at any moment still
 * leaves each output whole, since the rename comes after the whole write. After a power cut, the
 * next build, the first since the computer restarted, checks every output against the hash in the
 * build cache (cache.ts, trustedSince), and the plan of one the system had not stored is built again.
 *
 * When a write fails (disk full, read-only folder, a file where a folder should be) the
 * temporary file is removed, the old output is left as it was, and the error is thrown for
 * the build to report as `write-failed`. A build that was killed leaves at most hidden
 * temporary files; the next write into the same folder removes those whose process is gone.
 *
 * A plan's outputs are replaced together or not at all (writeAll): each is first written whole
 * under its temporary name, and only when all are there are they renamed into place. A full disk
 * thus fails while nothing is in place yet; a rename that fails (a file held open on Windows)
 * puts back the outputs renamed before it, from the bytes read to compare them.
 *
 * The file operations are synchronous. A build writes thousands of small files, and Node's
 * promise-based file calls cost two to three times the processor time of the synchronous ones
 * per file (open, write, close and rename each go through a thread and a promise). The time
 * matters, as the same cores typeset; a thread that writes a plan's outputs has built them, and
 * has nothing else to do meanwhile (deliver.ts).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** The file operations a write uses; tests pass failing ones to simulate faults. */
export interface WriteIo {
  mkdir(folder: string): void;
  /** Writes the whole file. */
  writeFile(path: string, bytes: Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  list(folder: string): string[];
}

/** The real file system. */
export const NODE_IO: WriteIo = {
  mkdir: (folder) => {
    mkdirSync(folder, { recursive: true });
  },
  writeFile: (path, bytes) => writeFileSync(path, bytes),
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  list: (folder) => readdirSync(folder),
};

/** Our temporary files: ".<name>.<pid>.tmp". */
const TEMPORARY = /^\..+\.(\d+)\.tmp$/;

/** The temporary name a process writes `path` under: beside it, so that renaming it into place is atomic. */
export function temporaryPath(path: string, pid = process.pid): string {
  // Cut at the last separator rather than with dirname and join, which normalise the whole path
  // again for each of a plan's outputs.
  const name = Math.max(path.lastIndexOf('/'), path.lastIndexOf(sep)) + 1;
  return `${path.slice(0, name)}.${path.slice(name)}.${pid}.tmp`;
}

/** Whether `bytes` equals the file at `path`. */
export function sameContent(path: string, bytes: Uint8Array): boolean | 'missing' {
  const current = currentBytes(path);
  return current === undefined ? 'missing' : Buffer.compare(current, bytes) === 0;
}

/** The bytes of the file at `path`; none when it cannot be read. */
function currentBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Why writing a plan's files failed, and what it left: the files it could not put back as they were. */
export interface WriteFailure {
  index: number;
  error: unknown;
  /** Indexes of the files left new, when a failed swap could not be undone; none, as a rule. */
  replaced: number[];
}

/**
 * Writes files atomically for one build or command. Each folder is made, listed and cleared of a
 * killed build's temporary files once: a plan writes a hundred files into a few folders, and a
 * file the listing did not show need not be read to know it changed.
 */
export class AtomicWriter {
  private readonly folders = new Map<string, ReadonlySet<string>>();

  constructor(private readonly io: WriteIo = NODE_IO) {}

  private prepare(folder: string): ReadonlySet<string> {
    let present = this.folders.get(folder);
    if (!present) {
      // A folder that cannot be made throws here, and is tried again by the next write into it.
      this.io.mkdir(folder);
      const entries = listing(folder, this.io);
      removeTemporaries(folder, entries, this.io);
      present = new Set(entries);
      this.folders.set(folder, present);
    }
    return present;
  }

  /** Writes `bytes` to `path` (temporary file, then rename); false when the file already held them. */
  write(path: string, bytes: Uint8Array): boolean {
    const present = this.prepare(dirname(path));
    if (present.has(basename(path)) && sameContent(path, bytes) === true) return false;
    replaceFile(path, bytes, this.io);
    return true;
  }

  /**
   * Replaces the files together, or none of them: each changed one is staged under its temporary
   * name, then all are renamed into place. Returns the first failure, and what it left.
   */
  writeAll(files: readonly { path: string; bytes: Uint8Array }[]): WriteFailure | undefined {
    const staged: { index: number; path: string; temporary: string; old: Buffer | undefined }[] = [];
    const unstage = (from: number) => {
      for (const entry of staged.slice(from)) this.removeQuietly(entry.temporary);
    };
    for (const [index, file] of files.entries()) {
      const temporary = temporaryPath(file.path);
      try {
        const present = this.prepare(dirname(file.path));
        const old = present.has(basename(file.path)) ? currentBytes(file.path) : undefined;
        if (old !== undefined && Buffer.compare(old, file.bytes) === 0) continue;
        staged.push({ index, path: file.path, temporary, old });
        this.io.writeFile(temporary, file.bytes);
      } catch (error) {
        // Nothing is in place yet: the old outputs are all as they were.
        unstage(0);
        return { index, error, replaced: [] };
      }
    }
    for (const [at, entry] of staged.entries()) {
      try {
        this.io.rename(entry.temporary, entry.path);
      } catch (error) {
        unstage(at);
        return { index: entry.index, error, replaced: this.undo(staged.slice(0, at)) };
      }
    }
    return undefined;
  }

  /** Puts back the files swapped in: the old bytes, or no file where there was none; returns the indexes it could not. */
  private undo(swapped: readonly { index: number; path: string; old: Buffer | undefined }[]): number[] {
    return swapped.flatMap((entry) => {
      try {
        if (entry.old === undefined) this.io.remove(entry.path);
        else replaceFile(entry.path, entry.old, this.io);
        return [];
      } catch {
        return [entry.index];
      }
    });
  }

  private removeQuietly(path: string): void {
    try {
      this.io.remove(path);
    } catch {
      // A temporary file left is hidden, and removed by the next write into its folder.
    }
  }
}

/**
 * Puts `bytes` in place of the file at `path`, whatever it holds, through a temporary file beside
 * it, in a folder that exists; throws what failed, with the temporary file removed.
 */
export function replaceFile(path: string, bytes: Uint8Array, io: WriteIo = NODE_IO): void {
  const temporary = temporaryPath(path);
  try {
    io.writeFile(temporary, bytes);
    io.rename(temporary, path);
  } catch (error) {
    try {
      io.remove(temporary);
    } catch {
      // The write's own error is the one worth reporting.
    }
    throw error;
  }
}

/** Writes one file atomically; false when it already held `bytes`. */
export function writeAtomic(path: string, bytes: Uint8Array, io: WriteIo = NODE_IO): boolean {
  return new AtomicWriter(io).write(path, bytes);
}

/** Removes temporary files in `folder` left by builds that were killed (their process is gone); returns their names. */
export function removeStaleTemporaries(folder: string, io: WriteIo = NODE_IO): string[] {
  return removeTemporaries(folder, listing(folder, io), io);
}

/** The names in a folder; none when it cannot be listed. */
function listing(folder: string, io: WriteIo): string[] {
  try {
    return io.list(folder);
  } catch {
    return [];
  }
}

function removeTemporaries(folder: string, entries: readonly string[], io: WriteIo): string[] {
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = TEMPORARY.exec(entry)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    try {
      io.remove(join(folder, entry));
      removed.push(entry);
    } catch {
      // Someone else's file we cannot remove: leave it, it is hidden and harmless.
    }
  }
  return removed;
}

/** Whether a process with this id exists (ours always does). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as { code?: string }).code === 'EPERM';
  }
}
