// Shapes and measures text once per face and string, for both line breaking and drawing.
import type { Face, LoadedFonts } from './fonts.js';

/** A chunk of text mapped to glyphs, in font units, cached across documents. */
export interface Shaped {
  /** Glyph ids in the full font. */
  ids: number[];
  /** The ids as four-digit hex, the chunk's bytes in a PDF text string (fonts keep glyph ids). */
  hex: string;
  /** Code points each glyph stands for (for the text layer). */
  codePoints: number[][];
  /** Each glyph's own advance. */
  advances: number[];
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

  // fontkit looks its tables up again on every metric it is asked; these are read once.
  private readonly metrics: Record<Face, { em: number; ascent: number; descent: number; lineGap: number; capHeight: number }>;

  constructor(readonly fonts: LoadedFonts) {
    this.cache = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };
    const of = (f: LoadedFonts['faces'][Face]) => ({ em: f.unitsPerEm, ascent: f.ascent, descent: f.descent, lineGap: f.lineGap, capHeight: f.capHeight });
    const f = fonts.faces;
    this.metrics = { regular: of(f.regular), bold: of(f.bold), italic: of(f.italic), boldItalic: of(f.boldItalic) };
  }

  /** Shapes one chunk (no inner spaces) in a face. */
  shape(face: Face, chunk: string): Shaped {
    const cache = this.cache[face];
    let shaped = cache.get(chunk);
    if (!shaped) {
      // Character-to-glyph mapping and advance widths only, read from the font's cmap and hmtx
      // tables, without OpenType features: text is NFC, so every Vietnamese letter has its own
      // precomposed glyph, and Word sets documents without kerning by default. (fontkit's glyph
      // objects would decode each glyph's outline to give its advance.)
      const font = this.fonts.programs[face];
      const s: Shaped = { ids: [], hex: '', codePoints: [], advances: [], width: 0 };
      for (const char of chunk) {
        const codePoint = char.codePointAt(0)!;
        const id = font.glyphId(codePoint);
        const advance = font.advance(id);
        s.ids.push(id);
        s.hex += id.toString(16).padStart(4, '0');
        s.codePoints.push([codePoint]);
        s.advances.push(advance);
        s.width += advance;
      }
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
    return (units * size) / this.metrics[face].em;
  }

  /** Natural (single-spaced) line height: ascent − descent + line gap, scaled to size. */
  lineHeight(face: Face, size: number): number {
    const f = this.metrics[face];
    return ((f.ascent - f.descent + f.lineGap) * size) / f.em;
  }

  /** Distance from the top of a single-spaced line to its baseline. */
  ascent(face: Face, size: number): number {
    const f = this.metrics[face];
    return ((f.ascent + f.lineGap / 2) * size) / f.em;
  }

  /** Height of capital letters above the baseline. */
  capHeight(face: Face, size: number): number {
    const f = this.metrics[face];
    return (f.capHeight * size) / f.em;
  }
}

// Widths are cached per font set, so repeated typesetting in one process (PDF and DOCX alike) measures each word once.
const measures = new WeakMap<LoadedFonts, Measure>();

/** The process's Measure of a font set. */
export function measureFor(fonts: LoadedFonts): Measure {
  let m = measures.get(fonts);
  if (!m) {
    m = new Measure(fonts);
    measures.set(fonts, m);
  }
  return m;
}
