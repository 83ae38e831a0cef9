// Loads the four faces of a font family once per process and answers glyph coverage questions.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { FontFamily } from '../style.js';

/** The four faces a run can be drawn in. */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** Every face, in the order fonts are registered with pdfkit (fixed, so subset tags are stable). */
export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** A font family parsed once: one fontkit font per face. */
export interface LoadedFonts {
  /** Family name for file properties. */
  name: string;
  /** Parsed font of each face. */
  faces: Record<Face, Font>;
}

// Parsing a TTF takes tens of milliseconds; a process typesets many documents with the same files.
const parsed = new Map<string, Font>();

function parse(path: string): Font {
  let font = parsed.get(path);
  if (!font) {
    font = fontkit.create(readFileSync(path));
    parsed.set(path, font);
  }
  return font;
}

// The same family gives the same object, so caches keyed by it (shaped words) last the whole process.
const families = new Map<string, LoadedFonts>();

/** Parses (or takes from the per-process cache) the four faces of a family. */
export function loadFonts(family: FontFamily): LoadedFonts {
  const key = JSON.stringify([family.name, family.regular, family.bold, family.italic, family.boldItalic]);
  let fonts = families.get(key);
  if (!fonts) {
    fonts = {
      name: family.name,
      faces: {
        regular: parse(family.regular),
        bold: parse(family.bold),
        italic: parse(family.italic),
        boldItalic: parse(family.boldItalic),
      },
    };
    families.set(key, fonts);
  }
  return fonts;
}

/** A predicate telling whether every face of the family can draw a code point. */
export function coverage(fonts: LoadedFonts): (codePoint: number) => boolean {
  return (codePoint) => FACES.every((face) => fonts.faces[face].hasGlyphForCodePoint(codePoint));
}
