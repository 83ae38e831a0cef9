// Character to glyph through a TrueType font's Unicode character map (the cmap table), read
// directly from its bytes.
import { tableView } from './table-view.js';

/**
 * The lookup of a Unicode character map: format 12 (all planes) when the font has one, else
 * format 4 (the Basic Multilingual Plane), from the Windows or Unicode platform's subtables.
 * A font without either maps every character to .notdef, and its text is reported as missing.
 */
export function unicodeMap(cmap: Uint8Array | undefined): (codePoint: number) => number {
  if (!cmap || cmap.byteLength < 4) return () => 0;
  const data = tableView(cmap);
  let format4 = -1;
  let format12 = -1;
  // Encoding records past the end of a damaged table are not read.
  for (let i = 0, count = Math.min(data.getUint16(2), Math.floor((cmap.byteLength - 4) / 8)); i < count; i++) {
    const platform = data.getUint16(4 + i * 8);
    const encoding = data.getUint16(6 + i * 8);
    const offset = data.getUint32(8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || offset + 2 > cmap.byteLength) continue;
    const format = data.getUint16(offset);
    if (format === 12 && format12 < 0) format12 = offset;
    if (format === 4 && format4 < 0) format4 = offset;
  }
  if (format12 >= 0 && format12 + 16 <= cmap.byteLength && format12 + 16 + data.getUint32(format12 + 12) * 12 <= cmap.byteLength) return format12Lookup(data, format12);
  // Format 4's arrays of segments: four of them (and a reserved word) after a 14-byte header.
  if (format4 >= 0 && format4 + 14 <= cmap.byteLength && format4 + 16 + data.getUint16(format4 + 6) * 4 <= cmap.byteLength) return format4Lookup(data, format4);
  return () => 0;
}

function format12Lookup(data: DataView, at: number): (codePoint: number) => number {
  const groups = data.getUint32(at + 12);
  return (codePoint) => {
    // Groups are sorted by start code: binary search.
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const group = at + 16 + mid * 12;
      const start = data.getUint32(group);
      if (codePoint < start) hi = mid - 1;
      else if (codePoint > data.getUint32(group + 4)) lo = mid + 1;
      else return data.getUint32(group + 8) + (codePoint - start);
    }
    return 0;
  };
}

function format4Lookup(data: DataView, at: number): (codePoint: number) => number {
  const segments = data.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (codePoint > data.getUint16(ends + mid * 2)) lo = mid + 1;
      else hi = mid - 1;
    }
    if (lo >= segments) return 0;
    const start = data.getUint16(starts + lo * 2);
    if (codePoint < start) return 0;
    const delta = data.getInt16(deltas + lo * 2);
    const rangeOffset = data.getUint16(rangeOffsets + lo * 2);
    if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
    // idRangeOffset counts bytes from its own place in the array to the glyph id array entry.
    const entry = rangeOffsets + lo * 2 + rangeOffset + (codePoint - start) * 2;
    if (entry + 2 > data.byteLength) return 0;
    const glyph = data.getUint16(entry);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}
