// A fault of the tool while one plan is built (a bug that throws, here in this thread with
// --jobs 1): that plan is reported, and the others are still built and recorded in the cache.
// A worker that dies (out of memory) takes the same path in build.ts, through the pool's
// rejection; this test does not start a worker.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/project/build.js';
import { copyExampleProject } from '../helpers/cli.js';

vi.mock('../../src/project/pipeline.js', async (original) => {
  const pipeline = await original<typeof import('../../src/project/pipeline.js')>();
  return {
    ...pipeline,
    buildPlanFile: (...args: Parameters<typeof pipeline.buildPlanFile>) => {
      if (args[1].endsWith('.plan.md')) throw new TypeError("Cannot read properties of undefined (reading 'width')");
      return pipeline.buildPlanFile(...args);
    },
  };
});

describe('a plan whose build fails inside the tool', () => {
  it('is reported at its file, and the other plans are built and recorded (a throw in the main thread)', async () => {
    const project = copyExampleProject();
    const report = await runBuild({ cwd: project, paths: [], jobs: 1 });
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        code: 'build-crashed',
        severity: 'error',
        location: { file: 'plans/kon-tum-pho-bien-phap-luat-2022.plan.md' },
        args: { detail: "Cannot read properties of undefined (reading 'width')" },
      }),
    ]);
    expect(report.exitCode).toBe(2);
    expect(report.counts).toEqual({ built: 1, cached: 0, failed: 1 });
    expect(existsSync(join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'kon-tum-ngay-toan-dan-pcmbn-2021.pdf'))).toBe(true);
    const cache = JSON.parse(readFileSync(join(project, 'out', '.plan-cache.json'), 'utf8')) as { plans: Record<string, unknown> };
    expect(Object.keys(cache.plans)).toEqual(['plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml']);
  });
});
