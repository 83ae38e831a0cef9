// The corpus of bad input: every way a hand-written plan, config, registry or template can be
// wrong ends in a diagnostic with its code, file, line and column, a non-zero exit, no stack
// trace, and the output folder exactly as it was.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/project/build.js';
import type { MessageCode } from '../../src/diagnostics/messages.js';
import { MAX_SOURCE_BYTES } from '../../src/parse/text.js';
import { encodeLegacy } from '../../src/vn/legacy-encoding.js';
import { copyConfigAndRegistry, hasStackTrace, plan } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';
import { folderSnapshot } from './snapshot.js';

const CASES = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const corpus = (name: string) => readFileSync(join(CASES, name));
const BASE = corpus('base.plan.yaml').toString('utf8');
const BAD = 'plans/bad.plan.yaml';
/** What nothing printed may hold: terminal controls (but the line end) and direction overrides. */
const RAW_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

interface Case {
  name: string;
  /** Files put into the project (path → content), or removed (null). */
  files: Record<string, string | Uint8Array | null>;
  /** Things files cannot say: links, named pipes, names that are not UTF-8. */
  setup?: (project: string) => void;
  /** Command line (default: build the case's plans, or the project); `--json` is added. */
  args?: string[];
  code: MessageCode;
  file: string;
  line?: number;
  column?: number;
  exit: 1 | 2;
}

const BAD_MD = 'plans/bad.plan.md';
const PLAN_HBS = 'templates/plan.md.hbs';
/** A Markdown plan's front matter and first heading: what follows starts on line 11. */
const MD_HEAD = corpus('front-matter-syntax.plan.md').toString('utf8').replace('title: [Thử nghiệm', 'title: Thử nghiệm').split('1. Tổ chức')[0]!;
const plan1 = (name: string) => ({ [BAD]: corpus(`${name}.plan.yaml`) });
const replaced = (find: string, replace: string) => {
  expect(BASE.split(find)).toHaveLength(2);
  return BASE.replace(find, replace);
};

