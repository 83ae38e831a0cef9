// Draws laid-out pages with pdfkit's primitives, writing text as TJ arrays that keep real spaces.
import type { Face } from './fonts.js';
import type { Measure } from './measure.js';
import { chunks } from './measure.js';
import type { DrawItem, Page } from './model.js';

// The parts of pdfkit's embedded font this emitter uses (not in @types/pdfkit). Glyphs are added to
// the subset, widths and ToUnicode map exactly as pdfkit's own encoder does, from our cached shaping.
interface EmbeddedFont {
  id: string;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(id: number): number };
  ref(): unknown;
}
interface DocInternals {
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown> };
}

const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Font names the faces are registered under in the pdfkit document. */
export function faceName(face: Face): string {
  return `plan-${face}`;
}

/** Draws pages into one pdfkit document. */
class Painter {
  private readonly fonts = new Map<Face, { font: EmbeddedFont; hex: Map<number, string> }>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly m: Measure,
  ) {}

  private font(face: Face): { font: EmbeddedFont; hex: Map<number, string> } {
    let entry = this.fonts.get(face);
    if (!entry) {
      this.doc.font(faceName(face));
      entry = { font: (this.doc as unknown as DocInternals)._font, hex: new Map() };
      this.fonts.set(face, entry);
    }
    return entry;
  }

  // One text item: spaces stay glyphs (so extracted text has them); justification adds a TJ gap after each.
  text(it: Extract<DrawItem, { kind: 'text' }>, pageHeight: number): string {
    const { font, hex } = this.font(it.face);
    const page = (this.doc as unknown as DocInternals).page;
    page.fonts[font.id] ??= font.ref();
    const parts: string[] = [];
    const extra = (-it.extra * 1000) / it.size;
    let run = '';
    for (const chunk of chunks(it.text)) {
      const s = this.m.shape(it.face, chunk);
      const last = s.ids.length - 1;
      for (let i = 0; i <= last; i++) {
        const id = s.ids[i] as number;
        let h = hex.get(id);
        if (h === undefined) {
          const gid = font.subset.includeGlyph(id);
          font.widths[gid] ??= (s.advances[i] as number) * font.scale;
          font.unicode[gid] ??= s.codePoints[i] as number[];
          h = `0000${gid.toString(16)}`.slice(-4);
          hex.set(id, h);
        }
        run += h;
        const adjust = i === last && chunk.endsWith(' ') ? extra : 0;
        if (adjust !== 0) {
          parts.push(`<${run}> ${num(adjust)}`);
          run = '';
        }
      }
    }
    if (run) parts.push(`<${run}>`);
    return `BT 1 0 0 1 ${num(it.x)} ${num(pageHeight - it.y)} Tm /${font.id} ${num(it.size)} Tf [${parts.join(' ')}] TJ ET`;
  }

  /** Adds a page and draws its items. */
  page(page: Page): void {
    const doc = this.doc;
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    // pdfkit flips the y axis for its own drawing; text is written in PDF's native space.
    const lines = [`q 1 0 0 -1 0 ${num(page.height)} cm`];
    for (const it of page.items) if (it.kind === 'text') lines.push(this.text(it, page.height));
    lines.push('Q');
    doc.addContent(lines.join('\n'));
    for (const it of page.items) {
      if (it.kind === 'rule') doc.moveTo(it.x1, it.y1).lineTo(it.x2, it.y2).lineWidth(it.width).stroke();
      else if (it.kind === 'frame') doc.rect(it.x, it.y, it.w, it.h).lineWidth(it.width).stroke();
    }
  }
}

/** Adds each page to the document and draws its items. */
export function drawPages(doc: PDFKit.PDFDocument, pages: Page[], m: Measure): void {
  const painter = new Painter(doc, m);
  for (const page of pages) painter.page(page);
}
