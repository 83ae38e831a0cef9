/**
 * A TrueType subsetter that keeps glyph ids: the embedded program holds the outlines a document
 * draws and empty slots for every other glyph below the highest one used.
 *
 * Keeping ids means no renumbering, no rewritten composite glyphs and a /CIDToGIDMap of
 * /Identity, so a subset is a few slice copies: about a tenth of a millisecond, where fontkit's
 * subsetter decodes and re-encodes every glyph (some 18 ms a document). The tables are the
 * ones PDF asks of an embedded TrueType program (ISO 32000-1, 9.9): head, hhea, loca, maxp,
 * cvt, prep, glyf, hmtx, fpgm.
 */
import { unicodeMap } from './cmap.js';
import { tableView } from './table-view.js';

/** A parsed font file: its tables by tag and the glyph locations, read once per process. */
export interface TrueTypeProgram {
  readonly tables: ReadonlyMap<string, Uint8Array>;
  readonly numGlyphs: number;
  readonly numberOfHMetrics: number;
  /** Byte offsets of each glyph in glyf, numGlyphs + 1 of them. */
  readonly loca: Uint32Array;
  /** The glyph a code point maps to through the Unicode character map; 0 (.notdef) when none. */
  glyphId(codePoint: number): number;
  /** A glyph's advance width in font units. */
  advance(gid: number): number;
}

/** Why a font file cannot be embedded. */
export class TrueTypeError extends Error {}

/** Why a file is refused when its first bytes are not a TrueType font's. */
export const NOT_TRUETYPE = 'not a TrueType font file (.ttf with glyf outlines)';

/** Whether a file's first four bytes are a TrueType font's version (1.0, or 'true' on old Macs). */
export function hasTrueTypeSignature(head: Uint8Array): boolean {
  if (head.byteLength < 4) return false;
  const version = tableView(head).getUint32(0);
  return version === 0x00010000 || version === 0x74727565;
}

/** Reads the table directory and glyph locations; throws TrueTypeError for anything but TrueType outlines. */
export function parseTrueType(file: Uint8Array): TrueTypeProgram {
  const data = tableView(file);
  if (file.byteLength < 12 || !hasTrueTypeSignature(file)) throw new TrueTypeError(NOT_TRUETYPE);
  const tables = new Map<string, Uint8Array>();
  const count = data.getUint16(4);
  if (12 + count * 16 > file.byteLength) throw new TrueTypeError('the table directory is cut short');
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(file[record]!, file[record + 1]!, file[record + 2]!, file[record + 3]!);
    const offset = data.getUint32(record + 8);
    const length = data.getUint32(record + 12);
    if (offset + length > file.byteLength) throw new TrueTypeError(`table ${tag.trim()} runs past the end of the file`);
    tables.set(tag, file.subarray(offset, offset + length));
  }
  // The smallest each table can be for the fields read from it.
  for (const [tag, least] of [['head', 54], ['hhea', 36], ['hmtx', 4], ['loca', 2], ['maxp', 6], ['glyf', 0]] as const) {
    const table = tables.get(tag);
    if (!table) throw new TrueTypeError(`the font has no ${tag} table`);
    if (table.byteLength < least) throw new TrueTypeError(`the ${tag} table is cut short`);
  }
  const numGlyphs = tableView(tables.get('maxp')!).getUint16(4);
  const numberOfHMetrics = tableView(tables.get('hhea')!).getUint16(34);
  if (numberOfHMetrics < 1 || numberOfHMetrics > numGlyphs || tables.get('hmtx')!.byteLength < numberOfHMetrics * 4 + (numGlyphs - numberOfHMetrics) * 2) {
    throw new TrueTypeError('the horizontal metrics (hmtx) do not cover the glyphs');
  }
  const longLoca = tableView(tables.get('head')!).getInt16(50) === 1;
  const locaData = tableView(tables.get('loca')!);
  const loca = new Uint32Array(numGlyphs + 1);
  if (locaData.byteLength < (numGlyphs + 1) * (longLoca ? 4 : 2)) throw new TrueTypeError('the glyph locations (loca) are cut short');
  const glyfLength = tables.get('glyf')!.byteLength;
  for (let g = 0; g <= numGlyphs; g++) {
    loca[g] = longLoca ? locaData.getUint32(g * 4) : locaData.getUint16(g * 2) * 2;
    // Each glyph ends where the next begins, inside the outlines: a damaged file would otherwise lose its letters silently.
    if (loca[g]! > glyfLength || (g > 0 && loca[g]! < loca[g - 1]!)) throw new TrueTypeError('the glyph locations (loca) do not fit the outlines (glyf)');
  }
  const hmtx = tableView(tables.get('hmtx')!);
  const cmap = unicodeMap(tables.get('cmap'));
  const ids = new Map<number, number>();
  return {
    tables,
    numGlyphs,
    numberOfHMetrics,
    loca,
    glyphId: (codePoint) => {
      let id = ids.get(codePoint);
      if (id === undefined) {
        id = cmap(codePoint);
        if (id >= numGlyphs) id = 0;
        ids.set(codePoint, id);
      }
      return id;
    },
    advance: (gid) => hmtx.getUint16(Math.min(gid, numberOfHMetrics - 1) * 4),
  };
}

// Composite glyph flags (OpenType glyf table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

function glyphBytes(font: TrueTypeProgram, gid: number): Uint8Array {
  return font.tables.get('glyf')!.subarray(font.loca[gid], font.loca[gid + 1]);
}

