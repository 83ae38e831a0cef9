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
import { FACES } from './fonts.js';
import type { Shaped } from './measure.js';
import { fontFilesOf } from './font-files.js';
import type { GlyphInfo } from './font-maps.js';

interface FaceUse {
  /** The Type0 font dictionary, referenced from pages as soon as it is used, written at the end. */
  dictionary: PDFKit.PDFKitReference;
  glyphs: Map<number, GlyphInfo>;
  /** Texts and words already recorded, so each one's glyphs are looked at once per document. */
  texts: Set<readonly Shaped[]>;
  words: Set<Shaped>;
}

/** PDF resource name of a face: F1…F4 in FACES order, the same in every document. */
function resourceName(face: Face): string {
  return `F${FACES.indexOf(face) + 1}`;
}

// A six-letter subset tag (ISO 32000-1, 9.6.4) from the glyphs a program holds, so equal programs get equal names.
function subsetTag(face: Face, gids: number[]): string {
  let hash = 0x811c9dc5;
  for (const n of [FACES.indexOf(face), ...gids]) hash = Math.imul(hash ^ n, 0x01000193) >>> 0;
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

  /** Records shaped words drawn in `face` on the current page; returns the face's resource name. */
  draw(face: Face, words: readonly Shaped[]): string {
    let use = this.used.get(face);
    if (!use) {
      use = { dictionary: this.doc.ref({}), glyphs: new Map(), texts: new Set(), words: new Set() };
      this.used.set(face, use);
    }
    const name = resourceName(face);
    (this.doc.page as unknown as { fonts: Record<string, unknown> }).fonts[name] ??= use.dictionary;
    if (!use.texts.has(words)) {
      use.texts.add(words);
      for (const word of words) {
        if (use.words.has(word)) continue;
        use.words.add(word);
        word.ids.forEach((gid, i) => {
          if (!use.glyphs.has(gid)) use.glyphs.set(gid, { advance: word.advances[i] as number, codePoints: word.codePoints[i] as number[] });
        });
      }
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
