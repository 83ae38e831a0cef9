// An output folder belongs to one project: another building into it would remove the first
// one's outputs as no longer made, or write over those of plans with the same path.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE } from '../../src/project/cache.js';
import { otherProject, projectReference } from '../../src/project/out-owner.js';
import { CONFIG_FILE } from '../../src/project/project.js';
import { folderSnapshot } from '../bad-input/snapshot.js';
import { hasStackTrace, plan, planFails } from '../helpers/cli.js';

describe('otherProject', () => {
  const root = mkdtempSync(join(tmpdir(), 'plan-owner-'));
  const mine = join(root, 'mine');
  const theirs = join(root, 'theirs');
  const out = join(root, 'shared', 'out');
  for (const folder of [mine, theirs, out]) mkdirSync(folder, { recursive: true });
  for (const project of [mine, theirs]) writeFileSync(join(project, CONFIG_FILE), 'out: out\n');
  // A second project in my folder, run with --config.
  writeFileSync(join(mine, 'other.yaml'), 'out: out\n');
  symlinkSync(mine, join(root, 'link'));
  const myConfig = join(mine, CONFIG_FILE);

  it('names a project by its folder, or by its config file when that has another name', () => {
    expect(projectReference(join(mine, 'out'), myConfig)).toBe('..');
    expect(projectReference(out, myConfig)).toBe('../../mine');
    expect(projectReference(mine, myConfig)).toBe('.');
    expect(projectReference(out, join(mine, 'other.yaml'))).toBe('../../mine/other.yaml');
  });

  it('is another project that is still there', () => {
    expect(otherProject('../../theirs', out, myConfig)).toBe(theirs);
    // Two config files in one folder are two projects, either way round.
    expect(otherProject('../../mine/other.yaml', out, myConfig)).toBe(join(mine, 'other.yaml'));
    expect(otherProject('../../mine', out, join(mine, 'other.yaml'))).toBe(mine);
  });

  it('is none for this project, by any path, for a cache that names none, and for a project gone', () => {
    expect(otherProject('../../mine', out, myConfig)).toBeUndefined();
    expect(otherProject('../../link', out, myConfig)).toBeUndefined();
    expect(otherProject('../../link/other.yaml', out, join(mine, 'other.yaml'))).toBeUndefined();
    expect(otherProject(undefined, out, myConfig)).toBeUndefined();
    expect(otherProject('../../moved-away', out, myConfig)).toBeUndefined();
    expect(otherProject('../../mine/gone.yaml', out, myConfig)).toBeUndefined();
  });

  it('tells a project without a config file from one with it', () => {
    const bare = join(root, 'bare');
    mkdirSync(bare);
    expect(otherProject('../../theirs', out, join(bare, CONFIG_FILE))).toBe(theirs);
    expect(otherProject('../../bare', out, join(bare, CONFIG_FILE))).toBeUndefined();
  });

  // An output folder made inside a project ("..") and copied elsewhere, as a backup or a CI artifact.
  it('is none where the recorded place holds no project', () => {
    expect(otherProject('..', out, myConfig)).toBeUndefined();
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
      const run = planFails(2, [...args, '--out', out], second);
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

  it('tells apart two config files in one folder', () => {
    const project = mkdtempSync(join(tmpdir(), 'plan-owner-'));
    expect(plan(['init'], project).code).toBe(0);
    copyFileSync(join(project, CONFIG_FILE), join(project, 'second.yaml'));
    const out = join(project, 'shared');
    expect(plan(['build', '--out', out], project).code).toBe(0);
    const built = folderSnapshot(out);

    const run = plan(['build', '--config', 'second.yaml', '--out', out], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('out-folder-of-other-project');
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(folderSnapshot(out)).toEqual(built);

    // Its own folder is its own: the cache names the config file.
    expect(plan(['build', '--config', 'second.yaml', '--out', 'second-out'], project).code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'second-out', CACHE_FILE), 'utf8')).project).toBe('../second.yaml');
    planFails(2, ['build', '--out', 'second-out'], project);
  });
});
