// In a GitHub Actions run, diagnostics are also workflow commands on stdout, shown on the lines of
// the pull request.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { githubAnnotations } from '../../src/cli/github.js';
import { copyExampleProject, plan, planFails } from '../helpers/cli.js';

describe('githubAnnotations', () => {
  it('writes each diagnostic as a command, its file relative to the repository, text escaped', () => {
    const unknown = diagnostic('unknown-agency', { file: 'plans/x.plan.yaml', line: 94, column: 19, length: 10 }, { name: 'Sở Tư Phap', registry: 'agencies.yaml', suggestions: ['Sở Tư pháp'] });
    const stale = diagnostic('stale-output', { file: 'out/x/x.pdf' }, { state: 'stale' });
    const note = diagnostic('not-nfc', { file: 'plans/a,b:c%.plan.yaml', line: 1, column: 1 }, {}, 'note');
    const lines = githubAnnotations([unknown, stale, note], 'vi', '/repo/province', '/repo').split('\n');
    expect(lines[0]).toMatch(/^::error file=province\/plans\/x\.plan\.yaml,line=94,col=19,endColumn=29,title=plan unknown-agency::Không tìm thấy cơ quan "Sở Tư Phap"/);
    // The hint follows the message on a line of its own, escaped into the one command line.
    expect(lines[0]).toContain('(agencies.yaml).%0ADùng mã, tên');
    expect(lines[1]).toMatch(/^::error file=province\/out\/x\/x\.pdf,title=plan stale-output::Tệp kết quả đã cũ so với nguồn\.%0A/);
    expect(lines[2]).toMatch(/^::notice file=province\/plans\/a%2Cb%3Ac%25\.plan\.yaml,line=1,col=1,title=plan not-nfc::/);
    expect(lines[3]).toBe('');
  });
});

describe('plan build in a GitHub Actions run', () => {
  it('annotates on stdout, and keeps stdout to the manifest with --json', () => {
    const project = copyExampleProject();
    const file = join(project, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead: Sở Tư pháp', 'lead: Sở Tư Phap'));
    const env = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: project };
    const run = planFails(1, ['check'], project, env);
    expect(run.stdout).toMatch(/^::error file=plans\/kon-tum-ngay-toan-dan-pcmbn-2021\.plan\.yaml,line=\d+,col=\d+,endColumn=\d+,title=plan unknown-agency::/m);
    expect(run.stderr).toContain('lỗi[unknown-agency]');
    expect(() => JSON.parse(plan(['check', '--json'], project, env).stdout)).not.toThrow();
    expect(plan(['check'], project).stdout).toBe('');
  });
});
