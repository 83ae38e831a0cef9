/**
 * node:child_process, loaded at its first use. commander requires it as it loads, for
 * subcommands that are separate programs, which this CLI has none of; loading it took about
 * 10 ms of every run. The bundle script points commander's import here (scripts/bundle.mjs).
 */
import type { spawn as nodeSpawn } from 'node:child_process';
import { createRequire } from 'node:module';

// A require the bundler does not follow, so that the real module is loaded, and only when called.
const load = (): typeof import('node:child_process') => createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');

/** What commander calls, and all it calls. */
export const spawn = ((...args: Parameters<typeof nodeSpawn>) => load().spawn(...args)) as typeof nodeSpawn;
