// Property-based test of prose read without the parser (src/model/prose.ts): text with footnote
// references, mixed with what must go to the parser (markup, undefined labels, references that
// could be links, hard breaks, block starts), reads exactly as the parser reads it, with the same
// problems. Fixed seed.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as syntax from '../../src/model/markdown-syntax.js';
import { markdownParagraphs, parseParagraphs, type ProseProblem } from '../../src/model/prose.js';

vi.mock('../../src/model/markdown-syntax.js', { spy: true });

const SEED = 20_261_129;
const LABELS = ['1', '2', 'A', 'ghi-chu'];

const WORDS = ['Tổ', 'chức', 'triển', 'khai', 'phòng,', 'chống', 'mua', 'bán', 'người;', '30/7', '“Ngày', 'toàn', 'dân”', '(nếu', 'có)', 'x-y', 'a.b'];
const OTHER = ['[^1]', '[^2]', '[^a]', '[^GHI-CHU]', '[^9]', '[^1](u)', '[^1][^2]', '[^1]:', '*nhấn*', '_x_', '`m`', 'www.x.vn', 'a@b.vn', '\\', '[x]', '&amp;', '<b>'];
const word = fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: fc.constantFrom(...OTHER) });
const glue = fc.constantFrom(' ', ' ', ' ', '', '\n', '\n\n', '  \n', '\t', '\n   ', '\n\n\n', '\n- ', '\n1. ', '\n---\n');
const prose = fc.array(fc.tuple(word, glue), { minLength: 1, maxLength: 14 }).map((parts) => parts.map(([w, g]) => w + g).join(''));
// Typed numbers ("1. ", "- ") at the very start are cut off before reading, so they start lines
// further in instead (glue above).
const lineStart = fc.constantFrom('', '', '', '', '# ', '> ', '    ', '[^1]: ');

function read(text: string) {
  const problems: ProseProblem[] = [];
  return { paragraphs: parseParagraphs(text, LABELS, problems), problems };
}

function parsed(text: string) {
  const problems: ProseProblem[] = [];
  return { paragraphs: markdownParagraphs(text, LABELS, problems), problems };
}

describe('prose without the parser', () => {
  it('reads as the parser does', () => {
    fc.assert(
      fc.property(lineStart, prose, (start, body) => {
        const text = start + body;
        expect(read(text)).toEqual(parsed(text));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('is taken for text and footnote references', () => {
    const parse = vi.mocked(syntax.parseWithFootnotes);
    parse.mockClear();
    const text = 'Tổ chức các hoạt động hưởng ứng với các khẩu hiệu hành động[^1] và đường dây nóng[^A]...\nnhằm nâng cao.\n\nĐoạn hai.';
    expect(read(text)).toEqual(parsed(text));
    parse.mockClear();
    read(text);
    expect(parse).not.toHaveBeenCalled();
    read('Có *nhấn*[^1].');
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
