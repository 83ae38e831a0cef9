// `plan watch` stays alive through input that once killed it: a registry group cycle reached
// through another group (a stack overflow), an editor's lock file in templates/ (a link to nothing),
// a plan nested thousands of levels deep, a partial that includes itself; and the outputs of the
// last good build stay as they were meanwhile.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyExampleProject, folderState, hasStackTrace, plan } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';

/** `plan watch` started in `project`, with what it has said so far and a wait for a phrase. */
function watching(project: string) {
  const watch = spawn(process.execPath, [join(ROOT, 'bin', 'plan.cjs'), 'watch'], { cwd: project, env: { ...process.env, NO_COLOR: '1', CI: 'true', TZ: 'UTC', GITHUB_ACTIONS: '' } });
  let stderr = '';
  watch.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  /** Waits until the watch has said `text` `times` times in all. */
  const until = async (text: string, times = 1) => {
    for (const started = Date.now(); stderr.split(text).length - 1 < times; ) {
      if (watch.exitCode !== null || Date.now() - started > 30_000) throw new Error(`no "${text}" (x${times}) in:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { watch, until, said: () => stderr };
}

it('reports a group cycle and an Emacs lock file in templates/, keeps watching, and rebuilds once the registry is fixed', async () => {
  const project = copyExampleProject();
  const registry = readFileSync(join(project, 'agencies.yaml'), 'utf8');
  const cycle = registry.replace('    aliases: ["UBND các huyện, thành phố"]\n', '    aliases: ["UBND các huyện, thành phố"]\n    includes: [ubnd-cap-huyen]\n');
  expect(cycle).not.toBe(registry);
  writeFileSync(join(project, 'agencies.yaml'), cycle);
  mkdirSync(join(project, 'templates'));
  symlinkSync('root@may.12345:1700000000', join(project, 'templates', '.#plan.md.hbs'));

  const { watch, until, said } = watching(project);
  try {
    await until('Đang theo dõi');
    expect(said()).toContain('agencies.yaml:16:16: lỗi[registry-group-cycle]');
    writeFileSync(join(project, 'agencies.yaml'), registry);
    await until('2 kế hoạch: 2 dựng lại');
    expect(watch.exitCode).toBeNull();
    expect(hasStackTrace(said()), said()).toBe(false);
  } finally {
    watch.kill('SIGTERM');
  }
}, 60_000);

it('reports a plan nested 2,500 levels deep and a partial that includes itself, keeps the last good outputs, and finds them current once both are fixed', async () => {
  const project = copyExampleProject();
  expect(plan(['build', '-q'], project).code).toBe(0);
  const outputs = () => folderState(join(project, 'out'));
  const built = outputs();
  const { watch, until, said } = watching(project);
  try {
    await until('Đang theo dõi');
    writeFileSync(join(project, 'plans', 'sau.plan.yaml'), `title: ${'['.repeat(2500)}${']'.repeat(2500)}\n`);
    await until('lỗi[too-deep]');
    mkdirSync(join(project, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(project, 'templates', 'partials', 'item.hbs'), '{{> item}}\n');
    await until('lỗi[template-error]');
    expect(watch.exitCode).toBeNull();
    // What the last good build wrote is served as it was (the cache aside, which records the failures).
    const { '.plan-cache.json': _now, ...now } = outputs();
    const { '.plan-cache.json': _then, ...then } = built;
    expect(now).toEqual(then);
    // The template's failure is reported once, for the partial, not again as paragraphs lost.
    expect(said()).not.toContain('template-drops-text');
    rmSync(join(project, 'plans', 'sau.plan.yaml'));
    rmSync(join(project, 'templates'), { recursive: true });
    // Fixed: the plans are as the last good build left them, so nothing needs building again.
    await until('2 kế hoạch: 0 dựng lại, 2 không đổi', 2);
    expect(watch.exitCode).toBeNull();
    expect(hasStackTrace(said()), said()).toBe(false);
    expect(said()).not.toContain('Maximum call stack');
  } finally {
    watch.kill('SIGTERM');
  }
}, 90_000);
