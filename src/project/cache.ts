/**
 * The build cache: what each plan's outputs were built from, and what was written.
 *
 * A plan is rebuilt only when the content of one of its inputs changed (its source, its
 * progress file, the registry, the config, a template, a font, the tool itself) or one of its
 * outputs is missing or altered. The cache is also the record of every file the tool wrote,
 * so that the outputs of a removed plan can be cleaned up without ever touching a file the
 * tool did not write. It lives in the output folder and holds no time stamps or absolute
 * paths, so a committed output folder can be checked in CI as it is (the time of the cache file
 * itself, on disk, tells which outputs need their content checked).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cacheFromJson } from './cache-record.js';
import { outputPath, relativePath } from './paths.js';
import { replaceFile } from './write.js';
import type { OutputFormat, OutputKind } from './pipeline.js';

/** Name of the cache file inside the output folder. */
export const CACHE_FILE = '.plan-cache.json';

/** An output as recorded: where it is (relative to the output folder) and its content hash. */
export interface CachedOutput {
  kind: OutputKind;
  format: OutputFormat;
  agency?: string;
  path: string;
  sha256: string;
  /** Its length in bytes (absent in caches written before it was recorded). */
  size?: number;
}

/** One plan's record: the key of its inputs, its outputs, and the warnings it gave. */
export interface CacheEntry {
  key: string;
  outputs: CachedOutput[];
  diagnostics: Diagnostic[];
}

export interface BuildCache {
  version: 1;
  /** The project whose outputs these are, relative to the output folder (out-owner.ts); absent in caches written before it was recorded. */
  project?: string;
  /** Plans by source path relative to the project, "/"-separated. */
  plans: Record<string, CacheEntry>;
  /**
   * Outputs that no plan makes any more and that a build could not remove (a file held open, a
   * folder without write permission): each build tries again, so the tool never loses track of a
   * file it wrote. Absent when there are none.
   */
  leftovers?: CachedOutput[];
}

/** Orders records by their path, by code unit: the same on every machine, whatever its locale. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads the cache of an output folder; an absent or unreadable cache is an empty one, and a
 * damaged entry is left out (cache-record.ts). `whole` tells that the file held this cache and
 * nothing it left out, so that a build that changes nothing need not write it again.
 */
export function readCache(outFolder: string): { cache: BuildCache; whole: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(outFolder, CACHE_FILE), 'utf8'));
  } catch {
    // No cache yet, or not JSON (a merge left conflict markers): everything is rebuilt, which is always correct.
    return cacheFromJson(undefined);
  }
  return cacheFromJson(data);
}

/** The cache as written: keys sorted, so the file is the same bytes for the same builds. */
export function cacheText(cache: BuildCache): string {
  const plans: Record<string, CacheEntry> = {};
  for (const source of Object.keys(cache.plans).sort()) plans[source] = cache.plans[source]!;
  const leftovers = [...(cache.leftovers ?? [])].sort(byPath);
  return `${JSON.stringify({ version: 1, ...(cache.project !== undefined ? { project: cache.project } : {}), plans, ...(leftovers.length > 0 ? { leftovers } : {}) }, null, 1)}\n`;
}

// A cache written in the first minute after the machine started is not trusted by times: the
// start is worked out from the clock and the uptime, which need not agree to the second.
const RESTART_MARGIN_MS = 60_000;
// How far ahead of this computer's clock a cache's time may be and still be trusted.
const CLOCK_MARGIN_MS = 60_000;

/**
 * Since when outputs may be judged by their size and time rather than their content: the time
 * of the cache file, if the machine has not restarted since. That time is when every output the
 * cache records was last known whole (recordCache): written by the build, or checked by it, so one
 * modified later (by hand, by another program) has a later time. A restart is what may have lost
 * data the system had not yet stored (the tool does not force each file to the disk): after one,
 * every output's content is read and checked against its hash, until a build has checked them all.
 */
export function trustedSince(outFolder: string): number | undefined {
  let written: number;
  try {
    written = statSync(join(outFolder, CACHE_FILE)).mtimeMs;
  } catch {
    return undefined;
  }
  const now = Date.now();
  const started = now - uptime() * 1000;
  // A time still to come (a clock set back since, a folder copied from a computer whose clock ran
  // ahead) would vouch for whatever is written until then. A shared folder's server may run a
  // little ahead of this computer, and its files' times with it: that is no reason to read them all.
  return started + RESTART_MARGIN_MS < written && written <= now + CLOCK_MARGIN_MS ? written : undefined;
}

/**
 * Whether every recorded output is on disk with the recorded content: its size and a time before
 * `since` (see trustedSince), or else its hash. Reading and hashing every output was most of a
 * build with nothing to do.
 */
