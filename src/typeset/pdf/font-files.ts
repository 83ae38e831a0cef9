/**
 * Compressed font programs to embed, shared by the documents a process typesets.
 *
 * Subsetting and deflating a face costs most of a millisecond, three or four times a document.
 * A document that draws a good share of the common characters below (body text, headings)
 * embeds one program of all of them, made once per process: a few kilobytes more than an exact
 * subset. Any other document embeds an exact subset, kept for the next document that draws the
 * same glyphs (the italic and bold italic of extracts repeat a lot).
 */
import { deflateSync } from 'node:zlib';
import type { Face, LoadedFonts } from './fonts.js';
import { subsetTrueType } from './truetype.js';

// Vietnamese letters in both cases, the rest of the Latin alphabet, digits, ASCII punctuation and
// the typographic marks administrative text uses.
const VIETNAMESE = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const COMMON_CHARACTERS = `${VIETNAMESE}${VIETNAMESE.toUpperCase()}fjwzFJWZ0123456789 !"#$%&'()*+,-./:;<=>?@[\\]^_\`{|}~“”‘’–—…•°§`;

/** A font program ready for a FontFile2 stream. */
export interface FontFile {
  /** The subset, deflated (/Filter /FlateDecode). */
  deflated: Uint8Array;
  /** Every glyph id the program holds outlines for, ascending (names the subset). */
  glyphs: number[];
}

// A document drawing at least this share of the common glyphs gets the common program.
const COMMON_SHARE = 0.4;
// Exact subsets kept per face; the oldest goes first.
const KEPT_SUBSETS = 64;

interface FaceFiles {
  common: Set<number>;
  commonFile?: FontFile;
  exact: Map<string, FontFile>;
}

function fontFile(fonts: LoadedFonts, face: Face, sorted: number[]): FontFile {
  return { deflated: deflateSync(subsetTrueType(fonts.programs[face], sorted)), glyphs: sorted };
}

/** The font programs of one font family. */
export class FontFiles {
  private readonly faces = new Map<Face, FaceFiles>();

  constructor(private readonly fonts: LoadedFonts) {}

  private files(face: Face): FaceFiles {
    let files = this.faces.get(face);
    if (!files) {
      const font = this.fonts.faces[face];
      const common = new Set<number>();
      for (const char of COMMON_CHARACTERS) if (font.hasGlyphForCodePoint(char.codePointAt(0)!)) common.add(font.glyphForCodePoint(char.codePointAt(0)!).id);
      files = { common, exact: new Map() };
      this.faces.set(face, files);
    }
    return files;
  }

  /** The program to embed for a document that draws `used` glyph ids in `face`. */
  forGlyphs(face: Face, used: Iterable<number>): FontFile {
    const files = this.files(face);
    const sorted = [...used].sort((a, b) => a - b);
    if (sorted.length >= COMMON_SHARE * files.common.size && sorted.every((gid) => files.common.has(gid))) {
      files.commonFile ??= fontFile(this.fonts, face, [...files.common].sort((a, b) => a - b));
      return files.commonFile;
    }
    const key = sorted.join(',');
    let file = files.exact.get(key);
    if (!file) {
      file = fontFile(this.fonts, face, sorted);
      if (files.exact.size >= KEPT_SUBSETS) files.exact.delete(files.exact.keys().next().value!);
      files.exact.set(key, file);
    }
    return file;
  }
}

const families = new WeakMap<LoadedFonts, FontFiles>();

/** The shared font programs of a loaded family (one per process). */
export function fontFilesOf(fonts: LoadedFonts): FontFiles {
  let files = families.get(fonts);
  if (!files) {
    files = new FontFiles(fonts);
    families.set(fonts, files);
  }
  return files;
}
