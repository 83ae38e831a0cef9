// What a build reports: each diagnostic once, in the order of the files, whatever plan found it.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/project/build.js';
import { copyExampleProject } from '../helpers/cli.js';

describe('a build report', () => {
  it('says a template mistake once, not once for each plan that uses the template', async () => {
    const project = copyExampleProject(true);
    appendFileSync(join(project, 'templates', 'plan.md.hbs'), '{{tittle}}\n');
    const report = await runBuild({ cwd: project, paths: [], jobs: 1 });
    expect(report.counts.failed).toBe(2);
    expect(report.diagnostics.filter((d) => d.code === 'template-error')).toEqual([
      expect.objectContaining({ location: expect.objectContaining({ file: 'templates/plan.md.hbs' }), args: expect.objectContaining({ mistake: 'unknown-field', field: 'tittle' }) }),
    ]);
    expect(report.exitCode).toBe(1);
  });
});

describe("a project's own words.yaml", () => {
  it('takes a phrase it lacks from the built-in one, as a copy made by an older version would', async () => {
    const project = copyExampleProject(true);
    const words = join(project, 'templates', 'words.yaml');
    const text = readFileSync(words, 'utf8');
    const without = text.replace(/^deadline:\n(?: {2}.*\n)+/m, '');
    expect(without).not.toContain('continuous:');
    writeFileSync(words, without.replace('number-line: "Số: {{number}}/{{symbol}}"', 'number-line: "Số hiệu: {{number}}/{{symbol}}"'));
    const report = await runBuild({ cwd: project, paths: [], jobs: 1 });
    expect(report.diagnostics).toEqual([]);
    // The built-in phrase for a continuous deadline (in the CSV's cells for machines; people read the written words), and the project's own number line.
    const checklist = readFileSync(join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'checklist.csv'), 'utf8');
    expect(checklist).toContain('Thường xuyên');
    expect(readFileSync(join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'extracts', 'ban-tuyen-giao-tinh-uy.md'), 'utf8')).toContain('Số hiệu:');
  });
});
