// Borderless layout tables (header, closing) and what the page furniture needs to lay itself out.
import { BorderStyle, Table, TableCell, TableLayoutType, VerticalAlign, WidthType } from 'docx';
import type { Paragraph, TableRow } from 'docx';
import type { Measure } from '../pdf/measure.js';
import type { PageStyle } from '../style.js';
import type { NoteRef } from './runs.js';

/** What the furniture needs: style, widths measured with the metric-compatible fonts, footnote references. */
export interface FurnitureContext {
  style: PageStyle;
  m: Measure;
  noteRef: NoteRef;
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
/** Borders of a layout table: none anywhere, so only the text and its rules show. */
export const BORDERLESS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
/** Cell margins of a layout table: none, so columns line up with the text area as in the PDF. */
export const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/** A column of a layout table, its paragraphs top-aligned. */
export function column(width: number, children: Paragraph[]): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.TOP, children });
}

/** A borderless table of columns, used for the header and the closing. */
export function layoutTable(widths: number[], rows: TableRow[]): Table {
  return new Table({
    rows,
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: BORDERLESS,
    margins: NO_MARGINS,
  });
}

