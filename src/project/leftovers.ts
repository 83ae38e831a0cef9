/**
 * Outputs an earlier build wrote that no plan makes any more: those of a plan that was removed or
 * renamed, and those a plan stopped making (an agency no longer assigned a task has no extract).
 *
 * Only a file that still holds what this tool wrote is removed: one changed since, or put there
 * by someone else, is not the tool's to delete. The folders its removal leaves empty go with it,
 * so a renamed plan leaves no empty folder behind; a folder with anything else in it stays.
 */
import { readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { type CachedOutput, sha256 } from './cache.js';
import { outputPath } from './paths.js';

/** What became of the leftovers. */
export interface LeftoverOutcome {
  /** Removed, or with --check to be removed; relative to the output folder, "/"-separated, in path order. */
  removed: string[];
  /** Those that could not be removed, with why: the cache keeps them, and the next build tries again. */
  failed: { output: CachedOutput; error: unknown }[];
}

/**
 * Removes `candidates` that no plan keeps (`kept`) and that still hold what the tool wrote;
 * with `check`, only lists them. Tests pass an `unlink` that fails.
 */
export function removeLeftovers(candidates: readonly CachedOutput[], kept: ReadonlySet<string>, outFolder: string, check: boolean, unlink: (path: string) => void = unlinkSync): LeftoverOutcome {
  const outcome: LeftoverOutcome = { removed: [], failed: [] };
  const seen = new Set<string>();
  for (const output of candidates) {
    if (kept.has(output.path) || seen.has(output.path)) continue;
    seen.add(output.path);
    // The cache holds no path that leaves the folder (cache-record.ts).
    const path = outputPath(outFolder, output.path)!;
    if (!holdsWhatWasWritten(path, output)) continue;
    if (!check) {
      try {
        unlink(path);
      } catch (error) {
        outcome.failed.push({ output, error });
        continue;
      }
      removeEmptyFolders(dirname(path), outFolder);
    }
    outcome.removed.push(output.path);
  }
  outcome.removed.sort();
  return outcome;
}

/** Whether the file is there with the content the tool recorded. */
function holdsWhatWasWritten(path: string, output: CachedOutput): boolean {
  try {
    return sha256(readFileSync(path)) === output.sha256;
  } catch {
    return false;
  }
}

/** Removes `folder` and the folders above it while they are empty, up to the output folder (which stays). */
function removeEmptyFolders(folder: string, outFolder: string): void {
  for (let current = folder; current.startsWith(outFolder + sep); current = dirname(current)) {
    try {
      rmdirSync(current);
    } catch {
      // Not empty (another output, a file of the user's), or not ours to remove: it stays.
      return;
    }
  }
}
