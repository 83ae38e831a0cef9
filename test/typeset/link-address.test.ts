// A link's address is printed after its words, in the PDF, the DOCX and the Markdown given to templates.
import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { inlineMarkdown } from '../../src/compose/markdown.js';
import { parseMarkdown } from '../../src/compose/markdown-parse.js';
import { inlineRuns as docxRuns } from '../../src/typeset/docx/runs.js';
import { FootnoteNumbers, inlineRuns as pdfRuns } from '../../src/typeset/pdf/runs.js';

const link = (url: string, words: string): PhrasingContent => ({ type: 'link', url, children: [{ type: 'text', value: words }] });
const line = (...nodes: PhrasingContent[]): PhrasingContent[] => [{ type: 'text', value: 'Xem ' }, ...nodes];
const pdf = (nodes: PhrasingContent[]) => pdfRuns(nodes, { bold: false, italic: false, size: 14 }, new FootnoteNumbers()).map((run) => run.text).join('');
const docx = (nodes: PhrasingContent[]) => [...docxRuns(nodes, { bold: false, italic: false, size: 14 }, () => '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('link addresses', () => {
  it('follow the words in parentheses, in the PDF and the DOCX', () => {
    const nodes = line(link('https://kontum.gov.vn/a?b=1&c=2', 'cổng thông tin'));
    expect(pdf(nodes)).toBe('Xem cổng thông tin (https://kontum.gov.vn/a?b=1&c=2)');
    expect(docx(nodes)).toBe('Xem cổng thông tin (https://kontum.gov.vn/a?b=1&amp;c=2)');
  });

  it('are printed once when the words are the address', () => {
    for (const nodes of [line(link('https://kontum.gov.vn', 'https://kontum.gov.vn')), line(link('mailto:vt@kontum.gov.vn', 'vt@kontum.gov.vn'))]) {
      expect(pdf(nodes)).toBe(`Xem ${(nodes[1] as { children: { value: string }[] }).children[0]!.value}`);
      expect(docx(nodes)).toBe(pdf(nodes));
    }
    expect(pdf(line(link('mailto:vt@kontum.gov.vn', 'Văn thư')))).toBe('Xem Văn thư (vt@kontum.gov.vn)');
  });

  it('reach templates after the words, and print once when read back', () => {
    const tree = parseMarkdown(inlineMarkdown(line(link('https://kontum.gov.vn', 'cổng')) as never));
    expect(pdf((tree.children[0] as { children: PhrasingContent[] }).children)).toBe('Xem cổng (https://kontum.gov.vn)');
  });
});
