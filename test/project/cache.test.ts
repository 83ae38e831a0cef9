// Which outputs a build with nothing to do may trust without reading them: those with their
// recorded size and a time before the cache file's, while the machine has not restarted since.
import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CACHE_FILE, type CacheEntry, outputsIntact, readCache, recordCache, sha256, trustedSince } from '../../src/project/cache.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function outFolder(): { folder: string; entry: CacheEntry } {
  const folder = mkdtempSync(join(tmpdir(), 'plan-cache-'));
  mkdirSync(join(folder, 'p'));
  const content = bytes('%PDF- the plan');
  writeFileSync(join(folder, 'p', 'p.pdf'), content);
  writeFileSync(join(folder, CACHE_FILE), '{}');
  const entry: CacheEntry = { key: 'k', diagnostics: [], outputs: [{ kind: 'plan', format: 'pdf', path: 'p/p.pdf', sha256: sha256(content), size: content.byteLength }] };
  return { folder, entry };
}

/** Sets a file's times `seconds` from now. */
const age = (path: string, seconds: number) => utimesSync(path, new Date(Date.now() + seconds * 1000), new Date(Date.now() + seconds * 1000));

describe('outputsIntact', () => {
  it('checks content by hash when times may not be trusted (after a restart)', () => {
    const { folder, entry } = outFolder();
    expect(outputsIntact(entry, folder, undefined)).toBe(true);
    writeFileSync(join(folder, 'p', 'p.pdf'), '%PDF- the PLAN'); // Same size, other bytes.
    expect(outputsIntact(entry, folder, undefined)).toBe(false);
  });

  it('trusts an output with its size and an earlier time; reads one changed since', () => {
    const { folder, entry } = outFolder();
    const pdf = join(folder, 'p', 'p.pdf');
    const since = Date.now();
    age(pdf, -60);
    expect(outputsIntact(entry, folder, since)).toBe(true);
    // Edited after the build (a later time), with the same size: the hash tells.
    writeFileSync(pdf, '%PDF- the PLAN');
    age(pdf, 60);
    expect(outputsIntact(entry, folder, since)).toBe(false);
    // Cut short (as a power cut may leave it): the size tells, whatever the time.
    writeFileSync(pdf, '');
    age(pdf, -60);
    expect(outputsIntact(entry, folder, since)).toBe(false);
  });

  it('hashes outputs recorded without a size, and finds a missing one', () => {
    const { folder, entry } = outFolder();
    const { size: _size, ...withoutSize } = entry.outputs[0]!;
    expect(outputsIntact({ ...entry, outputs: [withoutSize] }, folder, Date.now() + 60_000)).toBe(true);
    expect(outputsIntact({ ...entry, outputs: [{ ...withoutSize, path: 'p/gone.pdf' }] }, folder, Date.now())).toBe(false);
  });
});

describe('trustedSince', () => {
  it('is the time the cache was written, when the machine started well before', () => {
    const { folder } = outFolder();
    const cache = join(folder, CACHE_FILE);
    if (uptime() > 120) expect(trustedSince(folder)).toBe(statSync(cache).mtimeMs);
    // A cache written before the machine started: every output is read.
    age(cache, -(uptime() + 3600));
    expect(trustedSince(folder)).toBeUndefined();
  });

  it("is nothing when the cache's time is still to come", () => {
    const { folder } = outFolder();
    age(join(folder, CACHE_FILE), 3600);
    expect(trustedSince(folder)).toBeUndefined();
  });

  it('is nothing without a cache', () => {
    expect(trustedSince(mkdtempSync(join(tmpdir(), 'plan-cache-')))).toBeUndefined();
  });
});

