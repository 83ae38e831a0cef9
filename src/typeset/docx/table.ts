// Turns a GFM table into a ruled Word table whose header row repeats on every page it spans.
import type { Table as MdTable } from 'mdast';
import type { PageStyle } from '../style.js';
import { paragraph, spacing } from './paragraphs.js';
import type { NoteRef } from './runs.js';
import { inlineRuns, plainText } from './runs.js';
import { tableCell, tableMarkup, tableRow } from './table-markup.js';
import { pointTwips } from './units.js';
import { TABLE_PAD } from '../proportions.js';

// A column's share never drops below this many characters' worth, so a narrow column stays readable.
const MIN_CHARS = 4;

/** Where a table goes and how its text is styled. */
export interface TableOptions {
  style: PageStyle;
  /** Room for the table in twips. */
  width: number;
  /** Left indent in twips. */
  indent: number;
  /** Relative column widths, when the tree gives them. */
  relative: number[] | undefined;
  noteRef: NoteRef;
}

// Without given widths, columns share the room by their longest cell; Word and LibreOffice keep these as the grid.
function contentShares(node: MdTable): number[] {
  const cols = Math.max(...node.children.map((r) => r.children.length));
  const longest = new Array<number>(cols).fill(MIN_CHARS);
  for (const row of node.children) row.children.forEach((cell, c) => (longest[c] = Math.max(longest[c] ?? 0, plainText(cell.children).length)));
  return longest;
}

/** A Word table for a GFM table, columns sized by `relative` or by content, header row bold and repeated. */
export function tableOf(node: MdTable, o: TableOptions): string {
  const shares = o.relative && o.relative.length > 0 ? o.relative : contentShares(node);
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((w) => Math.round((w * o.width) / total));
  const size = o.style.tableSize;
  const single = spacing(0, 1);
  const rows = node.children.map((row, r) => {
    const header = r === 0;
    const cells = widths.map((w, c) => {
      const cell = row.children[c];
      const align = header ? 'center' : (node.align?.[c] ?? 'left');
      const runs = cell ? inlineRuns(cell.children, { bold: header, italic: false, size }, o.noteRef) : '';
      return tableCell(w, paragraph({ align, spacing: single }, runs));
    });
    return tableRow(cells.join(''), header);
  });
  const y = pointTwips(TABLE_PAD.y);
  const x = pointTwips(TABLE_PAD.x);
  return tableMarkup({ widths, indent: o.indent, ruled: true, margins: { top: y, bottom: y, left: x, right: x } }, rows.join(''));
}
