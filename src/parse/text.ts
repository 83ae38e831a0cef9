/**
 * Source text hygiene: turns a file's bytes into the NFC text every later stage relies on.
 *
 * Files come from Word, web pages and old editors: a byte order mark, CRLF line ends,
 * decomposed (NFD) Vietnamese marks, zero-width characters. Each is handled here once, with a
 * diagnostic where the user should know, so no other stage has to think about encodings.
 * Vietnamese typed in the legacy TCVN3 or VNI encodings is recognised and reported with its
 * Unicode reading, whether the file holds the old bytes or text pasted from an old document.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import { decodeWindows1252, detectLegacy, type LegacyText } from '../vn/legacy-encoding.js';

/** Most lines of legacy text reported one by one; the first message gives the total. */
const MAX_LEGACY_REPORTS = 3;

/** Largest source file read, in bytes: far above any real plan, low enough to fail fast. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/**
 * Reads a source file, but never more than one byte past the size limit: a huge file (a
 * video saved as .plan.yaml) is refused by `decodeSource` without being read into memory.
 * I/O errors are thrown for the caller to report as `read-failed`.
 */
export function readSourceFile(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    // Sized by the file, with a byte more to see it grow while it is read; grown up to the limit.
    let buffer = Buffer.allocUnsafe(Math.min(fstatSync(fd).size, MAX_SOURCE_BYTES) + 1);
    let length = 0;
    for (let read = -1; read !== 0; ) {
      if (length === buffer.length) {
        if (length > MAX_SOURCE_BYTES) break;
        const grown = Buffer.allocUnsafe(Math.min(length * 2, MAX_SOURCE_BYTES + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      read = readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Characters that are invisible in an editor and never wanted in a plan; direction isolates (U+2066–2069) reorder what follows. */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/**
 * The hidden characters of a value an escape wrote ("\u200b", "\x1b", "\r" in YAML's double
 * quotes): those of raw text, a carriage return (raw text's are line ends), and the C1 controls
 * ("\N" is U+0085), which a file's text cannot hold as they are.
 */
export const HIDDEN_ESCAPED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/** A character as a control-char diagnostic names it: "U+200B". */
export function codePointName(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The soft hyphen: Word's optional hyphen when text is copied out of it, invisible in an editor,
 * which the PDF drew as a "-" wherever it stood. It is hidden only in Unicode text: in TCVN3 text
 * pasted into a UTF-8 file, the same character is the letter "ư", which the legacy check needs.
 */
const SOFT_HYPHEN = /\u00AD/gu;

/** The Unicode encodings a source file is read in: UTF-8, or UTF-16 marked by its byte order mark. */
export type UnicodeEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a file's bytes, by its byte order mark. Windows Notepad saved text it could not
 * store in the computer's 8-bit code page, as typed Vietnamese is, as "Unicode": UTF-16, little
 * endian, after the mark FF FE. Such a file is text, read as it is; without a mark, UTF-8.
 */
export function unicodeEncoding(bytes: Uint8Array): UnicodeEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Unicode bytes in `encoding` as text, without the byte order mark. With `fatal` (the default),
 * throws (TypeError) on bytes that are not valid in it, an odd byte of UTF-16 among them; else
 * each is read as U+FFFD.
 */
export function decodeUnicode(bytes: Uint8Array, encoding: UnicodeEncoding, fatal = true): string {
  // Big endian is swapped to little: Node has a UTF-16BE decoder only when built with full ICU.
  const units = encoding === 'utf-16be' ? swapPairs(bytes) : bytes;
  return new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'utf-16le', { fatal }).decode(units);
}

/** A file's bytes as text to show or to read leniently (a message's excerpt, a template), in the encoding its byte order mark gives. */
export function lenientText(bytes: Uint8Array): string {
  return decodeUnicode(bytes, unicodeEncoding(bytes), false);
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.byteLength);
  for (let i = 0; i + 1 < bytes.byteLength; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  if (bytes.byteLength % 2 !== 0) swapped[bytes.byteLength - 1] = bytes[bytes.byteLength - 1]!;
  return swapped;
}

/** The text of a source file, or the reason there is none. */
export type DecodedText = { ok: true; text: string; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Decodes UTF-8 (or marked UTF-16) bytes to NFC text with LF line ends, reporting what it changed or could not read. */
export function decodeSource(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.byteLength > MAX_SOURCE_BYTES) {
    return { ok: false, diagnostics: [diagnostic('file-too-large', { file }, { limit: MAX_SOURCE_BYTES })] };
  }
  const encoding = unicodeEncoding(bytes);
  if (encoding !== 'utf-8') return decodeUtf16(bytes, encoding, file);
  if (bytes.includes(0)) return { ok: false, diagnostics: [diagnostic('binary-file', { file })] };
  let text: string;
  try {
    text = decodeUnicode(bytes, encoding);
  } catch {
    // Not UTF-8: an old 8-bit file. Read byte for byte to see whether it is legacy Vietnamese.
    const legacy = detectLegacy(decodeWindows1252(bytes).replace(/\r\n?/g, '\n'));
    return { ok: false, diagnostics: legacy ? legacyDiagnostics(legacy, file) : [diagnostic('binary-file', { file })] };
  }
  return decodeText(text, file);
}

/** Decoded text made NFC with LF line ends, its hidden characters dropped; legacy Vietnamese in it reported. */
function decodeText(text: string, file: string): DecodedText & { ok: true } {
  const normalised = normaliseText(text, file);
  const legacy = detectLegacy(normalised.text);
  if (legacy) return { ok: true, text: normalised.text, diagnostics: [...normalised.diagnostics, ...legacyDiagnostics(legacy, file)] };
  const unicode = removeHidden(normalised.text, SOFT_HYPHEN, file);
  return { ok: true, text: unicode.text, diagnostics: [...normalised.diagnostics, ...unicode.diagnostics] };
}

/** UTF-16 text, read and said to be so: other tools (git, diff, web review) show it as binary. */
function decodeUtf16(bytes: Uint8Array, encoding: Exclude<UnicodeEncoding, 'utf-8'>, file: string): DecodedText {
  let text: string;
  try {
    text = decodeUnicode(bytes, encoding);
  } catch {
    return { ok: false, diagnostics: [diagnostic('binary-file', { file })] };
  }
  const decoded = decodeText(text, file);
  return { ...decoded, diagnostics: [diagnostic('utf-16', { file }, { file }, 'note'), ...decoded.diagnostics] };
}

/** One error per legacy line (the first few), each with the line's Unicode reading as the hint. */
function legacyDiagnostics(legacy: LegacyText, file: string): Diagnostic[] {
  return legacy.lines.slice(0, MAX_LEGACY_REPORTS).map((line) =>
    diagnostic('legacy-encoding', { file, line: line.line, column: line.column, length: line.length }, {
      encoding: legacy.encoding,
      converted: line.converted.trim(),
      lines: legacy.lines.length,
      file,
    }),
  );
}

/** Normalises line ends and Unicode form; reports non-NFC text and hidden characters. */
export function normaliseText(raw: string, file: string): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let text = raw.replace(/\r\n?/g, '\n');
  const nfc = text.normalize('NFC');
  if (nfc !== text) {
    const at = firstDifference(text, nfc);
    diagnostics.push(diagnostic('not-nfc', { file, ...lineColumn(nfc, at) }, {}, 'note'));
    text = nfc;
  }
  const visible = removeHidden(text, HIDDEN, file);
  return { text: visible.text, diagnostics: [...diagnostics, ...visible.diagnostics] };
}

/**
 * Reports each `hidden` character, then drops it: such characters never belong in a printed plan,
 * and keeping them would make equal-looking words differ.
 */
function removeHidden(text: string, hidden: RegExp, file: string): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  for (const match of text.matchAll(hidden)) {
    diagnostics.push(diagnostic('control-char', { file, ...lineColumn(text, match.index), length: 1 }, { char: codePointName(match[0]) }, 'warning'));
  }
  return { text: text.replace(hidden, ''), diagnostics };
}

/** Where two texts first differ: for NFD against NFC, the base letter its marks compose into. */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
