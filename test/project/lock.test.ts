// One build at a time in an output folder: a second waits while the first runs, and takes over a
// lock whose holder is gone; --check waits without taking one.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/project/build.js';
import { LOCK_FILE, type LockHolder, type LockIo, lockOutputFolder } from '../../src/project/lock.js';
import { temporaryPath } from '../../src/project/write.js';
import { copyExampleProject } from '../helpers/cli.js';

const NOW = 1_800_000_000_000;

/** A machine "here" where processes 100 (this build) and `running` run; `sleep` runs `onSleep` (the other build's doing). */
function machine(running: number[] = [], onSleep: (slept: number) => unknown = () => {}): LockIo & { slept: number } {
  const io = {
    now: () => NOW,
    host: 'here',
    pid: 100,
    running: (pid: number) => pid === 100 || running.includes(pid),
    slept: 0,
    sleep: async () => {
      io.slept++;
      onSleep(io.slept);
    },
  };
  return io;
}

function folderLockedBy(record: object | string): string {
  const out = mkdtempSync(join(tmpdir(), 'plan-lock-'));
  writeFileSync(join(out, LOCK_FILE), typeof record === 'string' ? record : JSON.stringify(record));
  return out;
}

const lockIn = (out: string) => JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')) as { pid: number; host: string; renewed: number };

afterEach(() => {
  vi.useRealTimers();
});

