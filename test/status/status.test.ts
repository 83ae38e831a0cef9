// `plan status` through the CLI on a copy of the example project with a progress file, and the
// build's manifest listing extracts and checklists.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyExampleProject, hasStackTrace, plan, planFails } from '../helpers/cli.js';

const SEED = 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml';
const PROGRESS = 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.progress.yaml';
let dir: string;

beforeAll(() => {
  dir = copyExampleProject();
  writeFileSync(
    join(dir, PROGRESS),
    [
      'as-of: 2021-08-10',
      'tasks:',
      '  danh-gia-thuc-thi-luat: { status: done, date: 2021-07-30 }',
      '  thong-tin-bao-chi: { status: done, date: 2021-08-05, note: Gửi chậm }',
      '  khen-thuong: in-progress',
      '',
    ].join('\n'),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('plan status', () => {
  it('lists overdue tasks by lead agency on a fixed day, in Vietnamese, exit 0', () => {
    const run = plan(['status', SEED, '--today', '2021-08-10'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(out).toContain('Tình hình đến ngày 10/8/2021: 11 nhiệm vụ quá hạn chưa hoàn thành, 0 nhiệm vụ đến hạn trong 14 ngày tới.');
    expect(out).toMatch(/\nCông an tỉnh\n(  .*\n)*  II\.8 +quá hạn 8 ngày \(02\/8\/2021\) .*\[khen-thuong\]/);
    // Done tasks are not listed; a group's task is listed under the group once.
    expect(out).not.toContain('[danh-gia-thuc-thi-luat]');
    expect(out).not.toContain('[thong-tin-bao-chi]');
    expect(out).toMatch(/\nCác sở, ban ngành, đoàn thể\n {2}II\.1 +quá hạn 8 ngày/);
    expect(out).not.toContain('Sở Tư pháp\n');
  });

  it('lists upcoming tasks within the window, in English with --lang en', () => {
    const run = plan(['status', SEED, '--today', '2021-07-25', '--lang', 'en'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('As of 25/7/2021: 0 tasks overdue, 11 due within 14 days.');
    expect(run.stdout).toMatch(/ {2}II\.5 +due in 8 days \(02\/8\/2021\)/);
  });

  it('--within DAYS narrows or widens the window of tasks due soon (two weeks by default)', () => {
    const count = (args: string[]) => {
      const run = plan(['status', SEED, '--today', '2021-07-25', ...args], dir);
      expect(run.code, run.stderr).toBe(0);
      return /, (\d+) nhiệm vụ đến hạn trong (\d+) ngày tới\./.exec(run.stdout)!.slice(1).map(Number);
    };
    expect(count([])).toEqual([11, 14]);
    // 02/8/2021 is 8 days off: outside a window of 7 days, inside one of 8.
    expect(count(['--within', '7'])).toEqual([0, 7]);
    expect(count(['--within', '8'])).toEqual([11, 8]);
    const bad = planFails(2, ['status', SEED, '--today', '2021-07-25', '--within', 'hai'], dir);
    expect(bad.stderr).toContain('hai');
    expect(hasStackTrace(bad.stderr)).toBe(false);
  });

  it('reports a bad --today as a usage error, without a stack trace', () => {
    const run = planFails(2, ['status', '--today', '2021-02-30'], dir);
    expect(run.stderr).toContain('2021-02-30');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it('warns about unknown task ids in the progress file, with a did-you-mean', () => {
    const other = copyExampleProject();
    writeFileSync(join(other, PROGRESS), 'tasks:\n  khen-thuong-2: done\n');
    const run = plan(['status', SEED, '--today', '2021-08-10'], other);
    rmSync(other, { recursive: true, force: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`${PROGRESS}:2:3: cảnh báo[unknown-task]`);
    expect(run.stderr).toContain('Có phải ý bạn là "khen-thuong"?');
  });
});

describe('plan build --json', () => {
  it('lists extracts (with their agency) and checklists per format', () => {
    const run = plan(['build', SEED, '--json'], dir);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(run.stdout) as { plans: { outputs: { kind: string; format: string; agency?: string; path: string }[] }[] };
    const outputs = manifest.plans[0]!.outputs;
    const base = 'out/kon-tum-ngay-toan-dan-pcmbn-2021';
    for (const format of ['md', 'csv', 'ics']) expect(outputs).toContainEqual({ kind: 'checklist', format, path: `${base}/checklist.${format}` });
    expect(outputs).toContainEqual({ kind: 'extract', format: 'pdf', agency: 'so-tu-phap', path: `${base}/extracts/so-tu-phap.pdf` });
    expect(outputs).toContainEqual({ kind: 'extract', format: 'md', agency: 'so-tu-phap', path: `${base}/extracts/so-tu-phap.md` });
    expect(outputs).toContainEqual({ kind: 'checklist', format: 'csv', agency: 'so-tu-phap', path: `${base}/extracts/so-tu-phap.checklist.csv` });
    expect(outputs.filter((o) => o.kind === 'extract' && o.format === 'pdf').length).toBeGreaterThanOrEqual(10);
  });
});
