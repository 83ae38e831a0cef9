// `plan watch` stays alive through input that once killed it: a registry group cycle reached
// through another group (a stack overflow), an editor's lock file in templates/ (a link to nothing).
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { copyExampleProject, hasStackTrace } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';

it('reports a group cycle and an Emacs lock file in templates/, keeps watching, and rebuilds once the registry is fixed', async () => {
  const project = copyExampleProject();
  const registry = readFileSync(join(project, 'agencies.yaml'), 'utf8');
  const cycle = registry.replace('    aliases: ["UBND các huyện, thành phố"]\n', '    aliases: ["UBND các huyện, thành phố"]\n    includes: [ubnd-cap-huyen]\n');
  expect(cycle).not.toBe(registry);
  writeFileSync(join(project, 'agencies.yaml'), cycle);
  mkdirSync(join(project, 'templates'));
  symlinkSync('root@may.12345:1700000000', join(project, 'templates', '.#plan.md.hbs'));

  const watch = spawn(process.execPath, [join(ROOT, 'bin', 'plan.cjs'), 'watch'], { cwd: project, env: { ...process.env, NO_COLOR: '1', CI: 'true', TZ: 'UTC', GITHUB_ACTIONS: '' } });
  let stderr = '';
  watch.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const until = async (text: string) => {
    for (const started = Date.now(); !stderr.includes(text); ) {
      if (watch.exitCode !== null || Date.now() - started > 30_000) throw new Error(`no "${text}" in:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    await until('Đang theo dõi');
    expect(stderr).toContain('agencies.yaml:16:16: lỗi[registry-group-cycle]');
    writeFileSync(join(project, 'agencies.yaml'), registry);
    await until('2 kế hoạch: 2 dựng lại');
    expect(watch.exitCode).toBeNull();
    expect(hasStackTrace(stderr), stderr).toBe(false);
  } finally {
    watch.kill('SIGTERM');
  }
}, 60_000);
