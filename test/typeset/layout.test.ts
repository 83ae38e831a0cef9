import { describe, expect, it } from 'vitest';
import { loadFonts, typesetPdf } from '../../src/typeset/pdf/index.js';
import { breakLines, lineItems } from '../../src/typeset/pdf/linebreak.js';
import { flow } from '../../src/typeset/pdf/flow.js';
import { Notes } from '../../src/typeset/pdf/footnotes.js';
import { GlyphCheck } from '../../src/typeset/pdf/glyphs.js';
import { Measure } from '../../src/typeset/pdf/measure.js';
import type { Box, Frame, Run } from '../../src/typeset/pdf/model.js';
import { FootnoteNumbers } from '../../src/typeset/pdf/runs.js';
import { defaultStyle, parseMarkdown, seedTree } from '../fixtures/typeset/seed-tree.js';
import type { Item } from './helpers.js';
import { MM, readPdf, strokedFrames } from './helpers.js';

const fonts = loadFonts(defaultStyle.font);
const m = new Measure(fonts);
const run = (text: string, extra: Partial<Run> = {}): Run => ({ text, face: 'regular', size: 14, rise: 0, ...extra });

describe('line breaking', () => {
  const text =
    'Tổ chức triển khai rộng khắp đến cơ sở để “Ngày toàn dân phòng, chống mua bán người - 30/7” thực sự trở thành ngày hội của toàn dân; tăng cường quan hệ phối kết hợp giữa các sở, ban ngành.';

  it('justifies every line but the last, which stays ragged', () => {
    const lines = breakLines([run(text)], m, 300, 300);
    expect(lines.length).toBeGreaterThan(2);
    for (const [i, line] of lines.entries()) {
      const items = lineItems(line, 0, 300, 'justify', 0);
      const last = items[items.length - 1];
      if (last?.kind !== 'text') throw new Error('text expected');
      const end = last.x + m.width(last.face, last.size, last.text) + last.extra * (last.text.split(' ').length - 1);
      if (i < lines.length - 1) expect(end).toBeCloseTo(300, 3);
      else expect(end).toBeLessThan(300);
      expect(line.width).toBeLessThanOrEqual(300.01);
    }
  });

  it('keeps mixed faces and a superscript on one line without losing the space after it', () => {
    const runs = [run('hành '), run('động', { face: 'bold' }), run('(1)', { size: 8, rise: 5, note: 1 }), run(' và các hình thức')];
    const [line, ...rest] = breakLines(runs, m, 400, 400);
    expect(rest).toHaveLength(0);
    expect(line?.frags.map((f) => f.text).join('')).toBe('hành động(1) và các hình thức');
    const items = lineItems(line!, 0, 400, 'justify', 20);
    expect(items.find((i) => i.kind === 'text' && i.text === '(1)')).toMatchObject({ y: 15, size: 8 });
  });

  it('breaks a token longer than the line by characters', () => {
    const url = 'https://congan.kontum.gov.vn/tin-tuc/phong-chong-mua-ban-nguoi/ke-hoach-trien-khai-2021';
    const lines = breakLines([run(`Xem ${url} nhé`)], m, 150, 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150.01);
    expect(lines.map((l) => l.frags.map((f) => f.text).join('')).join('').replace(/\s/g, '')).toBe(`Xem${url}nhé`);
  });

  it('keeps runs of spaces in furniture strings', () => {
    const [line] = breakLines([run('Số:        /KH-BCĐ')], m, 400, 400, true);
    expect(line?.frags[0]?.text).toBe('Số:        /KH-BCĐ');
  });
});

