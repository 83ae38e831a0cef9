// No run-time V8 flags: they are no documented interface, and a newer Node prints a warning for
// some that an older one took ("The remaining arguments were ignored: --max-inlined-..." on
// Node 22), which a clerk must never see.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project.js';

/** Every file below `dir` with one of the endings. */
function files(dir: string, endings: RegExp): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && endings.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the code the CLI runs', () => {
  it('sets no V8 flag at run time and passes none to Node', () => {
    const found = [...files('bin', /\.c?js$/), ...files('src', /\.ts$/), ...files('scripts', /\.m?js$/), ...files('bench', /\.m?js$/)].filter((file) =>
      /setFlagsFromString|execArgv\s*:|--(?:max-old-space|interrupt-budget|max-inlined|no-opt|stack-size)/.test(readFileSync(file, 'utf8')),
    );
    expect(found.map((file) => file.slice(ROOT.length))).toEqual([]);
  });
});
