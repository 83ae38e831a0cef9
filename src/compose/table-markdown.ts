/**
 * A table of the model written back as a GFM pipe table, for a template to place in a body:
 * one line a row, cells escaped so nothing in them ends a cell or a row.
 */
import type { Table } from 'mdast';
import { inlineMarkdown } from './markdown.js';

const ALIGN: Record<string, string> = { left: ':--', center: ':-:', right: '--:' };

/** The table as Markdown lines: the header row, the alignment row, then the body rows. */
export function tableMarkdown(table: Table): string {
  const width = Math.max(...table.children.map((row) => row.children.length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const rows = table.children.map((row) => line(Array.from({ length: width }, (_, i) => inlineMarkdown(row.children[i]?.children ?? []))));
  const align = line(Array.from({ length: width }, (_, i) => ALIGN[table.align?.[i] ?? ''] ?? '---'));
  return [rows[0]!, align, ...rows.slice(1)].join('\n');
}
