// Hidden characters written by YAML's escapes in double quotes are checked as raw text is.
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/parse/text.js';
import { readYaml } from '../../src/parse/yaml.js';

describe('escapes in double quotes', () => {
  const cases: [string, string][] = [
    ['\\u0000', 'U+0000'],
    ['\\0', 'U+0000'],
    ['\\r', 'U+000D'],
    ['\\u202e', 'U+202E'],
    ['\\u200b', 'U+200B'],
    ['\\x07', 'U+0007'],
    ['\\x1b', 'U+001B'],
    ['\\e', 'U+001B'],
    ['\\N', 'U+0085'],
    ['\\u2066', 'U+2066'],
    ['\\U00002069', 'U+2069'],
  ];
  it.each(cases)('"%s" is reported where it is written, and dropped', (escape, char) => {
    const parsed = readYaml(`place: Kon Tum\ntitle: "Kế ${escape}hoạch"\n`, 'x.plan.yaml');
    expect(parsed.data).toEqual(Object.assign(Object.create(null), { place: 'Kon Tum', title: 'Kế hoạch' }));
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ code: 'control-char', severity: 'warning', args: { char }, location: expect.objectContaining({ line: 2, column: 12, length: escape.length }) }),
    ]);
  });

  it('reports each of several, and leaves tabs, line ends and escaped backslashes alone', () => {
    const parsed = readYaml('title: "a\\x1b[2J b\\\\x1b c\\td\\ne \\u200b"\n', 'x.plan.yaml');
    expect((parsed.data as { title: string }).title).toBe('a[2J b\\x1b c\td\ne ');
    expect(parsed.diagnostics.map((d) => [d.args.char, d.location.column])).toEqual([['U+001B', 10], ['U+200B', 33]]);
  });

  it('reports direction isolates typed as they are, as other hidden characters', () => {
    const decoded = decodeSource(new TextEncoder().encode('title: a\u2066b\u2069\n'), 'x.plan.yaml');
    expect(decoded.ok && decoded.text).toBe('title: ab\n');
    expect(decoded.diagnostics.map((d) => d.args.char)).toEqual(['U+2066', 'U+2069']);
  });
});
