// Atomic writes under faults: a full disk, a failing rename, a build killed mid-write. The old
// output always stays whole, temporary files never outlive the failure, and stale ones from a
// killed build are removed by the next write.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireReal } from '../helpers/real.js';
import { AtomicWriter, NODE_IO, removeStaleTemporaries, temporaryPath, type WriteIo, writeAtomic } from '../../src/project/write.js';

const folder = () => mkdtempSync(join(tmpdir(), 'plan-write-'));
const bytes = (text: string) => new TextEncoder().encode(text);
const fault = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** A device on which every write fails with ENOSPC: Linux has it (required there under CI); elsewhere its tests are skipped, visibly. */
const DEV_FULL = process.platform === 'linux' ? requireReal('/dev/full', existsSync('/dev/full'), 'Linux makes it: mknod -m 666 /dev/full c 1 7') : existsSync('/dev/full');

/** A process id that is not running: far above any real one. */
const DEAD_PID = 2 ** 22 + 12_345;

describe('writeAtomic', () => {
  it('replaces a file whole, and leaves an unchanged one untouched', () => {
    const dir = folder();
    const target = join(dir, 'x', 'plan.pdf');
    expect(writeAtomic(target, bytes('one'))).toBe(true);
    expect(writeAtomic(target, bytes('one'))).toBe(false);
    expect(writeAtomic(target, bytes('two'))).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'x'))).toEqual(['plan.pdf']);
  });

  it.skipIf(!DEV_FULL)('on a full disk (/dev/full): throws ENOSPC, removes its temporary file, keeps the old output', () => {
    const dir = folder();
    const target = join(dir, 'plan.pdf');
    writeFileSync(target, 'old');
    // The temporary name this process writes under leads to /dev/full, where every write fails.
    symlinkSync('/dev/full', temporaryPath(target));
    expect(() => writeAtomic(target, bytes('new'))).toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['plan.pdf']);
  });

  it('when writing or renaming fails: the same, with any error', () => {
    for (const failing of ['writeFile', 'rename'] as const) {
      const dir = folder();
      const target = join(dir, 'plan.pdf');
      writeFileSync(target, 'old');
      const io: WriteIo = {
        ...NODE_IO,
        [failing]: (...args: [string, never]) => {
          if (failing === 'writeFile') NODE_IO.writeFile(args[0], bytes('half'));
          throw fault(failing === 'writeFile' ? 'ENOSPC' : 'EXDEV');
        },
      };
      expect(() => writeAtomic(target, bytes('new'), io)).toThrow(/simulated/);
      expect(readFileSync(target, 'utf8')).toBe('old');
      expect(readdirSync(dir), failing).toEqual(['plan.pdf']);
    }
  });

  it('when the folder cannot be made (a file stands where it should be)', () => {
    const dir = folder();
    writeFileSync(join(dir, 'out'), 'a file');
    expect(() => writeAtomic(join(dir, 'out', 'plan.pdf'), bytes('new'))).toThrow(/EEXIST|ENOTDIR/);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('a file');
  });
});

describe('temporary files left by a killed build', () => {
  it('are named beside the file they become, hidden, with the process id', () => {
    expect(temporaryPath(join('/out', 'k', 'k.pdf'), 42)).toBe(join('/out', 'k', '.k.pdf.42.tmp'));
    expect(temporaryPath('k.pdf', 42)).toBe('.k.pdf.42.tmp');
  });

  it('are removed by the next write into their folder, unless their process still runs', () => {
    const dir = folder();
    mkdirSync(join(dir, 'x'));
    const stale = temporaryPath(join(dir, 'x', 'plan.pdf'), DEAD_PID);
    const live = temporaryPath(join(dir, 'x', 'other.pdf'), process.ppid);
    writeFileSync(stale, 'half a pdf');
    writeFileSync(live, 'being written');
    writeFileSync(join(dir, 'x', '.keep.tmp'), 'not ours');
    writeAtomic(join(dir, 'x', 'plan.pdf'), bytes('whole'));
    expect(readdirSync(join(dir, 'x')).sort()).toEqual(['.keep.tmp', `.other.pdf.${process.ppid}.tmp`, 'plan.pdf']);
    expect(removeStaleTemporaries(join(dir, 'x'))).toEqual([]);
  });
});

