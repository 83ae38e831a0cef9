// Shapes and measures text once per face and string, for both line breaking and drawing.
import type { Face, LoadedFonts } from './fonts.js';

/** A shaped chunk of text in font units: what pdfkit's encoder would compute, cached across documents. */
export interface Shaped {
  /** Glyph ids in the full font. */
  ids: number[];
  /** Code points each glyph stands for (for the text layer). */
  codePoints: number[][];
  /** Each glyph's own advance. */
  advances: number[];
  /** Kerning after each glyph: laid-out advance minus own advance. */
  kerns: number[];
  /** Total laid-out advance. */
  width: number;
}

/** Splits text the way pdfkit lays it out: each word with its trailing space, spaces alone. */
export function chunks(text: string): string[] {
  return text.match(/[^ ]+ ?| /g) ?? [];
}

/** Widths and vertical metrics of the loaded faces, in points for a given size. */
export class Measure {
  // Shaping is the costly part of typesetting and does not depend on size or document.
  private readonly cache: Record<Face, Map<string, Shaped>>;

  // fontkit re-reads the head table on every unitsPerEm access.
  private readonly em: Record<Face, number>;

  constructor(readonly fonts: LoadedFonts) {
    this.cache = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
    const f = fonts.faces;
    this.em = { regular: f.regular.unitsPerEm, bold: f.bold.unitsPerEm, italic: f.italic.unitsPerEm, boldItalic: f.boldItalic.unitsPerEm };
  }

  /** Shapes one chunk (no inner spaces) in a face. */
  shape(face: Face, chunk: string): Shaped {
    const cache = this.cache[face];
    let shaped = cache.get(chunk);
    if (!shaped) {
      const run = this.fonts.faces[face].layout(chunk);
      const s: Shaped = { ids: [], codePoints: [], advances: [], kerns: [], width: 0 };
      run.glyphs.forEach((g, i) => {
        const adv = run.positions[i]?.xAdvance ?? g.advanceWidth;
        s.ids.push(g.id);
        s.codePoints.push(g.codePoints);
        s.advances.push(g.advanceWidth);
        s.kerns.push(adv - g.advanceWidth);
        s.width += adv;
      });
      shaped = s;
      cache.set(chunk, shaped);
    }
    return shaped;
  }

  /** Advance width of text in points. */
  width(face: Face, size: number, text: string): number {
    let units = 0;
    if (text.includes(' ')) for (const chunk of chunks(text)) units += this.shape(face, chunk).width;
    else units = this.shape(face, text).width;
    return (units * size) / this.em[face];
  }

  /** Natural (single-spaced) line height: ascent − descent + line gap, scaled to size. */
  lineHeight(face: Face, size: number): number {
    const f = this.fonts.faces[face];
    return ((f.ascent - f.descent + f.lineGap) * size) / this.em[face];
  }

  /** Distance from the top of a single-spaced line to its baseline. */
  ascent(face: Face, size: number): number {
    const f = this.fonts.faces[face];
    return ((f.ascent + f.lineGap / 2) * size) / this.em[face];
  }

  /** Height of capital letters above the baseline. */
  capHeight(face: Face, size: number): number {
    const f = this.fonts.faces[face];
    return (f.capHeight * size) / this.em[face];
  }
}
