// Plans shared out among builders through shared memory: each plan is taken exactly once, by one
// builder, however the threads interleave, and who took which is known.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { builderCount } from '../../src/project/build.js';
import { MAIN_THREAD, newClaims, takeNext, takenBy } from '../../src/project/claims.js';

describe('claims', () => {
  it('hands out every plan once, in order, then -1', () => {
    const claims = newClaims(3);
    expect([takeNext(claims, MAIN_THREAD), takeNext(claims, 1), takeNext(claims, MAIN_THREAD), takeNext(claims, 1)]).toEqual([0, 1, 2, -1]);
    expect(takenBy(claims, MAIN_THREAD)).toEqual([0, 2]);
    expect(takenBy(claims, 1)).toEqual([1]);
  });

  it('gives each plan to exactly one of several threads taking at once', async () => {
    const plans = 200_000;
    const claims = newClaims(plans);
    // gate[0]: threads ready; gate[1]: go; gate[2]: threads that have taken their first plan. Every
    // thread waits at the gate until all four are ready, and goes on past its first plan only when
    // each has taken one, so that the four race for the rest even on a busy machine. (When only
    // this thread waited, two workers once took all the plans while the third was not yet
    // running: a full test run on two cores.)
    const gate = new Int32Array(new SharedArrayBuffer(12));
    // The same takeNext, compiled, on three threads, racing this one.
    const url = new URL('../../dist/project/claims.js', import.meta.url).href;
    const code = `const { parentPort, workerData } = require('node:worker_threads');
      import(${JSON.stringify(url)}).then(({ takeNext }) => {
        const { claims, gate, who } = workerData;
        Atomics.add(gate, 0, 1);
        Atomics.wait(gate, 1, 0);
        let n = 0;
        while (takeNext(claims, who) >= 0) {
          if (++n > 1) continue;
          Atomics.add(gate, 2, 1);
          Atomics.notify(gate, 2);
          for (let seen = Atomics.load(gate, 2); seen < 4; seen = Atomics.load(gate, 2)) Atomics.wait(gate, 2, seen, 100);
        }
        parentPort.postMessage(n);
      });`;
    const counts = [1, 2, 3].map((who) => new Promise<number>((resolve, reject) => new Worker(code, { eval: true, workerData: { claims, gate, who } }).once('message', resolve).once('error', reject)));
    while (Atomics.load(gate, 0) < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    Atomics.store(gate, 1, 1);
    Atomics.notify(gate, 1);
    let here = 0;
    if (takeNext(claims, MAIN_THREAD) >= 0) here++;
    Atomics.add(gate, 2, 1);
    Atomics.notify(gate, 2);
    for (const deadline = Date.now() + 10_000; Atomics.load(gate, 2) < 4 && Date.now() < deadline; );
    expect(Atomics.load(gate, 2)).toBe(4);
    while (takeNext(claims, MAIN_THREAD) >= 0) here++;
    const theirs = await Promise.all(counts);
    expect(here + theirs.reduce((a, b) => a + b, 0)).toBe(plans);
    const owners = [MAIN_THREAD, 1, 2, 3].map((who) => takenBy(claims, who));
    expect(owners.map((taken) => taken.length)).toEqual([here, ...theirs]);
    expect(owners.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: plans }, (_, i) => i));
  });
});

describe('how many threads build (--jobs)', () => {
  it('by default one per core while each gets at least 5 plans; a smaller build, and --jobs 1, in the main thread alone', () => {
    const cores = 4;
    expect([1, 4, 9].map((plans) => builderCount(undefined, plans, cores))).toEqual([0, 0, 1]);
    expect([10, 14, 15, 19, 20, 400].map((plans) => builderCount(undefined, plans, cores))).toEqual([2, 2, 3, 3, 4, 4]);
    // As many as asked, never more than the plans.
    expect(builderCount(1, 400, cores)).toBe(1);
    expect(builderCount(3, 2, cores)).toBe(2);
    expect(builderCount(8, 400, cores)).toBe(8);
  });
});
