/**
 * Compressed font programs to embed, shared by the documents a process typesets.
 *
 * Subsetting and deflating a face costs most of a millisecond, three or four times a document,
 * and exact subsets of running text rarely repeat: one more word in an extract adds a letter.
 * So the subset of a face drawing much text is made of whole groups of characters: every group
 * the document draws from, plus any glyph outside the groups. A face has a few dozen such
 * programs at most, each made and deflated once per process, and a document carries a few
 * kilobytes of glyphs it does not draw. A face drawing a few words (the italic place and date,
 * a bold-italic note) keeps its exact subset, which the next extract of the plan draws again.
 */
import { deflateSync } from 'node:zlib';
import { type GlyphInfo, toUnicodeMap, widthArray } from './font-maps.js';
import type { Face, LoadedFonts } from './fonts.js';
import type { PdfSyntax } from './pdf-syntax.js';
import { subsetTrueType } from './truetype.js';
import { BoundedMap, onceFor } from '../../memo.js';

// Characters that come together in Vietnamese administrative text: a document that draws one
// of a group is likely to draw the others, in this document or the next.
const LOWER_A_E_I = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩị';
const LOWER_O_U_Y = 'òóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ';
const GROUPS = [
  'abcdefghijklmnopqrstuvwxyz0123456789 .,;:!?()-/\'"%',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  LOWER_A_E_I,
  LOWER_O_U_Y,
  LOWER_A_E_I.toUpperCase(),
  LOWER_O_U_Y.toUpperCase(),
  '“”‘’–—…•°§#$&*+<=>@[\\]^_`{|}~',
];

/** A font program ready for a FontFile2 stream, with the maps of every glyph it holds. */
export interface FontFile {
  /** The subset, deflated (/Filter /FlateDecode). */
  deflated: Uint8Array;
  /** Every glyph id the program holds outlines for, ascending (names the subset). */
  glyphs: number[];
  /** The W array of the CID font, in thousandths of the size. */
  widths: PdfSyntax;
  /** The ToUnicode CMap, deflated. */
  toUnicode: Uint8Array;
}

// A face drawing fewer glyphs than this gets its exact subset.
const FEW_GLYPHS = 48;
// Programs kept per face.
const KEPT_PROGRAMS = 128;

interface FaceFiles {
  /** The group of each grouped glyph id. */
  groupOf: Map<number, number>;
  /** Advance and characters of each grouped glyph id. */
  info: Map<number, GlyphInfo>;
  /** Glyph ids of each group. */
  groups: number[][];
  programs: BoundedMap<string, FontFile>;
}

/** The font programs of one font family. */
class FontFiles {
  private readonly faces = new Map<Face, FaceFiles>();

  constructor(private readonly fonts: LoadedFonts) {}

  private files(face: Face): FaceFiles {
    let files = this.faces.get(face);
    if (!files) {
      const font = this.fonts.programs[face];
      const groupOf = new Map<number, number>();
      const info = new Map<number, GlyphInfo>();
      const groups = GROUPS.map((chars, group) => {
        const ids: number[] = [];
        for (const char of chars) {
          const codePoint = char.codePointAt(0)!;
          const id = font.glyphId(codePoint);
          if (id === 0 || groupOf.has(id)) continue;
          groupOf.set(id, group);
          info.set(id, { advance: font.advance(id), codePoints: [codePoint] });
          ids.push(id);
        }
        return ids;
      });
      files = { groupOf, info, groups, programs: new BoundedMap(KEPT_PROGRAMS) };
      this.faces.set(face, files);
    }
    return files;
  }

  /** The program to embed for a document that draws `used` glyphs in `face`. */
  forGlyphs(face: Face, used: ReadonlyMap<number, GlyphInfo>): FontFile {
    const files = this.files(face);
    const few = used.size < FEW_GLYPHS;
    let groups = 0;
    const others: number[] = [];
    for (const gid of used.keys()) {
      const group = few ? undefined : files.groupOf.get(gid);
      if (group === undefined) others.push(gid);
      else groups |= 1 << group;
    }
    others.sort((a, b) => a - b);
    // The characters of a glyph outside the groups come from the document, so they are part of the key.
    const key = `${groups}:${others.map((gid) => `${gid}=${used.get(gid)!.codePoints.join('+')}`).join(',')}`;
    return files.programs.get(key, () => this.make(face, files, groups, others, used));
  }

  private make(face: Face, files: FaceFiles, groups: number, others: number[], used: ReadonlyMap<number, GlyphInfo>): FontFile {
    // A glyph outside the groups stands for the characters the document drew it for (they are in
    // the key); one of a group, for its group's character, whatever document made the program.
    const infos = new Map<number, GlyphInfo>(others.map((gid) => [gid, used.get(gid)!]));
    files.groups.forEach((ids, group) => {
      if (groups & (1 << group)) for (const gid of ids) infos.set(gid, files.info.get(gid)!);
    });
    const glyphs = [...infos.keys()].sort((a, b) => a - b);
    const info = (gid: number): GlyphInfo => infos.get(gid)!;
    const scale = 1000 / this.fonts.faces[face].unitsPerEm;
    return {
      deflated: deflateSync(subsetTrueType(this.fonts.programs[face], glyphs)),
      glyphs,
      widths: widthArray(glyphs, (gid) => info(gid).advance * scale),
      toUnicode: deflateSync(toUnicodeMap(glyphs, (gid) => info(gid).codePoints)),
    };
  }
}

const families = new WeakMap<LoadedFonts, FontFiles>();

/** The shared font programs of a loaded family (one per process). */
export function fontFilesOf(fonts: LoadedFonts): FontFiles {
  return onceFor(families, fonts, () => new FontFiles(fonts));
}
