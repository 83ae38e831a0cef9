// Turns a GFM table into a ruled Word table whose header row repeats on every page it spans.
import type { Table as MdTable } from 'mdast';
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { PageStyle } from '../style.js';
import { spacing } from './paragraphs.js';
import type { NoteRef } from './runs.js';
import { inlineRuns, plainText } from './runs.js';
import { pointTwips } from './units.js';
import { TABLE_PAD } from '../proportions.js';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
// A column's share never drops below this many characters' worth, so a narrow column stays readable.
const MIN_CHARS = 4;

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

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
export function tableOf(node: MdTable, o: TableOptions): Table {
  const shares = o.relative && o.relative.length > 0 ? o.relative : contentShares(node);
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((w) => Math.round((w * o.width) / total));
  const size = o.style.tableSize;
  const rows = node.children.map((row, r) => {
    const header = r === 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: widths.map((w, c) => {
        const cell = row.children[c];
        const align = header ? 'center' : (node.align?.[c] ?? 'left');
        return new TableCell({
          width: { size: w, type: WidthType.DXA },
          children: [
            new Paragraph({
              alignment: ALIGN[align],
              spacing: spacing(0, 1),
              children: cell ? inlineRuns(cell.children, { bold: header, italic: false, size }, o.noteRef) : [],
            }),
          ],
        });
      }),
    });
  });
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    indent: { size: o.indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: pointTwips(TABLE_PAD.y), bottom: pointTwips(TABLE_PAD.y), left: pointTwips(TABLE_PAD.x), right: pointTwips(TABLE_PAD.x) },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  });
}
