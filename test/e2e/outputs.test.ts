// The formats a project asks for in plan.config.yaml: only those are written, and switching one
// off removes what earlier builds wrote of it.
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/project/build.js';
import { copyExampleProject, folderState, plan, planFails } from '../helpers/cli.js';

const SEED = 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml';

function files(folder: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else if (!entry.startsWith('.')) out.push(relative(folder, path));
    }
  };
  visit(folder);
  return out.sort();
}

describe('outputs in plan.config.yaml', () => {
  it('writes the formats asked for, and removes those no longer asked for', () => {
    const project = copyExampleProject();
    expect(plan(['build', '--jobs', '1', SEED], project).code).toBe(0);
    const all = files(join(project, 'out'));
    expect(all.filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(20);

    appendFileSync(join(project, 'plan.config.yaml'), '\noutputs:\n  plan: [pdf]\n  extracts: [md]\n  checklists: []\n');
    const run = plan(['build', '--jobs', '1', SEED], project);
    expect(run.code, run.stderr).toBe(0);
    const some = files(join(project, 'out'));
    const id = 'kon-tum-ngay-toan-dan-pcmbn-2021';
    const extracts = all.filter((f) => f.startsWith(`${id}/extracts/`) && /\/[a-z0-9-]+\.md$/.test(f) && !f.endsWith('.checklist.md'));
    expect(extracts.length).toBeGreaterThan(20);
    expect(some).toEqual([`${id}/${id}.pdf`, ...extracts].sort());
  });

  it('refuses a format that does not exist, naming the ones that do', () => {
    const project = copyExampleProject();
    appendFileSync(join(project, 'plan.config.yaml'), '\noutputs:\n  plan: [pdf, doc]\n');
    const run = planFails(1, ['build', '--jobs', '1'], project);
    expect(run.stderr).toMatch(/plan\.config\.yaml:\d+:\d+/);
    expect(run.stderr).toContain('pdf, docx, json');
  });
});

describe('outputs built on another day', () => {
  afterEach(() => vi.useRealTimers());

  it('are the same bytes: a build never reads the clock', async () => {
    const outputsOn = async (day: string | undefined) => {
      const project = copyExampleProject();
      if (day !== undefined) vi.useFakeTimers({ toFake: ['Date'], now: new Date(day) });
      const report = await runBuild({ cwd: project, paths: [], jobs: 1 });
      vi.useRealTimers();
      expect(report.exitCode).toBe(0);
      return folderState(join(project, 'out'));
    };
    const today = await outputsOn(undefined);
    expect(Object.keys(today).length).toBeGreaterThan(200);
    expect(await outputsOn('2031-02-28T23:59:30+07:00')).toEqual(today);
  });
});
