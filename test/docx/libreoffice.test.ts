// A real word processor proves the DOCX: LibreOffice renders it, and its pages are compared with ours.
import { beforeAll, describe, expect, it } from 'vitest';
import { typesetDocx } from '../../src/typeset/docx/index.js';
import { loadFonts, typesetPdf } from '../../src/typeset/pdf/index.js';
import { requireReal } from '../helpers/real.js';
import { readPdf } from '../typeset/helpers.js';
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

  it("reads the seed's words in order, footnotes at the foot of their pages", () => {
    const expected = words(referenceText().all);
    const got = words(pages.map((p) => p.text).join('\n'));
    expect(inSequence(expected, got) / expected.length).toBeGreaterThanOrEqual(0.97);
    expect(atAll(expected, got) / expected.length).toBeGreaterThanOrEqual(0.995);
  });

  it('prints on A4 and leaves page 1 unnumbered', () => {
    for (const page of pages) expect([page.width, page.height]).toEqual([expect.closeTo(595.3, 0), expect.closeTo(841.9, 0)]);
    const top = (p: ReadPage): string => p.items.filter((i) => i.str.trim() && i.y > p.height - 20 * (72 / 25.4)).map((i) => i.str.trim()).join(' ');
    expect(top(pages[0] as ReadPage)).toBe('');
    pages.slice(1).forEach((p, i) => expect(top(p)).toBe(String(i + 2)));
  });
});
