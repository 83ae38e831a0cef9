/**
 * `plan fix-encoding FILE`: rewrites a file typed in a legacy Vietnamese encoding (TCVN3, VNI),
 * in decomposed Unicode or in UTF-16 as Unicode NFC in UTF-8, keeping the original as a backup.
 *
 * The backup is written first, with exclusive creation, so an earlier backup is never
 * overwritten and the original survives any failure; the new text then replaces the file
 * atomically. A file reached through a symbolic link (a plan shared by several projects) is
 * converted where it is, and its backup kept beside it: replacing the link by a converted copy
 * would cut the project off from the shared file.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { reason } from '../../project/project.js';
import { displayPath } from '../../project/template-files.js';
import { writeAtomic } from '../../project/write.js';
import { type Diagnostic, diagnostic } from '../../diagnostics/diagnostic.js';
import { decodeUnicode, MAX_SOURCE_BYTES, readSourceFile, unicodeEncoding } from '../../parse/text.js';
import { decodeWindows1252, detectLegacy, type LegacyEncoding } from '../../vn/legacy-encoding.js';
import type { GlobalOptions } from '../main.js';
import { formatDiagnostics } from '../report.js';
import { strings } from '../strings.js';

/** Lines of converted text shown in the report. */
const SHOWN_LINES = 10;

/** What converting a file's bytes gives. */
export interface FixedText {
  /** The new bytes; undefined when the file is already Unicode NFC. */
  bytes: Uint8Array | undefined;
  encoding: LegacyEncoding | undefined;
  /** Converted lines, 1-based, with their new text. */
  lines: { line: number; text: string }[];
  /** Whether decomposed Unicode was recomposed. */
  normalised: boolean;
  /** Whether the file was UTF-16, now UTF-8. */
  utf16: boolean;
}

/** Converts a file's bytes to Unicode NFC in UTF-8; the line-end style is kept, a byte order mark dropped. */
export function fixEncoding(bytes: Uint8Array): FixedText {
  const unicode = unicodeEncoding(bytes);
  let raw: string;
  try {
    raw = decodeUnicode(bytes, unicode);
  } catch {
    // An old 8-bit file: each byte is one legacy character (Windows-1252 is what Word shows).
    raw = decodeWindows1252(bytes);
  }
  const crlf = /\r\n/.test(raw);
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const nfc = text.normalize('NFC');
  const legacy = detectLegacy(nfc);
  const fixed = legacy ? legacy.converted : nfc;
  const out = new TextEncoder().encode(crlf ? fixed.replace(/\n/g, '\r\n') : fixed);
  return {
    bytes: Buffer.compare(Buffer.from(out), Buffer.from(bytes)) === 0 ? undefined : out,
    encoding: legacy?.encoding,
    lines: legacy?.lines.map((line) => ({ line: line.line, text: line.converted })) ?? [],
    normalised: nfc !== text,
    utf16: unicode !== 'utf-8',
  };
}

/** The first free backup name: FILE.bak, then FILE.1.bak, FILE.2.bak, ... */
function writeBackup(path: string, bytes: Uint8Array): string {
  for (let n = 0; ; n++) {
    const backup = n === 0 ? `${path}.bak` : `${path}.${n}.bak`;
    try {
      writeFileSync(backup, bytes, { flag: 'wx' });
      return backup;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
  }
}

/** Runs the command; returns the exit code (0 converted or nothing to do, 2 I/O). */
export function runFixEncoding(file: string, options: GlobalOptions): number {
  const cwd = process.cwd();
  const path = resolve(cwd, file);
  const shown = displayPath(path, cwd);
  const words = strings(options.lang);
  const fail = (d: Diagnostic) => {
    process.stderr.write(`${formatDiagnostics([d], options.lang, cwd, options.color)}\n`);
    return 2;
  };
  let bytes: Uint8Array;
  let real: string;
  try {
    real = realpathSync(path);
    bytes = readSourceFile(real);
  } catch (error) {
    return fail(diagnostic('read-failed', { file: shown }, { reason: reason(error) }));
  }
  if (bytes.byteLength > MAX_SOURCE_BYTES) return fail(diagnostic('file-too-large', { file: shown }, { limit: MAX_SOURCE_BYTES }));
  // UTF-16 holds NUL bytes in its text; UTF-8 and the legacy encodings never do.
  if (unicodeEncoding(bytes) === 'utf-8' && bytes.includes(0)) return fail(diagnostic('binary-file', { file: shown }));

  const fixed = fixEncoding(bytes);
  if (!fixed.bytes) {
    process.stderr.write(`${words.fixNothing(shown)}\n`);
    return 0;
  }
  let backup: string;
  try {
    backup = writeBackup(real, bytes);
    writeAtomic(real, fixed.bytes);
  } catch (error) {
    return fail(diagnostic('write-failed', { file: shown }, { reason: reason(error) }));
  }
  const report = [
    fixed.encoding ? words.fixConverted(shown, fixed.encoding, fixed.lines.length) : fixed.utf16 ? words.fixUtf16(shown) : words.fixNormalised(shown),
    ...fixed.lines.slice(0, SHOWN_LINES).map((line) => `  ${line.line}: ${line.text.trim()}`),
    ...(fixed.lines.length > SHOWN_LINES ? ['  ...'] : []),
    words.fixBackup(displayPath(backup, cwd)),
  ];
  process.stderr.write(`${report.join('\n')}\n`);
  return 0;
}
