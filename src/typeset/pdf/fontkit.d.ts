// Minimal typing of the parts of fontkit this typesetter uses (the package ships no declarations).
declare module 'fontkit' {
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
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
  const fontkit: { create: typeof create };
  export default fontkit;
}
