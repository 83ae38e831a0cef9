// Typesets a composed document into DOCX bytes: the same tree and page style as the PDF, as editable Word content.
import { AlignmentType, Document, LineRuleType } from 'docx';
import type { FileChild, ISectionOptions } from 'docx';
import type { DocumentTree } from '../../compose/tree.js';
import type { LoadedFonts } from '../pdf/fonts.js';
import { Measure } from '../pdf/measure.js';
import type { PageStyle } from '../style.js';
import { bodyBlocks } from './body.js';
import { closingTable } from './closing.js';
import { definitions, Footnotes } from './footnotes.js';
import { headerTable, markParagraph, titleParagraphs } from './header.js';
import type { FurnitureContext } from './layout.js';
import { centred } from './paragraphs.js';
import type { RunStyle } from './runs.js';
import { section, textWidth } from './sections.js';
import { halfPoints, lineUnits, twips } from './units.js';
import { packDeterministic } from './zip.js';

// The draft mark is a point smaller than page numbers, as in the PDF.
const DRAFT_SIZE_DELTA = 1;

// Fonts, sizes and paragraph defaults: body text in the configured family, footnotes smaller, justified and indented.
function styles(style: PageStyle, lang: string) {
  return {
    default: {
      document: {
        run: { font: style.font.name, size: halfPoints(style.bodySize), language: { value: lang } },
      },
      footnoteText: {
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: twips(style.firstLineIndent) },
          spacing: { after: 0, line: lineUnits(1), lineRule: LineRuleType.AUTO },
        },
        run: { size: halfPoints(style.footnoteSize) },
      },
      footnoteTextChar: { run: { size: halfPoints(style.footnoteSize) } },
    },
  };
}

/**
 * DOCX bytes for a document: page 1 header and title, the body, the closing and one section per
 * appendix. `fonts` are the metric-compatible faces the PDF uses; they only measure the furniture
 * whose rules must match the text above them (the motto, the issuing body, the abstract).
 * The bytes depend on nothing but the arguments: dates come from `tree.meta.date`.
 */
export function typesetDocx(tree: DocumentTree, style: PageStyle, fonts: LoadedFonts): Uint8Array {
  const notes = new Footnotes(definitions([tree.body, ...tree.appendices.map((a) => a.body)]));
  const ctx: FurnitureContext = { style, m: new Measure(fonts), noteRef: notes.ref };
  const width = textWidth(style, false);

  const main: FileChild[] = [
    headerTable(ctx, tree.header, tree.marks, width),
    ...titleParagraphs(ctx, tree.title, width),
    ...bodyBlocks(tree.body, { style, width, tableColumns: [], noteRef: notes.ref, keepLastWithNext: true }),
    closingTable(ctx, tree.closing, width),
  ];
  const draft = tree.marks.draft ? [markParagraph(tree.marks.draft, style.pageNumberSize - DRAFT_SIZE_DELTA, AlignmentType.RIGHT, 0)] : [];
  const sections: ISectionOptions[] = [section(style, main, { landscape: false, firstHeader: draft })];

  for (const appendix of tree.appendices) {
    const w = textWidth(style, appendix.landscape);
    const h = appendix.heading;
    const size = style.bodySize;
    const lines: [string, RunStyle][] = [
      [h.label, { bold: true, italic: false, size }],
      [h.title, { bold: true, italic: false, size }],
      [h.attachedTo, { bold: false, italic: true, size }],
    ];
    // The heading keeps with the table below it and leaves a blank line of the body's size before it, as in the PDF.
    const shown = lines.filter(([text]) => text.trim() !== '');
    const heading = shown.map(([text, s], i) => centred(text, s, 0, i === shown.length - 1 ? size : 0));
    const body = bodyBlocks(appendix.body, { style, width: w, tableColumns: appendix.tableColumns, noteRef: notes.ref, keepLastWithNext: false });
    sections.push(section(style, [...heading, ...body], { landscape: appendix.landscape, firstHeader: [] }));
  }

  const doc = new Document({
    creator: tree.meta.author,
    lastModifiedBy: tree.meta.author,
    title: tree.meta.title,
    subject: tree.meta.subject,
    keywords: tree.meta.keywords.join(', '),
    styles: styles(style, tree.meta.lang),
    footnotes: notes.notes(style),
    sections,
  });
  return packDeterministic(doc, tree.meta.date);
}
