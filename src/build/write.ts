/**
 * Writing outputs so that no reader ever sees half a file: each file is written next to its
 * place under a temporary name and renamed over it, which is atomic on one file system. An
 * output whose bytes are unchanged is not touched at all.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether the file at `path` already holds exactly `bytes`. */
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
export function writeAtomic(path: string, bytes: Uint8Array): boolean {
  if (sameContent(path, bytes) === true) return false;
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return true;
}