describe('readCache', () => {
  const output = (path: string) => ({ kind: 'plan', format: 'pdf', path, sha256: sha256(path), size: 1 });
  const good = { key: 'k', outputs: [output('p/p.pdf')], diagnostics: [{ code: 'comment-in-value', severity: 'warning', location: { file: 'plans/p.plan.yaml', line: 3, column: 9 }, args: { comment: 'x' } }] };
  const read = (text: string) => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-cache-'));
    writeFileSync(join(folder, CACHE_FILE), text);
    return readCache(folder);
  };

  it('keeps well-formed entries and drops the others, so their plans are built again', () => {
    const { cache, whole } = read(
      JSON.stringify({
        version: 1,
        plans: {
          'plans/p.plan.yaml': good,
          'plans/number.plan.yaml': 5,
          'plans/no-outputs.plan.yaml': { key: 'k', diagnostics: [] },
          'plans/bad-path.plan.yaml': { ...good, outputs: [{ ...output('x'), path: 5 }] },
          'plans/unknown-code.plan.yaml': { ...good, diagnostics: [{ ...good.diagnostics[0], code: 'no-such-code' }] },
          PROTO: good,
        },
        leftovers: [3, output('old/old.pdf')],
      }).replace('"PROTO"', '"__proto__"'),
    );
    expect(Object.keys(cache.plans)).toEqual(['plans/p.plan.yaml']);
    expect(Object.getPrototypeOf(cache.plans)).toBe(Object.prototype);
    expect(cache.leftovers?.map((o) => o.path)).toEqual(['old/old.pdf']);
    expect(whole).toBe(false);
  });

  it('tells a cache read whole, which a build that changes nothing need not write again', () => {
    expect(read(JSON.stringify({ version: 1, plans: { 'plans/p.plan.yaml': good } })).whole).toBe(true);
    expect(read(JSON.stringify({ version: 1, plans: { 'plans/p.plan.yaml': good }, leftovers: [output('old/old.pdf')] })).whole).toBe(true);
    expect(read(JSON.stringify({ version: 1, plans: { 'plans/p.plan.yaml': good }, leftovers: [3] })).whole).toBe(false);
    expect(read(JSON.stringify({ version: 1, plans: { 'plans/p.plan.yaml': good }, leftovers: 'old/old.pdf' })).whole).toBe(false);
    expect(readCache(mkdtempSync(join(tmpdir(), 'plan-cache-'))).whole).toBe(false);
  });

  it('drops an entry with an output path that would leave the output folder', () => {
    for (const path of ['../plans/p.plan.yaml', '/etc/passwd', 'p/../../x', 'p\\..\\..\\x', '']) {
      const { cache } = read(JSON.stringify({ version: 1, plans: { 'plans/p.plan.yaml': { ...good, outputs: [output(path)] } }, leftovers: [output(path)] }));
      expect(cache, path).toEqual({ version: 1, plans: {} });
    }
  });

  it('reads a cache with merge conflict markers, or of another version, as empty', () => {
    expect(read('<<<<<<< HEAD\n{"version": 1}\n=======\n')).toEqual({ cache: { version: 1, plans: {} }, whole: false });
    expect(read(JSON.stringify({ version: 2, plans: { 'plans/p.plan.yaml': good } }))).toEqual({ cache: { version: 1, plans: {} }, whole: false });
  });
});

describe('recordCache', () => {
  const cache = { version: 1 as const, plans: {} };
  /** Records `cache` with `outcome` in an output folder whose cache was written an hour ago: the writes, and the cache's time after and before. */
  function recorded(outcome: { changed: boolean; vouched: boolean; timesTrusted: boolean }): { written: number; mtime: number; hourAgo: number } {
    const { folder } = outFolder();
    const path = join(folder, CACHE_FILE);
    age(path, -3600);
    const hourAgo = statSync(path).mtimeMs;
    let written = 0;
    recordCache(folder, cache, outcome, (file, bytes) => {
      written++;
      writeFileSync(file, bytes);
      return true;
    });
    return { written, mtime: statSync(path).mtimeMs, hourAgo };
  }

  it('renews the time of a record that vouches for every output it read, writing it only when it changed', () => {
    const read = recorded({ changed: false, vouched: true, timesTrusted: false });
    expect(read.written).toBe(0);
    expect(read.mtime).toBeGreaterThan(Date.now() - 60_000);
    const trusted = recorded({ changed: false, vouched: true, timesTrusted: true });
    expect([trusted.written, trusted.mtime]).toEqual([0, trusted.hourAgo]);
    expect(recorded({ changed: true, vouched: true, timesTrusted: true }).written).toBe(1);
  });

  it('keeps the earlier time of a record written by a build of some plans', () => {
    const some = recorded({ changed: true, vouched: false, timesTrusted: true });
    expect(some.written).toBe(1);
    // To the microsecond, as the file system keeps times.
    expect(Math.abs(some.mtime - some.hourAgo)).toBeLessThan(0.001);
    const none = recorded({ changed: false, vouched: false, timesTrusted: false });
    expect([none.written, none.mtime]).toEqual([0, none.hourAgo]);
  });
});

describe('the build key', () => {
  it("includes Node's zlib build, so that a new one rebuilds", async () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-key-'));
    const keyWith = async (zlib: string) => {
      const real = Object.getOwnPropertyDescriptor(process.versions, 'zlib')!;
      Object.defineProperty(process.versions, 'zlib', { ...real, value: zlib });
      try {
        vi.resetModules();
        const { projectKey } = await import('../../src/project/cache.js');
        return projectKey(root, []);
      } finally {
        Object.defineProperty(process.versions, 'zlib', real);
        vi.resetModules();
      }
    };
    expect(await keyWith('1.3.1')).toBe(await keyWith('1.3.1'));
    expect(await keyWith('1.3.1')).not.toBe(await keyWith('1.3.2'));
  });
});
