// Text fields keep a number as it was typed: 0x1F, 1e3, 2.50 and 007 are not 31, 1000, 2.5 and 7.
import { describe, expect, it } from 'vitest';
import { s, type ShapeIssue } from '../../src/model/shape.js';
import { readYaml } from '../../src/parse/yaml.js';

const shape = s.object({
  text: s.optional(s.string()),
  id: s.optional(s.string()),
  list: s.optional(s.list(s.string())),
  byType: s.optional(s.byType<string[]>({ string: s.map(s.string(), (one) => [one]), list: s.list(s.string()) })),
  count: s.optional(s.number()),
  table: s.optional(s.record(/^[a-z]+$/, 'task-id', s.string())),
});

function read(yaml: string) {
  const issues: ShapeIssue[] = [];
  const value = shape.read(readYaml(yaml, 'x.yaml').data, [], issues);
  expect(issues).toEqual([]);
  return value;
}

describe('numbers in text fields', () => {
  it.each(['0x1F', '1e3', '2.50', '007', '+5', '0o17', '.5', '1.0', '.inf'])('%s is kept as typed', (typed) => {
    expect(read(`text: ${typed}\nid: ${typed}\nlist: [${typed}, 3]\nbyType: ${typed}\ntable: { a: ${typed} }\n`)).toEqual({
      text: typed,
      id: typed,
      list: [typed, '3'],
      byType: [typed],
      table: { a: typed },
    });
  });

  it('a number field still reads the number, and a number typed as JavaScript prints it is unchanged', () => {
    expect(read('count: 2.50\ntext: 185\nid: -3.5\n')).toEqual({ count: 2.5, text: '185', id: '-3.5' });
  });
});