/** The glyphs drawn plus .notdef and every component of a composite glyph, which Vietnamese letters often are. */
function closure(font: TrueTypeProgram, used: Iterable<number>): Set<number> {
  const keep = new Set<number>();
  const pending = [0, ...used];
  for (let gid = pending.pop(); gid !== undefined; gid = pending.pop()) {
    if (keep.has(gid)) continue;
    if (gid < 0 || gid >= font.numGlyphs) throw new TrueTypeError(`glyph ${gid} is not in the font`);
    keep.add(gid);
    const glyph = glyphBytes(font, gid);
    if (glyph.byteLength < 10 || tableView(glyph).getInt16(0) >= 0) continue;
    const data = tableView(glyph);
    for (let at = 10, flags = MORE_COMPONENTS; flags & MORE_COMPONENTS; ) {
      if (at + 4 > glyph.byteLength) throw new TrueTypeError(`composite glyph ${gid} is cut short`);
      flags = data.getUint16(at);
      const component = data.getUint16(at + 2);
      if (!keep.has(component)) pending.push(component);
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    }
  }
  return keep;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** The sum of a table's big-endian 32-bit words, as if zero-padded to four bytes. */
function checksum(bytes: Uint8Array): number {
  const data = tableView(bytes);
  const whole = bytes.byteLength & ~3;
  let sum = 0;
  for (let at = 0; at < whole; at += 4) sum = (sum + data.getUint32(at)) >>> 0;
  let tail = 0;
  for (let at = whole; at < whole + 4; at++) tail = ((tail << 8) | (bytes[at] ?? 0)) >>> 0;
  return whole < bytes.byteLength ? (sum + tail) >>> 0 : sum;
}

/**
 * Horizontal metrics for glyphs 0..count-1, with at most the original number of long metrics.
 * Glyphs left out get zeros, which deflate to almost nothing; the last long metric keeps its
 * advance, which every glyph after it shares.
 */
function horizontalMetrics(font: TrueTypeProgram, keep: Set<number>, count: number): { hmtx: Uint8Array; longMetrics: number } {
  const source = tableView(font.tables.get('hmtx')!);
  const longMetrics = Math.min(font.numberOfHMetrics, count);
  const hmtx = new Uint8Array(longMetrics * 4 + (count - longMetrics) * 2);
  const out = tableView(hmtx);
  for (let gid = 0; gid < count; gid++) {
    if (!keep.has(gid) && gid !== longMetrics - 1) continue;
    // A glyph past the original long metrics has only its left side bearing, after them.
    const lsb = gid < font.numberOfHMetrics ? source.getInt16(gid * 4 + 2) : source.getInt16(font.numberOfHMetrics * 4 + (gid - font.numberOfHMetrics) * 2);
    if (gid < longMetrics) {
      out.setUint16(gid * 4, source.getUint16(gid * 4));
      out.setInt16(gid * 4 + 2, lsb);
    } else out.setInt16(longMetrics * 4 + (gid - longMetrics) * 2, lsb);
  }
  return { hmtx, longMetrics };
}

/** A font program with the outlines of `used` glyph ids (and their components), ids unchanged. */
export function subsetTrueType(font: TrueTypeProgram, used: Iterable<number>): Uint8Array {
  const keep = closure(font, used);
  const count = Math.max(...keep) + 1;

  const loca = new Uint8Array((count + 1) * 4);
  const locaView = tableView(loca);
  let size = 0;
  for (let gid = 0; gid < count; gid++) if (keep.has(gid)) size += pad4(glyphBytes(font, gid).byteLength);
  const glyf = new Uint8Array(size);
  let offset = 0;
  for (let gid = 0; gid < count; gid++) {
    locaView.setUint32(gid * 4, offset);
    if (!keep.has(gid)) continue;
    const glyph = glyphBytes(font, gid);
    glyf.set(glyph, offset);
    offset += pad4(glyph.byteLength);
  }
  locaView.setUint32(count * 4, offset);

  const head = font.tables.get('head')!.slice();
  tableView(head).setUint32(8, 0); // checkSumAdjustment, set once the file is assembled
  tableView(head).setInt16(50, 1); // long loca offsets
  const maxp = font.tables.get('maxp')!.slice();
  tableView(maxp).setUint16(4, count);
  const { hmtx, longMetrics } = horizontalMetrics(font, keep, count);
  const hhea = font.tables.get('hhea')!.slice();
  tableView(hhea).setUint16(34, longMetrics);

  const tables = new Map<string, Uint8Array>([
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
    ['glyf', glyf],
  ]);
  for (const tag of ['cvt ', 'fpgm', 'prep']) {
    const table = font.tables.get(tag);
    if (table) tables.set(tag, table);
  }
  return assemble(tables);
}

/** An sfnt file of `tables`, sorted by tag, each padded to four bytes, with head's checksum adjustment. */
function assemble(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const directory = 12 + tags.length * 16;
  let length = directory;
  for (const tag of tags) length += pad4(tables.get(tag)!.byteLength);
  const file = new Uint8Array(length);
  const data = tableView(file);
  const entrySelector = Math.floor(Math.log2(tags.length));
  data.setUint32(0, 0x00010000);
  data.setUint16(4, tags.length);
  data.setUint16(6, 2 ** entrySelector * 16);
  data.setUint16(8, entrySelector);
  data.setUint16(10, tags.length * 16 - 2 ** entrySelector * 16);
  let offset = directory;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    const record = 12 + i * 16;
    for (let c = 0; c < 4; c++) file[record + c] = tag.charCodeAt(c);
    data.setUint32(record + 4, checksum(table));
    data.setUint32(record + 8, offset);
    data.setUint32(record + 12, table.byteLength);
    file.set(table, offset);
    if (tag === 'head') headOffset = offset;
    offset += pad4(table.byteLength);
  });
  data.setUint32(headOffset + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}