export function outputsIntact(entry: CacheEntry, outFolder: string, since: number | undefined): boolean {
  return entry.outputs.every((output) => {
    // The cache holds no path that leaves the folder (cache-record.ts).
    const path = outputPath(outFolder, output.path)!;
    try {
      if (since !== undefined && output.size !== undefined) {
        const stat = statSync(path);
        if (stat.size !== output.size) return false;
        if (stat.mtimeMs < since) return true;
      }
      return sha256(readFileSync(path)) === output.sha256;
    } catch {
      return false;
    }
  });
}

/** What a build did to the record, and whether it checked or wrote every output the record holds. */
export interface RecordOutcome {
  /** The cache is not the one read (plans built or gone, leftovers, entries left out on reading). */
  changed: boolean;
  /** Every plan the cache records was found intact or written by this build. */
  vouched: boolean;
  /** Outputs were judged by their times (trustedSince held), not each read. */
  timesTrusted: boolean;
}

/**
 * Records a build in the output folder's cache, with `write` (atomic, false when the file already
 * held the bytes); throws when it cannot be written. The file's time is the time up to which every
 * recorded output is known whole (trustedSince), so it moves on only when this build vouches for
 * them all. A build of some of the plans (paths named on the command line, a shard, a plan with
 * errors, whose outputs stay as they were) records what it built with the earlier time: giving it
 * a new one would let an output edited since, and not checked this time, pass for whole. A build
 * that changed nothing but read every output (after a restart) renews the time, so the next one
 * need not read them all again.
 */
export function recordCache(outFolder: string, cache: BuildCache, outcome: RecordOutcome, write: (path: string, bytes: Uint8Array) => boolean): void {
  const path = join(outFolder, CACHE_FILE);
  let before: number | undefined;
  try {
    before = statSync(path).mtimeMs;
  } catch {
    // No cache yet: this build wrote or checked every output it will record.
  }
  // A first build that recorded nothing (every plan failed) leaves no cache behind.
  if (before === undefined && Object.keys(cache.plans).length === 0 && !cache.leftovers) return;
  const written = outcome.changed && write(path, new TextEncoder().encode(cacheText(cache)));
  try {
    if (outcome.vouched && !written && !outcome.timesTrusted) renew(path);
    // In seconds: a Date would cut the time to the millisecond below.
    else if (!outcome.vouched && written && before !== undefined) utimesSync(path, before / 1000, before / 1000);
  } catch {
    // The record is right; only how much the next build may trust by time is not.
  }
}

/**
 * Gives a file a new time by putting a copy of it in its place: the time comes from the file
 * system, as outputs' times do. Setting it to this computer's clock instead could put it ahead of
 * outputs written later to a shared folder whose server's clock runs behind.
 */
function renew(path: string): void {
  replaceFile(path, readFileSync(path));
}

let toolHash: string | undefined;

/**
 * A hash of the tool's own code: a new version of the tool rebuilds everything, even when its
 * version number did not change during development. The code is what runs: the bundle's files
 * (which hold the libraries too) when the CLI runs bundled, every compiled module otherwise.
 * Node's zlib build is part of it: PDF and DOCX streams are deflated with it, and another build
 * may compress the same bytes differently.
 */
function toolVersion(): string {
  if (toolHash === undefined) {
    const hash = createHash('sha256').update(`zlib ${process.versions.zlib}`);
    const visit = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (entry.name.endsWith('.js')) hash.update(entry.name).update(readFileSync(path));
      }
    };
    const here = fileURLToPath(new URL('.', import.meta.url));
    visit(basename(here) === 'bundle' ? here : dirname(here));
    toolHash = hash.digest('hex');
  }
  return toolHash;
}

/**
 * The key of everything every plan of a project depends on. Files are named relative to the
 * project, so a project moved or cloned elsewhere keeps its cache.
 */
export function projectKey(root: string, files: readonly string[]): string {
  const hash = createHash('sha256').update(toolVersion());
  for (const path of files) {
    hash.update(relativePath(root, path));
    try {
      if (statSync(path).isFile()) hash.update(readFileSync(path));
    } catch {
      hash.update('\u0000missing');
    }
  }
  return hash.digest('hex');
}

/** The key of one plan: the project's key, its source, and the files beside it that feed it. */
export function planKey(project: string, source: string, bytes: Uint8Array, sideFiles: readonly string[]): string {
  const hash = createHash('sha256').update(project).update(source).update(bytes);
  for (const path of sideFiles) {
    // By name only: side files sit beside the plan, whose own path is already in the key.
    hash.update(basename(path));
    try {
      hash.update(readFileSync(path));
    } catch {
      hash.update('\u0000missing');
    }
  }
  return hash.digest('hex');
}
