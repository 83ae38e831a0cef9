// Deep YAML is refused by the 64-level limit, with its position, before the parser can overflow the stack.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { MAX_DEPTH, readYaml } from '../../src/parse/yaml.js';
import { yamlTooDeep } from '../../src/parse/yaml-nesting.js';
import { ROOT } from '../helpers/project.js';

/** A value nested `levels` collections deep, alternating mappings and lists. */
function nested(levels: number): unknown {
  let value: unknown = 'Kế hoạch: "x" # không phải chú thích';
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? { [`k${level}`]: value, s: `a'b` } : [value, '|'];
  return value;
}

describe('YAML nesting', () => {
  const forms: [string, (n: number) => string][] = [
    ['block mappings', (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    ['flow lists', (n) => `title: ${'['.repeat(n)}${']'.repeat(n)}`],
    ['flow mappings', (n) => `${'{a: '.repeat(n)}x${'}'.repeat(n)}`],
    ['compact lists', (n) => `${'- '.repeat(n)}x`],
    ['indented lists', (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}-`).join('\n')],
  ];

  it.each(forms)('%s: 2,500 and 1,500 levels are refused at the level past the limit, with no stack overflow', (_, make) => {
    for (const levels of [2_500, 1_500, 66]) {
      const parsed = readYaml(make(levels), 'x.yaml');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics).toHaveLength(1);
      expect(parsed.diagnostics[0]).toMatchObject({ code: 'too-deep', args: { limit: MAX_DEPTH } });
      expect(parsed.diagnostics[0]!.location.line).toBeDefined();
    }
  });

  it('flow brackets: the bracket one past the limit is the place', () => {
    expect(readYaml(`title: ${'['.repeat(2_500)}`, 'x.yaml').diagnostics[0]!.location).toMatchObject({ line: 1, column: 8 + MAX_DEPTH });
  });

  it('accepts the limit itself, and agrees with the parser on what is nested', () => {
    for (let levels = 1; levels <= MAX_DEPTH + 1; levels++) {
      const text = stringify(nested(levels));
      expect(yamlTooDeep(text, MAX_DEPTH), `${levels}\n${text}`).toBeUndefined();
      // The top collection is level 0: its values may nest 64 more, the scalars in them one more.
      expect(readYaml(text, 'x.yaml').diagnostics.map((d) => d.code)).toEqual(levels <= MAX_DEPTH ? [] : ['too-deep']);
    }
    expect(yamlTooDeep(stringify(nested(MAX_DEPTH + 2)), MAX_DEPTH)).toBeDefined();
  });

  it('never counts quoted text, comments or block scalars as nesting', () => {
    const text = `a: "${'['.repeat(200)}"\nb: '${'{'.repeat(200)}'\n# ${'['.repeat(200)}\nc: |\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 2)}x:`).join('\n')}\nd: x`;
    expect(yamlTooDeep(text, MAX_DEPTH)).toBeUndefined();
    expect(readYaml(text, 'x.yaml').diagnostics).toEqual([]);
  });

  it('finds nothing too deep in the project files', () => {
    const files = ['agencies.yaml', 'plan.config.yaml', 'templates/words.yaml', ...readdirSync(join(ROOT, 'plans'), { recursive: true }).map(String).filter((name) => name.endsWith('.yaml')).map((name) => join('plans', name))];
    for (const file of files) expect(yamlTooDeep(readFileSync(join(ROOT, file), 'utf8'), MAX_DEPTH), file).toBeUndefined();
  });
});
