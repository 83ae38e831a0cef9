/**
 * One build at a time in an output folder. A clerk who keeps `plan watch` running and also runs
 * `plan build`, or two terminals, would otherwise build the same plans twice, each reading the
 * cache before the other wrote it: the last to finish decides what the cache says, while the
 * outputs on disk may be the other's. So a build holds a lock file in the output folder while it
 * reads the cache, writes and records, and a second build waits for it, then finds what the first
 * built up to date. `--check`, which writes nothing, waits too but takes no lock.
 *
 * A lock is the holder's process and machine, and a time the holder renews while it runs. It is
 * stale, and taken over, when its process is gone (on this machine), or when it has not been
 * renewed for a while (a machine that restarted and gave the number to another process, a lock
 * of another machine on a shared folder, one committed by mistake and checked out by CI). A lock
 * whose time cannot be trusted (in the future: another machine's clock ahead, a folder unpacked
 * with future times) or that is not this tool's is judged by the waiting build's own clock: stale
 * once it has stood unchanged for as long, since a holder that runs rewrites it every few seconds.
 * A build killed mid-way thus holds up no other, and every wait ends.
 *
 * Locks are not outputs: the time in one is the clock's, and it never reaches a document.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { replaceFile } from './write.js';

/** Name of the lock file inside the output folder. */
export const LOCK_FILE = '.plan-build.lock';

/** Who holds a lock, as the waiting build tells the clerk. */
export interface LockHolder {
  pid: number;
  /** The holder's machine, when it is another one (a folder shared over the network). */
  host?: string;
}

interface LockRecord {
  pid: number;
  host: string;
  /** Tells this holder's lock from a later one of the same process. */
  token: string;
  /** When the holder last renewed the lock (ms since 1970, the clock). */
  renewed: number;
}

/** A lock held by this build, or none (see lockOutputFolder). */
export interface HeldLock {
  release(): void;
}

export interface LockOptions {
  /** Take the lock (a build that writes), or only wait until nobody holds it (--check). */
  take: boolean;
  /** Called once, when the build starts waiting; with the holder, when its lock says who it is. */
  onWait?: (holder: LockHolder | undefined) => void;
}

/** The file operations and facts a lock uses; tests pass their own clock, machine and processes. */
export interface LockIo {
  now(): number;
  host: string;
  pid: number;
  /** Whether a process of this machine is running. */
  running(pid: number): boolean;
  sleep(ms: number): Promise<void>;
}

