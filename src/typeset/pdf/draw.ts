// Draws laid-out pages with pdfkit's primitives, writing text as TJ arrays that keep real spaces.
import { type DocumentFonts, type TextGlyphs, textGlyphs } from './embed.js';
import { type Face, perFace } from './fonts.js';
import type { Measure, Shaped } from './measure.js';
import { chunks } from './measure.js';
import type { DrawItem, Page } from './model.js';
import { deflateSync } from 'node:zlib';
import { thousandths } from './pdf-syntax.js';
import { BoundedMap, onceFor } from '../../memo.js';

const num = thousandths;

/**
 * A text in one face, ready to show: its glyphs for the fonts, the glyph bytes of each run that
 * ends with a space (a justification gap follows each), and of the rest; its show operations,
 * `[…] TJ`, by gap.
 */
interface ShownText {
  glyphs: TextGlyphs;
  spaced: readonly string[];
  tail: string;
  byGap: Map<number, string>;
}

/**
 * Texts by face and text, per font set. Documents draw the same lines (the plan's paragraphs in
 * its extracts, the furniture in all of them), and only the position and the font size around
 * them change. Keyed by the text itself: a line's text is the same string in every document
 * (lines are memoised), so its hash is computed once.
 */
type ShownByText = BoundedMap<string, ShownText>;
const shown = new WeakMap<Measure, Record<Face, ShownByText>>();
// About the lines of a few plans.
const SHOWN_LIMIT = 16384;

// Spaces stay glyphs (so extracted text has them); justification adds a TJ gap after each.
function shownText(m: Measure, face: Face, text: string): ShownText {
  const byText = onceFor(shown, m, () => perFace((): ShownByText => new BoundedMap(SHOWN_LIMIT)));
  return byText[face].get(text, () => {
    const words: Shaped[] = [];
    const spaced: string[] = [];
    let run = '';
    for (const chunk of chunks(text)) {
      const word = m.shape(face, chunk);
      words.push(word);
      run += word.bytes;
      if (chunk.endsWith(' ')) {
        spaced.push(run);
        run = '';
      }
    }
    return { glyphs: textGlyphs(words), spaced, tail: run, byGap: new Map() };
  });
}

/** The text's show operation, with `extra` thousandths of the font size after each space; made once per gap. */
function showOperation(text: ShownText, extra: number): string {
  let tj = text.byGap.get(extra);
  if (tj === undefined) {
    const parts = extra === 0 ? [`(${text.spaced.join('')}${text.tail})`] : text.spaced.map((run) => `(${run}) ${num(extra)}`);
    if (extra !== 0 && text.tail) parts.push(`(${text.tail})`);
    tj = `[${parts.join(' ')}] TJ`;
    text.byGap.set(extra, tj);
  }
  return tj;
}

/** What draw.ts uses of pdfkit's page content stream (a PDFReference). */
interface ContentStream {
  data: { Filter?: string };
  /** The pieces written so far: the transform pdfkit starts every page with. */
  buffer: Uint8Array[];
}

/**
 * Page content is deflated at zlib's quickest level. Deflating it at the default level was a sixth
 * of typesetting a document; text operators pack to 29 % of their size at the quickest level
 * against 26 % at the default, in two thirds of the time (a seed plan's 71 pages with its
 * extracts). pdfkit deflates every stream at the default level, so documents are made with its
 * compression off (index.ts) and a page's stream is deflated here, whole, with what pdfkit wrote
 * into it first; the stream then carries its filter, and pdfkit writes it as it is.
 */
const CONTENT_LEVEL = 1;

function writeContent(doc: PDFKit.PDFDocument, content: Buffer): void {
  const stream = (doc.page as unknown as { content: ContentStream }).content;
  stream.buffer = [deflateSync(Buffer.concat([...stream.buffer, content]), { level: CONTENT_LEVEL })];
  stream.data.Filter = 'FlateDecode';
}

/** Draws pages into one pdfkit document. */
class Painter {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly m: Measure,
    private readonly fonts: DocumentFonts,
  ) {}

  text(it: Extract<DrawItem, { kind: 'text' }>, pageHeight: number): string {
    const text = shownText(this.m, it.face, it.text);
    const font = this.fonts.draw(it.face, text.glyphs);
    return `BT 1 0 0 1 ${num(it.x)} ${num(pageHeight - it.y)} Tm /${font} ${num(it.size)} Tf ${showOperation(text, (-it.extra * 1000) / it.size)} ET`;
  }

  /** Adds a page and draws its items, as one piece of content. */
  page(page: Page): void {
    const doc = this.doc;
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    // pdfkit starts a page with the y axis flipped (downwards, as our layout measures); text is
    // written in PDF's native space, rules and frames in the flipped one.
    const lines = [`q 1 0 0 -1 0 ${num(page.height)} cm`];
    for (const it of page.items) if (it.kind === 'text' && it.text !== '') lines.push(this.text(it, page.height));
    lines.push('Q');
    for (const it of page.items) {
      if (it.kind === 'rule') lines.push(`${num(it.x1)} ${num(it.y1)} m ${num(it.x2)} ${num(it.y2)} l ${num(it.width)} w S`);
      else if (it.kind === 'frame') lines.push(`${num(it.x)} ${num(it.y)} ${num(it.w)} ${num(it.h)} re ${num(it.width)} w S`);
    }
    writeContent(doc, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
  }
}

/** Adds each page to the document and draws its items, recording the glyphs each face needs. */
export function drawPages(doc: PDFKit.PDFDocument, pages: Page[], m: Measure, fonts: DocumentFonts): void {
  const painter = new Painter(doc, m, fonts);
  for (const page of pages) painter.page(page);
}
