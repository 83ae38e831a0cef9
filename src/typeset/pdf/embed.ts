/**
 * The fonts of one PDF: each face a document draws becomes a Type0 font whose CIDs are the
 * glyph ids of the full font (Identity-H, /CIDToGIDMap /Identity), with a glyph-id-keeping
 * subset of its program, the widths of its glyphs and a ToUnicode map for copying text, all
 * shared between documents (see font-files.ts).
 *
 * pdfkit's own embedded font would re-encode a subset with fontkit for every document; with
 * ids kept, a word's bytes are written once for all documents (Measure caches them).
 */
import type { Face, LoadedFonts } from './fonts.js';
import { FACES, perFace } from './fonts.js';
import type { Shaped } from './measure.js';
import { fontFilesOf } from './font-files.js';
import type { GlyphInfo } from './font-maps.js';

interface FaceUse {
  /** The Type0 font dictionary, referenced from pages as soon as it is used, written at the end. */
  dictionary: PDFKit.PDFKitReference;
  /** Each glyph drawn, with the characters it was first drawn for. */
  glyphs: Map<number, GlyphInfo>;
  /** 1 for each glyph id already in `glyphs`: a line's glyphs are looked up here, not in the map. */
  seen: Uint8Array;
}

/** The distinct glyphs of a text, in the order they first appear in it, with what each stands for. */
export interface TextGlyphs {
  readonly ids: readonly number[];
  readonly infos: readonly GlyphInfo[];
}

/** The distinct glyphs of a text's shaped words; made once per text (draw.ts keeps them with its show operations). */
export function textGlyphs(words: readonly Shaped[]): TextGlyphs {
  const ids: number[] = [];
  const infos: GlyphInfo[] = [];
  const seen = new Set<number>();
  for (const word of words) {
    word.ids.forEach((gid, i) => {
      if (seen.has(gid)) return;
      seen.add(gid);
      ids.push(gid);
      infos.push({ advance: word.advances[i] as number, codePoints: word.codePoints[i] as number[] });
    });
  }
  return { ids, infos };
}

/** PDF resource name of each face: F1…F4 in FACES order, the same in every document. Made once: a line is drawn by its face's name. */
const RESOURCE_NAMES: Record<Face, string> = perFace((face) => `F${FACES.indexOf(face) + 1}`);

// A six-letter subset tag (ISO 32000-1, 9.6.4) from the glyphs a program holds, so equal programs get equal names.
function subsetTag(face: Face, gids: number[]): string {
  let hash = Math.imul(0x811c9dc5 ^ FACES.indexOf(face), 0x01000193) >>> 0;
  for (const n of gids) hash = Math.imul(hash ^ n, 0x01000193) >>> 0;
  let tag = '';
  for (let i = 0; i < 6; i++, hash = Math.floor(hash / 26)) tag += String.fromCharCode(65 + (hash % 26));
  return tag;
}

/** The faces one document uses, written into it once its pages are drawn. */
export class DocumentFonts {
  private readonly used = new Map<Face, FaceUse>();

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly fonts: LoadedFonts,
  ) {}

  /** Records the glyphs of a text drawn in `face` on the current page; returns the face's resource name. */
  draw(face: Face, text: TextGlyphs): string {
    let use = this.used.get(face);
    if (!use) {
      use = { dictionary: this.doc.ref({}), glyphs: new Map(), seen: new Uint8Array(this.fonts.programs[face].numGlyphs) };
      this.used.set(face, use);
    }
    const name = RESOURCE_NAMES[face];
    (this.doc.page as unknown as { fonts: Record<string, unknown> }).fonts[name] ??= use.dictionary;
    // A glyph drawn for several characters (a space and a no-break space) stands for those it was first drawn for.
    const { ids, infos } = text;
    for (let i = 0; i < ids.length; i++) {
      const gid = ids[i] as number;
      if (use.seen[gid] === 1) continue;
      use.seen[gid] = 1;
      use.glyphs.set(gid, infos[i] as GlyphInfo);
    }
    return name;
  }

  /** Writes every used face's font objects; call once, after the last page is drawn. */
  finish(): void {
    // FACES order, so objects are numbered the same whatever face the text happened to use first.
    for (const face of FACES) {
      const use = this.used.get(face);
      if (use) this.embed(face, use);
    }
  }

  private embed(face: Face, use: FaceUse): void {
    const font = this.fonts.faces[face];
    const scale = 1000 / font.unitsPerEm;
    const file = fontFilesOf(this.fonts).forGlyphs(face, use.glyphs);
    const name = `${subsetTag(face, file.glyphs)}+${(font.postscriptName ?? `${this.fonts.name}-${face}`).replaceAll(' ', '_')}`;

    // Already deflated: a stream with a Filter is written as it is.
    const program = this.doc.ref({ Filter: 'FlateDecode' });
    program.end(file.deflated);

    // Flags as pdfkit sets them: symbolic (glyph ids, not a standard encoding), serif by family class, italic.
    const { familyClass } = font;
    let flags = 1 << 2;
    if (font.fixedPitch) flags |= 1 << 0;
    if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
    if (familyClass === 10) flags |= 1 << 3;
    if (font.italic) flags |= 1 << 6;
    const { bbox } = font;
    const descriptor = this.doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [bbox.minX * scale, bbox.minY * scale, bbox.maxX * scale, bbox.maxY * scale],
      ItalicAngle: font.italicAngle,
      Ascent: font.ascent * scale,
      Descent: font.descent * scale,
      CapHeight: (font.capHeight || font.ascent) * scale,
      XHeight: (font.xHeight || 0) * scale,
      StemV: 0,
      FontFile2: program,
    });
    descriptor.end(undefined);

    const cidFont = this.doc.ref({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: file.widths,
      CIDToGIDMap: 'Identity',
    });
    cidFont.end(undefined);

    const toUnicode = this.doc.ref({ Filter: 'FlateDecode' });
    toUnicode.end(file.toUnicode);

    Object.assign(use.dictionary.data, { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode });
    use.dictionary.end(undefined);
  }
}