const NODE_LOCK_IO: LockIo = {
  now: () => Date.now(),
  host: hostname(),
  pid: process.pid,
  running: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it runs, as another user.
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// The holder renews its lock this often, and a lock not renewed for STALE_MS is stale. A build's
// thread turns to its timers at least between plans, and a plan takes well under a second.
const RENEW_MS = 5_000;
const STALE_MS = 30_000;
// How often a waiting build looks again.
const POLL_MS = 100;

/**
 * Waits until no other build holds the output folder's lock, then (with `take`) takes it. A lock
 * that cannot be written (a read-only folder) is no reason to stop: the build's own writes report
 * what is wrong with the folder, and a build that has nothing to write needs no lock.
 */
export async function lockOutputFolder(outFolder: string, options: LockOptions, io: LockIo = NODE_LOCK_IO): Promise<HeldLock | undefined> {
  const path = join(outFolder, LOCK_FILE);
  let waiting = false;
  // The lock as this build first read it, and when by its own clock: one that stays the same that
  // long is stale, whatever time it states.
  let watched = { text: '', since: io.now() };
  const look = () => {
    const read = readLock(path, io);
    if (read.text !== watched.text) watched = { text: read.text, since: io.now() };
    return read.holder !== 'free' && io.now() - watched.since > STALE_MS ? 'stale' : read.holder;
  };
  for (;;) {
    const holder = look();
    if (holder === 'free' || holder === 'stale') {
      if (!options.take) return undefined;
      const record: LockRecord = { pid: io.pid, host: io.host, token: randomBytes(8).toString('hex'), renewed: io.now() };
      // A stale lock is replaced, not removed first: it must not be gone for a moment, for a
      // third build to take.
      if (holder === 'stale' ? replaceLock(path, record) : createLock(path, record)) {
        // Two builds that find one stale lock both replace it, and the one whose lock is then
        // there holds it (two that do so at the very same moment may both go on, as without a lock).
        if (stillOurs(path, record)) return holdLock(path, record, io);
        continue;
      }
      // Another build took it since it was read (wait for it), or the folder cannot hold a lock:
      // free or stale as it was, it cannot be taken.
      const now = look();
      if (now === 'free' || now === 'stale') return undefined;
      continue;
    }
    if (!waiting) {
      waiting = true;
      options.onWait?.(holder === 'unknown' ? undefined : holder);
    }
    await io.sleep(POLL_MS);
  }
}

/**
 * The lock's holder, with the lock's text ('' when there is none); 'unknown' for a lock that does
 * not say (one being written, or not this tool's); 'free' when there is no lock, or 'stale' when
 * its holder is gone.
 */
function readLock(path: string, io: LockIo): { holder: LockHolder | 'unknown' | 'free' | 'stale'; text: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { holder: 'free', text: '' };
  }
  const record = parseRecord(text);
  if (!record) {
    // Not a lock this tool wrote, or one cut short by a crash: stale once it is old.
    try {
      return { holder: io.now() - statSync(path).mtimeMs > STALE_MS ? 'stale' : 'unknown', text };
    } catch {
      return { holder: 'free', text: '' };
    }
  }
  if (io.now() - record.renewed > STALE_MS) return { holder: 'stale', text };
  if (record.host === io.host && !io.running(record.pid)) return { holder: 'stale', text };
  return { holder: record.host === io.host ? { pid: record.pid } : { pid: record.pid, host: record.host }, text };
}

function parseRecord(text: string): LockRecord | undefined {
  let value: Partial<LockRecord>;
  try {
    value = JSON.parse(text) as Partial<LockRecord>;
  } catch {
    return undefined;
  }
  const { pid, host, token, renewed } = value ?? {};
  const valid = typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 0 && typeof host === 'string' && typeof token === 'string' && typeof renewed === 'number';
  return valid ? { pid, host, token, renewed } : undefined;
}

const recordText = (record: LockRecord): string => `${JSON.stringify(record)}\n`;

/** Creates the lock file if there is none; false when there is one, or it cannot be written. */
function createLock(path: string, record: LockRecord): boolean {
  try {
    writeFileSync(path, recordText(record), { flag: 'wx' });
    return true;
  } catch {
    return false;
  }
}

/** Writes the lock whole, over what is there (a stale lock, or this holder's own). */
function replaceLock(path: string, record: LockRecord): boolean {
  try {
    replaceFile(path, new TextEncoder().encode(recordText(record)));
    return true;
  } catch {
    return false;
  }
}

/** Whether the lock on disk is still this one (another build takes over a lock it finds stale). */
function stillOurs(path: string, record: LockRecord): boolean {
  try {
    return parseRecord(readFileSync(path, 'utf8'))?.token === record.token;
  } catch {
    return false;
  }
}

function holdLock(path: string, record: LockRecord, io: LockIo): HeldLock {
  // Renewed while the build runs; the timer does not keep the process alive.
  const renewal = setInterval(() => {
    if (stillOurs(path, record)) replaceLock(path, { ...record, renewed: io.now() });
  }, RENEW_MS);
  renewal.unref();
  const release = () => {
    clearInterval(renewal);
    process.off('exit', release);
    if (!stillOurs(path, record)) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing to release.
    }
  };
  // A process that exits mid-build (`plan watch` stopped while it rebuilds) leaves no lock behind.
  process.once('exit', release);
  return { release };
}