describe('page filling', () => {
  const frame: Frame = { width: 500, height: 400, top: 50, bottom: 50, left: 50, right: 50 };
  const ctx = {
    style: defaultStyle,
    m,
    notes: new FootnoteNumbers(),
    definitions: new Map(),
    check: new GlyphCheck(fonts),
  };
  const box = (tag: string, breakBefore = true, extra: Partial<Box> = {}): Box => ({
    height: 20,
    items: [{ kind: 'text', x: 0, y: 15, face: 'regular', size: 14, text: tag, extra: 0 }],
    footnotes: [],
    spaceAfter: 0,
    breakBefore,
    ...extra,
  });
  const tags = (pages: ReturnType<typeof flow>): string[][] =>
    pages.map((p) => p.items.flatMap((i) => (i.kind === 'text' && !/^\d+ /.test(i.text) ? [i.text] : [])));

  it('moves a paragraph tail with the closing block instead of leaving the closing alone', () => {
    // 300 pt of room: 14 lines fill it; the closing (60 pt) does not fit after them.
    const para = Array.from({ length: 14 }, (_, j) => box(`L${j}`, j === 0 || (j >= 2 && 14 - j >= 2)));
    const closing = box('closing', false, { height: 60 });
    const pages = flow([...para, closing], frame, new Notes(ctx, 400), new Set());
    expect(tags(pages)).toEqual([para.slice(0, 12).map((_, j) => `L${j}`), ['L12', 'L13', 'closing']]);
  });

  it('never ends a page with a heading', () => {
    const before = Array.from({ length: 14 }, (_, j) => box(`P${j}`));
    const heading = box('H');
    const next = [box('N0', false), box('N1', false)];
    const pages = flow([...before, heading, ...next], frame, new Notes(ctx, 400), new Set());
    expect(tags(pages)[1]).toEqual(['H', 'N0', 'N1']);
  });

  it('continues a footnote on the next page only when it is taller than the room left', () => {
    const notes = new FootnoteNumbers();
    const n = notes.number('long');
    const sentence = 'Ghi chú rất dài để không vừa phần còn lại của trang. ';
    const definition = parseMarkdown(`Văn bản[^long].\n\n[^long]: ${sentence.repeat(40)}`).children[1];
    const c = { ...ctx, notes, definitions: new Map([['long', definition as never]]) };
    const pages = flow([box('A', true, { footnotes: [n] }), box('B')], frame, new Notes(c, 400), new Set());
    const noteLines = (i: number): number =>
      pages[i]?.items.filter((it) => it.kind === 'text' && it.size === defaultStyle.footnoteSize).length ?? 0;
    expect(pages).toHaveLength(2);
    expect(noteLines(0)).toBeGreaterThan(5);
    expect(noteLines(1)).toBeGreaterThan(0);
    // The referencing line keeps its note's start; the note's overflow fills the next page's foot.
    expect(tags(pages)[0]?.[0]).toBe('A');
    expect(tags(pages)[1]?.[0]).toBe('B');
  });

  it('repeats a table header row on the page a table continues on', () => {
    const header = box('HEAD');
    const rows = Array.from({ length: 20 }, (_, j) => box(`R${j}`, j > 0, { repeatHeader: header }));
    const pages = flow([header, ...rows], frame, new Notes(ctx, 400), new Set());
    expect(pages).toHaveLength(2);
    expect(tags(pages)[1]?.[0]).toBe('HEAD');
  });
});

describe('marks', () => {
  it('boxes the draft mark at the top of page 1 and urgency under the number line', async () => {
    const tree = seedTree();
    tree.marks = { draft: 'DỰ THẢO', urgency: 'HỎA TỐC', secrecy: null };
    tree.body = parseMarkdown('Nội dung ngắn của kế hoạch.');
    tree.appendices = [];
    const result = typesetPdf(tree, defaultStyle, fonts);
    if (!result.ok) throw new Error('typeset failed');
    const [page] = await readPdf(result.bytes);
    const find = (t: string): Item => page!.items.find((i) => i.str.includes(t)) as Item;
    const draft = find('DỰ THẢO');
    expect(draft.y).toBeGreaterThan(page!.height - defaultStyle.margins.top * MM);
    expect(draft.x + draft.width).toBeLessThanOrEqual(page!.width - defaultStyle.margins.right * MM);
    const urgent = find('HỎA TỐC');
    expect(urgent.y).toBeLessThan(find('Số:').y);
    expect(urgent.x + urgent.width / 2).toBeLessThan((defaultStyle.margins.left + 165 * defaultStyle.headerLeftShare) * MM);
    expect(result.pageCount).toBe(1);
    // Each mark inside a stroked rectangle of its own, which holds no other text.
    const [rects] = strokedFrames(result.bytes);
    const boxesOf = (item: Item) => rects!.filter((r) => r.left <= item.x && item.x + item.width <= r.right && r.bottom <= item.y && item.y <= r.top);
    expect(boxesOf(draft)).toHaveLength(1);
    expect(boxesOf(urgent)).toHaveLength(1);
    expect(boxesOf(draft)[0]).not.toEqual(boxesOf(urgent)[0]);
    for (const item of page!.items.filter((i) => i.str.trim() !== '' && i !== draft && i !== urgent)) expect(boxesOf(item), item.str).toEqual([]);
  });
});