describe('lockOutputFolder', () => {
  it('takes a free folder at once, and releasing it removes the lock', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-lock-'));
    const io = machine();
    const lock = await lockOutputFolder(out, { take: true }, io);
    expect(lockIn(out)).toMatchObject({ pid: 100, host: 'here', renewed: NOW });
    lock!.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    expect(io.slept).toBe(0);
  });

  it('waits while a running build of this machine holds it, says so once, then takes it', async () => {
    const out = folderLockedBy({ pid: 200, host: 'here', token: 'other', renewed: NOW - 1000 });
    const waits: (LockHolder | undefined)[] = [];
    // The other build ends after three looks.
    const io = machine([200], (slept) => slept === 3 && unlinkSync(join(out, LOCK_FILE)));
    const lock = await lockOutputFolder(out, { take: true, onWait: (holder) => waits.push(holder) }, io);
    expect(io.slept).toBe(3);
    expect(waits).toEqual([{ pid: 200 }]);
    expect(lockIn(out).pid).toBe(100);
    lock!.release();
  });

  it('takes over a lock whose process is gone, without waiting', async () => {
    const out = folderLockedBy({ pid: 200, host: 'here', token: 'other', renewed: NOW - 1000 });
    const onWait = vi.fn();
    const lock = await lockOutputFolder(out, { take: true, onWait }, machine());
    expect(onWait).not.toHaveBeenCalled();
    expect(lockIn(out).pid).toBe(100);
    lock!.release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it("waits for another machine's build while it renews its lock, naming the machine", async () => {
    const out = folderLockedBy({ pid: 200, host: 'may-2', token: 'other', renewed: NOW - 1000 });
    const waits: (LockHolder | undefined)[] = [];
    // The other machine stops renewing it after two looks.
    const io = machine([], (slept) => slept === 2 && writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 200, host: 'may-2', token: 'other', renewed: NOW - 60_000 })));
    const lock = await lockOutputFolder(out, { take: true, onWait: (holder) => waits.push(holder) }, io);
    // Not renewed for a minute: the other machine's build is gone.
    expect(io.slept).toBe(2);
    expect(waits).toEqual([{ pid: 200, host: 'may-2' }]);
    expect(lockIn(out)).toMatchObject({ pid: 100, host: 'here' });
    lock!.release();
  });

  it('takes over a lock not renewed for a while, whatever process has its number now', async () => {
    // A restart gave the number to another process, or the lock was committed and checked out.
    const out = folderLockedBy({ pid: 200, host: 'here', token: 'other', renewed: NOW - 31_000 });
    const lock = await lockOutputFolder(out, { take: true }, machine([200]));
    expect(lockIn(out).pid).toBe(100);
    lock!.release();
  });

  it('waits on a lock that does not say who holds it, until it is old', async () => {
    const out = folderLockedBy('');
    const waits: (LockHolder | undefined)[] = [];
    const old = new Date(Date.now() - 60_000);
    const io = machine([], (slept) => slept === 2 && utimesSync(join(out, LOCK_FILE), old, old));
    io.now = () => Date.now();
    const lock = await lockOutputFolder(out, { take: true, onWait: (holder) => waits.push(holder) }, io);
    expect(io.slept).toBe(2);
    expect(waits).toEqual([undefined]);
    expect(lockIn(out).pid).toBe(100);
    lock!.release();
  });

  it('takes over a lock from the future (another clock ahead) once it stood unchanged for 30 s of local time', async () => {
    const out = folderLockedBy({ pid: 200, host: 'may-2', token: 'other', renewed: NOW + 3_600_000 });
    const io = machine();
    // Each look is 100 ms later by this machine's clock.
    io.now = () => NOW + io.slept * 100;
    const lock = await lockOutputFolder(out, { take: true }, io);
    expect(io.slept).toBe(301);
    expect(lockIn(out)).toMatchObject({ pid: 100, host: 'here' });
    lock!.release();
  });

  it('the same for a lock of unknown shape with a future time, and for --check', async () => {
    const out = folderLockedBy('not a lock');
    const future = new Date(NOW + 3_600_000);
    utimesSync(join(out, LOCK_FILE), future, future);
    const io = machine();
    io.now = () => NOW + io.slept * 100;
    expect(await lockOutputFolder(out, { take: false }, io)).toBeUndefined();
    expect(io.slept).toBe(301);
  });

  it('keeps waiting on a future lock while its holder renews it', async () => {
    const out = folderLockedBy({ pid: 200, host: 'may-2', token: 'other', renewed: NOW + 3_600_000 });
    const io = machine([], (slept) => {
      // The holder renews every 5 s for a minute, then ends.
      if (slept === 600) unlinkSync(join(out, LOCK_FILE));
      else if (slept % 50 === 0) writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 200, host: 'may-2', token: 'other', renewed: NOW + 3_600_000 + slept * 100 }));
    });
    io.now = () => NOW + io.slept * 100;
    const lock = await lockOutputFolder(out, { take: true }, io);
    expect(io.slept).toBe(600);
    lock!.release();
  });

  it('with --check, waits but takes no lock', async () => {
    const out = folderLockedBy({ pid: 200, host: 'here', token: 'other', renewed: NOW });
    const io = machine([200], () => unlinkSync(join(out, LOCK_FILE)));
    expect(await lockOutputFolder(out, { take: false }, io)).toBeUndefined();
    expect(io.slept).toBe(1);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
  });

  it('goes on without a lock where none can be written', async () => {
    const io = machine();
    expect(await lockOutputFolder(join(tmpdir(), 'plan-lock-no-such-folder', 'out'), { take: true }, io)).toBeUndefined();
    expect(io.slept).toBe(0);
    // A stale lock that cannot be replaced (a read-only folder; here, for any user, a folder
    // where the new lock would be written): left as it is.
    const out = folderLockedBy({ pid: 200, host: 'here', token: 'other', renewed: NOW - 1000 });
    mkdirSync(temporaryPath(join(out, LOCK_FILE)));
    expect(await lockOutputFolder(out, { take: true }, io)).toBeUndefined();
    expect(lockIn(out).pid).toBe(200);
  });

  it('is released when the process exits while it is held', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-lock-'));
    const before = process.listeners('exit');
    const lock = await lockOutputFolder(out, { take: true }, machine());
    const added = process.listeners('exit').filter((listener) => !before.includes(listener));
    expect(added).toHaveLength(1);
    added[0]!(0);
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);
    expect(process.listeners('exit')).toEqual(before);
    lock!.release();
  });

  it('releases only its own lock, and renews it while held', async () => {
    vi.useFakeTimers();
    const out = mkdtempSync(join(tmpdir(), 'plan-lock-'));
    let now = NOW;
    const io = machine();
    io.now = () => now;
    const lock = await lockOutputFolder(out, { take: true }, io);
    now += 5000;
    vi.advanceTimersByTime(5000);
    expect(lockIn(out).renewed).toBe(NOW + 5000);
    // Another build took it over (this one looked gone).
    writeFileSync(join(out, LOCK_FILE), JSON.stringify({ pid: 300, host: 'here', token: 'other', renewed: now }));
    now += 5000;
    vi.advanceTimersByTime(5000);
    lock!.release();
    expect(lockIn(out)).toMatchObject({ pid: 300, renewed: NOW + 5000 });
  });
});

describe('two builds in one output folder', () => {
  it('run one after the other: the second finds what the first built up to date', async () => {
    const project = copyExampleProject();
    const waits: unknown[] = [];
    const [first, second] = await Promise.all([
      runBuild({ cwd: project, paths: [], jobs: 1 }),
      runBuild({ cwd: project, paths: [], jobs: 1, onWait: (wait) => waits.push(wait) }),
    ]);
    expect(first.counts).toEqual({ built: 2, cached: 0, failed: 0 });
    expect(waits).toEqual([{ folder: 'out', holder: { pid: process.pid } }]);
    expect(second.counts).toEqual({ built: 0, cached: 2, failed: 0 });
    expect(existsSync(join(project, 'out', LOCK_FILE))).toBe(false);
  });
});
