// The CLI end to end, as a clerk and CI use it: build with a manifest, check, schema, init, new.
// Every command runs in a temporary folder; one that fails must leave its folder as it found it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyExampleProject, folderState, hasStackTrace, plan, plan as run, planFails } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';

describe('plan build --json', () => {
  it('prints a manifest whose every path exists', () => {
    const project = copyExampleProject();
    const run = plan(['build', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(run.stdout) as { plans: { source: string; id: string; outputs: { kind: string; format: string; path: string }[] }[]; diagnostics: unknown[] };
    expect(manifest.diagnostics).toEqual([]);
    expect(manifest.plans.map((p) => p.source)).toContain('plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');
    for (const entry of manifest.plans) {
      expect(entry.outputs.length).toBeGreaterThan(0);
      for (const output of entry.outputs) {
        expect(['plan', 'extract', 'checklist']).toContain(output.kind);
        expect(existsSync(join(project, output.path)), output.path).toBe(true);
      }
    }
    expect(manifest.plans.flatMap((p) => p.outputs).some((o) => o.kind === 'plan' && o.format === 'pdf')).toBe(true);
  });

  it('--out writes elsewhere, and paths stay relative to the working folder', () => {
    const project = copyExampleProject();
    const run = plan(['build', '--json', '--out', 'build/docs'], project);
    expect(run.code, run.stderr).toBe(0);
    const paths = (JSON.parse(run.stdout) as { plans: { outputs: { path: string }[] }[] }).plans.flatMap((p) => p.outputs.map((o) => o.path));
    // Every file written under build/docs is in the manifest, by its path from the working folder, and nothing else.
    const written = Object.keys(folderState(join(project, 'build', 'docs')))
      .filter((path) => !path.endsWith('/') && path !== '.plan-cache.json')
      .map((path) => `build/docs/${path}`);
    expect(written.length).toBeGreaterThan(100);
    expect([...paths].sort()).toEqual(written.sort());
    expect(existsSync(join(project, 'out'))).toBe(false);
  });

  it('a plan with errors exits 1, names file:line:column, shows the line with a caret under the place and a hint, prints no stack trace, and writes nothing of its own', () => {
    const project = copyExampleProject();
    const file = join(project, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead: Sở Tư pháp', 'lead: Sở Tư Phap'));
    const run = plan(['build'], project);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/plans\/kon-tum-ngay-toan-dan-pcmbn-2021\.plan\.yaml:\d+:\d+: lỗi\[unknown-agency\]/);
    expect(run.stderr).toContain('Sở Tư pháp');
    // As the README shows it: the source line, a caret under the name, then the hint.
    expect(run.stderr).toMatch(/:(\d+):19: lỗi\[unknown-agency\] Không tìm thấy cơ quan "Sở Tư Phap"[^\n]*\n \1 \| {13}lead: Sở Tư Phap\n {2,}\| {19}\^{10}\n {2}gợi ý: Có phải ý bạn là "Sở Tư pháp"\?/);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(existsSync(join(project, 'out', 'kon-tum-ngay-toan-dan-pcmbn-2021'))).toBe(false);
    expect(existsSync(join(project, 'out', 'kon-tum-pho-bien-phap-luat-2022'))).toBe(true);
  });

  it('lists each diagnostic with its file, line, column, severity, code, message and hint', () => {
    const project = copyExampleProject();
    const file = join(project, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead: Sở Tư pháp', 'lead: Sở Tư Phap'));
    const run = plan(['build', '--json'], project);
    expect(run.code).toBe(1);
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(diagnostics).toContainEqual({
      file: 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml',
      line: expect.any(Number),
      column: expect.any(Number),
      severity: 'error',
      code: 'unknown-agency',
      message: expect.stringContaining('Sở Tư Phap'),
      hint: expect.stringContaining('Sở Tư pháp'),
    });
  });

  it('speaks English with --lang en', () => {
    const project = copyExampleProject();
    writeFileSync(join(project, 'plans', 'x.plan.yaml'), 'place: 1\n');
    const run = planFails(1, ['--lang', 'en', 'check'], project);
    expect(run.stderr).toContain('error[missing-field]');
    expect(run.stderr).toContain('hint:');
  });

  it('--no-color turns colour off, even where FORCE_COLOR turns it on', () => {
    const project = copyExampleProject();
    writeFileSync(join(project, 'plans', 'x.plan.yaml'), 'place: 1\n');
    expect(planFails(1, ['check'], project, { FORCE_COLOR: '1' }).stderr).toContain('\u001b[');
    expect(planFails(1, ['--no-color', 'check'], project, { FORCE_COLOR: '1' }).stderr).not.toContain('\u001b[');
  });

  it('speaks English with PLAN_LANG=en, and --lang wins over it', () => {
    const project = copyExampleProject();
    writeFileSync(join(project, 'plans', 'x.plan.yaml'), 'place: 1\n');
    expect(planFails(1, ['check'], project, { PLAN_LANG: 'en' }).stderr).toContain('error[missing-field]');
    const vi = planFails(1, ['--lang', 'vi', 'check'], project, { PLAN_LANG: 'en' }).stderr;
    expect(vi).toContain('lỗi[missing-field]');
    expect(vi).not.toContain('error[');
  });
});

describe('plan check', () => {
  it('exits 0 on the example plans, and writes nothing', () => {
    const project = copyExampleProject(true);
    const before = folderState(project);
    const run = plan(['check'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(folderState(project)).toEqual(before);
  });

  it('usage errors (an unknown option or command, --quiet with --verbose) exit 2 with a message in Vietnamese, and write nothing', () => {
    const project = copyExampleProject();
    const run = planFails(2, ['build', '--bogus'], project);
    expect(run.stderr).toContain('Tùy chọn không hợp lệ');
    planFails(2, ['không-có-lệnh-này'], project);
    planFails(2, ['check', 'no/such/folder'], project);
    planFails(2, ['build', 'no/such/folder'], project);
    // Asked to say less and more at once: neither is guessed.
    const both = planFails(2, ['build', '-q', '-v'], project);
    expect(both.stderr).toContain('Không dùng --quiet cùng với --verbose');
    expect(existsSync(join(project, 'out'))).toBe(false);
    // The registry named as if it were a plan: not read field by field as one, and no cache written.
    const notPlan = planFails(2, ['build', 'agencies.yaml'], project);
    expect(notPlan.stderr).toContain('agencies.yaml: lỗi[not-a-plan-file]');
    expect(notPlan.stderr).not.toContain('missing-field');
  });

  it('--config FILE names a project\'s config file of another name, before or after the command', () => {
    const project = copyExampleProject();
    // A config that says something the default does not: where outputs go.
    const config = readFileSync(join(project, 'plan.config.yaml'), 'utf8');
    expect(config).toMatch(/^out: out$/m);
    writeFileSync(join(project, 'du-an.yaml'), config.replace(/^out: out$/m, 'out: ket-qua'));
    for (const args of [['--config', 'du-an.yaml', 'build', '--quiet'], ['build', '--quiet', '--config', 'du-an.yaml']]) {
      const run = plan(args, project);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    expect(existsSync(join(project, 'ket-qua', 'kon-tum-ngay-toan-dan-pcmbn-2021', 'kon-tum-ngay-toan-dan-pcmbn-2021.pdf'))).toBe(true);
    expect(existsSync(join(project, 'out'))).toBe(false);
    planFails(2, ['--config', 'khong-co.yaml', 'check'], project);
  });

  it('run outside any project, says so and points to plan init', () => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-nowhere-'));
    for (const command of ['build', 'check']) {
      const run = planFails(2, [command], folder);
      expect(run.stderr).toContain(`${folder}: lỗi[no-project] Không tìm thấy dự án kế hoạch`);
      expect(run.stderr).toContain('plan init');
      expect(run.stderr).not.toContain('registry-missing');
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it("every command's help is in the user's language, usage and arguments too", () => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-help-'));
    const plan = (args: string[]) => run(args, folder);
    for (const command of ['build', 'check', 'watch', 'status', 'schema', 'init', 'new', 'fix-encoding']) {
      const vi = plan([command, '--help']).stdout;
      expect(vi, command).toMatch(new RegExp(`^Cách dùng: plan ${command} \\[tùy chọn\\]`));
      expect(vi, command).not.toMatch(/\[options\]|\(default:|Arguments:|Options:|<dir>|<file>|<lang>|<date>|<days>|YYYY-MM-DD/);
      expect(plan([command, '--help', '--lang', 'en']).stdout, command).toMatch(new RegExp(`^Usage: plan ${command} \\[options\\]`));
    }
    expect(planFails(2, ['new'], folder).stderr).toContain('Thiếu tham số: tên.');
    // The list of commands too.
    const root = plan(['--help']).stdout;
    expect(root).toMatch(/^ {2}build \[tùy chọn\] \[đường dẫn\.\.\.\]/m);
    expect(root).toMatch(/^ {2}help \[lệnh\]/m);
    expect(root).not.toMatch(/\[options\]|\[command\]/);
    expect(plan(['--help', '--lang', 'en']).stdout).toMatch(/^ {2}build \[options\] \[paths\.\.\.\]/m);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('plan schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const folder = mkdtempSync(join(tmpdir(), 'plan-schema-'));
  const plan = (args: string[]) => run(args, folder);

  it('validates every example source and rejects a broken one', () => {
    const schema = JSON.parse(plan(['schema']).stdout) as object;
    const validate = ajv.compile(schema);
    const sources = readdirSync(join(ROOT, 'plans')).filter((f) => f.endsWith('.plan.yaml'));
    expect(sources.length).toBeGreaterThan(0);
    for (const file of sources) {
      const data = parse(readFileSync(join(ROOT, 'plans', file), 'utf8')) as unknown;
      expect(validate(data), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ place: 'Kon Tum' })).toBe(false);
  });

  it('describes the registry and the config', () => {
    const agencies = ajv.compile(JSON.parse(plan(['schema', 'agencies']).stdout) as object);
    expect(agencies(parse(readFileSync(join(ROOT, 'agencies.yaml'), 'utf8')))).toBe(true);
    const config = ajv.compile(JSON.parse(plan(['schema', 'config']).stdout) as object);
    expect(config(parse(readFileSync(join(ROOT, 'plan.config.yaml'), 'utf8')))).toBe(true);
  });

  it('matches the schema files the repository ships for editors, which the example sources name on their first line', () => {
    for (const kind of ['plan', 'agencies', 'config']) {
      expect(readFileSync(join(ROOT, 'schema', `${kind}.schema.json`), 'utf8'), `schema/${kind}.schema.json is stale: run plan schema ${kind}`).toBe(plan(['schema', kind]).stdout);
    }
    const named = (file: string) => /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(join(ROOT, file), 'utf8'))?.[1];
    const sources = [...readdirSync(join(ROOT, 'plans')).filter((f) => /\.plan\.(yaml|md)$/.test(f)).map((f) => `plans/${f}`), 'agencies.yaml', 'plan.config.yaml'];
    for (const file of sources) expect(existsSync(join(ROOT, file, '..', named(file) ?? 'none')), file).toBe(true);
  });
});

describe('plan init and plan new', () => {
  it('scaffold a project whose plans (YAML, and Markdown with --md, named by the slug of NAME) check and build', () => {
    const project = copyExampleProject();
    const folder = join(project, 'du-an-moi');
    expect(plan(['init', 'du-an-moi'], project).code).toBe(0);
    for (const file of ['plan.config.yaml', 'agencies.yaml', 'templates/words.yaml', 'schema/plan.schema.json']) {
      expect(existsSync(join(folder, file)), file).toBe(true);
    }
    expect(plan(['check'], folder).code).toBe(0);
    expect(plan(['new', 'Kế hoạch thử nghiệm'], folder).code).toBe(0);
    expect(existsSync(join(folder, 'plans', 'ke-hoach-thu-nghiem.plan.yaml'))).toBe(true);
    expect(plan(['new', 'ban markdown', '--md'], folder).code).toBe(0);
    expect(existsSync(join(folder, 'plans', 'ban-markdown.plan.md'))).toBe(true);
    const check = plan(['check'], folder);
    expect(check.code, check.stderr).toBe(0);
    const build = plan(['build', '--json'], folder);
    expect(build.code, build.stderr).toBe(0);
    expect((JSON.parse(build.stdout) as { plans: unknown[] }).plans).toHaveLength(3);
  });

  it('never overwrites a file', () => {
    const project = copyExampleProject();
    const before = readFileSync(join(project, 'plan.config.yaml'), 'utf8');
    const init = plan(['init'], project);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('plan.config.yaml: cảnh báo[file-exists]');
    expect(readFileSync(join(project, 'plan.config.yaml'), 'utf8')).toBe(before);
    // The one file asked for is not made: an error, not a warning.
    const again = planFails(1, ['new', 'kon-tum-ngay-toan-dan-pcmbn-2021'], project);
    expect(again.stderr).toContain('lỗi[file-exists]');
  });

  it('refuses a name with nothing to name a file by', () => {
    const project = copyExampleProject();
    const plans = readdirSync(join(project, 'plans'));
    for (const name of ['', '!!!', '  ']) {
      const run = planFails(2, ['new', name], project);
      expect(run.stderr).toContain('không có chữ cái hay chữ số nào');
    }
    expect(readdirSync(join(project, 'plans'))).toEqual(plans);
  });
});
