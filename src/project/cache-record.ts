/**
 * The build cache read back from its file. The file lives in the output folder, is often
 * committed, and may have been edited by hand, merged with conflict markers, or written by
 * another version: an entry that is not as a build writes it is dropped, and its plan is built
 * again. A recorded output whose path would leave the output folder drops its entry too, so a
 * cache file can never make a build remove a file elsewhere.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isMessageCode } from '../diagnostics/messages.js';
import type { BuildCache, CacheEntry, CachedOutput } from './cache.js';
import { outputPath } from './paths.js';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isOptional = (value: unknown, type: 'string' | 'number'): boolean => value === undefined || typeof value === type;

function isCachedOutput(value: unknown): value is CachedOutput {
  return (
    isObject(value) &&
    typeof value.kind === 'string' &&
    typeof value.format === 'string' &&
    isOptional(value.agency, 'string') &&
    typeof value.path === 'string' &&
    // Any folder will do: the question is whether the path stays below it.
    outputPath('out', value.path) !== undefined &&
    typeof value.sha256 === 'string' &&
    isOptional(value.size, 'number')
  );
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (!isObject(value) || !isMessageCode(value.code) || !['error', 'warning', 'note'].includes(value.severity as string)) return false;
  const { location, args } = value;
  return (
    isObject(location) &&
    typeof location.file === 'string' &&
    isOptional(location.line, 'number') &&
    isOptional(location.column, 'number') &&
    isOptional(location.length, 'number') &&
    isObject(args) &&
    Object.values(args).every((arg) => typeof arg === 'string' || typeof arg === 'number' || (Array.isArray(arg) && arg.every((item) => typeof item === 'string')))
  );
}

function isCacheEntry(value: unknown): value is CacheEntry {
  return (
    isObject(value) &&
    typeof value.key === 'string' &&
    Array.isArray(value.outputs) &&
    value.outputs.every(isCachedOutput) &&
    Array.isArray(value.diagnostics) &&
    value.diagnostics.every(isDiagnostic)
  );
}

/**
 * The cache in parsed JSON, keeping what is well formed; empty when it is not a cache at all.
 * `whole` when nothing was left out.
 */
export function cacheFromJson(data: unknown): { cache: BuildCache; whole: boolean } {
  const cache: BuildCache = { version: 1, plans: {} };
  if (!isObject(data) || data.version !== 1 || !isObject(data.plans)) return { cache, whole: false };
  if (typeof data.project === 'string') cache.project = data.project;
  const sources = Object.keys(data.plans);
  // A plan's source is a path; "__proto__" would set the record's prototype instead.
  for (const source of sources) if (source !== '__proto__' && isCacheEntry(data.plans[source])) cache.plans[source] = data.plans[source];
  const written = data.leftovers === undefined ? [] : Array.isArray(data.leftovers) ? data.leftovers : [undefined];
  const leftovers = written.filter(isCachedOutput);
  if (leftovers.length > 0) cache.leftovers = leftovers;
  return { cache, whole: Object.keys(cache.plans).length === sources.length && leftovers.length === written.length };
}
