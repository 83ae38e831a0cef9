// Runs the built CLI (dist/, made by `npm test`'s build step) as a user would, in a given folder:
// always a temporary one, never the repository (a failing build there once left out/.plan-cache.json).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './project.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `plan ...args` in `cwd` (a temporary folder), without colours, in a fixed time zone unless told otherwise. */
export function plan(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const within = relative(ROOT, resolve(cwd ?? '.'));
  // Outside the repository: a path up from it, or on another drive (Windows).
  if (cwd === undefined || !(within.startsWith('..') || isAbsolute(within))) throw new Error(`CLI tests run in a temporary copy, not in the repository (${cwd ?? 'no folder given'})`);
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

/** Every file below `dir` with its size and a hash of its bytes, to tell whether a command wrote anything. */
export function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      const key = relative(dir, full).split('\\').join('/');
      if (entry.isDirectory()) {
        state[`${key}/`] = 'folder';
        walk(full);
      } else state[key] = `${statSync(full).size} ${createHash('sha1').update(readFileSync(full)).digest('hex')}`;
    }
  };
  walk(dir);
  return state;
}

/** Runs a command that must fail with `code`, and checks it wrote, changed and removed nothing in `cwd`. */
export function planFails(code: number, args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const before = folderState(cwd);
  const run = plan(args, cwd, env);
  expect(run.code, `plan ${args.join(' ')}: ${run.stderr}`).toBe(code);
  expect(folderState(cwd), `plan ${args.join(' ')} failed but wrote in its folder`).toEqual(before);
  return run;
}

/** No stack trace reached the user. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.+:\d+:\d+\)/.test(text) || /\bat file:\/\//.test(text);
}
