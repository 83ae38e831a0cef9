// Minimal typing of the parts of fontkit this typesetter uses (the package ships no declarations).
declare module 'fontkit' {
  /** One glyph of a font. */
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  /** A parsed TrueType/OpenType font. */
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    capHeight: number;
    xHeight: number;
    italicAngle: number;
    postscriptName: string;
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
    head: { macStyle: { italic: boolean } };
    post: { isFixedPitch: number };
    'OS/2'?: { sFamilyClass: number };
    /** The glyph a code point maps to through the character map. */
    glyphForCodePoint(codePoint: number): Glyph;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
  const fontkit: { create: typeof create };
  export default fontkit;
}
