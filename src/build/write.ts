/**
 * Writing outputs so that no reader ever sees half a file: each file is written next to its
 * place under a temporary name (".name.pid.tmp") and renamed over it, which is atomic on one
 * file system. An output whose bytes are unchanged is not touched at all.
 *
 * Files are not forced to the disk one by one (fsync): that took half a millisecond of the
 * system's time per file, a build writes thousands, and a build stopped at any moment still
 * leaves each output whole, since the rename comes after the whole write. After a power cut, an
 * output the system had not yet stored fails the next build's check of every output against the
 * hash in the build cache, and its plan is built again.
 *
 * When a write fails (disk full, read-only folder, a file where a folder should be) the
 * temporary file is removed, the old output is left as it was, and the error is thrown for
 * the build to report as `write-failed`. A build that was killed leaves at most hidden
 * temporary files; the next write into the same folder removes those whose process is gone.
 *
 * The file operations are asynchronous: a build goes on composing and typesetting the next plan
 * while the operating system's threads write this one.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations a write uses; tests pass failing ones to simulate faults. */
export interface WriteIo {
  mkdir(folder: string): Promise<void>;
  /** Writes the whole file. */
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  list(folder: string): Promise<string[]>;
}

/** The real file system. */
export const NODE_IO: WriteIo = {
  mkdir: async (folder) => {
    await mkdir(folder, { recursive: true });
  },
  writeFile: (path, bytes) => writeFile(path, bytes),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  list: (folder) => readdir(folder),
};

/** Our temporary files: ".<name>.<pid>.tmp". */
const TEMPORARY = /^\..+\.(\d+)\.tmp$/;

/** The temporary name a process writes `path` under. */
export function temporaryPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
}

/** Whether `bytes` equals the file at `path`. */
export async function sameContent(path: string, bytes: Uint8Array): Promise<boolean | 'missing'> {
  let current: Buffer;
  try {
    current = await readFile(path);
  } catch {
    return 'missing';
  }
  return Buffer.compare(current, bytes) === 0;
}

// Enough to keep the operating system's file threads (four by default) busy.
const WRITES_IN_FLIGHT = 8;

/**
 * Writes files atomically for one build or command. Each folder is made, listed and cleared of a
 * killed build's temporary files once: a plan writes a hundred files into a few folders, and a
 * file the listing did not show need not be read to know it changed.
 */
export class AtomicWriter {
  private readonly folders = new Map<string, Promise<ReadonlySet<string>>>();

  constructor(private readonly io: WriteIo = NODE_IO) {}

  private prepare(folder: string): Promise<ReadonlySet<string>> {
    let ready = this.folders.get(folder);
    if (!ready) {
      ready = this.io.mkdir(folder).then(async () => {
        const entries = await listing(folder, this.io);
        await removeTemporaries(folder, entries, this.io);
        return new Set(entries);
      });
      // A folder that could not be made is tried again by the next write into it.
      ready.catch(() => this.folders.delete(folder));
      this.folders.set(folder, ready);
    }
    return ready;
  }

  /** Writes `bytes` to `path` (temporary file, then rename); false when the file already held them. */
  async write(path: string, bytes: Uint8Array): Promise<boolean> {
    const present = await this.prepare(dirname(path));
    if (present.has(basename(path)) && (await sameContent(path, bytes)) === true) return false;
    const temporary = temporaryPath(path);
    try {
      await this.io.writeFile(temporary, bytes);
      await this.io.rename(temporary, path);
    } catch (error) {
      try {
        await this.io.remove(temporary);
      } catch {
        // The write's own error is the one worth reporting.
      }
      throw error;
    }
    return true;
  }

  /**
   * Writes every file, at most `parallel` at a time; returns the first failure, by order in
   * `files`, after the writes already started have ended (none is left half-done).
   */
  async writeAll(files: readonly { path: string; bytes: Uint8Array }[], parallel = WRITES_IN_FLIGHT): Promise<{ index: number; error: unknown } | undefined> {
    let next = 0;
    const failures: { index: number; error: unknown }[] = [];
    const lane = async (): Promise<void> => {
      while (next < files.length && failures.length === 0) {
        const index = next++;
        const file = files[index]!;
        try {
          await this.write(file.path, file.bytes);
        } catch (error) {
          failures.push({ index, error });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, lane));
    return failures.sort((a, b) => a.index - b.index)[0];
  }
}

/** Writes one file atomically; false when it already held `bytes`. */
export function writeAtomic(path: string, bytes: Uint8Array, io: WriteIo = NODE_IO): Promise<boolean> {
  return new AtomicWriter(io).write(path, bytes);
}

/** Removes temporary files in `folder` left by builds that were killed (their process is gone); returns their names. */
export async function removeStaleTemporaries(folder: string, io: WriteIo = NODE_IO): Promise<string[]> {
  return removeTemporaries(folder, await listing(folder, io), io);
}

/** The names in a folder; none when it cannot be listed. */
async function listing(folder: string, io: WriteIo): Promise<string[]> {
  try {
    return await io.list(folder);
  } catch {
    return [];
  }
}

async function removeTemporaries(folder: string, entries: readonly string[], io: WriteIo): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of entries) {
    const pid = TEMPORARY.exec(entry)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    try {
      await io.remove(join(folder, entry));
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
