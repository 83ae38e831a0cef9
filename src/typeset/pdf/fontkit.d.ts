// Minimal typing of the parts of fontkit this typesetter uses (the package ships no declarations).
declare module 'fontkit' {
  /** One glyph of a font. */
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }
  /** Where a laid-out glyph goes, in font units. */
  export interface GlyphPosition {
    xAdvance: number;
  }
  /** A laid-out string, in font units. */
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  /** A parsed TrueType/OpenType font. */
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    capHeight: number;
    layout(text: string): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
  const fontkit: { create: typeof create };
  export default fontkit;
}
