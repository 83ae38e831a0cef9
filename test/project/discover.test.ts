// Finding plan files: every *.plan.yaml and *.plan.md below a folder, in path order, following
// symbolic links as their maker meant, and setting aside (with a word where useful) what cannot be
// read as a plan: editors' lock files, links to nothing or in a loop, named pipes, names that are
// not UTF-8, links out of the project, folders that cannot be listed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverPlans } from '../../src/project/discover.js';
import { NODE_LIST_IO } from '../../src/project/folder-entries.js';

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

const found = (root: string, options: Partial<Parameters<typeof discoverPlans>[2]> = {}) => {
  const { files, diagnostics } = discoverPlans(['plans'], root, { root, followOutside: false, ...options });
  return { files: files.map((file) => file.slice(root.length + 1)), diagnostics: diagnostics.map((d) => `${d.location.file} ${d.code}`) };
};

describe('discoverPlans', () => {
  it('finds plan files below a folder in path order, skipping other files, hidden folders, out, dist and node_modules', () => {
    const root = project(['plans/b.plan.md', 'plans/a.plan.yaml', 'plans/2022/c.plan.yaml', 'plans/notes.yaml', 'plans/.old/d.plan.yaml', 'plans/out/e.plan.yaml', 'plans/dist/f.plan.yaml', 'plans/node_modules/g.plan.yaml']);
    expect(found(root)).toEqual({ files: ['plans/2022/c.plan.yaml', 'plans/a.plan.yaml', 'plans/b.plan.md'], diagnostics: [] });
  });

  it('follows links to plan files and folders, once (out of the project when the config allows), and notes a link to a plan that is gone', () => {
    const shared = project(['chia-se.plan.yaml']);
    const root = project(['plans/a.plan.yaml'], {
      'plans/lien-ket.plan.yaml': 'a.plan.yaml',
      'plans/chung': shared,
      // A link to the project itself: its plans folder is searched once.
      'plans/vong': '..',
      'plans/mat.plan.yaml': 'khong-con.plan.yaml',
      'plans/ghi-chu.txt': 'khong-con.txt',
    });
    expect(found(root, { followOutside: true })).toEqual({
      files: ['plans/a.plan.yaml', 'plans/chung/chia-se.plan.yaml', 'plans/lien-ket.plan.yaml'],
      diagnostics: ['plans/mat.plan.yaml link-broken'],
    });
    // By default, a link out of the project is not followed, and said.
    expect(found(root)).toEqual({
      files: ['plans/a.plan.yaml', 'plans/lien-ket.plan.yaml'],
      diagnostics: ['plans/chung link-outside-project', 'plans/mat.plan.yaml link-broken'],
    });
  });

  it('never follows a link to a plan file outside the project unless allowed, and names only the target', () => {
    const outside = project(['bi-mat.plan.yaml']);
    const root = project(['plans/a.plan.yaml'], { 'plans/b.plan.yaml': join(outside, 'bi-mat.plan.yaml') });
    const { diagnostics } = discoverPlans(['plans'], root, { root, followOutside: false });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'link-outside-project', severity: 'warning', location: { file: 'plans/b.plan.yaml' }, args: { target: join(outside, 'bi-mat.plan.yaml') } })]);
    expect(found(root).files).toEqual(['plans/a.plan.yaml']);
    expect(found(root, { followOutside: true }).files).toEqual(['plans/a.plan.yaml', 'plans/b.plan.yaml']);
  });

  it("skips editors' lock files and hidden files without a word; notes link loops and named pipes, never reading them", () => {
    const root = project(['plans/a.plan.yaml', 'plans/.a.plan.yaml.swp', 'plans/.hidden.plan.yaml'], {
      // Emacs: a link to nothing, beside a file with unsaved changes.
      'plans/.#a.plan.yaml': 'root@may.12345:1700000000',
      'plans/vong.plan.yaml': 'vong.plan.yaml',
    });
    execFileSync('mkfifo', [join(root, 'plans', 'ong.plan.yaml')]);
    expect(found(root)).toEqual({ files: ['plans/a.plan.yaml'], diagnostics: ['plans/ong.plan.yaml not-a-regular-file', 'plans/vong.plan.yaml link-broken'] });
    // Named on the command line: refused, not read (reading a named pipe waits for a writer forever).
    expect(discoverPlans(['plans/ong.plan.yaml'], root, { root, followOutside: false }).diagnostics.map((d) => [d.code, d.severity])).toEqual([['not-a-regular-file', 'error']]);
  });

  it('reports a folder that cannot be listed (EACCES) with its path, and finds the rest', () => {
    const root = project(['plans/a.plan.yaml', 'plans/khoa/b.plan.yaml', 'plans/mo/c.plan.yaml']);
    const io = {
      ...NODE_LIST_IO,
      readdir: (folder: string) => {
        if (folder.endsWith('khoa')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${folder}'`), { code: 'EACCES' });
        return readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
      },
    };
    const { files, diagnostics } = discoverPlans(['plans'], root, { root, followOutside: false, io });
    expect(files.map((file) => file.slice(root.length + 1))).toEqual(['plans/a.plan.yaml', 'plans/mo/c.plan.yaml']);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'folder-unreadable', location: { file: 'plans/khoa' }, args: { reason: expect.stringMatching(/^EACCES/) } })]);
  });

  it('says what is wrong with a name that is not UTF-8, with the bad bytes as \\xNN, instead of "no such file"', () => {
    const root = project(['plans/a.plan.yaml']);
    // "kế hoạch" in Windows-1258 bytes: a name unpacked from a .zip made on Windows.
    const name = Buffer.concat([Buffer.from('k'), Buffer.from([0xea, 0xf2]), Buffer.from(' ho\u1ea1ch.plan.yaml')]);
    writeFileSync(Buffer.concat([Buffer.from(join(root, 'plans/')), name]), 'title: x\n');
    const { diagnostics } = discoverPlans(['plans'], root, { root, followOutside: false });
    expect(diagnostics.map((d) => [d.code, d.location.file, d.args.name])).toEqual([['file-name-not-utf8', 'plans/k\\xea\\xf2 hoạch.plan.yaml', 'k\\xea\\xf2 hoạch.plan.yaml']]);
    // Named on the command line, as the shell passes it (Node reads the bad bytes as U+FFFD).
    expect(discoverPlans(['plans/k\uFFFD\uFFFD hoạch.plan.yaml'], root, { root, followOutside: false }).diagnostics.map((d) => d.code)).toEqual(['file-name-not-utf8']);
  });
});
