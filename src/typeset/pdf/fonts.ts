// Loads the four faces of a font family, parsing each file's content once per process, and answers glyph coverage questions.
import { readFileSync } from 'node:fs';
import type { FontFamily } from '../style.js';
import { readFontInfo, type FontInfo } from './font-info.js';
import { parseTrueType, TrueTypeError, type TrueTypeProgram } from './truetype.js';

/** The four faces a run can be drawn in. */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** Every face, in a fixed order that numbers their PDF resources. */
export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** A value for each face. */
export function perFace<T>(make: (face: Face) => T): Record<Face, T> {
  return { regular: make('regular'), bold: make('bold'), italic: make('italic'), boldItalic: make('boldItalic') };
}

/** A font family parsed once: each face's metrics and program. */
export interface LoadedFonts {
  /** Family name for file properties. */
  name: string;
  /** Metrics and descriptive fields of each face. */
  faces: Record<Face, FontInfo>;
  /** Each face's font program, for embedding subsets. */
  programs: Record<Face, TrueTypeProgram>;
}

interface ParsedFace {
  /** The file's content when it was parsed. */
  bytes: Buffer;
  font: FontInfo;
  program: TrueTypeProgram;
}

// Reading a font file's tables takes milliseconds; a process typesets many documents with the same
// files. Kept by path with the content parsed: a file replaced while `plan watch` runs is parsed again.
const parsed = new Map<string, ParsedFace>();

/** A font file that can be read but not embedded: not TrueType, or damaged. */
export class UnsupportedFont extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(reason);
  }
}

function parse(path: string): ParsedFace {
  const bytes = readFileSync(path);
  let face = parsed.get(path);
  if (!face?.bytes.equals(bytes)) {
    let program: TrueTypeProgram;
    try {
      program = parseTrueType(bytes);
    } catch (error) {
      if (error instanceof TrueTypeError) throw new UnsupportedFont(path, error.message);
      throw error;
    }
    face = { bytes, font: readFontInfo(program), program };
    parsed.set(path, face);
  }
  return face;
}

// The same family with the same files gives the same object, so caches keyed by it (shaped words,
// broken lines) last the whole process; a file of other content gives a new one, with new caches.
const families = new Map<string, LoadedFonts>();

/**
 * Reads the four faces of a family, parsing only a file whose content the process has not parsed
 * at that path. Reads the files each time: call it once per build (build/fonts.ts), not per document.
 */
export function loadFonts(family: FontFamily): LoadedFonts {
  const key = JSON.stringify([family.name, family.regular, family.bold, family.italic, family.boldItalic]);
  const faces = perFace((face) => parse(family[face]));
  let fonts = families.get(key);
  if (!fonts || FACES.some((face) => fonts!.programs[face] !== faces[face].program)) {
    fonts = { name: family.name, faces: perFace((face) => faces[face].font), programs: perFace((face) => faces[face].program) };
    families.set(key, fonts);
  }
  return fonts;
}

/** A predicate telling whether every face of the family can draw a code point. */
export function coverage(fonts: LoadedFonts): (codePoint: number) => boolean {
  return (codePoint) => FACES.every((face) => fonts.programs[face].glyphId(codePoint) !== 0);
}
