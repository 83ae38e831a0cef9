// A face's metrics and descriptor fields, read from its tables, agree with fontkit's reading.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readFontInfo } from '../../src/typeset/pdf/font-info.js';
import { parseTrueType } from '../../src/typeset/pdf/truetype.js';

interface FontkitFont {
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
  'OS/2': { sFamilyClass: number };
}

const fontFile = (face: string): Buffer => readFileSync(join(import.meta.dirname, '..', '..', 'fonts', `Tinos-${face}.ttf`));

describe('readFontInfo', () => {
  for (const face of ['Regular', 'Bold', 'Italic', 'BoldItalic']) {
    it(`reads the ${face} face as fontkit does`, () => {
      const bytes = fontFile(face);
      const theirs = fontkit.create(bytes) as unknown as FontkitFont;
      const { minX, minY, maxX, maxY } = theirs.bbox;
      expect(readFontInfo(parseTrueType(bytes))).toEqual({
        unitsPerEm: theirs.unitsPerEm,
        ascent: theirs.ascent,
        descent: theirs.descent,
        lineGap: theirs.lineGap,
        capHeight: theirs.capHeight,
        xHeight: theirs.xHeight,
        italicAngle: theirs.italicAngle,
        bbox: { minX, minY, maxX, maxY },
        postscriptName: theirs.postscriptName,
        familyClass: theirs['OS/2'].sFamilyClass >> 8,
        fixedPitch: Boolean(theirs.post.isFixedPitch),
        italic: theirs.head.macStyle.italic,
      });
    });
  }

  it('falls back to the ascent and no name when the tables do not give them', () => {
    const program = parseTrueType(fontFile('Regular'));
    const tables = new Map(program.tables);
    tables.delete('OS/2');
    tables.delete('name');
    tables.delete('post');
    const info = readFontInfo({ ...program, tables });
    expect(info.capHeight).toBe(info.ascent);
    expect(info.xHeight).toBe(0);
    expect(info.postscriptName).toBeUndefined();
    expect(info.italicAngle).toBe(0);
    expect(info.familyClass).toBe(0);
  });
});
