// A lead-in (a paragraph ending with ":") stays on the page of what it introduces, in the PDF and
// the DOCX alike (issue 23, item 6): pushed down a page line by line, it never ends a page alone.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildPlanFile } from '../../src/project/pipeline.js';
import { parts } from '../docx/helpers.js';
import { exampleProject } from '../extract/seed.js';

const HEAD = `issuer: { parent: ỦY BAN NHÂN DÂN TỈNH KON TUM, name: BAN CHỈ ĐẠO, abbreviation: BCĐ }
place: Kon Tum
date: 2027-03-15
title: Thử giữ đoạn dẫn với phần sau
recipients: [Công an tỉnh]
archive: [VT]
signature: { positions: [TRƯỞNG BAN], name: Lê Ngọc Tuấn }
`;
const LEAD_IN = 'Trong đó, phần do ngân sách tỉnh bảo đảm gồm:';

/** A plan whose lead-in comes after `lines` short filler items, then a list. */
function plan(lines: number): string {
  const filler = Array.from({ length: lines }, (_, i) => `      - Nội dung thứ ${i + 1} của phần đầu kế hoạch.`).join('\n');
  return `${HEAD}sections:\n  - kind: funding\n    body:\n      - items:\n${filler.replace(/^ {6}- /gm, '          - ')}\n      - "${LEAD_IN}"\n      - bullets: [Kinh phí tuyên truyền (đầu danh sách);, Kinh phí tập huấn.]\n`;
}

describe('a lead-in ending with ":"', () => {
  it('never ends a PDF page alone, wherever the page breaks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-lead-in-'));
    let moved = 0;
    for (let lines = 18; lines <= 40; lines++) {
      const file = join(dir, `lead-${lines}.plan.yaml`);
      writeFileSync(file, plan(lines));
      const result = buildPlanFile(exampleProject(), file);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const pdf = result.outputs.find((o) => o.path.endsWith(`lead-${lines}.pdf`))!.bytes;
      const { text } = await extractText(await getDocumentProxy(pdf.slice()));
      const pages = text as string[];
      const page = pages.findIndex((content) => content.replace(/\s+/g, ' ').includes(LEAD_IN));
      expect(page, `${lines} lines`).toBeGreaterThanOrEqual(0);
      expect(pages[page]!.replace(/\s+/g, ' '), `${lines} lines`).toContain('Kinh phí tuyên truyền (đầu danh sách)');
      // Where the page breaks just before the lead-in, it opens its page (after the page number).
      if (page > 0 && pages[page]!.replace(/\s+/g, ' ').trim().replace(/^\d+ /, '').startsWith(LEAD_IN)) moved++;
    }
    // Some of these layouts would have left the lead-in last on a page: it went to the next one.
    expect(moved).toBeGreaterThan(0);
  }, 120_000);

  it('is kept with the next paragraph in the DOCX', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-lead-in-'));
    const file = join(dir, 'lead.plan.yaml');
    writeFileSync(file, plan(3));
    const result = buildPlanFile(exampleProject(), file);
    const docx = result.outputs.find((o) => o.path.endsWith('lead.docx'))!.bytes;
    const paragraph = parts(docx)['word/document.xml']!.split('</w:p>').find((xml) => xml.includes('Trong đó, phần do ngân sách tỉnh bảo đảm gồm:'))!;
    expect(paragraph).toContain('<w:keepNext/>');
    const list = parts(docx)['word/document.xml']!.split('</w:p>').find((xml) => xml.includes('Kinh phí tuyên truyền (đầu danh sách);'))!;
    expect(list).not.toContain('<w:keepNext/>');
  });
});
