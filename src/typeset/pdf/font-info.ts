/**
 * What the typesetter needs to know of a face besides its glyphs: the vertical metrics lines are
 * set with, and what a PDF font descriptor states (ISO 32000-1, 9.8). Read from the head, hhea,
 * OS/2, post and name tables of the TrueType program, once per process.
 */
import { tableView } from './table-view.js';
import type { TrueTypeProgram } from './truetype.js';

/** A face's metrics (in font units) and descriptive fields. */
export interface FontInfo {
  readonly unitsPerEm: number;
  readonly ascent: number;
  /** Negative: below the baseline. */
  readonly descent: number;
  readonly lineGap: number;
  /** The ascent when OS/2 does not give it (tables before version 2). */
  readonly capHeight: number;
  /** 0 when OS/2 does not give it. */
  readonly xHeight: number;
  /** Degrees counter-clockwise from vertical. */
  readonly italicAngle: number;
  readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  /** The PostScript name (name ID 6); undefined when the font has none. */
  readonly postscriptName: string | undefined;
  /** The OS/2 family class (its high byte), 0 when unknown. */
  readonly familyClass: number;
  readonly fixedPitch: boolean;
  readonly italic: boolean;
}

/** Reads a face's metrics; parseTrueType has already checked head and hhea are whole. */
export function readFontInfo(program: TrueTypeProgram): FontInfo {
  const head = tableView(program.tables.get('head')!);
  const hhea = tableView(program.tables.get('hhea')!);
  const os2 = program.tables.get('OS/2');
  const os2View = os2 ? tableView(os2) : undefined;
  const post = program.tables.get('post');
  const ascent = hhea.getInt16(4);
  // sxHeight and sCapHeight came with OS/2 version 2 (at bytes 86 and 88).
  const hasHeights = os2View !== undefined && os2View.byteLength >= 90 && os2View.getUint16(0) >= 2;
  return {
    unitsPerEm: head.getUint16(18),
    ascent,
    descent: hhea.getInt16(6),
    lineGap: hhea.getInt16(8),
    capHeight: hasHeights ? os2View.getInt16(88) : ascent,
    xHeight: hasHeights ? os2View.getInt16(86) : 0,
    italicAngle: post && post.byteLength >= 8 ? tableView(post).getInt32(4) / 65536 : 0,
    bbox: { minX: head.getInt16(36), minY: head.getInt16(38), maxX: head.getInt16(40), maxY: head.getInt16(42) },
    postscriptName: postscriptName(program.tables.get('name')),
    familyClass: os2View && os2View.byteLength >= 32 ? os2View.getInt16(30) >> 8 : 0,
    fixedPitch: post !== undefined && post.byteLength >= 16 && tableView(post).getUint32(12) !== 0,
    italic: (head.getUint16(44) & 0b10) !== 0,
  };
}

const POSTSCRIPT_NAME = 6;

/**
 * Name ID 6 from the name table: the Windows English record (UTF-16BE) first, as fontkit and
 * most tools take it, then the Macintosh Roman one (PostScript names are ASCII), then any
 * Unicode record.
 */
function postscriptName(table: Uint8Array | undefined): string | undefined {
  if (!table || table.byteLength < 6) return undefined;
  const data = tableView(table);
  const count = data.getUint16(2);
  const strings = data.getUint16(4);
  const found = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const record = 6 + i * 12;
    if (record + 12 > table.byteLength) break;
    if (data.getUint16(record + 6) !== POSTSCRIPT_NAME) continue;
    const platform = data.getUint16(record);
    const encoding = data.getUint16(record + 2);
    const language = data.getUint16(record + 4);
    const length = data.getUint16(record + 8);
    const start = strings + data.getUint16(record + 10);
    if (start + length > table.byteLength) continue;
    const bytes = table.subarray(start, start + length);
    if (platform === 3 && language === 0x409) found.set('windows', utf16(bytes));
    else if (platform === 1 && encoding === 0) found.set('mac', String.fromCharCode(...bytes));
    else if (platform === 0) found.set('unicode', utf16(bytes));
  }
  const name = found.get('windows') ?? found.get('mac') ?? found.get('unicode');
  return name === '' ? undefined : name;
}

function utf16(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at + 1 < bytes.byteLength; at += 2) out += String.fromCharCode((bytes[at]! << 8) | bytes[at + 1]!);
  return out;
}
