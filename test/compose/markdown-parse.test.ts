// The fast reader of composed Markdown gives remark's tree for every document the example
// project makes, takes its fast path for plan bodies and extracts, and hands out trees that
// later stages may change without changing what it gives next time.
import { describe, expect, it, vi } from 'vitest';
import { addEndMark } from '../../src/compose/end-mark.js';
import { parseCommonShape, parseMarkdown } from '../../src/compose/markdown-parse.js';
import { remarkTree } from '../helpers/remark.js';
import { exampleDocuments } from './documents.js';

const recorded = vi.hoisted(() => ({ sources: [] as string[] }));
vi.mock('../../src/compose/markdown-parse.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/compose/markdown-parse.js')>();
  return {
    ...original,
    parseMarkdown: (source: string) => {
      recorded.sources.push(source);
      return original.parseMarkdown(source);
    },
  };
});

const documents = exampleDocuments(() => recorded.sources.splice(0));

describe('parseMarkdown on the example project', () => {
  it('composes the documents it is tested on', () => {
    const kinds = (kind: string) => documents.filter((d) => d.kind === kind).length;
    expect(kinds('body')).toBe(2);
    expect(kinds('appendix')).toBeGreaterThanOrEqual(1);
    expect(kinds('extract')).toBeGreaterThan(30);
    expect(kinds('file')).toBeGreaterThan(30);
  });

  it('gives remark\'s tree for every document', () => {
    for (const document of documents) {
      expect(parseMarkdown(document.markdown), document.name).toStrictEqual(remarkTree(document.markdown));
      // Again, from the memo of inline parses.
      expect(parseMarkdown(document.markdown), document.name).toStrictEqual(remarkTree(document.markdown));
    }
  });

  it('reads plan bodies and extracts without remark\'s block parser', () => {
    for (const document of documents.filter((d) => d.kind === 'body' || d.kind === 'extract')) {
      expect(parseCommonShape(document.markdown), document.name).toBeDefined();
    }
  });

  it('hands out fresh trees: a changed tree does not change the next one', () => {
    const extract = documents.find((d) => d.kind === 'extract' && /\*/.test(d.markdown))!;
    const first = parseMarkdown(extract.markdown);
    addEndMark(first, './.');
    const walk = (node: { value?: unknown; children?: unknown[] }): void => {
      if (typeof node.value === 'string') node.value = 'changed';
      node.children?.forEach((child) => walk(child as typeof node));
    };
    walk(first);
    expect(parseMarkdown(extract.markdown)).toStrictEqual(remarkTree(extract.markdown));
  });
});

describe('parseMarkdown on shapes near the edge of the fast path', () => {
  const cases = [
    'Đoạn một\ndòng hai  \ndòng ba \n\n# Tiêu đề  \n## Tiêu đề *nhấn* ##\n### 1\\. Mục\n####### bảy',
    '- một\n- hai\n\nĐoạn sau.\n',
    '- một\n\n- hai\n',
    '- một\nlười\n',
    '- một\n-\n- [ ] việc\n- [x] xong\n',
    'Đoạn\n- mục\n# Tiêu đề\nđoạn\n',
    'Đoạn\n1. mục\n',
    'Đoạn\n2) mục\n',
    'Đoạn\n---\n',
    'Đoạn\n===\n',
    '***\n___\n- - -\n',
    'Có chú thích[^1] và [^2] và [^A][^a] và [^9].\n\n[^1]: Một.\n\n[^a]: Chữ.\n\n[^2]: Hai *nghiêng*.\n',
    '[^1]: Một\ntiếp\n',
    '[^1]: Một\n[^2]: Hai\n',
    '[^x y]: dấu cách\n\nGọi [^x y].\n',
    '1\\. Nhiệm vụ *nhấn* và [^1]\n\n2\\. - không phải danh sách\n\n[^1]: Chú thích.\n',
    'Xem www.kontum.gov.vn hoặc https://x.vn hay thư a@b.vn, mailto:a@b.vn; www\\.x.vn\n',
    'Dấu \\\\ và \\* và \\a và cuối dòng\\\ntiếp \\\n',
    'Văn bản &amp; &#123; & nữa ! ![ảnh](u) <b>in</b> ~~gạch~~ `mã` | ống\n',
    '    thụt lề\n\n\tthẻ\n',
    'CRLF\r\ndòng\r\n',
    '> trích\n\n<div>html</div>\n\n```\nmã\n```\n',
    '| a | b |\n|---|---|\n| c | d |\n',
    '[nhãn]: /url\n\n[nhãn]\n',
    '# \n#\n#a\n',
    'Khoảng\u00a0trắng\u00a0 \n\u00a0đầu dòng\n',
  ];
  for (const source of cases) {
    it(JSON.stringify(source), () => {
      expect(parseMarkdown(source)).toStrictEqual(remarkTree(source));
    });
  }

  it('takes the fast path for the shapes our templates write', () => {
    expect(parseCommonShape(cases[0]!)).toBeUndefined(); // "####### bảy" and the closing "##" are remark's
    expect(parseCommonShape(cases[1]!)).toBeDefined();
    expect(parseCommonShape(cases[11]!)).toBeDefined();
    expect(parseCommonShape(cases[15]!)).toBeDefined();
    expect(parseCommonShape(cases[2]!)).toBeUndefined();
    expect(parseCommonShape(cases[3]!)).toBeUndefined();
  });
});
