import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../src/compose/tree.js';
import { typesetDocx } from '../../src/typeset/docx/index.js';
import { loadFonts } from '../../src/typeset/pdf/index.js';
import type { PageStyle } from '../../src/typeset/style.js';
import { defaultStyle, seedTree } from '../fixtures/typeset/seed-tree.js';
import { elements, parseXml } from '../helpers/xml.js';
import { atAll, inSequence, parts, referenceText, seedDocument, words, xmlText } from './helpers.js';

let tree: DocumentTree;
let style: PageStyle;
let bytes: Uint8Array;
let xml: Record<string, string>;

beforeAll(async () => {
  ({ tree, style } = seedDocument());
  bytes = typesetDocx(tree, style, loadFonts(style.font));
  xml = parts(bytes);
});

const doc = (): string => xml['word/document.xml'] ?? '';

describe('typesetDocx on the seed plan', () => {
  // Notes sit where a page ends, which only a word processor knows: the file's running text and its
  // footnotes part are each compared in order with their part of the reference (the LibreOffice test
  // compares the rendered pages with the whole reference).
  it("holds the seed's words in order", () => {
    const ref = referenceText();
    const running = words(ref.running);
    const notes = words(ref.notes);
    const body = words(xmlText(doc()));
    const footnotes = words(xmlText(xml['word/footnotes.xml'] ?? ''));
    expect(running.length).toBeGreaterThan(2000);
    expect(notes.length).toBeGreaterThan(50);
    expect(inSequence(running, body) / running.length).toBeGreaterThanOrEqual(0.97);
    expect(inSequence(notes, footnotes) / notes.length).toBeGreaterThanOrEqual(0.97);
    const all = words(ref.all);
    expect(atAll(all, [...body, ...footnotes]) / all.length).toBeGreaterThanOrEqual(0.995);
  });

  it('names the configured font and sets sizes in half-points', () => {
    expect(style.font.name).toBe('Times New Roman');
    expect(xml['word/styles.xml']).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(xml['word/styles.xml']).toContain(`<w:sz w:val="${style.bodySize * 2}"/>`);
    expect(doc()).toContain(`<w:sz w:val="${style.recipientsSize * 2}"/>`);
  });

  it('prints on A4 with the configured margins in rounded twips', () => {
    const twips = (mm: number): number => Math.round((mm * 1440) / 25.4);
    const sections = doc().match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(1 + tree.appendices.length);
    const m = style.margins;
    for (const sect of sections) {
      expect(sect).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
      expect(sect).toMatch(new RegExp(`<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" w:left="${twips(m.left)}" `));
      expect(sect).toContain('<w:titlePg/>');
      expect(sect).toContain('<w:pgNumType w:start="1"/>');
    }
    expect([twips(m.top), twips(m.left), twips(m.right)]).toEqual([1134, 1701, 850]);
  });

  it('numbers pages with a PAGE field in a centred header hidden on the first page', () => {
    // Each section's header references, resolved through the document's relationships to the parts they name.
    const targets = new Map(elements(parseXml(xml['word/_rels/document.xml.rels']!), 'Relationship').map((r) => [r.attributes.Id!, `word/${r.attributes.Target!}`]));
    const hasPageField = (part: string): boolean => elements(parseXml(xml[part]!), 'w:instrText').some((e) => e.children.join('').trim() === 'PAGE');
    const sections = elements(parseXml(doc()), 'w:sectPr');
    expect(sections).toHaveLength(1 + tree.appendices.length);
    for (const section of sections) {
      // A distinct first page...
      expect(elements(section, 'w:titlePg')).toHaveLength(1);
      const header = (type: string): string => {
        const refs = elements(section, 'w:headerReference').filter((r) => r.attributes['w:type'] === type);
        expect(refs, type).toHaveLength(1);
        const part = targets.get(refs[0]!.attributes['r:id']!);
        expect(part && xml[part], `${type} header part`).toBeDefined();
        return part!;
      };
      // ...whose header has no page number, while every other page's header has it, centred.
      expect(hasPageField(header('first'))).toBe(false);
      const other = header('default');
      expect(hasPageField(other)).toBe(true);
      expect(elements(parseXml(xml[other]!), 'w:jc').map((e) => e.attributes['w:val'])).toContain('center');
    }
  });

  it('writes real footnotes numbered in order of first reference', () => {
    const refs = [...doc().matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs).toEqual(refs.map((_, i) => i + 1));
    const notes = xml['word/footnotes.xml'] ?? '';
    for (const id of refs) expect(notes).toMatch(new RegExp(`<w:footnote w:id="${id}">.*?<w:footnoteRef/>`));
    expect(xmlText(notes)).toContain('Đường dây nóng phòng, chống mua bán người');
  });

  it('keeps numbering as text and bullets as "- " paragraphs, without Word auto-numbering', () => {
    const text = xmlText(doc());
    expect(text).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(text).toMatch(/\n- Tiếp tục triển khai/);
    expect(doc()).not.toContain('<w:numPr>');
  });

  it('lays out header and closing as borderless tables, with the recipients label bold italic 12', () => {
    const tables = doc().match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(2);
    const header = tables[0] ?? '';
    expect(xmlText(header)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header).toMatch(/<w:tblBorders><w:top w:val="none"/);
    const closing = tables[tables.length - 1] ?? '';
    expect(closing).toMatch(/<w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/><w:szCs w:val="24"\/><\/w:rPr><w:t(?: xml:space="preserve")?>Nơi nhận:<\/w:t>/);
    expect(xmlText(closing)).toContain('CHỦ TỊCH UBND TỈNH');
  });

  it('stamps the plan date, not the clock, into core.xml', () => {
    const core = xml['docProps/core.xml'] ?? '';
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${tree.meta.date}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${tree.meta.date}T00:00:00Z</dcterms:modified>`);
  });

  it('gives byte-identical files across builds and time zones', async () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const again = typesetDocx(tree, style, loadFonts(style.font));
      process.env.TZ = 'America/Los_Angeles';
      await new Promise((r) => setTimeout(r, 1100));
      const later = typesetDocx(tree, style, loadFonts(style.font));
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
      expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('typesetDocx appendices', () => {
  it('puts each appendix in its own landscape section with a repeated header row and the given column widths', async () => {
    const fixture = seedTree();
    const x = parts(typesetDocx(fixture, defaultStyle, loadFonts(defaultStyle.font)))['word/document.xml'] ?? '';
    const sections = x.match(/<w:sectPr>.*?<\/w:sectPr>/g) ?? [];
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sections[1]).toContain('<w:pgNumType w:start="1"/>');
    const tables = x.match(/<w:tbl>.*?<\/w:tbl>/g) ?? [];
    const assignment = tables.find((t) => xmlText(t).includes('Nội dung nhiệm vụ')) ?? '';
    expect(assignment).toContain('<w:tblHeader/>');
    expect((assignment.match(/<w:tblHeader\/>/g) ?? []).length).toBe(1);
    const grid = [...assignment.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const relative = fixture.appendices[0]?.tableColumns[0] ?? [];
    expect(relative.length).toBeGreaterThan(2);
    expect(grid).toHaveLength(relative.length);
    const sum = relative.reduce((a, b) => a + b, 0);
    const width = Math.round((297 * 1440) / 25.4) - Math.round((30 * 1440) / 25.4) - Math.round((15 * 1440) / 25.4);
    grid.forEach((w, i) => expect(w).toBeCloseTo(((relative[i] ?? 0) * width) / sum, -1));
    expect(xmlText(x)).toContain('PHÂN CÔNG NHIỆM VỤ');
  });

  it('boxes the draft, urgency and secrecy marks', async () => {
    const fixture: DocumentTree = { ...seedTree(), marks: { draft: 'DỰ THẢO', urgency: 'HỎA TỐC', secrecy: 'MẬT' } };
    const p = parts(typesetDocx(fixture, defaultStyle, loadFonts(defaultStyle.font)));
    const boxed = (text: string, part: string): boolean => new RegExp(`<w:bdr [^>]*/>.*?<w:t(?: xml:space="preserve")?>${text}</w:t>`).test(part);
    expect(boxed('HỎA TỐC', p['word/document.xml'] ?? '')).toBe(true);
    expect(boxed('MẬT', p['word/document.xml'] ?? '')).toBe(true);
    const firstHeader = Object.entries(p).find(([path, text]) => /^word\/header\d+\.xml$/.test(path) && text.includes('DỰ THẢO'));
    expect(firstHeader && boxed('DỰ THẢO', firstHeader[1])).toBe(true);
  });
});
