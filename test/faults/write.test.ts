// Atomic writes under faults: a full disk, a failing rename, a build killed mid-write. The old
// output always stays whole, temporary files never outlive the failure, and stale ones from a
// killed build are removed by the next write.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireReal } from '../helpers/real.js';
import { AtomicWriter, NODE_IO, removeStaleTemporaries, temporaryPath, type WriteIo, writeAtomic } from '../../src/build/write.js';

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
  it.skipIf(!DEV_FULL)('gives write-failed and exit code 2, and the old output stays whole', async () => {
    const { runBuild } = await import('../../src/build/build.js');
    const { ROOT } = await import('../helpers/project.js');
    const project = folder();
    for (const file of ['plan.config.yaml', 'agencies.yaml']) writeFileSync(join(project, file), readFileSync(join(ROOT, file)));
    mkdirSync(join(project, 'plans'));
    const base = readFileSync(new URL('../bad-input/cases/base.plan.yaml', import.meta.url), 'utf8');
    writeFileSync(join(project, 'plans', 'base.plan.yaml'), base);
    expect((await runBuild({ cwd: project, paths: [], jobs: 1 })).exitCode).toBe(0);
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
});

describe('AtomicWriter.writeAll', () => {
  it('writes every file in order, and stops at the first that fails', () => {
    const dir = folder();
    const files = Array.from({ length: 20 }, (_, i) => ({ path: join(dir, `f${i}.txt`), bytes: bytes(`file ${i}`) }));
    expect(new AtomicWriter().writeAll(files)).toBeUndefined();
    for (const [i, file] of files.entries()) expect(readFileSync(file.path, 'utf8')).toBe(`file ${i}`);

    const failing = new Set([files[7]!.path, files[3]!.path].map((path) => temporaryPath(path)));
    const io: WriteIo = {
      ...NODE_IO,
      writeFile: (path, data) => {
        if (failing.has(path)) throw fault('ENOSPC');
        NODE_IO.writeFile(path, data);
      },
    };
    const changed = files.map((file, i) => ({ path: file.path, bytes: bytes(`new ${i}`) }));
    const failure = new AtomicWriter(io).writeAll(changed);
    expect(failure?.index).toBe(3);
    // Those before are new, the failed one and those after are as they were.
    expect(files.map((file) => readFileSync(file.path, 'utf8'))).toEqual(files.map((_, i) => (i < 3 ? `new ${i}` : `file ${i}`)));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
