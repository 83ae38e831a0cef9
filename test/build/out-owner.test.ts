// An output folder belongs to one project: another building into it would remove the first
// one's outputs as no longer made, or write over those of plans with the same path.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../src/build/cache.js';
import { otherProject, projectReference } from '../../src/build/out-owner.js';
import { folderSnapshot } from '../bad-input/snapshot.js';
import { hasStackTrace, plan } from '../helpers/cli.js';

describe('otherProject', () => {
  const root = mkdtempSync(join(tmpdir(), 'plan-owner-'));
  const mine = join(root, 'mine');
  const theirs = join(root, 'theirs');
  const out = join(root, 'shared', 'out');
  for (const folder of [mine, theirs, out]) mkdirSync(folder, { recursive: true });
  for (const project of [mine, theirs]) writeFileSync(join(project, 'plan.config.yaml'), 'out: out\n');
  symlinkSync(mine, join(root, 'link'));

  it('names the project relative to the output folder', () => {
    expect(projectReference(join(mine, 'out'), mine)).toBe('..');
    expect(projectReference(out, mine)).toBe('../../mine');
    expect(projectReference(mine, mine)).toBe('.');
  });

  it('is another project that is still there', () => {
    expect(otherProject('../../theirs', out, mine)).toBe(theirs);
  });

  it('is none for this project, by any path, for a cache that names none, and for a project gone', () => {
    expect(otherProject('../../mine', out, mine)).toBeUndefined();
    expect(otherProject('../../link', out, mine)).toBeUndefined();
    expect(otherProject(undefined, out, mine)).toBeUndefined();
    expect(otherProject('../../moved-away', out, mine)).toBeUndefined();
  });

  // An output folder made inside a project ("..") and copied elsewhere, as a backup or a CI artifact.
  it('is none where the recorded place holds no project', () => {
    expect(otherProject('..', out, mine)).toBeUndefined();
  });
});

describe('two projects, one output folder', () => {
  it('refuses the second, changing nothing, until the first is gone', () => {
    const root = mkdtempSync(join(tmpdir(), 'plan-owner-'));
    const [first, second] = [join(root, 'first'), join(root, 'second')];
    const out = join(root, 'out');
    for (const project of [first, second]) {
      mkdirSync(project);
      expect(plan(['init'], project).code).toBe(0);
    }
    expect(plan(['build', '--out', out], first).code).toBe(0);
    const built = folderSnapshot(out);
    expect(JSON.parse(readFileSync(join(out, CACHE_FILE), 'utf8')).project).toBe('../first');

    for (const args of [['build'], ['build', '--check'], ['build', '--lang', 'en']]) {
      const run = plan([...args, '--out', out], second);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('out-folder-of-other-project');
      expect(run.stderr).toContain(join(root, 'first'));
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(folderSnapshot(out)).toEqual(built);
    }

    // The first project moved away: its outputs are the second's to replace.
    renameSync(first, join(root, 'moved'));
    expect(plan(['build', '--out', out], second).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, CACHE_FILE), 'utf8')).project).toBe('../second');
  });
});
