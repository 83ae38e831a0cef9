/**
 * Checks every character a clerk wrote against the font before typesetting, so a character
 * the font cannot draw is reported where it was typed (the typesetter would otherwise draw a
 * blank and lose it from the text).
 */
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceMap } from '../parse/source-map.js';
import type { Path } from '../model/shape.js';
import { coverage, type LoadedFonts } from '../typeset/pdf/index.js';

/** One diagnostic per distinct missing character, at its first place in the source. */
export function checkGlyphs(data: unknown, fonts: LoadedFonts, fontName: string, map: SourceMap): Diagnostic[] {
  const covered = coverage(fonts);
  const seen = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  const visit = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      let offset = 0;
      for (const char of value) {
        const codePoint = char.codePointAt(0)!;
        if (codePoint > 0x20 && !seen.has(codePoint) && !covered(codePoint)) {
          seen.add(codePoint);
          diagnostics.push(
            diagnostic('missing-glyph', map.locateInText(path, value, offset, char.length), {
              font: fontName,
              char,
              codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
            }),
          );
        }
        offset += char.length;
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(data, []);
  return diagnostics;
}
