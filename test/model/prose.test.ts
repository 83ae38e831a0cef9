// Prose taken as plain text without the parser is exactly the prose the parser would find plain:
// autolink literals and setext underlines still go through it (markdown-syntax.ts is shared with
// the composed-Markdown reader), while ">", "=" and "#" inside a line no longer send text there.
import { describe, expect, it } from 'vitest';
import { parseParagraphs, type ProseProblem } from '../../src/model/prose.js';

function read(text: string): { paragraphs: unknown; problems: ProseProblem[] } {
  const problems: ProseProblem[] = [];
  return { paragraphs: parseParagraphs(text, [], problems), problems };
}

describe('plain prose', () => {
  it('keeps web and e-mail addresses as the parser reads them: links', () => {
    expect(read('Xem www.kontum.gov.vn hoặc thư so@kontum.gov.vn').paragraphs).toEqual([
      [
        { type: 'text', value: 'Xem ' },
        { type: 'link', url: 'http://www.kontum.gov.vn', children: [{ type: 'text', value: 'www.kontum.gov.vn' }] },
        { type: 'text', value: ' hoặc thư ' },
        { type: 'link', url: 'mailto:so@kontum.gov.vn', children: [{ type: 'text', value: 'so@kontum.gov.vn' }] },
      ],
    ]);
  });

  it('reports a line of dashes under text: Markdown reads a heading', () => {
    expect(read('Nội dung\n---').problems).toEqual([{ kind: 'markdown-structure', offset: 0, length: 8, detail: 'heading' }]);
  });

  it('keeps a heading, a list, a table or a quote typed in a field as plain text, and reports it', () => {
    const cases: [string, string, string][] = [
      ['Mở đầu.\n# Tiêu đề', 'heading', '# Tiêu đề'],
      ['Các việc:\n- một\n- hai', 'list', '- một - hai'],
      ['| a | b |\n| --- | --- |\n| 1 | 2 |', 'table', '| a | b | | --- | --- | | 1 | 2 |'],
      ['> trích dẫn', 'blockquote', '> trích dẫn'],
    ];
    for (const [text, detail, kept] of cases) {
      const { paragraphs, problems } = read(text);
      expect(problems.map((problem) => problem.detail), text).toEqual([detail]);
      expect(JSON.stringify(paragraphs), text).toContain(JSON.stringify({ type: 'text', value: kept }));
    }
  });

  it('takes signs inside a line as text', () => {
    expect(read('a > b = c # d')).toEqual({ paragraphs: [[{ type: 'text', value: 'a > b = c # d' }]], problems: [] });
  });
});
