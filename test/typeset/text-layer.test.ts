// The text layer stays whole across documents typeset in one process (a plan, then its extracts).
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { loadFonts, typesetPdf } from '../../src/typeset/pdf/index.js';
import { defaultStyle, parseMarkdown, seedTree } from '../fixtures/typeset/seed-tree.js';

async function text(bytes: Uint8Array): Promise<string> {
  return (await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true })).text;
}

describe('text layer', () => {
  it('keeps every letter in a document typeset after another one', async () => {
    // "Ỉ" is drawn from the glyph of "I" plus a hook: subsetting the first document touches the
    // glyph of "I" although no "I" was written.
    const first = typesetPdf({ ...seedTree(), body: parseMarkdown('TỈNH **TỈNH** *TỈNH*\n'), appendices: [] }, defaultStyle, loadFonts(defaultStyle.font));
    expect(first.ok).toBe(true);
    const second = { ...seedTree(), body: parseMarkdown('PHÒNG CHỐNG TỘI PHẠM XÃ HỘI MỚI\n\n**IN ĐẬM MỚI** *INH NGHIÊNG*\n'), appendices: [] };
    const result = typesetPdf(second, defaultStyle, loadFonts(defaultStyle.font));
    expect(result.ok).toBe(true);
    const read = await text(result.ok ? result.bytes : new Uint8Array());
    expect(read).toContain('PHÒNG CHỐNG TỘI PHẠM XÃ HỘI MỚI');
    expect(read).toContain('IN ĐẬM MỚI');
    expect(read).toContain('INH NGHIÊNG');
  });
});
