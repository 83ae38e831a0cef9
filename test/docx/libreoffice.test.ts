// A real word processor proves the DOCX: LibreOffice renders it, and its pages are compared with ours.
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetDocx } from '../../src/typeset/docx/index.js';
import { loadFonts, typesetPdf } from '../../src/typeset/pdf/index.js';
import { requireReal } from '../helpers/real.js';
import { footOfPage, readPdf } from '../typeset/helpers.js';
import type { ReadPage } from '../typeset/helpers.js';
import { atAll, hasSoffice, inSequence, libreOfficePdf, referenceText, seedDocument, words } from './helpers.js';

const soffice = requireReal('LibreOffice (soffice)', hasSoffice(), 'apt-get install -y libreoffice-writer-nogui');

describe.skipIf(!soffice)('the seed DOCX rendered by LibreOffice', () => {
  let pages: ReadPage[];
  let ourPages: number;

  beforeAll(async () => {
    const { tree, style } = seedDocument();
    const fonts = loadFonts(style.font);
    const pdf = typesetPdf(tree, style, fonts);
    if (!pdf.ok) throw new Error(JSON.stringify(pdf.problems));
    ourPages = pdf.pageCount;
    const rendered = libreOfficePdf(typesetDocx(tree, style, fonts));
    // Kept for looking at: pdftoppm -r 60 -png <dir>/plan.pdf <dir>/p
    console.info(`LibreOffice's rendering: ${rendered.dir}/plan.pdf`);
    pages = await readPdf(rendered.pdf);
  }, 180_000);

  it('has as many pages as our PDF, give or take one', () => {
    expect(Math.abs(pages.length - ourPages)).toBeLessThanOrEqual(1);
  });

  it("reads the seed's words in order", () => {
    const expected = words(referenceText().all);
    const got = words(pages.map((p) => p.text).join('\n'));
    expect(inSequence(expected, got) / expected.length).toBeGreaterThanOrEqual(0.97);
    expect(atAll(expected, got) / expected.length).toBeGreaterThanOrEqual(0.995);
  });

  it('puts each footnote at the foot of the page that holds its reference', () => {
    // The reference's notes, one a line, opened by their superscript numbers: ¹ Các khẩu hiệu...
    const notes = referenceText().notes.split('\n').filter((line) => line.trim() !== '');
    expect(notes).toHaveLength(2);
    const allNotes = notes.map((line) => line.replace(/^[¹²³⁴⁵⁶⁷⁸⁹⁰]+/, '')).join('').replace(/\s+/g, '');
    const bottom = 20 * (72 / 25.4);
    for (const [n, line] of notes.entries()) {
      const opening = line.replace(/^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*/, '').slice(0, 20);
      const notePages = pages.flatMap((p, i) => (p.items.some((item) => item.str.includes(opening)) ? [i] : []));
      expect(notePages, opening).toHaveLength(1);
      const page = pages[notePages[0]!] as ReadPage;
      const start = page.items.find((item) => item.str.includes(opening))!;
      // The body text above it on that page holds the reference: the word the note follows.
      const above = page.items.filter((item) => item.y > start.y + 0.5).map((item) => item.str).join(' ');
      expect(above, `note ${n + 1}`).toContain(['hành động', 'đường dây nóng'][n]!);
      // From the note down, only footnote text, ending on the bottom margin.
      const { text, lowest } = footOfPage(page, start);
      expect(allNotes.includes(text), text).toBe(true);
      expect(lowest).toBeGreaterThanOrEqual(bottom - 1);
      expect(lowest).toBeLessThan(bottom + 12 * 1.5);
    }
  });

  it('prints on A4 and leaves page 1 unnumbered', () => {
    for (const page of pages) expect([page.width, page.height]).toEqual([expect.closeTo(595.3, 0), expect.closeTo(841.9, 0)]);
    const top = (p: ReadPage): string => p.items.filter((i) => i.str.trim() && i.y > p.height - 20 * (72 / 25.4)).map((i) => i.str.trim()).join(' ');
    expect(top(pages[0] as ReadPage)).toBe('');
    pages.slice(1).forEach((p, i) => expect(top(p)).toBe(String(i + 2)));
  });
});
