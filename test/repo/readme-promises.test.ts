// test/README-PROMISES.md names, for each promise of the README, the test that checks it: every
// file it names is there, and holds a test of the name it gives, so that the list cannot rot.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/project.js';

const LIST = readFileSync(join(ROOT, 'test', 'README-PROMISES.md'), 'utf8');

/** The rows of the list's tables: promise, test file, test name (its start, when cut with "…"). */
function rows(): { promise: string; file: string; name: string }[] {
  return LIST.split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Promise |') && !line.startsWith('| ---'))
    .map((line) => {
      const cells = line.slice(2, -2).split(/ (?<!\\)\| /);
      expect(cells, line).toHaveLength(3);
      const [promise, file, name] = cells as [string, string, string];
      return { promise, file: file.replace(/^`|`$/g, ''), name: name.replace(/\\\|/g, '|').replace(/ …$/, '') };
    });
}

describe('the list of README promises', () => {
  it('names, for each promise, a test file that holds a test of that name', () => {
    const listed = rows();
    expect(listed.length).toBeGreaterThan(150);
    const missing = listed
      .filter(({ file }) => file !== '—')
      .filter(({ file, name }) => {
        const path = join(ROOT, 'test', file);
        return !existsSync(path) || !readFileSync(path, 'utf8').replace(/\\'/g, "'").includes(name);
      })
      .map(({ file, name }) => `${file}: ${name}`);
    expect(missing).toEqual([]);
  });
});
