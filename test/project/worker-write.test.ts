// A write that fails on a worker thread, for certain: this thread holds its first plan until the
// worker has built every other one, so the plans whose output folders cannot be made are the
// worker's. Run with the built modules (dist/), whose pool starts dist/project/worker-entry.js.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DeliveredPlan } from '../../src/project/deliver.js';
import { copyExampleProject } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';

const SEED = 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml';
const SECOND = 'plans/kon-tum-pho-bien-phap-luat-2022.plan.md';

const built = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(ROOT, 'dist', path)).href)) as T;

/** Blocks this thread (as a build does while it builds a plan) until `done` holds; throws after a minute. */
function holdUntil(done: () => boolean): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 60_000) throw new Error('the worker did not build its plans within a minute');
    Atomics.wait(cell, 0, 0, 20);
  }
}

describe('a write that fails on a worker', () => {
  it("is that plan's write-failed, with the file, and the worker goes on to the next plan", async () => {
    const project = copyExampleProject();
    for (let i = 1; i <= 2; i++) cpSync(join(project, SEED), join(project, 'plans', `ban-sao-${i}.plan.yaml`));
    // A file where each copy's output folder should be.
    mkdirSync(join(project, 'out'));
    for (let i = 1; i <= 2; i++) writeFileSync(join(project, 'out', `ban-sao-${i}`), 'không phải thư mục');

    const { loadProject } = await built<typeof import('../../src/project/project.js')>('project/project.js');
    const { PlanPool } = await built<typeof import('../../src/project/pool.js')>('project/pool.js');
    const { buildPlanFile } = await built<typeof import('../../src/project/pipeline.js')>('project/pipeline.js');
    const { deliverPlan } = await built<typeof import('../../src/project/deliver.js')>('project/deliver.js');
    const { AtomicWriter } = await built<typeof import('../../src/project/write.js')>('project/write.js');
    const loaded = loadProject(project).project!;
    const delivery = { mode: 'write' as const, outFolder: join(project, 'out'), shownFolder: 'out' };
    // This thread takes the first plan; the worker the others, in order: the two copies, then the second plan.
    const files = [SEED, 'plans/ban-sao-1.plan.yaml', 'plans/ban-sao-2.plan.yaml', SECOND].map((file) => join(project, file));
    const lastOfWorker = join(project, 'out', 'kon-tum-pho-bien-phap-luat-2022', 'kon-tum-pho-bien-phap-luat-2022.model.json');

    const builtHere: string[] = [];
    const writer = new AtomicWriter();
    const pool = new PlanPool(1, project, undefined);
    try {
      const results: Map<string, Promise<DeliveredPlan>> = pool.buildAll(files, delivery, (file) => {
        builtHere.push(file);
        holdUntil(() => existsSync(lastOfWorker));
        return deliverPlan(buildPlanFile(loaded, file), delivery, writer);
      });
      const settled = await Promise.all(files.map((file) => results.get(file)!));
      expect(builtHere).toEqual([files[0]]);
      const [seed, copy1, copy2, second] = settled;
      expect([seed!.state, copy1!.state, copy2!.state, second!.state]).toEqual(['delivered', 'unwritten', 'unwritten', 'delivered']);
      for (const [n, copy] of [copy1!, copy2!].entries()) {
        expect(copy.diagnostics.map((d) => [d.code, d.location.file])).toEqual([['write-failed', `out/ban-sao-${n + 1}/ban-sao-${n + 1}.pdf`]]);
        expect(readFileSync(join(project, 'out', `ban-sao-${n + 1}`), 'utf8')).toBe('không phải thư mục');
      }
    } finally {
      await pool.close();
    }
  });
});
