// Outputs no plan makes any more: removed only when they hold what the tool wrote, with the
// folders their removal empties; listed under --check; kept on record when they cannot be removed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/project/build.js';
import { type CachedOutput, cacheText, readCache, sha256 } from '../../src/project/cache.js';
import { removeLeftovers } from '../../src/project/leftovers.js';
import { copyExampleProject } from '../helpers/cli.js';

/** Files that cannot be removed, as one open in a PDF viewer on Windows: unlinking them fails with EBUSY. */
const busy = vi.hoisted(() => new Set<string>());
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const unlinkSync: typeof fs.unlinkSync = (path) => {
    if (busy.has(String(path))) throw Object.assign(new Error(`EBUSY: resource busy or locked, unlink '${String(path)}'`), { code: 'EBUSY' });
    fs.unlinkSync(path);
  };
  return { ...fs, default: { ...fs, unlinkSync }, unlinkSync };
});

/** An output folder holding `files` (path → text), and their records as the cache keeps them. */
function written(files: Record<string, string>): { out: string; outputs: CachedOutput[] } {
  const out = mkdtempSync(join(tmpdir(), 'plan-leftovers-'));
  const outputs = Object.entries(files).map(([path, text]): CachedOutput => {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
    return { kind: 'extract', format: 'pdf', path, sha256: sha256(text) };
  });
  return { out, outputs };
}

describe('removeLeftovers', () => {
  it('removes what no plan keeps, and the folders that leaves empty, up to the output folder', () => {
    const { out, outputs } = written({ 'old/old.pdf': 'a', 'old/extracts/so-tu-phap.pdf': 'b', 'kept/kept.pdf': 'c' });
    const outcome = removeLeftovers(outputs, new Set(['kept/kept.pdf']), out, false);
    expect(outcome).toEqual({ removed: ['old/extracts/so-tu-phap.pdf', 'old/old.pdf'], failed: [] });
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(readFileSync(join(out, 'kept', 'kept.pdf'), 'utf8')).toBe('c');
    expect(existsSync(out)).toBe(true);
  });

  it('leaves a file changed since it was written, and a folder holding a file of the user', () => {
    const { out, outputs } = written({ 'old/old.pdf': 'a', 'old/extracts/so-tu-phap.pdf': 'b' });
    writeFileSync(join(out, 'old', 'old.pdf'), 'edited by hand');
    writeFileSync(join(out, 'old', 'extracts', 'ghi-chu.txt'), 'mine');
    const outcome = removeLeftovers(outputs, new Set(), out, false);
    expect(outcome.removed).toEqual(['old/extracts/so-tu-phap.pdf']);
    expect(readFileSync(join(out, 'old', 'old.pdf'), 'utf8')).toBe('edited by hand');
    expect(readFileSync(join(out, 'old', 'extracts', 'ghi-chu.txt'), 'utf8')).toBe('mine');
  });

  it('only lists them with --check', () => {
    const { out, outputs } = written({ 'old/old.pdf': 'a' });
    expect(removeLeftovers(outputs, new Set(), out, true).removed).toEqual(['old/old.pdf']);
    expect(readFileSync(join(out, 'old', 'old.pdf'), 'utf8')).toBe('a');
  });

  it('reports a file it cannot remove, which stays whole, and lists each path once', () => {
    const { out, outputs } = written({ 'old/old.pdf': 'a', 'old/old.docx': 'b' });
    const busy = Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    const outcome = removeLeftovers([...outputs, ...outputs], new Set(), out, false, (path) => {
      if (path.endsWith('.pdf')) throw busy;
      throw Object.assign(new Error('unreachable'), { code: 'EIO' });
    });
    expect(outcome.removed).toEqual([]);
    expect(outcome.failed.map(({ output, error }) => [output.path, (error as { code: string }).code])).toEqual([
      ['old/old.pdf', 'EBUSY'],
      ['old/old.docx', 'EIO'],
    ]);
    expect(readFileSync(join(out, 'old', 'old.pdf'), 'utf8')).toBe('a');
  });
});

describe('the cache keeps what a build could not remove', () => {
  it('writes the leftovers in path order and reads them back; none, no field', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-leftovers-'));
    const leftover = (path: string): CachedOutput => ({ kind: 'plan', format: 'pdf', path, sha256: sha256(path) });
    writeFileSync(join(out, '.plan-cache.json'), cacheText({ version: 1, plans: {}, leftovers: [leftover('b/b.pdf'), leftover('a/a.pdf')] }));
    expect(readCache(out).cache.leftovers?.map((output) => output.path)).toEqual(['a/a.pdf', 'b/b.pdf']);
    expect(cacheText({ version: 1, plans: {} })).not.toContain('leftovers');
    expect(cacheText({ version: 1, plans: {}, leftovers: [] })).not.toContain('leftovers');
  });
});

describe('a leftover output that cannot be removed', () => {
  it('is remove-failed with exit code 2, stays whole and on record, and the next build removes it', async () => {
    const project = copyExampleProject();
    const build = () => runBuild({ cwd: project, paths: [], jobs: 1 });
    expect((await build()).exitCode).toBe(0);
    renameSync(join(project, 'plans', 'kon-tum-pho-bien-phap-luat-2022.plan.md'), join(project, 'ke-hoach-da-bo.txt'));
    const pdf = join(project, 'out', 'kon-tum-pho-bien-phap-luat-2022', 'kon-tum-pho-bien-phap-luat-2022.pdf');
    const bytes = readFileSync(pdf);
    busy.add(pdf);
    const held = await build();
    expect(held.exitCode).toBe(2);
    expect(held.diagnostics.filter((d) => d.code === 'remove-failed').map((d) => d.location.file)).toEqual(['out/kon-tum-pho-bien-phap-luat-2022/kon-tum-pho-bien-phap-luat-2022.pdf']);
    expect(readFileSync(pdf).equals(bytes)).toBe(true);
    expect(readCache(join(project, 'out')).cache.leftovers?.map((output) => output.path)).toEqual(['kon-tum-pho-bien-phap-luat-2022/kon-tum-pho-bien-phap-luat-2022.pdf']);
    // Closed in the viewer: the next build tries again.
    busy.clear();
    const next = await build();
    expect(next.exitCode).toBe(0);
    expect(existsSync(pdf)).toBe(false);
    expect(readCache(join(project, 'out')).cache.leftovers).toBeUndefined();
  });
});
