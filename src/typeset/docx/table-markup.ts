// Word table markup shared by the furniture's layout tables and the body's ruled tables: properties, grid, rows, cells.

/** Cell margins in twips. */
export interface CellMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A table of fixed column widths (twips): Word and LibreOffice keep the grid as given, never fitting it to the text. */
export interface TableProps {
  widths: number[];
  /** Left indent in twips. */
  indent: number;
  /** Ruled round every cell, or without any visible border. */
  ruled: boolean;
  margins: CellMargins;
}

const EDGES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];
const RULED = EDGES.map((edge) => `<w:${edge} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
const BORDERLESS = EDGES.map((edge) => `<w:${edge} w:val="none" w:sz="0" w:space="0" w:color="auto"/>`).join('');

const width = (element: string, twips: number): string => `<w:${element} w:w="${twips}" w:type="dxa"/>`;

/** A table holding `rows` (from tableRow). */
export function tableMarkup(p: TableProps, rows: string): string {
  const m = p.margins;
  return (
    '<w:tbl><w:tblPr>' +
    width('tblW', p.widths.reduce((a, b) => a + b, 0)) +
    (p.indent ? width('tblInd', p.indent) : '') +
    `<w:tblBorders>${p.ruled ? RULED : BORDERLESS}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar>${width('top', m.top)}${width('left', m.left)}${width('bottom', m.bottom)}${width('right', m.right)}</w:tblCellMar>` +
    '</w:tblPr><w:tblGrid>' +
    p.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
    `</w:tblGrid>${rows}</w:tbl>`
  );
}

/** A row that never splits across pages; a header row repeats at the top of every page the table spans. */
export function tableRow(cells: string, header = false): string {
  return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;
}

/** A cell `twips` wide; it must hold at least one paragraph. */
export function tableCell(twips: number, paragraphs: string): string {
  return `<w:tc><w:tcPr>${width('tcW', twips)}</w:tcPr>${paragraphs}</w:tc>`;
}
