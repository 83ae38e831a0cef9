// Finding plan files: every *.plan.yaml and *.plan.md below a folder, in path order, following
// symbolic links as their maker meant, and reporting a link to a plan that is gone.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPlans } from '../../src/build/discover.js';

/** A project folder with `files` (path → text) and `links` (path → target). */
function project(files: string[], links: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'plan-discover-'));
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'title: x\n');
  }
  for (const [link, target] of Object.entries(links)) symlinkSync(target, join(root, link));
  return root;
}

const found = (root: string) => {
  const { files, diagnostics } = discoverPlans(['plans'], root);
  return { files: files.map((file) => file.slice(root.length + 1)), diagnostics: diagnostics.map((d) => `${d.location.file} ${d.code}`) };
};

describe('discoverPlans', () => {
  it('finds plan files below a folder in path order, skipping other files, hidden folders and outputs', () => {
    const root = project(['plans/b.plan.md', 'plans/a.plan.yaml', 'plans/2022/c.plan.yaml', 'plans/notes.yaml', 'plans/.old/d.plan.yaml', 'plans/out/e.plan.yaml']);
    expect(found(root)).toEqual({ files: ['plans/2022/c.plan.yaml', 'plans/a.plan.yaml', 'plans/b.plan.md'], diagnostics: [] });
  });

  it('follows links to plan files and folders, once, and reports a link to a plan that is gone', () => {
    const shared = project(['chia-se.plan.yaml']);
    const root = project(['plans/a.plan.yaml'], {
      'plans/lien-ket.plan.yaml': 'a.plan.yaml',
      'plans/chung': shared,
      // A link to the project itself: its plans folder is searched once.
      'plans/vong': '..',
      'plans/mat.plan.yaml': 'khong-con.plan.yaml',
      'plans/ghi-chu.txt': 'khong-con.txt',
    });
    expect(found(root)).toEqual({
      files: ['plans/a.plan.yaml', 'plans/chung/chia-se.plan.yaml', 'plans/lien-ket.plan.yaml'],
      diagnostics: ['plans/mat.plan.yaml read-failed'],
    });
  });
});
