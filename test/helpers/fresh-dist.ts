// Vitest's global setup (vitest.config.ts): the CLI tests run the built CLI (dist/bundle/), which
// `npx vitest run` alone would not rebuild. A run on a bundle older than its sources would test
// yesterday's code and could pass; so when a source is newer than the bundle, this builds it
// (`npm run build`, about 10 s) before any test, and stops the run loudly if that fails or the
// bundle is still older. `npm test` builds first, so it finds the bundle fresh.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the bundle is made from: the sources and the built-in templates it compiles in. */
const SOURCES = ['src', 'templates', 'scripts/bundle.mjs', 'bin'];
const BUNDLE = join(ROOT, 'dist', 'bundle', 'main.js');

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => files(join(path, entry.name)));
}

/** The source files changed after the bundle was built (every one when there is no bundle). */
export function newerThanBundle(root = ROOT, bundle = BUNDLE): string[] {
  let built: number;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return [`${relative(root, bundle)} (missing)`];
  }
  return SOURCES.flatMap((source) => files(join(root, source)))
    .filter((file) => statSync(file).mtimeMs > built)
    .map((file) => relative(root, file));
}

export default function setup(): void {
  const newer = newerThanBundle();
  if (newer.length === 0) return;
  const shown = (list: string[]): string => list.slice(0, 10).join(', ') + (list.length > 10 ? ` and ${list.length - 10} more` : '');
  console.warn(`dist/ is older than ${shown(newer)}: building it before the tests (npm run build).`);
  try {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  } catch (error) {
    throw new Error(`npm run build failed, so the CLI tests would run stale code in dist/: ${(error as Error).message}`);
  }
  const still = newerThanBundle();
  if (still.length > 0) throw new Error(`dist/ is still older than ${shown(still)} after npm run build; the CLI tests would run stale code.`);
}
