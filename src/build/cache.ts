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
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { uptime } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { cacheFromJson } from './cache-record.js';
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

/** Reads the cache of an output folder; an absent or unreadable cache is an empty one, and a damaged entry is left out (cache-record.ts). */
export function readCache(outFolder: string): BuildCache {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(outFolder, CACHE_FILE), 'utf8'));
  } catch {
    // No cache yet, or not JSON (a merge left conflict markers): everything is rebuilt, which is always correct.
  }
  return cacheFromJson(data);
}

/** The cache as written: keys sorted, so the file is the same bytes for the same builds. */
export function cacheText(cache: BuildCache): string {
  const plans: Record<string, CacheEntry> = {};
  for (const source of Object.keys(cache.plans).sort()) plans[source] = cache.plans[source]!;
  const leftovers = [...(cache.leftovers ?? [])].sort(byPath);
  return `${JSON.stringify({ version: 1, plans, ...(leftovers.length > 0 ? { leftovers } : {}) }, null, 1)}\n`;
}

// A cache written in the first minute after the machine started is not trusted by times: the
// start is worked out from the clock and the uptime, which need not agree to the second.
const RESTART_MARGIN_MS = 60_000;

/**
 * Since when outputs may be judged by their size and time rather than their content: the time
 * the cache file was last written, if the machine has not restarted since. Outputs are written
 * before the cache, so one modified later (by hand, by another program) has a later time. A
 * restart is what may have lost data the system had not yet stored (the tool does not force each
 * file to the disk): after one, every output's content is read and checked against its hash.
 */
export function trustedSince(outFolder: string): number | undefined {
  let written: number;
  try {
    written = statSync(join(outFolder, CACHE_FILE)).mtimeMs;
  } catch {
    return undefined;
  }
  const started = Date.now() - uptime() * 1000;
  return started + RESTART_MARGIN_MS < written ? written : undefined;
}

/**
 * Whether every recorded output is on disk with the recorded content: its size and a time before
 * `since` (see trustedSince), or else its hash. Reading and hashing every output was most of a
 * build with nothing to do.
 */
export function outputsIntact(entry: CacheEntry, outFolder: string, since: number | undefined): boolean {
  return entry.outputs.every((output) => {
    const path = join(outFolder, output.path);
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
    hash.update(relative(root, path).split(sep).join('/'));
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
