// Runs the built CLI (dist/, made by `npm test`'s build step) as a user would, in a given folder.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './project.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `plan ...args` in `cwd`, without colours, in a fixed time zone unless told otherwise. */
export function plan(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'plan.cjs'), ...args], {
    cwd,
    encoding: 'utf8',
    // Not annotations for GitHub, whatever CI runs the tests (cli/github.ts).
    env: { ...process.env, NO_COLOR: '1', CI: 'true', TZ: 'UTC', GITHUB_ACTIONS: '', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The example project's config and registry, copied into `dir`. The config names no templates
 * folder, so the project uses the built-in templates, or a `templates` folder a test makes.
 */
export function copyConfigAndRegistry(dir: string): void {
  writeFileSync(join(dir, 'plan.config.yaml'), readFileSync(join(ROOT, 'plan.config.yaml'), 'utf8').replace(/^templates:.*\n/m, ''));
  cpSync(join(ROOT, 'agencies.yaml'), join(dir, 'agencies.yaml'));
}

/** A temporary copy of the example project (config, registry, plans; templates optional). */
export function copyExampleProject(withTemplates = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-project-'));
  copyConfigAndRegistry(dir);
  for (const entry of ['plans', ...(withTemplates ? ['templates'] : [])]) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  return dir;
}

/** No stack trace reached the user. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /\bat file:\/\//.test(text);
}
