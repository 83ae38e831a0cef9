// The glyph-id-keeping TrueType subsetter: what it keeps, what it empties, and a valid file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { parseTrueType, subsetTrueType, TrueTypeError } from '../../src/typeset/pdf/truetype.js';

const file = readFileSync(join(import.meta.dirname, '..', '..', 'fonts', 'Tinos-Regular.ttf'));
const program = parseTrueType(file);
const full = fontkit.create(file) as unknown as FontkitFont;

interface FontkitFont {
  numGlyphs: number;
  hasGlyphForCodePoint(c: number): boolean;
  glyphForCodePoint(c: number): { id: number };
  getGlyph(id: number): { path: { toSVG(): string }; advanceWidth: number };
}

const ids = (text: string): number[] => [...text].map((c) => full.glyphForCodePoint(c.codePointAt(0)!).id);

// A glyph made of other glyphs (a letter and its marks), which the subset must carry with it.
function compositeGlyph(): number {
  const glyf = program.tables.get('glyf')!;
  for (let id = 1; id < program.numGlyphs; id++) {
    const bytes = glyf.subarray(program.loca[id], program.loca[id + 1]);
    if (bytes.byteLength >= 10 && new DataView(bytes.buffer, bytes.byteOffset).getInt16(0) < 0) return id;
  }
  throw new Error('Tinos has composite glyphs');
}

describe('subsetTrueType', () => {
  const used = ids('Tổ chức triển khai ỦY BAN');
  const subset = subsetTrueType(program, used);
  const font = fontkit.create(Buffer.from(subset)) as unknown as FontkitFont;

  it('keeps the outlines and advances of the glyphs drawn, under the same ids', () => {
    for (const id of used) {
      expect(font.getGlyph(id).path.toSVG()).toBe(full.getGlyph(id).path.toSVG());
      expect(font.getGlyph(id).advanceWidth).toBe(full.getGlyph(id).advanceWidth);
    }
  });

  it('empties every other glyph and ends at the highest id kept', () => {
    expect(font.numGlyphs).toBeGreaterThan(Math.max(...used));
    expect(font.numGlyphs).toBeLessThanOrEqual(program.numGlyphs);
    const other = ids('Q').find((id) => !used.includes(id))!;
    expect(full.getGlyph(other).path.toSVG()).not.toBe('');
    expect(font.getGlyph(other).path.toSVG()).toBe('');
    expect(subset.byteLength).toBeLessThan(file.byteLength / 10);
  });

  it('carries the components of a composite glyph', () => {
    const id = compositeGlyph();
    const font = fontkit.create(Buffer.from(subsetTrueType(program, [id]))) as unknown as FontkitFont;
    expect(font.getGlyph(id).path.toSVG()).not.toBe('');
    expect(font.getGlyph(id).path.toSVG()).toBe(full.getGlyph(id).path.toSVG());
  });

  it('writes table checksums and the whole-file checksum adjustment', () => {
    const data = new DataView(subset.buffer, subset.byteOffset, subset.byteLength);
    let sum = 0;
    for (let at = 0; at < subset.byteLength; at += 4) sum = (sum + data.getUint32(at)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    expect(subset.byteLength % 4).toBe(0);
  });

  it('gives the same bytes for the same glyphs in any order', () => {
    expect(Buffer.from(subsetTrueType(program, [...used].reverse())).equals(Buffer.from(subset))).toBe(true);
  });
});

function tableOffset(data: DataView, tag: string): number {
  for (let i = 0; i < data.getUint16(4); i++) {
    const record = 12 + i * 16;
    if (String.fromCharCode(data.getUint8(record), data.getUint8(record + 1), data.getUint8(record + 2), data.getUint8(record + 3)) === tag) return data.getUint32(record + 8);
  }
  throw new Error(`no ${tag} table`);
}

describe('parseTrueType', () => {
  it('maps characters to glyphs and gives advances as fontkit does, in every face', () => {
    for (const face of ['Regular', 'Bold', 'Italic', 'BoldItalic']) {
      const bytes = readFileSync(join(import.meta.dirname, '..', '..', 'fonts', `Tinos-${face}.ttf`));
      const ours = parseTrueType(bytes);
      const theirs = fontkit.create(bytes) as unknown as FontkitFont;
      const differ: string[] = [];
      // Latin, Vietnamese, Greek, Cyrillic, punctuation, a private-use and a supplementary-plane code point.
      for (const codePoint of [...Array(0x2200).keys(), 0xe000, 0x1f600]) {
        const expected = theirs.hasGlyphForCodePoint(codePoint) ? theirs.glyphForCodePoint(codePoint).id : 0;
        if (ours.glyphId(codePoint) !== expected) differ.push(`${face} U+${codePoint.toString(16)}`);
      }
      for (let gid = 0; gid < ours.numGlyphs; gid++) if (ours.advance(gid) !== theirs.getGlyph(gid).advanceWidth) differ.push(`${face} glyph ${gid}`);
      expect(differ).toEqual([]);
    }
  });

  it('refuses a damaged font whose glyph locations do not fit its outlines', () => {
    const damaged = Buffer.from(file);
    const data = new DataView(damaged.buffer, damaged.byteOffset, damaged.byteLength);
    for (let i = 0; i < data.getUint16(4); i++) {
      const record = 12 + i * 16;
      if (damaged.toString('latin1', record, record + 4) !== 'loca') continue;
      // Glyph 50 starting before glyph 49: the locations run backwards.
      const width = data.getInt16(tableOffset(data, 'head') + 50) === 1 ? 4 : 2;
      damaged.fill(0, data.getUint32(record + 8) + 50 * width, data.getUint32(record + 8) + 51 * width);
    }
    expect(() => parseTrueType(damaged)).toThrow(/loca/);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => parseTrueType(new TextEncoder().encode('OTTO not really a font'))).toThrow(TrueTypeError);
    expect(() => parseTrueType(new Uint8Array(4))).toThrow(TrueTypeError);
  });
});
