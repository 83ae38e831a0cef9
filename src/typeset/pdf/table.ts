// Lays out a GFM table as ruled rows whose header row repeats at the top of each page it spans.
import type { Table, TableRow } from 'mdast';
import type { Ctx } from './context.js';
import { lineHeight } from './context.js';
import type { Align, Line } from './linebreak.js';
import { breakLines, lineItems, lineNotes } from './linebreak.js';
import type { Box, DrawItem, Run } from './model.js';
import { inlineRuns } from './runs.js';
import { TABLE_PAD } from '../proportions.js';

const RULE = 0.5;

// Column widths from content: every column gets its longest word, the rest goes where text is long.
function contentWidths(ctx: Ctx, cells: Run[][][], width: number): number[] {
  const cols = Math.max(...cells.map((r) => r.length));
  const min = new Array<number>(cols).fill(TABLE_PAD.x * 2 + 10);
  const nat = new Array<number>(cols).fill(TABLE_PAD.x * 2 + 10);
  for (const row of cells) {
    row.forEach((runs, c) => {
      let line = 0;
      let word = 0;
      for (const r of runs) {
        line += ctx.m.width(r.face, r.size, r.text);
        for (const w of r.text.split(/\s+/)) word = Math.max(word, ctx.m.width(r.face, r.size, w));
      }
      min[c] = Math.max(min[c] ?? 0, word + TABLE_PAD.x * 2);
      nat[c] = Math.max(nat[c] ?? 0, line + TABLE_PAD.x * 2);
    });
  }
  const sumNat = nat.reduce((a, b) => a + b, 0);
  if (sumNat <= width) return nat.map((w) => (w * width) / sumNat);
  const sumMin = min.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, width - sumMin);
  const want = nat.map((w, i) => w - (min[i] ?? 0));
  const sumWant = want.reduce((a, b) => a + b, 0) || 1;
  return min.map((w, i) => w + (spare * (want[i] ?? 0)) / sumWant);
}

/** Boxes of a table: one per row, each body row carrying the header row to repeat after a page break. */
export function tableBoxes(ctx: Ctx, node: Table, width: number, relative: number[] | undefined, left: number): Box[] {
  const size = ctx.style.tableSize;
  const rows = node.children;
  const cells = rows.map((row: TableRow, r) =>
    row.children.map((cell) => {
      const runs = inlineRuns(cell.children, { bold: r === 0, italic: false, size }, ctx.notes);
      ctx.check.runs(runs);
      return runs;
    }),
  );
  const widths =
    relative && relative.length > 0
      ? relative.map((w) => (w * width) / relative.reduce((a, b) => a + b, 0))
      : contentWidths(ctx, cells, width);
  const lh = lineHeight(ctx, size, 1);
  const baseline = ctx.m.ascent('regular', size);
  const boxes = cells.map((row, r): Box => {
    let x = left;
    const laid: { lines: readonly Line[]; x: number; w: number; align: Align }[] = [];
    widths.forEach((w, c) => {
      const runs = row[c] ?? [];
      const align: Align = r === 0 ? 'center' : (node.align?.[c] ?? 'left');
      laid.push({ lines: breakLines(runs, ctx.m, w - TABLE_PAD.x * 2, w - TABLE_PAD.x * 2), x, w, align });
      x += w;
    });
    const height = Math.max(...laid.map((c) => c.lines.length)) * lh + TABLE_PAD.y * 2;
    const items: DrawItem[] = [
      { kind: 'rule', x1: left, y1: 0, x2: x, y2: 0, width: RULE },
      { kind: 'rule', x1: left, y1: height, x2: x, y2: height, width: RULE },
      { kind: 'rule', x1: left, y1: 0, x2: left, y2: height, width: RULE },
    ];
    const footnotes: number[] = [];
    for (const cell of laid) {
      items.push({ kind: 'rule', x1: cell.x + cell.w, y1: 0, x2: cell.x + cell.w, y2: height, width: RULE });
      cell.lines.forEach((line, i) => {
        items.push(...lineItems(line, cell.x + TABLE_PAD.x, cell.w - TABLE_PAD.x * 2, cell.align, TABLE_PAD.y + i * lh + baseline));
        footnotes.push(...lineNotes(line));
      });
    }
    return { height, items, footnotes, spaceAfter: 0, breakBefore: r !== 1 };
  });
  const header = boxes[0];
  for (const box of boxes.slice(1)) if (header) box.repeatHeader = header;
  const last = boxes[boxes.length - 1];
  if (last) last.spaceAfter = ctx.style.paragraphSpacing;
  return boxes;
}
