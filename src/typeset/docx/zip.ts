// Packs a DOCX's parts into a zip whose bytes depend on the parts and the date alone, never on the clock or time zone.
import { gzipSync } from 'node:zlib';
import { BoundedMap } from '../../memo.js';

/** One part of the package. */
export interface Part {
  /** Path inside the package, ASCII. */
  path: string;
  xml: string;
  /** The same in many documents (styles, settings, page-number header...): compressed once per process. */
  shared: boolean;
}

/** A part's bytes deflated, with what the zip headers record about them. */
interface Deflated {
  data: Uint8Array;
  crc: number;
  size: number;
}

const encoder = new TextEncoder();

// The UTF-8 bytes of the part being deflated, in one buffer reused for every part (zlib reads
// them before deflate returns): a document's own parts are tens of kilobytes, made anew for each.
let scratch = Buffer.allocUnsafe(64 * 1024);

function utf8(xml: string): Buffer {
  // At most three bytes for each UTF-16 unit.
  if (scratch.length < xml.length * 3) scratch = Buffer.allocUnsafe(xml.length * 3);
  return scratch.subarray(0, scratch.write(xml, 'utf8'));
}

// A document's own parts are deflated at a level that takes about half the default's time for some
// 8 % more bytes; shared parts are deflated once, so as small as zlib makes them.
const OWN_LEVEL = 3;
const SHARED_LEVEL = 9;

/**
 * The part's UTF-8 bytes deflated. A gzip member is a raw deflate stream between a 10-byte header
 * and a trailer holding its CRC-32 and length (RFC 1952), so one native call gives both what a zip
 * entry stores and its checksum (Node 20 before 20.15 has no zlib.crc32). The deflater is Node's
 * own zlib, as for the PDF's streams: the same Node gives the same bytes on any machine.
 */
function deflate(xml: string, level: number): Deflated {
  const bytes = utf8(xml);
  const gz = gzipSync(bytes, { level });
  return { data: gz.subarray(10, gz.length - 8), crc: gz.readUInt32LE(gz.length - 8), size: bytes.length };
}

// Shared parts by their text: a handful per page style and language.
const sharedParts = new BoundedMap<string, Deflated>(64);

function deflateShared(xml: string): Deflated {
  return sharedParts.get(xml, () => deflate(xml, SHARED_LEVEL));
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
// Version 2.0 of the zip format: deflate, no zip64, no UTF-8 flag (all paths are ASCII).
const VERSION = 20;
const DEFLATED = 8;

/** DOS date fields of an ISO date (yyyy-mm-dd): local date parts, which read back the same in every time zone; the time is midnight. */
function dosDate(date: string): number {
  const [year = 1980, month = 1, day = 1] = date.split('-').map(Number);
  return (Math.min(Math.max(year - 1980, 0), 127) << 9) | (month << 5) | day;
}

/**
 * The zip of `parts` in the order given (the content types first, where readers that stream a
 * package look for them), every entry stamped with `date`.
 */
export function zipParts(parts: Part[], date: string): Uint8Array {
  const entries = parts.map((p) => ({ name: encoder.encode(p.path), ...(p.shared ? deflateShared(p.xml) : deflate(p.xml, OWN_LEVEL)) }));
  const stamp = dosDate(date);
  let length = END_RECORD;
  for (const e of entries) length += LOCAL_HEADER + CENTRAL_HEADER + 2 * e.name.length + e.data.length;
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  // The fields local and central headers share, from "version needed" to the name's length.
  const fields = (at: number, e: (typeof entries)[number]): void => {
    view.setUint16(at, VERSION, true);
    view.setUint16(at + 2, 0, true);
    view.setUint16(at + 4, DEFLATED, true);
    view.setUint16(at + 6, 0, true);
    view.setUint16(at + 8, stamp, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  let at = 0;
  const offsets = entries.map((e) => {
    const start = at;
    view.setUint32(at, 0x04034b50, true);
    fields(at + 4, e);
    out.set(e.name, at + LOCAL_HEADER);
    out.set(e.data, at + LOCAL_HEADER + e.name.length);
    at += LOCAL_HEADER + e.name.length + e.data.length;
    return start;
  });
  const directory = at;
  entries.forEach((e, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, VERSION, true);
    fields(at + 6, e);
    view.setUint32(at + 42, offsets[i] ?? 0, true);
    out.set(e.name, at + CENTRAL_HEADER);
    at += CENTRAL_HEADER + e.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
