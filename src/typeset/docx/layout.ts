// Borderless layout tables (header, closing) and what the page furniture needs to lay itself out.
import type { Measure } from '../pdf/measure.js';
import type { PageStyle } from '../style.js';
import type { NoteRef } from './runs.js';
import { tableCell, tableMarkup, tableRow } from './table-markup.js';

/** What the furniture needs: style, widths measured with the metric-compatible fonts, footnote references. */
export interface FurnitureContext {
  style: PageStyle;
  m: Measure;
  noteRef: NoteRef;
}

/** Cell margins of a layout table: none, so columns line up with the text area as in the PDF. */
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 };

/**
 * A borderless table of columns, used for the header and the closing: each row is a list of
 * columns' paragraphs, side by side, never split across pages.
 */
export function layoutTable(widths: number[], rows: string[][]): string {
  const markup = rows.map((columns) => tableRow(columns.map((paragraphs, c) => tableCell(widths[c] ?? 0, paragraphs)).join(''))).join('');
  return tableMarkup({ widths, indent: 0, ruled: false, margins: NO_MARGINS }, markup);
}
