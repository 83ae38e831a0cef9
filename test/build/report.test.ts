// What a build reports: each diagnostic once, in the order of the files, whatever plan found it.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build/build.js';
import { copyExampleProject } from '../helpers/cli.js';

describe('a build report', () => {
  it('says a template mistake once, not once for each plan that uses the template', async () => {
    const project = copyExampleProject(true);
    appendFileSync(join(project, 'templates', 'plan.md.hbs'), '{{tittle}}\n');
    const report = await runBuild({ cwd: project, paths: [], jobs: 1 });
    expect(report.counts.failed).toBe(2);
    expect(report.diagnostics.filter((d) => d.code === 'template-error')).toEqual([
      expect.objectContaining({ location: expect.objectContaining({ file: 'templates/plan.md.hbs' }), args: { detail: '"tittle" is not a known field or helper' } }),
    ]);
    expect(report.exitCode).toBe(1);
  });
});
