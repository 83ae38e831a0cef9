// Where a problem is shown: at the value, also for a list written as its one value.
import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/parse/yaml.js';

const SOURCE = ['reports:', '  to: Sở Tư Phap', '  due: 15/12/2026', 'lead:', '  - Công an tỉnh', 'tasks: Việc đơn lẻ', ''].join('\n');

describe('SourceMap.locate', () => {
  const { map } = readYaml(SOURCE, 'x.plan.yaml');

  it('finds the fields of a list written as its one value under the list key', () => {
    // The model reads "reports" as a list of one: the agency is at reports[0].to.
    expect(map.locate(['reports', 0, 'to'])).toMatchObject({ line: 2, column: 7, length: 10 });
    expect(map.locate(['reports', 0, 'due'])).toMatchObject({ line: 3, column: 8 });
    expect(map.locateInText(['reports', 0, 'to'], 'Sở Tư Phap', 3)).toMatchObject({ line: 2, column: 10 });
  });

  it('keeps real indexes, and a short form found at its parent', () => {
    expect(map.locate(['lead', 0])).toMatchObject({ line: 5, column: 5 });
    expect(map.locate(['tasks', 0, 'text'])).toMatchObject({ line: 6, column: 8 });
    // A field not written points at the mapping that lacks it.
    expect(map.locate(['reports', 0, 'from'])).toMatchObject({ line: 2, column: 3 });
  });
});
