// A template that throws while a build runs: the error names the template, the exit code says
// the sources are wrong (1), and every earlier output stays exactly as it was.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyConfigAndRegistry, hasStackTrace, plan, planFails } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';
import { folderSnapshot } from '../bad-input/snapshot.js';

const BASE = readFileSync(fileURLToPath(new URL('../bad-input/cases/base.plan.yaml', import.meta.url)), 'utf8');

describe('a template that throws', () => {
  it('stops the build with a template error and leaves earlier outputs whole', () => {
    const project = mkdtempSync(join(tmpdir(), 'plan-throws-'));
    copyConfigAndRegistry(project);
    mkdirSync(join(project, 'plans'));
    writeFileSync(join(project, 'plans', 'base.plan.yaml'), BASE);
    expect(plan(['build'], project).code).toBe(0);
    const before = folderSnapshot(join(project, 'out'));
    expect(Object.keys(before).some((file) => file.endsWith('.pdf'))).toBe(true);

    // The role helper throws for a word words.yaml does not have.
    mkdirSync(join(project, 'templates', 'partials'), { recursive: true });
    const item = readFileSync(join(ROOT, 'templates', 'partials', 'item.hbs'), 'utf8');
    writeFileSync(join(project, 'templates', 'partials', 'item.hbs'), `${item}{{role "khong-co"}}\n`);
    const run = planFails(1, ['build'], project);
    expect(hasStackTrace(run.stderr)).toBe(false);
    // Errors inside a partial are reported against the template that calls it (compose/templates.ts).
    expect(run.stderr).toMatch(/templates\/[\w/.-]+\.hbs(:\d+)?(:\d+)?: lỗi\[template-error\]/);
    expect(run.stderr).toContain('role.khong-co');
    expect(folderSnapshot(join(project, 'out'))).toEqual(before);
  });
});
