// No test or source file names a folder of one machine (a home or work folder, a Windows drive):
// such a test passes on that machine and fails in every other clone.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project.js';

// Built so that this file does not match itself.
const MACHINE_PATH = /\/(?:work|home|Users|root)\/|\b[A-Za-z]:\\\\/;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : /\.(?:ts|mjs|cjs|js|yaml|md|hbs)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('the repository', () => {
  it('names no absolute path of a machine in test/ or src/', () => {
    const all = [...files('src'), ...files('test')];
    expect(all.length).toBeGreaterThan(100);
    const found = all.flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (MACHINE_PATH.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
