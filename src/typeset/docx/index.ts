// Typesets a composed document into DOCX bytes: the same tree and page style as the PDF, as editable Word content.
import type { DocumentTree } from '../../compose/tree.js';
import type { LoadedFonts } from '../pdf/fonts.js';
import { measureFor } from '../pdf/measure.js';
import type { PageStyle } from '../style.js';
import { bodyBlocks } from './body.js';
import { closingTable } from './closing.js';
import { definitions, Footnotes } from './footnotes.js';
import { headerTable, markParagraph, titleParagraphs } from './header.js';
import type { FurnitureContext } from './layout.js';
import { headerRelationship, packageParts } from './package.js';
import type { DocxContent } from './package.js';
import { centred, paragraph } from './paragraphs.js';
import type { RunStyle } from './runs.js';
import { headerPart, pageNumberHeader, sectionProperties, textWidth } from './sections.js';
import { stylesPart } from './styles.js';
import { zipParts } from './zip.js';

// The draft mark is a point smaller than page numbers, as in the PDF.
const DRAFT_SIZE_DELTA = 1;

/** One section's blocks and page orientation. */
interface Section {
  blocks: string;
  landscape: boolean;
}

/**
 * DOCX bytes for a document: page 1 header and title, the body, the closing and one section per
 * appendix. `fonts` are the metric-compatible faces the PDF uses; they only measure the furniture
 * whose rules must match the text above them (the motto, the issuing body, the abstract).
 * The bytes depend on nothing but the arguments: dates come from `tree.meta.date`.
 */
export function typesetDocx(tree: DocumentTree, style: PageStyle, fonts: LoadedFonts): Uint8Array {
  const notes = new Footnotes(definitions([tree.body, ...tree.appendices.map((a) => a.body)]));
  const ctx: FurnitureContext = { style, m: measureFor(fonts), noteRef: notes.ref };
  const width = textWidth(style, false);

  const sections: Section[] = [
    {
      blocks:
        headerTable(ctx, tree.header, tree.marks, width) +
        titleParagraphs(ctx, tree.title, width) +
        bodyBlocks(tree.body, { style, width, tableColumns: [], noteRef: notes.ref, keepLastWithNext: true }) +
        closingTable(ctx, tree.closing, width),
      landscape: false,
    },
  ];
  for (const appendix of tree.appendices) {
    const h = appendix.heading;
    const size = style.bodySize;
    const lines: [string, RunStyle][] = [
      [h.label, { bold: true, italic: false, size }],
      [h.title, { bold: true, italic: false, size }],
      [h.attachedTo, { bold: false, italic: true, size }],
    ];
    // The heading keeps with the table below it and leaves a blank line of the body's size before it, as in the PDF.
    const shown = lines.filter(([text]) => text.trim() !== '');
    const heading = shown.map(([text, s], i) => centred(text, s, 0, i === shown.length - 1 ? size : 0)).join('');
    const w = textWidth(style, appendix.landscape);
    const body = bodyBlocks(appendix.body, { style, width: w, tableColumns: appendix.tableColumns, noteRef: notes.ref, keepLastWithNext: false });
    sections.push({ blocks: heading + body, landscape: appendix.landscape });
  }

  // Each section has two headers: the page number from page 2 on, and its first page's (the draft mark on page 1; empty elsewhere).
  const draft = tree.marks.draft ? markParagraph(tree.marks.draft, style.pageNumberSize - DRAFT_SIZE_DELTA, 'right', 0) : '';
  const headers: DocxContent['headers'] = [];
  let body = '';
  sections.forEach((section, i) => {
    const first = i === 0 ? draft : '';
    headers.push({ xml: pageNumberHeader(style), shared: true }, { xml: headerPart(first), shared: first === '' });
    const properties = sectionProperties(style, {
      landscape: section.landscape,
      headers: { default: headerRelationship(headers.length - 2), first: headerRelationship(headers.length - 1) },
    });
    // A section ends with its properties: the last in the body itself, the others in an empty paragraph of their own.
    body += section.blocks + (i === sections.length - 1 ? properties : paragraph({ endsSection: properties }, ''));
  });

  const parts = packageParts({ body, footnotes: notes.notes(style), headers, styles: stylesPart(style, tree.meta.lang), meta: tree.meta });
  return zipParts(parts, tree.meta.date);
}
