// Typesets a composed document into PDF bytes: lays out every page first, then draws it with pdfkit.
import PDFDocument from 'pdfkit';
import type { FootnoteDefinition, Root } from 'mdast';
import type { DocumentTree } from '../../compose/tree.js';
import type { PageStyle } from '../style.js';
import { appendixHeading } from './appendix.js';
import { bodyBoxes } from './blocks.js';
import { closingBox } from './closing.js';
import type { Ctx } from './context.js';
import { drawPages } from './draw.js';
import { DocumentFonts } from './embed.js';
import { flow } from './flow.js';
import type { LoadedFonts } from './fonts.js';
import { Notes } from './footnotes.js';
import { draftMark, pageNumber } from './furniture.js';
import { GlyphCheck } from './glyphs.js';
import type { TypesetProblem } from './glyphs.js';
import { headerBox, titleBox } from './header.js';
import { measureFor } from './measure.js';
import type { Box, Frame, Page } from './model.js';
import { mm, textWidth } from './model.js';
import { FootnoteNumbers } from './runs.js';

export { coverage, loadFonts, UnsupportedFont } from './fonts.js';
export type { LoadedFonts } from './fonts.js';
export type { TypesetProblem } from './glyphs.js';

/** The PDF bytes and page count, or the characters the font cannot draw. */
export type TypesetResult = { ok: true; bytes: Uint8Array; pageCount: number } | { ok: false; problems: TypesetProblem[] };

function frameOf(style: PageStyle, landscape: boolean): Frame {
  const w = mm(style.paper.width);
  const h = mm(style.paper.height);
  // Landscape pages keep the same margins on the same sides of the reading direction.
  return {
    width: landscape ? h : w,
    height: landscape ? w : h,
    top: mm(style.margins.top),
    bottom: mm(style.margins.bottom),
    left: mm(style.margins.left),
    right: mm(style.margins.right),
  };
}

function definitions(roots: Root[]): Map<string, FootnoteDefinition> {
  const map = new Map<string, FootnoteDefinition>();
  for (const root of roots) for (const node of root.children) if (node.type === 'footnoteDefinition') map.set(node.identifier, node);
  return map;
}

// Glues sequences so a page may not break between them (a title and the body, the body and the closing).
function join(...parts: Box[][]): Box[] {
  const out: Box[] = [];
  for (const part of parts) {
    const first = part[0];
    if (first && out.length > 0) first.breakBefore = false;
    out.push(...part);
  }
  return out;
}

// Numbers pages 2, 3... of a section; its first page stays unnumbered (Decree 30).
function number(ctx: Ctx, pages: Page[], frame: Frame): void {
  pages.forEach((page, i) => {
    if (i > 0) page.items.push(pageNumber(ctx, frame, i + 1));
  });
}

/** Lays out and draws a document; fails with problems if the font lacks any character in it. */
export function typesetPdf(tree: DocumentTree, style: PageStyle, fonts: LoadedFonts): TypesetResult {
  const m = measureFor(fonts);
  const check = new GlyphCheck(fonts);
  const ctx: Ctx = {
    style,
    m,
    notes: new FootnoteNumbers(),
    definitions: definitions([tree.body, ...tree.appendices.map((a) => a.body)]),
    check,
  };
  const drawn = new Set<number>();

  const main = frameOf(style, false);
  const width = textWidth(main);
  const body = bodyBoxes(ctx, tree.body, { width, tableColumns: [] });
  const opening = [headerBox(ctx, tree.header, tree.marks, width), titleBox(ctx, tree.title, width)];
  // The closing never opens a page alone: no break before it, and the body's last lines keep it company.
  const mainPages = flow(join(opening, body, [closingBox(ctx, tree.closing, width)]), main, new Notes(ctx, width), drawn);
  number(ctx, mainPages, main);
  if (tree.marks.draft) mainPages[0]?.items.push(...draftMark(ctx, main, tree.marks.draft));
  const pages = [...mainPages];

  for (const appendix of tree.appendices) {
    const frame = frameOf(style, appendix.landscape);
    const w = textWidth(frame);
    const boxes = join(appendixHeading(ctx, appendix.heading, w), bodyBoxes(ctx, appendix.body, { width: w, tableColumns: appendix.tableColumns }));
    const section = flow(boxes, frame, new Notes(ctx, w), drawn);
    number(ctx, section, frame);
    pages.push(...section);
  }
  if (check.problems.length > 0) return { ok: false, problems: check.problems };

  const date = new Date(`${tree.meta.date}T00:00:00Z`);
  const doc = new CollectingDocument({
    autoFirstPage: false,
    // Every stream is deflated before pdfkit sees it: fonts once per process (font-files.ts), pages as drawn (draw.ts).
    compress: false,
    // No default Helvetica: text is drawn in the document's own embedded faces, and loading it costs time.
    font: '',
    lang: tree.meta.lang,
    displayTitle: true,
    info: {
      Title: tree.meta.title,
      Subject: tree.meta.subject,
      Author: tree.meta.author,
      Keywords: tree.meta.keywords.join(', '),
      Creator: 'plan',
      Producer: 'plan',
      CreationDate: date,
      ModDate: date,
    },
  });
  const embedded = new DocumentFonts(doc, fonts);
  drawPages(doc, pages, m, embedded);
  embedded.finish();
  doc.end();
  const bytes = doc.bytes();
  return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pageCount: pages.length };
}

/**
 * A pdfkit document that keeps what it writes. pdfkit's document is a Readable stream and
 * pushes every piece of every object into it, several hundred a document: the stream's
 * bookkeeping cost more than the pieces, and reading them back queued callbacks that kept each
 * document in memory until the thread next went idle. Most pieces are short lines of text (an
 * object's number, its dictionary, a line of the cross-reference table), which pdfkit turned into
 * bytes one character at a time; they are kept as text here until the next stream's bytes, and
 * turned into bytes together.
 */
class CollectingDocument extends PDFDocument {
  // Not class fields: pdfkit writes the header from its constructor, before fields are set.
  declare private collected: Uint8Array[];
  declare private pendingLines: string;
  declare _offset: number;

  /** pdfkit's one way to write: a line of text (one byte a character), or bytes as they are. */
  _write(data: unknown): void {
    this.collected ??= [];
    this.pendingLines ??= '';
    if (data instanceof Uint8Array) {
      this.flushLines();
      this.collected.push(data);
      this._offset += data.length;
    } else {
      const line = `${String(data)}\n`;
      this.pendingLines += line;
      this._offset += line.length;
    }
  }

  // pdfkit pushes only to end the stream, which nothing reads.
  override push(): boolean {
    return true;
  }

  /** Everything written, once the document has ended. */
  bytes(): Buffer {
    this.flushLines();
    return Buffer.concat(this.collected);
  }

  private flushLines(): void {
    if (this.pendingLines === '') return;
    // latin1 keeps the low byte of each character, as pdfkit's own conversion did.
    this.collected.push(Buffer.from(this.pendingLines, 'latin1'));
    this.pendingLines = '';
  }
}