describe('a disk that fills during a build', () => {
  /** A project with the corpus's base plan, built. */
  const builtBase = async () => {
    const { runBuild } = await import('../../src/project/build.js');
    const { ROOT } = await import('../helpers/project.js');
    const project = folder();
    for (const file of ['plan.config.yaml', 'agencies.yaml']) writeFileSync(join(project, file), readFileSync(join(ROOT, file)));
    mkdirSync(join(project, 'plans'));
    const base = readFileSync(new URL('../bad-input/cases/base.plan.yaml', import.meta.url), 'utf8');
    writeFileSync(join(project, 'plans', 'base.plan.yaml'), base);
    expect((await runBuild({ cwd: project, paths: [], jobs: 1 })).exitCode).toBe(0);
    return { runBuild, project, base };
  };

  it.skipIf(!DEV_FULL)('gives write-failed and exit code 2, and the old output stays whole', async () => {
    const { runBuild, project, base } = await builtBase();
    const pdf = join(project, 'out', 'base', 'base.pdf');
    const old = readFileSync(pdf);

    writeFileSync(join(project, 'plans', 'base.plan.yaml'), base.replace('Thử nghiệm dữ liệu hỏng', 'Thử nghiệm đĩa đầy'));
    symlinkSync('/dev/full', temporaryPath(pdf));
    const report = await runBuild({ cwd: project, paths: [], jobs: 1 });
    expect(report.exitCode).toBe(2);
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ code: 'write-failed', location: { file: 'out/base/base.pdf' } }));
    expect(String(report.diagnostics.find((d) => d.code === 'write-failed')?.args.reason)).toMatch(/ENOSPC/);
    expect(readFileSync(pdf)).toEqual(old);
    expect(readdirSync(join(project, 'out', 'base')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it.skipIf(!DEV_FULL)("when an extract fails to write, none of the plan's outputs is new, and the message says so", async () => {
    const { runBuild, project, base } = await builtBase();
    const { wording } = await import('../../src/diagnostics/messages.js');
    const { folderSnapshot } = await import('../bad-input/snapshot.js');
    const outputs = join(project, 'out', 'base');
    const extract = readdirSync(join(outputs, 'extracts')).find((name) => name.endsWith('.pdf'))!;
    const before = folderSnapshot(outputs);

    writeFileSync(join(project, 'plans', 'base.plan.yaml'), base.replace('Thử nghiệm dữ liệu hỏng', 'Thử nghiệm đĩa đầy'));
    // The plan's PDF, DOCX and model are written before its extracts.
    symlinkSync('/dev/full', temporaryPath(join(outputs, 'extracts', extract)));
    const report = await runBuild({ cwd: project, paths: [], jobs: 1 });
    expect(report.exitCode).toBe(2);
    const failed = report.diagnostics.find((d) => d.code === 'write-failed')!;
    expect(failed.location.file).toBe(`out/base/extracts/${extract}`);
    expect(wording('write-failed', failed.args, 'vi').hint).toContain('Không tệp nào trong out/base bị thay: thư mục vẫn giữ nguyên kết quả của lần dựng trước.');
    // Bar the link this test put there, the folder is byte for byte as the last build left it.
    expect(folderSnapshot(outputs)).toEqual(before);
  });
});

describe('AtomicWriter.writeAll', () => {
  const twenty = (dir: string) => Array.from({ length: 20 }, (_, i) => ({ path: join(dir, i % 2 ? 'sub' : '', `f${i}.txt`), bytes: bytes(`file ${i}`) }));
  const contents = (files: { path: string }[]) => files.map((file) => (existsSync(file.path) ? readFileSync(file.path, 'utf8') : null));
  const temporaries = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.tmp'));

  it('replaces every file, or none: a write that fails leaves all as they were, and no temporary file', () => {
    const dir = folder();
    const files = twenty(dir);
    expect(new AtomicWriter().writeAll(files)).toBeUndefined();
    expect(contents(files)).toEqual(files.map((_, i) => `file ${i}`));

    const failing = new Set([files[7]!.path, files[3]!.path].map((path) => temporaryPath(path)));
    const io: WriteIo = {
      ...NODE_IO,
      writeFile: (path, data) => {
        if (failing.has(path)) throw fault('ENOSPC');
        NODE_IO.writeFile(path, data);
      },
    };
    const changed = [...files.map((file, i) => ({ path: file.path, bytes: bytes(`new ${i}`) })), { path: join(dir, 'moi.txt'), bytes: bytes('new') }];
    const failure = new AtomicWriter(io).writeAll(changed);
    expect(failure).toMatchObject({ index: 3, replaced: [] });
    // Those before the failure are old too: nothing was renamed into place.
    expect(contents(changed)).toEqual([...files.map((_, i) => `file ${i}`), null]);
    expect(temporaries(dir)).toEqual([]);
  });

  it('a rename that fails midway puts back the files renamed before it, and removes a file that was not there', () => {
    const dir = folder();
    const files = twenty(dir);
    new AtomicWriter().writeAll(files);
    const changed = [{ path: join(dir, 'moi.txt'), bytes: bytes('new') }, ...files.map((file, i) => ({ path: file.path, bytes: bytes(`new ${i}`) }))];
    let renames = 0;
    const io: WriteIo = {
      ...NODE_IO,
      rename: (from, to) => {
        // The tenth file is held open by Word.
        if (++renames === 10) throw fault('EBUSY');
        NODE_IO.rename(from, to);
      },
    };
    expect(new AtomicWriter(io).writeAll(changed)).toMatchObject({ index: 9, replaced: [] });
    expect(contents(changed)).toEqual([null, ...files.map((_, i) => `file ${i}`)]);
    expect(temporaries(dir)).toEqual([]);
  });

  it('says which files stay new when putting them back fails too', () => {
    const dir = folder();
    const files = twenty(dir).slice(0, 4);
    new AtomicWriter().writeAll(files);
    let renames = 0;
    const io: WriteIo = {
      ...NODE_IO,
      rename: (from, to) => {
        renames++;
        // The third rename fails, and so does putting back the first file.
        if (renames === 3 || (renames > 3 && to === files[0]!.path)) throw fault('EBUSY');
        NODE_IO.rename(from, to);
      },
    };
    const failure = new AtomicWriter(io).writeAll(files.map((file, i) => ({ path: file.path, bytes: bytes(`new ${i}`) })));
    expect(failure).toMatchObject({ index: 2, replaced: [0] });
    expect(contents(files)).toEqual(['new 0', 'file 1', 'file 2', 'file 3']);
  });
});
