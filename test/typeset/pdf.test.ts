import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts, typesetPdf } from '../../src/typeset/pdf/index.js';
import type { DocumentTree } from '../../src/compose/tree.js';
import { defaultStyle, parseMarkdown, seedTree } from '../fixtures/typeset/seed-tree.js';
import type { Item, ReadPage } from './helpers.js';
import { footOfPage, MM, plainText, readPdf, words } from './helpers.js';

const fonts = loadFonts(defaultStyle.font);
let tree: DocumentTree;
let bytes: Uint8Array;
let pages: ReadPage[];

const find = (page: ReadPage, text: string): Item | undefined => page.items.find((i) => i.str.includes(text));
const pageOf = (text: string): number => pages.findIndex((p) => p.text.replace(/\s+/g, ' ').includes(text));

beforeAll(async () => {
  tree = seedTree();
  const result = typesetPdf(tree, defaultStyle, fonts);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  bytes = result.bytes;
  pages = await readPdf(bytes);
  expect(result.pageCount).toBe(pages.length);
});

describe('typesetPdf on the seed plan', () => {
  it('keeps every body word, in order, with spaces between words', () => {
    const body = { ...tree.body, children: tree.body.children.filter((n) => n.type !== 'footnoteDefinition') };
    const expected = words(body.children.map(plainText).join(' '));
    // Footnote markers are superscripts glued to their word: "động(1)" reads as "động".
    const got = words(pages.map((p) => p.text).join('\n').replace(/\(\d+\)/g, ' '));
    let at = 0;
    for (const w of expected) {
      const found = got.indexOf(w, at);
      expect(found, `word "${w}" after position ${at}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    const all = pages.map((p) => p.text).join('\n');
    expect(all).toContain('Thực hiện Kế hoạch số 185/KH-BCĐ ngày 04 tháng 5 năm 2021');
    expect(all).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(all.normalize('NFC')).toBe(all);
  });

  it('prints on A4 with text inside the margins', () => {
    const { margins } = defaultStyle;
    for (const [i, page] of pages.entries()) {
      const portrait = page.height > page.width;
      expect(portrait ? [page.width, page.height] : [page.height, page.width]).toEqual([
        expect.closeTo(595.28, 1),
        expect.closeTo(841.89, 1),
      ]);
      for (const item of page.items) {
        if (!item.str.trim()) continue;
        const isFurniture = /^\d+$/.test(item.str.trim()) && item.y > page.height - margins.top * MM;
        if (isFurniture) continue;
        const where = `page ${i + 1} "${item.str}"`;
        expect(item.x, where).toBeGreaterThanOrEqual(margins.left * MM - 0.5);
        expect(item.x + item.width, where).toBeLessThanOrEqual(page.width - margins.right * MM + 0.5);
        expect(item.y, where).toBeGreaterThanOrEqual(margins.bottom * MM - 0.5);
        expect(item.y + item.height * 0.75, where).toBeLessThanOrEqual(page.height - margins.top * MM + 0.5);
      }
    }
  });

  it('justifies body lines to the right margin', () => {
    const right = (pages[1] as ReadPage).width - defaultStyle.margins.right * MM;
    const ends = new Map<number, number>();
    for (const item of (pages[1] as ReadPage).items) {
      if (!item.str.trim() || item.height < 13) continue;
      const y = Math.round(item.y);
      ends.set(y, Math.max(ends.get(y) ?? 0, item.x + item.width));
    }
    const lines = [...ends.values()];
    const flush = lines.filter((end) => Math.abs(end - right) < 0.5);
    expect(lines.length).toBeGreaterThan(20);
    expect(flush.length / lines.length).toBeGreaterThan(0.6);
  });

  it('lays out the page 1 header in two columns', () => {
    const p1 = pages[0] as ReadPage;
    const left = margins().left;
    const leftEnd = left + margins().text * defaultStyle.headerLeftShare;
    const centre = (i: Item): number => i.x + i.width / 2;
    for (const text of ['ỦY BAN NHÂN DÂN', 'BAN CHỈ ĐẠO PHÒNG', 'Số:']) {
      const item = find(p1, text);
      expect(item, text).toBeDefined();
      expect(centre(item as Item)).toBeGreaterThan(left);
      expect(centre(item as Item)).toBeLessThan(leftEnd);
    }
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Kon Tum, ngày 25']) {
      const item = find(p1, text);
      expect(item, text).toBeDefined();
      expect((item as Item).x).toBeGreaterThanOrEqual(leftEnd - 1);
    }
    expect(find(p1, 'Số:')?.y).toBeCloseTo(find(p1, 'Kon Tum, ngày')?.y ?? NaN, 1);
    // The blanks of an unnumbered plan survive as drawn spaces (pdf.js reports a run of them as one item).
    const so = find(p1, 'Số:') as Item;
    const symbol = find(p1, '/KH-BCĐ') as Item;
    expect(symbol.x - (so.x + so.width)).toBeGreaterThan(4 * 3.5);
    // The title block sits under the header, centred across the page.
    const title = find(p1, 'KẾ HOẠCH') as Item;
    expect(title.y).toBeLessThan((find(p1, 'Số:') as Item).y);
    expect(centre(title)).toBeCloseTo(left + margins().text / 2, 0);
  });

  it('numbers pages from 2 on in the top margin, restarting in the appendix', () => {
    const numbers = pages.map((p) => {
      const top = p.height - defaultStyle.margins.top * MM;
      const n = p.items.find((i) => /^\d+$/.test(i.str.trim()) && i.y > top);
      if (n) {
        const centre = n.x + n.width / 2;
        const mid = margins().left + (p.width - margins().left - defaultStyle.margins.right * MM) / 2;
        expect(centre).toBeCloseTo(mid, 0);
      }
      return n ? Number(n.str) : null;
    });
    const appendixStart = pageOf('Kèm theo Kế hoạch');
    expect(appendixStart).toBeGreaterThan(1);
    expect(numbers.slice(0, appendixStart)).toEqual([null, ...Array.from({ length: appendixStart - 1 }, (_, i) => i + 2)]);
    expect(numbers.slice(appendixStart)).toEqual([null, ...Array.from({ length: pages.length - appendixStart - 1 }, (_, i) => i + 2)]);
    expect(pages[appendixStart]?.width).toBeGreaterThan(pages[appendixStart]?.height ?? 0);
  });

  it('draws each footnote at the foot of the page of its marker', () => {
    const definitions = tree.body.children.filter((n) => n.type === 'footnoteDefinition');
    expect(definitions).toHaveLength(2);
    const squeeze = (text: string): string => text.replace(/\s+/g, '');
    const allNotes = squeeze(definitions.map(plainText).join(''));
    for (const [n, marker, note] of [
      [1, 'khẩu hiệu hành động(1)', 'Các khẩu hiệu tuyên truyền'],
      [2, 'đường dây nóng(2)', 'Đường dây nóng phòng, chống mua bán người'],
    ] as const) {
      const markerPages = pages.flatMap((p, i) => (p.text.replace(/\s+/g, ' ').replace(/ \(/g, '(').includes(marker) ? [i] : []));
      expect(markerPages, marker).toHaveLength(1);
      const page = pages[markerPages[0]!] as ReadPage;
      const noteItem = find(page, note.slice(0, 20));
      expect(noteItem, note).toBeDefined();
      const ref = page.items.find((i) => i.str.includes(`(${n})`)) as Item;
      expect((noteItem as Item).y).toBeLessThan(ref.y);
      // At the foot: from the note's first line down, the page holds only footnote text (the note's
      // number and words), and its last line sits on the bottom margin, not higher up the page.
      const { text, lowest } = footOfPage(page, noteItem as Item);
      expect(allNotes.includes(text), text).toBe(true);
      const bottom = defaultStyle.margins.bottom * MM;
      expect(lowest).toBeGreaterThanOrEqual(bottom - 1);
      expect(lowest).toBeLessThan(bottom + defaultStyle.footnoteSize * 1.5);
    }
  });

  it('keeps the closing block with the end of the body', () => {
    const label = pageOf('Nơi nhận:');
    expect(label).toBeGreaterThanOrEqual(0);
    expect(pageOf('Lê Ngọc Tuấn')).toBe(label);
    expect(pageOf('kiểm tra việc thực hiện kế hoạch này./.')).toBe(label);
    const page = pages[label] as ReadPage;
    const l = find(page, 'Nơi nhận:') as Item;
    const head = find(page, 'TRƯỞNG BAN') as Item;
    expect(l.y).toBeCloseTo(head.y, 0);
    expect(l.x).toBeCloseTo(margins().left, 0);
    expect(page.text).toContain('- Lưu: VT, BCĐ, NCLTD.');
  });

  it('repeats the table header row on every page the table spans', () => {
    const start = pageOf('Kèm theo Kế hoạch');
    const tablePages = pages.slice(start).filter((p) => p.text.includes('Nội dung nhiệm vụ'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    expect(pages.slice(start).every((p) => p.text.includes('Nội dung nhiệm vụ'))).toBe(true);
  });

  it('gives identical bytes for the same input', () => {
    const again = typesetPdf(seedTree(), defaultStyle, fonts);
    expect(again.ok && Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('deflates every stream, each page content whole with what pdfkit writes into it', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    const streams = [...raw.matchAll(/(\d+) 0 obj\n<<\n([^]*?)>>\nstream\n/g)];
    expect(streams.length).toBeGreaterThan(pages.length);
    for (const [, id, dictionary] of streams) expect(dictionary, `object ${id}`).toMatch(/\/Filter \/FlateDecode/);
    const contents = new Set([...raw.matchAll(/\/Contents (\d+) 0 R/g)].map((m) => m[1]));
    expect(contents.size).toBe(pages.length);
    for (const match of streams.filter(([, id]) => contents.has(id))) {
      const start = match.index + match[0].length;
      const length = Number(/\/Length (\d+)/.exec(match[2]!)![1]);
      const content = inflateSync(Buffer.from(bytes).subarray(start, start + length)).toString('latin1');
      // pdfkit's flip of the y axis first, then the page's own drawing.
      expect(content).toMatch(/^1 0 0 -1 0 [\d.]+ cm\nq 1 0 0 -1 0 [\d.]+ cm\nBT /);
      expect(content).toMatch(/\nQ\n/);
    }
  });

  it('writes file properties from the metadata, dated by the plan', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    const dates = [...raw.matchAll(/\(D:(\d{14})Z\)/g)].map((m) => m[1]);
    expect(dates).toEqual(['20210525000000', '20210525000000']);
    expect(raw).toMatch(/\/Lang \(vi-VN\)/);
  });

  it('reports characters the font lacks instead of drawing blanks', () => {
    const t = seedTree();
    t.body = parseMarkdown('Ký hiệu 𝔸 và \uE000 không có trong phông chữ.');
    const result = typesetPdf(t, defaultStyle, fonts);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.codePoint)).toEqual([0x1d538, 0xe000]);
    expect(result.problems[0]).toMatchObject({ code: 'missing-glyph', char: '𝔸' });
    expect(result.problems[0]?.context).toContain('Ký hiệu 𝔸 và');
  });
});

function margins(): { left: number; text: number } {
  const left = defaultStyle.margins.left * MM;
  return { left, text: (defaultStyle.paper.width - defaultStyle.margins.left - defaultStyle.margins.right) * MM };
}

describe('reproducibility across time zones', () => {
  it('gives the same bytes whatever the process time zone', () => {
    const before = process.env.TZ;
    try {
      const out = ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles'].map((tz) => {
        // Node re-reads TZ when it changes, so Date formatting in this process follows it.
        process.env.TZ = tz;
        const r = typesetPdf(seedTree(), defaultStyle, fonts);
        return r.ok ? Buffer.from(r.bytes).toString('base64') : '';
      });
      expect(new Date(2021, 0, 1).getTimezoneOffset()).not.toBe(0);
      expect(out[1]).toBe(out[0]);
      expect(out[2]).toBe(out[0]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
