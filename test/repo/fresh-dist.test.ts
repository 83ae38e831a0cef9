// The global setup that keeps the CLI tests from running a dist/ older than src/ (test/helpers/fresh-dist.ts).
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newerThanBundle } from '../helpers/fresh-dist.js';

function tree(): { root: string; bundle: string; source: string } {
  const root = mkdtempSync(join(tmpdir(), 'plan-fresh-dist-'));
  for (const dir of ['src/project', 'templates', 'scripts', 'bin', 'dist/bundle']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['src/project/build.ts', 'templates/plan.md.hbs', 'scripts/bundle.mjs', 'bin/plan.cjs']) writeFileSync(join(root, file), '');
  const bundle = join(root, 'dist/bundle/main.js');
  writeFileSync(bundle, '');
  const past = new Date(Date.now() - 60_000);
  for (const file of ['src/project/build.ts', 'templates/plan.md.hbs', 'scripts/bundle.mjs', 'bin/plan.cjs']) utimesSync(join(root, file), past, past);
  return { root, bundle, source: join(root, 'src/project/build.ts') };
}

describe('the check that dist/ is not older than src/', () => {
  it('passes a bundle built after every source', () => {
    const { root, bundle } = tree();
    expect(newerThanBundle(root, bundle)).toEqual([]);
  });

  it('names a source changed after the bundle was built', () => {
    const { root, bundle, source } = tree();
    const later = new Date(Date.now() + 60_000);
    utimesSync(source, later, later);
    expect(newerThanBundle(root, bundle)).toEqual([join('src', 'project', 'build.ts')]);
  });

  it('names a missing bundle', () => {
    const { root } = tree();
    expect(newerThanBundle(root, join(root, 'dist/bundle/none.js'))).toEqual([join('dist', 'bundle', 'none.js') + ' (missing)']);
  });

  it('finds this checkout fresh: the global setup built it if it was not', () => {
    expect(newerThanBundle()).toEqual([]);
  });
});