const CASES_TABLE: Case[] = [
  // Syntax.
  { name: 'YAML: unclosed quote', files: plan1('yaml-unclosed-quote'), code: 'yaml-syntax', file: BAD, line: 14, column: 15, exit: 1 },
  { name: 'YAML: unclosed bracket', files: { [BAD]: replaced('archive: [VT, BCĐ]', 'archive: [VT, BCĐ') }, code: 'yaml-syntax', file: BAD, line: 24, column: 10, exit: 1 },
  { name: 'YAML: unclosed brace', files: { [BAD]: replaced('archive: [VT, BCĐ]', 'archive: { first: VT') }, code: 'yaml-syntax', file: BAD, line: 24, column: 10, exit: 1 },
  { name: 'YAML: bad indentation', files: plan1('yaml-bad-indent'), code: 'yaml-syntax', file: BAD, line: 7, column: 4, exit: 1 },
  { name: 'YAML: tab as indentation', files: plan1('tab-indent'), code: 'yaml-syntax', file: BAD, line: 4, column: 1, exit: 1 },
  { name: 'front matter: syntax error', files: { 'plans/bad.plan.md': corpus('front-matter-syntax.plan.md') }, code: 'yaml-syntax', file: 'plans/bad.plan.md', line: 5, column: 8, exit: 1 },
  { name: 'front matter: missing', files: { 'plans/bad.plan.md': corpus('front-matter-missing.plan.md') }, code: 'front-matter-missing', file: 'plans/bad.plan.md', line: 1, column: 1, exit: 1 },
  // Bytes and text.
  { name: 'empty file', files: plan1('empty'), code: 'missing-field', file: BAD, exit: 1 },
  { name: 'binary file', files: { [BAD]: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) }, code: 'binary-file', file: BAD, exit: 1 },
  { name: 'NUL inside text', files: { [BAD]: replaced('place: Kon Tum', 'place: Kon\u0000Tum') }, code: 'binary-file', file: BAD, exit: 1 },
  { name: 'byte order mark: positions unchanged', files: { [BAD]: `\uFEFF${replaced('place: Kon Tum', 'plac: Kon Tum')}` }, code: 'unknown-key', file: BAD, line: 6, column: 1, exit: 1 },
  { name: 'CRLF line ends: positions unchanged', files: { [BAD]: replaced('deadline: 02/8/2021', 'deadline: 31/02/2021').replace(/\n/g, '\r\n') }, code: 'invalid-deadline', file: BAD, line: 17, column: 23, exit: 1 },
  { name: 'YAML: an anchor mark takes the first word of the title', files: { [BAD]: replaced('title: Thử nghiệm dữ liệu hỏng', 'title: &Thử nghiệm dữ liệu hỏng') }, code: 'yaml-syntax', file: BAD, line: 8, column: 8, exit: 1 },
  { name: 'YAML: a tag mark takes the first word of the place', files: { [BAD]: replaced('place: Kon Tum', 'place: !Kon Tum') }, code: 'yaml-syntax', file: BAD, line: 6, column: 8, exit: 1 },
  { name: 'alias bomb', files: plan1('alias-bomb'), code: 'yaml-syntax', file: BAD, line: 6, column: 8, exit: 1 },
  { name: 'deep nesting', files: plan1('deep-nesting'), code: 'too-deep', file: BAD, line: 8, column: 72, exit: 1 },
  { name: 'deep nesting: 2,500 flow brackets', files: { [BAD]: replaced('archive: [VT, BCĐ]', `archive: ${'['.repeat(2_500)}VT${']'.repeat(2_500)}`) }, code: 'too-deep', file: BAD, line: 24, column: 74, exit: 1 },
  { name: 'deep nesting: 1,500 indented keys', files: { [BAD]: replaced('place: Kon Tum\n', `place:\n${Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`) }, code: 'too-deep', file: BAD, line: 71, column: 67, exit: 1 },
  { name: 'deep nesting: 1,500 compact lists', files: { [BAD]: replaced('archive: [VT, BCĐ]', `archive:\n  ${'- '.repeat(1_500)}VT`) }, code: 'too-deep', file: BAD, line: 25, column: 131, exit: 1 },
  { name: 'deep nesting: 20,000 quotes in Markdown', files: { [BAD_MD]: `${MD_HEAD}${'> '.repeat(20_000)}Tổ chức quán triệt.\n` }, code: 'too-deep', file: BAD_MD, line: 11, column: 129, exit: 1 },
  { name: 'deep nesting: 1,000 nested lists in Markdown', files: { [BAD_MD]: `${MD_HEAD}${Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- Tổ chức`).join('\n')}\n` }, code: 'too-deep', file: BAD_MD, line: 75, column: 129, exit: 1 },
  { name: 'deep nesting: 20,000 quotes in a text field', files: { [BAD]: replaced('text: Chủ động nắm chắc tình hình trên địa bàn.', `text: "${'> '.repeat(20_000)}Chủ động"`) }, code: 'too-deep', file: BAD, line: 18, column: 148, exit: 1 },
  { name: 'deep nesting: 20,000 emphasis markers in a text field', files: { [BAD]: replaced('text: Chủ động nắm chắc tình hình trên địa bàn.', `text: "${'_'.repeat(20_000)}Chủ động${'_'.repeat(20_000)}"`) }, code: 'too-deep', file: BAD, line: 18, column: 20_028, exit: 1 },
  { name: 'deep nesting: 2,500 levels in the registry', files: { 'agencies.yaml': `${'['.repeat(2_500)}${']'.repeat(2_500)}\n` }, code: 'too-deep', file: 'agencies.yaml', line: 1, column: 66, exit: 1 },
  { name: 'deep nesting: 2,500 levels in the config', files: { 'plan.config.yaml': `${readFileSync(join(ROOT, 'plan.config.yaml'), 'utf8').replace(/^templates:.*\n/m, '')}extra: ${'{a: '.repeat(2_500)}x${'}'.repeat(2_500)}\n` }, code: 'too-deep', file: 'plan.config.yaml', line: 26, column: 264, exit: 1 },
  { name: 'terminal escape sequences in a key are shown, not sent to the terminal', files: { [BAD]: replaced('place: Kon Tum', 'plac\u001b[2J\u001b[32m0 lỗi\u001b[0m\u202e: Kon Tum') }, code: 'unknown-key', file: BAD, line: 6, column: 1, exit: 1 },
  { name: 'an agency named on a line of 160,000 characters: the excerpt and the message show a bounded part', files: { [BAD]: replaced('- to: Công an tỉnh', `- to: ${'Công an '.repeat(20_000)}`) }, code: 'unknown-agency', file: BAD, line: 13, column: 13, exit: 1 },
  { name: 'legacy TCVN3 text pasted into a UTF-8 file', files: { [BAD]: replaced('title: Thử nghiệm dữ liệu hỏng', `title: ${encodeLegacy('Triển khai các hoạt động hưởng ứng ngày toàn dân', 'TCVN3')}`) }, code: 'legacy-encoding', file: BAD, line: 8, column: 8, exit: 1 },
  { name: 'legacy VNI file saved as 8-bit bytes', files: { [BAD]: Uint8Array.from([...encodeLegacy(BASE, 'VNI')].map((char) => char.charCodeAt(0))) }, code: 'legacy-encoding', file: BAD, line: 2, column: 11, exit: 1 },
  // Shape and content.
  { name: 'unknown key', files: plan1('unknown-key'), code: 'unknown-key', file: BAD, line: 8, column: 1, exit: 1 },
  { name: 'wrong type', files: plan1('wrong-type'), code: 'wrong-type', file: BAD, line: 24, column: 10, exit: 1 },
  { name: 'impossible date', files: plan1('impossible-date'), code: 'invalid-date', file: BAD, line: 7, column: 7, exit: 1 },
  { name: 'deadline before the plan date', files: plan1('deadline-before-plan'), code: 'deadline-before-plan', file: BAD, line: 17, column: 23, exit: 1 },
  { name: 'unknown agency', files: plan1('unknown-agency'), code: 'unknown-agency', file: BAD, line: 13, column: 13, exit: 1 },
  { name: 'duplicate task id', files: plan1('duplicate-id'), code: 'duplicate-id', file: BAD, line: 19, column: 17, exit: 1 },
  { name: '__proto__ and constructor keys', files: plan1('proto-keys'), code: 'unknown-key', file: BAD, line: 6, column: 1, exit: 1 },
  { name: '__proto__ inside a task', files: plan1('proto-in-task'), code: 'unknown-key', file: BAD, line: 20, column: 13, exit: 1 },
  { name: 'plan style outside the decree', files: plan1('style-out-of-range'), code: 'out-of-range', file: BAD, line: 7, column: 14, exit: 1 },
  // Project files.
  { name: 'config outside the decree', files: { 'plan.config.yaml': corpus('config-out-of-range.config.yaml') }, code: 'out-of-range', file: 'plan.config.yaml', line: 3, column: 41, exit: 1 },
  { name: 'config syntax error', files: { 'plan.config.yaml': corpus('config-syntax.config.yaml') }, code: 'yaml-syntax', file: 'plan.config.yaml', line: 4, column: 1, exit: 1 },
  { name: 'config path climbing out of the project', files: { 'plan.config.yaml': corpus('config-path-outside.config.yaml') }, code: 'path-outside-project', file: 'plan.config.yaml', line: 1, column: 11, exit: 1 },
  { name: 'registry id that is not a slug (it names output files)', files: { 'agencies.yaml': readFileSync(join(ROOT, 'agencies.yaml'), 'utf8').replace('  - id: cong-an-tinh\n', '  - id: ../../cong-an-tinh\n') }, code: 'bad-format', file: 'agencies.yaml', line: 41, column: 9, exit: 1 },
  { name: 'registry id Windows keeps for a device (its extracts could not be written there)', files: { 'agencies.yaml': readFileSync(join(ROOT, 'agencies.yaml'), 'utf8').replace('  - id: cong-an-tinh\n', '  - id: con\n') }, code: 'bad-format', file: 'agencies.yaml', line: 41, column: 9, exit: 1 },
  { name: 'registry group cycle reached through another group (X includes A, A includes A)', files: { 'agencies.yaml': readFileSync(join(ROOT, 'agencies.yaml'), 'utf8').replace('    aliases: ["UBND các huyện, thành phố"]\n', '    aliases: ["UBND các huyện, thành phố"]\n    includes: [ubnd-cap-huyen]\n') }, code: 'registry-group-cycle', file: 'agencies.yaml', line: 16, column: 16, exit: 1 },
  { name: 'registry missing', files: { 'agencies.yaml': null }, code: 'registry-missing', file: 'plan.config.yaml', exit: 2 },
  { name: 'template syntax error', files: { 'templates/plan.md.hbs': corpus('template-syntax.plan.md.hbs') }, code: 'template-error', file: 'templates/plan.md.hbs', line: 3, column: 4, exit: 1 },
  { name: 'template with an unknown helper', files: { 'templates/plan.md.hbs': corpus('template-unknown-helper.plan.md.hbs') }, code: 'template-error', file: 'templates/plan.md.hbs', line: 1, column: 3, exit: 1 },
  { name: 'template with a missing partial', files: { 'templates/plan.md.hbs': corpus('template-missing-partial.plan.md.hbs') }, code: 'template-error', file: 'templates/plan.md.hbs', line: 3, column: 1, exit: 1 },
  { name: 'template: a misspelt list in {{#each}}', files: { [PLAN_HBS]: corpus('template-misspelt-list.plan.md.hbs') }, code: 'template-error', file: PLAN_HBS, line: 2, column: 9, exit: 1 },
  { name: 'template: a misspelt field in {{#if}}', files: { [PLAN_HBS]: corpus('template-misspelt-condition.plan.md.hbs') }, code: 'template-error', file: PLAN_HBS, line: 2, column: 7, exit: 1 },
  { name: 'template: a misspelt field given to a helper', files: { [PLAN_HBS]: corpus('template-misspelt-argument.plan.md.hbs') }, code: 'template-error', file: PLAN_HBS, line: 3, column: 21, exit: 1 },
  { name: 'template: a body that prints nothing for a plan with content', files: { [PLAN_HBS]: corpus('template-empty-body.plan.md.hbs') }, code: 'template-error', file: PLAN_HBS, exit: 1 },
  { name: 'template: {{#with "abc"}}{{length}}', files: { [PLAN_HBS]: corpus('template-with-text.plan.md.hbs') }, code: 'template-error', file: PLAN_HBS, line: 2, column: 18, exit: 1 },
  { name: 'template: a partial that includes itself', files: { 'templates/partials/item.hbs': corpus('template-self-partial.item.hbs') }, code: 'template-error', file: 'templates/partials/item.hbs', line: 3, column: 1, exit: 1 },
  { name: 'template: output past the limit', files: { [PLAN_HBS]: '{{> y}}'.repeat(40), 'templates/partials/y.hbs': '{{> z}}'.repeat(10), 'templates/partials/z.hbs': 'x'.repeat(100_000) }, code: 'template-error', file: PLAN_HBS, line: 1, column: 1, exit: 1 },
  { name: 'template reaching for the prototype', files: { 'templates/plan.md.hbs': corpus('template-prototype.plan.md.hbs') }, code: 'template-error', file: 'templates/plan.md.hbs', line: 1, column: 3, exit: 1 },
  // Plans that would write into one output folder: the plan already built keeps it.
  { name: 'a plan of the same file name in another folder, built by name', files: { 'plans/2022/base.plan.yaml': BASE }, code: 'plan-id-clash', file: 'plans/2022/base.plan.yaml', exit: 1 },
  { name: 'a plan whose file name reads as the same id', files: { 'plans/Base.plan.yaml': BASE }, args: ['build'], code: 'plan-id-clash', file: 'plans/Base.plan.yaml', exit: 1 },
  // Names and links.
  { name: 'a plan file whose name is not UTF-8 (unpacked from a Windows .zip)', files: {}, setup: (project) => writeFileSync(Buffer.concat([Buffer.from(join(project, 'plans', 'k')), Buffer.from([0xea, 0xf2]), Buffer.from('.plan.yaml')]), BASE), args: ['build'], code: 'file-name-not-utf8', file: 'plans/k\\xea\\xf2.plan.yaml', exit: 2 },
  { name: 'a plan file named on the command line as the shell passes a name that is not UTF-8', files: {}, setup: (project) => writeFileSync(Buffer.concat([Buffer.from(join(project, 'plans', 'k')), Buffer.from([0xea]), Buffer.from('.plan.yaml')]), BASE), args: ['build', 'plans/k\uFFFD.plan.yaml'], code: 'file-name-not-utf8', file: 'plans/k\uFFFD.plan.yaml', exit: 2 },
  { name: 'a named pipe named on the command line (reading it would wait forever)', files: {}, setup: (project) => execFileSync('mkfifo', [join(project, 'plans', 'ong.plan.yaml')]), args: ['build', 'plans/ong.plan.yaml'], code: 'not-a-regular-file', file: 'plans/ong.plan.yaml', exit: 2 },
  // Missing and unwritable places.
  { name: 'missing plan file', files: {}, args: ['build', 'plans/khong-co.plan.yaml'], code: 'read-failed', file: 'plans/khong-co.plan.yaml', exit: 2 },
  { name: 'missing folder', files: {}, args: ['build', 'khong-co'], code: 'read-failed', file: 'khong-co', exit: 2 },
  { name: 'a file where the output folder should be', files: { blocked: 'not a folder' }, args: ['build', '--out', 'blocked'], code: 'write-failed', file: 'blocked', exit: 2 },
  { name: 'output folder below a regular file', files: { blocked: 'not a folder' }, args: ['build', '--out', 'blocked/out'], code: 'write-failed', file: 'blocked/out', exit: 2 },
];

/** The project every case runs in; always the same folder, because the build cache keys on absolute paths. */
let project: string;
/** A copy of the project with its base plan built, restored before each case. */
let pristine: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'plan-bad-input-'));
  project = join(root, 'project');
  pristine = join(root, 'pristine');
  mkdirSync(join(project, 'plans'), { recursive: true });
  copyConfigAndRegistry(project);
  writeFileSync(join(project, 'plans', 'base.plan.yaml'), BASE);
  const run = plan(['build'], project);
  expect(run.code, run.stderr).toBe(0);
  cpSync(project, pristine, { recursive: true });
});

/** The built base project with the case's files in place. */
function caseProject(files: Case['files']): string {
  rmSync(project, { recursive: true, force: true });
  cpSync(pristine, project, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(project, path);
    if (content === null) rmSync(target);
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  return project;
}

describe('bad input', () => {
  it.each(CASES_TABLE)('$name → $code', (entry) => {
    const project = caseProject(entry.files);
    entry.setup?.(project);
    const before = folderSnapshot(join(project, 'out'));
    // A bad plan is built by name: the base plan's outputs (and the build cache) are then not
    // touched even when the tool itself changed since they were built.
    const plans = Object.keys(entry.files).filter((path) => /\.plan\.(yaml|md)$/.test(path));
    const run = plan([...(entry.args ?? ['build', ...plans]), '--json'], project);
    expect(run.code, run.stderr).toBe(entry.exit);
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(RAW_CONTROL);
    // An excerpt shows a bounded part of its line, however long.
    expect(Math.max(...run.stderr.split('\n').map((line) => line.length)), run.stderr.slice(0, 2_000)).toBeLessThan(600);
    const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { file: string; line: number | null; column: number | null; code: string }[] }).diagnostics;
    const found = diagnostics.find((d) => d.code === entry.code && d.file === entry.file);
    expect(found, `${entry.code} in ${entry.file} among ${JSON.stringify(diagnostics, null, 1)}`).toBeDefined();
    if (entry.line !== undefined) expect(found!.line).toBe(entry.line);
    if (entry.column !== undefined) expect(found!.column).toBe(entry.column);
    const where = [entry.file, entry.line, entry.column].filter((part) => part !== undefined).join(':');
    expect(run.stderr).toContain(`${where}: lỗi[${entry.code}]`);
    expect(folderSnapshot(join(project, 'out'))).toEqual(before);
  });

  it("skips editors' lock files, hidden files, broken links, link loops and named pipes in plans/ and templates/: never read, never fatal", () => {
    const project = caseProject({ 'templates/ghi-chu.txt': 'not a template' });
    // Emacs: a link to nothing beside each file with unsaved changes.
    symlinkSync('root@may.12345:1700000000', join(project, 'plans', '.#base.plan.yaml'));
    symlinkSync('root@may.12345:1700000000', join(project, 'templates', '.#plan.md.hbs'));
    writeFileSync(join(project, 'plans', '.base.plan.yaml.swp'), Uint8Array.from([0, 1, 2]));
    symlinkSync('khong-con.plan.yaml', join(project, 'plans', 'mat.plan.yaml'));
    symlinkSync('vong.plan.yaml', join(project, 'plans', 'vong.plan.yaml'));
    symlinkSync('vong.hbs', join(project, 'templates', 'vong.hbs'));
    execFileSync('mkfifo', [join(project, 'plans', 'ong.plan.yaml'), join(project, 'templates', 'ong.hbs')]);
    const before = folderSnapshot(join(project, 'out'));
    const run = plan(['build', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
    const diagnostics = (JSON.parse(run.stdout) as { diagnostics: { file: string; code: string; severity: string }[] }).diagnostics;
    expect(diagnostics.map((d) => `${d.file} ${d.severity}[${d.code}]`)).toEqual([
      'plans/mat.plan.yaml warning[link-broken]',
      'plans/ong.plan.yaml warning[not-a-regular-file]',
      'plans/vong.plan.yaml warning[link-broken]',
      'templates/ong.hbs warning[not-a-regular-file]',
      'templates/vong.hbs warning[link-broken]',
    ]);
    expect(run.stderr).toContain('plans/vong.plan.yaml: cảnh báo[link-broken] Bỏ qua liên kết không dẫn tới tệp nào: các liên kết trỏ vòng vào nhau.');
    expect(folderSnapshot(join(project, 'out'))).toEqual(before);
  });

  it('follows a link in plans/ out of the project only when the config allows, and never prints a line of its target', () => {
    const project = caseProject({});
    const secret = join(dirname(project), 'bi-mat.plan.yaml');
    writeFileSync(secret, 'MAT-KHAU-CUA-MAY-CHU: [abc\n');
    symlinkSync(secret, join(project, 'plans', 'lo.plan.yaml'));
    const before = folderSnapshot(join(project, 'out'));
    const run = plan(['build', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`plans/lo.plan.yaml: cảnh báo[link-outside-project] Bỏ qua liên kết dẫn ra ngoài thư mục dự án (tới "${secret}"); tệp đó không được đọc.`);
    expect(run.stderr + run.stdout).not.toContain('MAT-KHAU');
    expect(folderSnapshot(join(project, 'out'))).toEqual(before);
    // Allowed: read, and its mistakes reported as any plan's.
    writeFileSync(join(project, 'plan.config.yaml'), `follow-links-outside: true\n${readFileSync(join(project, 'plan.config.yaml'), 'utf8')}`);
    const allowed = plan(['build', '--json'], project);
    expect(allowed.code).toBe(1);
    expect(allowed.stderr).toContain('plans/lo.plan.yaml:1:');
    expect(allowed.stderr).not.toContain('MAT-KHAU');
    // A file that reads as YAML: its mistakes are reported at their place, quoting none of its words.
    writeFileSync(secret, 'MAT_KHAU_KHAC: gia-tri-bi-mat\n');
    const read = plan(['build', '--json'], project);
    expect(read.code).toBe(1);
    expect(read.stderr).toContain('plans/lo.plan.yaml:1:1: lỗi[unknown-key]');
    expect(read.stderr + read.stdout).not.toMatch(/MAT_KHAU|gia-tri-bi-mat/);
  });

  // Root reads every folder: the build runs as "nobody", where setpriv can make it so (skipped, visibly, elsewhere).
  it.skipIf(process.getuid?.() !== 0 || !existsSync('/usr/bin/setpriv'))('reports a folder under plans/ that an ordinary user cannot read, with its path, and builds the rest', () => {
    const project = mkdtempSync('/tmp/plan-eacces-');
    try {
      copyConfigAndRegistry(project);
      mkdirSync(join(project, 'plans', 'khoa'), { recursive: true });
      writeFileSync(join(project, 'plans', 'base.plan.yaml'), BASE);
      writeFileSync(join(project, 'plans', 'khoa', 'b.plan.yaml'), BASE);
      execFileSync('chmod', ['-R', 'a+rwX', project]);
      chmodSync(join(project, 'plans', 'khoa'), 0);
      const run = spawnSync('/usr/bin/setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin', 'plan.cjs'), 'build', '--json'], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', GITHUB_ACTIONS: '', HOME: '/tmp' } });
      expect(run.status, run.stderr).toBe(2);
      expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
      expect(run.stderr).toContain('plans/khoa: lỗi[folder-unreadable] Không đọc được thư mục: không có quyền truy cập tệp hoặc thư mục này.');
      expect(readdirSync(join(project, 'out'))).toContain('base');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('refuses a file over the size limit quickly, without reading it all', () => {
    const project = caseProject({});
    const size = MAX_SOURCE_BYTES * 8;
    // A sparse file: huge on paper, nothing on disk.
    writeFileSync(join(project, BAD), '');
    truncateSync(join(project, BAD), size);
    const before = folderSnapshot(join(project, 'out'));
    const started = Date.now();
    const run = plan(['build', BAD, '--json'], project);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.code).toBe(1);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr).toContain(`${BAD}: lỗi[file-too-large]`);
    expect(folderSnapshot(join(project, 'out'))).toEqual(before);
  });

  it('a {{log}} in a template leaves stdout to the manifest: it goes to stderr, with its place', () => {
    const template = readFileSync(join(ROOT, 'templates', 'plan.md.hbs'), 'utf8');
    const project = caseProject({ 'templates/plan.md.hbs': `{{log "xin chào" "Kon Tum"}}\n${template}`, 'plans/log.plan.yaml': BASE });
    const run = plan(['build', 'plans/log.plan.yaml', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('diagnostics');
    expect(run.stderr).toContain('templates/plan.md.hbs:1: {{log}} xin chào Kon Tum');
  });

  it('hidden characters written by escapes in double quotes are reported where written and reach no output', () => {
    const escaped = replaced('text: Chủ động nắm chắc tình hình trên địa bàn.', String.raw`text: "Chủ động\u0000 nắm\r chắc\u202e tình\u200b hình\x07 trên\x1b[2J địa\u2066 bàn."`);
    const project = caseProject({ 'plans/escapes.plan.yaml': escaped });
    const run = plan(['build', 'plans/escapes.plan.yaml', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(RAW_CONTROL);
    // An excerpt shows a bounded part of its line, however long.
    expect(Math.max(...run.stderr.split('\n').map((line) => line.length)), run.stderr.slice(0, 2_000)).toBeLessThan(600);
    const warned = (JSON.parse(run.stdout) as { diagnostics: { code: string; line: number; column: number }[] }).diagnostics.filter((d) => d.code === 'control-char');
    // Each at its backslash.
    const backslashes = [...escaped.split('\n')[17]!.matchAll(/\\/g)].map((escape) => `18:${escape.index + 1}`);
    expect(backslashes).toHaveLength(7);
    expect(warned.map((d) => `${d.line}:${d.column}`)).toEqual(backslashes);
    const texts = Object.entries(folderSnapshot(join(project, 'out'))).filter(([name]) => /^escapes\b.*\.(csv|ics|md)$/.test(name));
    expect(texts.length).toBeGreaterThan(1);
    for (const [name, bytes] of texts) {
      // CSV and iCalendar end their lines with CRLF, as their standards say.
      expect(readFileSync(join(project, 'out', name), 'utf8').replace(/\r\n/g, '\n'), `${name} ${bytes}`).not.toMatch(RAW_CONTROL);
    }
  });

  it('hidden characters written by Markdown character references are reported where written and reach no output', () => {
    const referenced = replaced('text: Chủ động nắm chắc tình hình trên địa bàn.', 'text: Chủ động &#x202e;nắm &ZeroWidthSpace;chắc &#x2066;tình hình.');
    const project = caseProject({ 'plans/references.plan.yaml': referenced });
    const run = plan(['build', 'plans/references.plan.yaml', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    const warned = (JSON.parse(run.stdout) as { diagnostics: { code: string; line: number; column: number }[] }).diagnostics.filter((d) => d.code === 'control-char');
    const line = referenced.split('\n')[17]!;
    expect(warned.map((d) => `${d.line}:${d.column}`)).toEqual([...line.matchAll(/&[#\w]+;/g)].map((ref) => `18:${ref.index + 1}`));
    const checklist = readFileSync(join(project, 'out', 'references', 'checklist.csv'), 'utf8');
    expect(checklist).toContain('Chủ động nắm chắc tình hình.');
    expect(checklist.replace(/\r\n/g, '\n')).not.toMatch(RAW_CONTROL);
  });

  it('numbers in text fields are kept as typed: a task id 007, a text 0x1F, a place 1e3, a title 2.50', () => {
    const typed = replaced('- id: tuyen-truyen\n            text: Tuyên truyền pháp luật về phòng, chống mua bán người.', '- id: 007\n            text: 0x1F')
      .replace('place: Kon Tum', 'place: 1e3')
      .replace('title: Thử nghiệm dữ liệu hỏng', 'title: 2.50');
    const project = caseProject({ 'plans/typed.plan.yaml': typed });
    const run = plan(['build', 'plans/typed.plan.yaml', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    const checklist = readFileSync(join(project, 'out', 'typed', 'checklist.csv'), 'utf8');
    expect(checklist).toMatch(/,007,0x1F,/);
    const extracts = Object.keys(folderSnapshot(join(project, 'out', 'typed'))).filter((name) => name.endsWith('.md'));
    expect(extracts.length).toBeGreaterThan(0);
    const text = extracts.map((name) => readFileSync(join(project, 'out', 'typed', name), 'utf8')).join('\n');
    expect(text).toContain('2.50');
    expect(text).toContain('1e3');
    expect(text).not.toMatch(/\b31\b|\b1000\b|\b2\.5\b/);
  });

  it('link addresses reach the PDF and the DOCX after their words', async () => {
    const linked = replaced('text: Chủ động nắm chắc tình hình trên địa bàn.', 'text: Chủ động xem [cổng thông tin](https://kontum.gov.vn/tin) hằng ngày.');
    const project = caseProject({ 'plans/linked.plan.yaml': linked.replace('title: Thử nghiệm dữ liệu hỏng', 'title: Thử nghiệm [dữ liệu](https://data.kontum.gov.vn) hỏng') });
    const run = plan(['build', 'plans/linked.plan.yaml', '--json'], project);
    expect(run.code, run.stderr).toBe(0);
    const pdf = readFileSync(join(project, 'out', 'linked', 'linked.pdf'));
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const docx = Object.entries(unzipSync(readFileSync(join(project, 'out', 'linked', 'linked.docx'))))
      .filter(([name]) => name === 'word/document.xml')
      .map(([, bytes]) => strFromU8(bytes).replace(/<[^>]+>/g, ''))
      .join('');
    for (const printed of [text.replace(/\s+/g, ' '), docx]) {
      expect(printed).toContain('cổng thông tin (https://kontum.gov.vn/tin)');
      expect(printed).toContain('dữ liệu (https://data.kontum.gov.vn)');
    }
  });

  it('never pollutes Object.prototype, whatever keys a plan or registry holds', async () => {
    const project = caseProject({
      ...plan1('proto-keys'),
      'plans/task.plan.yaml': corpus('proto-in-task.plan.yaml'),
      'plans/md.plan.md': '---\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\n---\n\n## Mục đích {#__proto__ polluted=yes}\n\n1. Việc {#constructor lead=__proto__}\n',
    });
    const registry = readFileSync(join(project, 'agencies.yaml'), 'utf8');
    writeFileSync(join(project, 'agencies.yaml'), `__proto__: { polluted: yes }\n${registry}`);
    const report = await runBuild({ cwd: project, paths: [] });
    expect(report.exitCode).not.toBe(0);
    writeFileSync(join(project, 'agencies.yaml'), registry);
    const second = await runBuild({ cwd: project, paths: [], jobs: 1 });
    expect(second.diagnostics.some((d) => d.code === 'unknown-key')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

