/**
 * Writing outputs so that no reader ever sees half a file: each file is written next to its
 * place under a temporary name (".name.pid.tmp"), flushed, and renamed over it, which is atomic
 * on one file system. An output whose bytes are unchanged is not touched at all.
 *
 * When a write fails (disk full, read-only folder, a file where a folder should be) the
 * temporary file is removed, the old output is left as it was, and the error is thrown for
 * the build to report as `write-failed`. A build that was killed leaves at most hidden
 * temporary files; the next write into the same folder removes those whose process is gone.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The file operations a write uses; tests pass failing ones to simulate faults. */
export interface WriteIo {
  mkdir(folder: string): void;
  /** Writes the whole file and flushes it to the disk. */
  writeFile(path: string, bytes: Uint8Array): void;
  rename(from: string, to: string): void;
  remove(path: string): void;
  list(folder: string): string[];
}

/** The real file system. */
export const NODE_IO: WriteIo = {
  mkdir: (folder) => mkdirSync(folder, { recursive: true }),
  writeFile: (path, bytes) => {
    const fd = openSync(path, 'w');
    try {
      for (let offset = 0; offset < bytes.byteLength; ) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: (from, to) => renameSync(from, to),
  remove: (path) => rmSync(path, { force: true }),
  list: (folder) => readdirSync(folder),
};

/** Our temporary files: ".<name>.<pid>.tmp". */
const TEMPORARY = /^\..+\.(\d+)\.tmp$/;

/** The temporary name a process writes `path` under. */
export function temporaryPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.tmp`);
}

/** Whether `bytes` equals the file at `path`. */
export function sameContent(path: string, bytes: Uint8Array): boolean | 'missing' {
  let current: Buffer;
  try {
    current = readFileSync(path);
  } catch {
    return 'missing';
  }
  return Buffer.compare(current, bytes) === 0;
}

/** Writes `bytes` to `path` atomically (temporary file, then rename); returns false when unchanged. */
export function writeAtomic(path: string, bytes: Uint8Array, io: WriteIo = NODE_IO): boolean {
  const folder = dirname(path);
  io.mkdir(folder);
  removeStaleTemporaries(folder, io);
  if (sameContent(path, bytes) === true) return false;
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
  return true;
}

/** Removes temporary files in `folder` left by builds that were killed (their process is gone); returns their names. */
export function removeStaleTemporaries(folder: string, io: WriteIo = NODE_IO): string[] {
  let entries: string[];
  try {
    entries = io.list(folder);
  } catch {
    return [];
  }
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
