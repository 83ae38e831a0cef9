// Shapes and measures text once per face and string, for both line breaking and drawing.
import { type Face, type LoadedFonts, perFace } from './fonts.js';
import { onceFor } from '../../memo.js';

/** A chunk of text mapped to glyphs, in font units, cached across documents. */
export interface Shaped {
  /** Glyph ids in the full font. */
  ids: number[];
  /**
   * The ids as the bytes of a PDF literal string (two a glyph, big-endian, fonts keep glyph ids),
   * escaped, one character per byte: half the size of hex, so pages deflate faster.
   */
  bytes: string;
  /** Code points each glyph stands for (for the text layer). */
  codePoints: number[][];
  /** Each glyph's own advance. */
  advances: number[];
  /** Total laid-out advance. */
  width: number;
}

/**
 * A byte inside a PDF literal string: parentheses and backslash escaped, and line ends too, which
 * a reader would otherwise take as one end-of-line whatever they were (ISO 32000-1, 7.3.4.2).
 */
function literalByte(byte: number): string {
  switch (byte) {
    case 0x28:
      return '\\(';
    case 0x29:
      return '\\)';
    case 0x5c:
      return '\\\\';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    default:
      return String.fromCharCode(byte);
  }
}

/** Splits text the way pdfkit lays it out: each word with its trailing space, spaces alone. */
export function chunks(text: string): string[] {
  return text.match(/[^ ]+ ?| /g) ?? [];
}

// Shaped chunks kept per face: the words of many plans. Bounds the memory of a long-running
// process (plan watch); a face's cache is cleared when full.
const SHAPED_LIMIT = 1 << 16;

/** Widths and vertical metrics of the loaded faces, in points for a given size. */
export class Measure {
  // Shaping is the costly part of typesetting and does not depend on size or document.
  private readonly cache: Record<Face, Map<string, Shaped>>;

  constructor(readonly fonts: LoadedFonts) {
    this.cache = perFace(() => new Map<string, Shaped>());
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
      const s: Shaped = { ids: [], bytes: '', codePoints: [], advances: [], width: 0 };
      for (const char of chunk) {
        const codePoint = char.codePointAt(0)!;
        const id = font.glyphId(codePoint);
        const advance = font.advance(id);
        s.ids.push(id);
        s.bytes += literalByte(id >> 8) + literalByte(id & 0xff);
        s.codePoints.push([codePoint]);
        s.advances.push(advance);
        s.width += advance;
      }
      shaped = s;
      if (cache.size >= SHAPED_LIMIT) cache.clear();
      cache.set(chunk, shaped);
    }
    return shaped;
  }

  /** Advance width of text in points. */
  width(face: Face, size: number, text: string): number {
    let units = 0;
    if (text.includes(' ')) for (const chunk of chunks(text)) units += this.shape(face, chunk).width;
    else units = this.shape(face, text).width;
    return (units * size) / this.fonts.faces[face].unitsPerEm;
  }

  /** Natural (single-spaced) line height: ascent − descent + line gap, scaled to size. */
  lineHeight(face: Face, size: number): number {
    const f = this.fonts.faces[face];
    return ((f.ascent - f.descent + f.lineGap) * size) / f.unitsPerEm;
  }

  /** Distance from the top of a single-spaced line to its baseline. */
  ascent(face: Face, size: number): number {
    const f = this.fonts.faces[face];
    return ((f.ascent + f.lineGap / 2) * size) / f.unitsPerEm;
  }

  /** Height of capital letters above the baseline. */
  capHeight(face: Face, size: number): number {
    const f = this.fonts.faces[face];
    return (f.capHeight * size) / f.unitsPerEm;
  }
}

// Widths are cached per font set, so repeated typesetting in one process (PDF and DOCX alike) measures each word once.
const measures = new WeakMap<LoadedFonts, Measure>();

/** The process's Measure of a font set. */
export function measureFor(fonts: LoadedFonts): Measure {
  return onceFor(measures, fonts, () => new Measure(fonts));
}
