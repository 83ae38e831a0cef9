// Deep Markdown (quotes, lists) is refused by the 64-level limit, with its position, before the parser runs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownNesting } from '../../src/parse/markdown-nesting.js';
import { readMarkdown } from '../../src/parse/markdown.js';
import { MAX_DEPTH } from '../../src/parse/yaml.js';
import { ROOT } from '../helpers/project.js';

const FRONT = '---\nplace: Kon Tum\n---\n\n## Mục đích\n\n';

describe('Markdown nesting', () => {
  const forms: [string, (n: number) => string][] = [
    ['quotes', (n) => `${'> '.repeat(n)}x`],
    ['quotes without spaces', (n) => `${'>'.repeat(n)}x`],
    ['indented lists', (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['numbered lists', (n) => Array.from({ length: n }, (_, i) => `${'   '.repeat(i)}1. x`).join('\n')],
    ['lists and quotes on a line', (n) => `${'- > '.repeat(n / 2)}x`],
  ];

  it.each(forms)('%s: 20,000 and 1,500 levels are refused at the marker past the limit', (_, make) => {
    for (const levels of [20_000, 1_500]) {
      if (levels === 20_000 && _.includes('lists') && !_.includes('quotes')) continue; // 20,000 indented lines are 400 MB
      const parsed = readMarkdown(`${FRONT}${make(levels)}\n`, 'x.plan.md');
      expect(parsed.data).toBeUndefined();
      expect(parsed.diagnostics).toEqual([expect.objectContaining({ code: 'too-deep', args: { limit: MAX_DEPTH } })]);
      expect(parsed.diagnostics[0]!.location.line).toBeGreaterThanOrEqual(7);
    }
  });

  it('points at the quote one past the limit', () => {
    expect(readMarkdown(`${FRONT}${'> '.repeat(20_000)}x\n`, 'x.plan.md').diagnostics[0]!.location).toMatchObject({ line: 7, column: 2 * MAX_DEPTH + 1 });
  });

  it('accepts the limit itself, closes list items as CommonMark does, and skips fenced code', () => {
    expect(markdownNesting(`${'> '.repeat(MAX_DEPTH)}x`, MAX_DEPTH)).toBeUndefined();
    const siblings = Array.from({ length: 200 }, (_, i) => `${i % 2 === 0 ? '' : '  '}- x`).join('\n');
    expect(markdownNesting(siblings, MAX_DEPTH)).toBeUndefined();
    expect(markdownNesting(`\`\`\`\n${'> '.repeat(100)}\n\`\`\`\n`, MAX_DEPTH)).toBeUndefined();
  });

  it('emphasis: 20,000 markers each side, or 3,000 nested strong texts, are refused at the closing marker', () => {
    for (const [text, offset] of [
      [`${'_'.repeat(20_000)}x${'_'.repeat(20_000)}`, 20_001],
      [`${'**a '.repeat(3_000)}x${' b**'.repeat(3_000)}`, 12_003],
      [`${'*'.repeat(2 * MAX_DEPTH + 2)}x${'*'.repeat(2 * MAX_DEPTH + 2)}`, 2 * MAX_DEPTH + 3],
    ] as const) {
      expect(markdownNesting(text, MAX_DEPTH)).toBe(offset);
      expect(readMarkdown(`${FRONT}${text}\n`, 'x.plan.md').diagnostics).toEqual([expect.objectContaining({ code: 'too-deep', location: expect.objectContaining({ line: 7, column: offset + 1 }) })]);
    }
  });

  it('emphasis: the limit itself, ordinary text, escapes, stray and spaced markers pass', () => {
    expect(markdownNesting(`${'*'.repeat(2 * MAX_DEPTH)}x${'*'.repeat(2 * MAX_DEPTH)}`, MAX_DEPTH)).toBeUndefined();
    expect(markdownNesting('*a* **b** _c_ ***d*** snake_case_name 2 * 3 * 4 '.repeat(2_000), MAX_DEPTH)).toBeUndefined();
    expect(markdownNesting(`${'\\*'.repeat(500)}x${'\\*'.repeat(500)}`, MAX_DEPTH)).toBeUndefined();
    expect(markdownNesting(`a ${'* '.repeat(500)}x${' *'.repeat(500)}`, MAX_DEPTH)).toBeUndefined();
    expect(markdownNesting(`${'**a '.repeat(40)}\n\n${'b** '.repeat(40)}`.repeat(10), MAX_DEPTH)).toBeUndefined();
  });

  it('finds nothing too deep in the example plans', () => {
    const plans = readdirSync(join(ROOT, 'plans'), { recursive: true }).map(String).filter((name) => name.endsWith('.md'));
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(markdownNesting(readFileSync(join(ROOT, 'plans', plan), 'utf8'), MAX_DEPTH), plan).toBeUndefined();
  });
});
