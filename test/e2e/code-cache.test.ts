// The bundle's code cache (scripts/bundle.mjs records it, bin/load-bundle.cjs hands it to V8):
// made by `npm run build` and accepted by this Node for the bundle it was made for, on the main
// thread and on a build worker thread, which runs the same bundle.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExampleProject } from '../helpers/cli.js';

const root = join(import.meta.dirname, '..', '..');
const loader = join(root, 'bin', 'load-bundle.cjs');

// In a process of its own: the loader sets the process's V8 flags, which the cache was recorded with.
const PROBE = `
const { loadBundle } = require(${JSON.stringify(loader)});
const { Worker } = require('node:worker_threads');
const main = loadBundle().cacheRejected;
const worker = new Worker('require("node:worker_threads").parentPort.postMessage(require(' + JSON.stringify(${JSON.stringify(loader)}) + ').loadBundle().cacheRejected)', { eval: true });
worker.on('message', (rejected) => { console.log(JSON.stringify({ main, worker: rejected })); worker.terminate(); });
`;

describe('code cache', () => {
  it('is recorded with the bundle and accepted by V8 on the main thread and a worker', () => {
    expect(existsSync(join(root, 'dist', 'bundle', 'main.cache'))).toBe(true);
    const result = JSON.parse(execFileSync(process.execPath, ['-e', PROBE], { encoding: 'utf8' })) as { main: boolean; worker: boolean };
    expect(result).toEqual({ main: false, worker: false });
  });

  it('is refused under other V8 flags, and the CLI compiles as usual', () => {
    // A flag that changes the code V8 makes: the cache recorded without it does not fit.
    const flag = '--no-lazy-feedback-allocation';
    const result = JSON.parse(execFileSync(process.execPath, [flag, '-e', PROBE], { encoding: 'utf8' })) as { main: boolean; worker: boolean };
    expect(result.main).toBe(true);
    const project = copyExampleProject();
    const check = spawnSync(process.execPath, [flag, join(root, 'bin', 'plan.cjs'), 'check'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', GITHUB_ACTIONS: '' } });
    expect(check.status, check.stderr).toBe(0);
  });
});
