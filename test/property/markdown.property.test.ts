// Property-based test of the fast Markdown reader (src/compose/markdown-parse.ts): for documents
// generated from the shapes our templates write, mixed with pieces that must not be read as
// those shapes (escapes, emphasis, footnote references with and without definitions, URLs,
// indented lines, ordered items, rules, trailing spaces, tabs, closing "#", loose lists, lazy
// lines, CRLF), the tree is remark's, whether or not the fast path was taken. Fixed seed.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as syntax from '../../src/model/markdown-syntax.js';
import { parseCommonShape, parseMarkdown } from '../../src/compose/markdown-parse.js';
import { remarkTree } from '../helpers/remark.js';

vi.mock('../../src/model/markdown-syntax.js', { spy: true });

const SEED = 20_261_129;

const WORDS = ['Kế', 'hoạch', 'triển', 'khai', 'phòng,', 'chống', 'mua', 'bán', 'người;', 'năm', '2021', 'Ủy', 'ban', '“Ngày', 'toàn', 'dân”', '(nếu', 'có)', '50%', '30/7', 'đ', 'a.b', 'x-y', 'Nội\u00a0dung'];
/** Inline pieces our templates write, and markup they do not. */
const INLINE = [
  '1\\.', '2\\)', '\\-', '\\#', '\\*', '\\_', '\\[', '\\]', '\\|', '\\\\', '\\&', '\\!', '\\<', '\\~', '\\`', '\\{',
  '[^1]', '[^2]', '[^A]', '[^ghi-chu]', '[^9]', '[^x y]', '[^1](u)', '[^', ']',
  '*nhấn*', '**đậm**', '“*Ngày*”', '(*dự kiến*)', '*a*.', '*a*,', '*(a)*', '* a*', '*a *', '**a*', '*a**', '***a***', 'x*y*', '*y*z', '*a*[^1]', '*a\\.*', '*a*-', '**a** **b**', '_nghiêng_', 'x_y', '*', '_', '`mã`', '~~gạch~~', '~', '|', 'a|b',
  '[liên kết](u)', '[ref]', '![ảnh](u)', '!', '<b>', '<http://x.vn>', '&amp;', '&#123;', '&', '& x',
  'http://x.vn', 'https://kontum.gov.vn/a.', 'www.kontum.gov.vn', 'WWW.X.VN', 'www\\.x.vn', 'a@b.vn', 'mailto:a@b.vn', 'xmpp:a@b.vn',
  '\\', '\\a', '#', '##', '1.', '2)', '-', '+', '=', ':', '>',
];
const LABELS = ['1', '2', 'A', 'a', 'ghi-chu', 'x y', '9\\]'];

const word = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...INLINE) });
const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
/** Mostly nothing at the end of a line; sometimes spaces (a hard break), a tab, a backslash or "#". */
const lineEnd = fc.oneof({ weight: 16, arbitrary: fc.constant('') }, { weight: 3, arbitrary: fc.constantFrom(' ', '  ', '   ', '\t', '\\', ' #', ' ##', '#') });
/** Mostly nothing at the start of a line; sometimes indentation. */
const lineStart = fc.oneof({ weight: 30, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '  ', '    ', '\t') });
const line = fc.tuple(lineStart, text, lineEnd).map(([start, middle, end]) => start + middle + end);

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(' ', ' ', '  ', ''), line).map(([depth, space, content]) => `${'#'.repeat(depth)}${space}${content}`);
const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
const marker = fc.oneof({ weight: 20, arbitrary: fc.constant('- ') }, { weight: 1, arbitrary: fc.constantFrom('-  ', '-', '* ', '+ ', '1. ', '1) ', '2. ', '- [ ] ', '- [x] ', '- - ', '- # ') });
const item = fc.tuple(marker, line).map(([mark, content]) => mark + content);
/** Items one to a line; now and then a blank line between two, or a lazy line after one. */
const list = fc.array(fc.tuple(item, fc.oneof({ weight: 16, arbitrary: fc.constant('\n') }, { weight: 1, arbitrary: fc.constantFrom('\n\n', '\nlười\n') })), { minLength: 1, maxLength: 5 }).map((items) => items.map(([entry, after], index) => (index === items.length - 1 ? entry : entry + after)).join(''));
const footnote = fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(': ', ': ', ':', ':  '), line).map(([label, colon, content]) => `[^${label}]${colon}${content}`);
const hostileBlock = fc.constantFrom('---', '***', '___', '- - -', '===', 'Đoạn\n---', 'Đoạn\n===', '> trích', '```\nmã\n```', '| a | b |\n|---|---|\n| c | d |', '<div>khối</div>', '    thụt lề', '[ref]: /url', '[^1]: một\n    tiếp', '');

const block = fc.oneof(
  { weight: 3, arbitrary: heading },
  { weight: 6, arbitrary: paragraph },
  { weight: 4, arbitrary: list },
  { weight: 2, arbitrary: footnote },
  { weight: 1, arbitrary: hostileBlock },
);
const separator = fc.oneof({ weight: 12, arbitrary: fc.constant('\n\n') }, { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n\n', ' \n\n', '\n  \n') });
const document = fc
  .tuple(fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 8 }), fc.constantFrom('', '\n', '\n\n'), fc.boolean(), fc.integer({ min: 0, max: 9 }))
  .map(([blocks, end, crlf, roll]) => {
    const text = blocks.map(([entry, after]) => entry + after).join('').replace(/\n+$/, '') + end;
    // One document in ten with CRLF line ends.
    return crlf && roll === 0 ? text.replace(/\n/g, '\r\n') : text;
  });

/** The same grammar without the hostile pieces: what the fast path must take. */
const plainWord = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom('1\\.', '\\*', '[^1]', '[^A]', '*nhấn*', '**đậm**', '“*Ngày toàn dân*”', '(*dự kiến*)') });
const plainLine = fc.tuple(fc.constantFrom(...WORDS), fc.array(plainWord, { maxLength: 8 })).map(([first, words]) => [first, ...words].join(' '));
const plainDocument = fc
  .array(
    fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 6 }), plainLine).map(([depth, content]) => `${'#'.repeat(depth)} ${content}`),
      fc.array(plainLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
      // A list, and a paragraph after it (two lists in a row would be one loose list).
      fc.tuple(fc.array(plainLine, { minLength: 1, maxLength: 4 }), plainLine).map(([items, after]) => `${items.map((entry) => `- ${entry}`).join('\n')}\n\n${after}`),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((blocks) => `${blocks.join('\n\n')}\n\n[^1]: Chú thích.\n\n[^a]: Khác.\n`);

describe('parseMarkdown against remark', () => {
  it('gives remark\'s tree for generated documents, hostile pieces included', () => {
    let fast = 0;
    fc.assert(
      fc.property(document, (source) => {
        if (parseCommonShape(source)) fast++;
        expect(parseMarkdown(source)).toStrictEqual(remarkTree(source));
      }),
      { seed: SEED, numRuns: 2000 },
    );
    // The grammar must reach the fast path often enough to test it.
    expect(fast).toBeGreaterThan(200);
  });

  it('takes the fast path for documents of the shapes our templates write', () => {
    const parse = vi.mocked(syntax.parseWithFootnotes);
    fc.assert(
      fc.property(plainDocument, (source) => {
        parse.mockClear();
        const tree = parseCommonShape(source);
        // Blocks and inline content alike: the parser is not run.
        expect(parse).not.toHaveBeenCalled();
        expect(tree).toBeDefined();
        expect(tree).toStrictEqual(remarkTree(source));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
