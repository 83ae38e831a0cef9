// Shared DOCX test helpers: the seed plan composed as the build does, the text of a DOCX, LibreOffice.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { resolveStyle } from '../../src/project/config.js';
import { loadProject } from '../../src/project/project.js';
import { composePlan } from '../../src/compose/plan.js';
import type { DocumentTree } from '../../src/compose/tree.js';
import type { PageStyle } from '../../src/typeset/style.js';
import { buildFromText, ROOT, SEED_TEXT } from '../helpers/project.js';
import { parseXml, wordText } from '../helpers/xml.js';

/** The seed plan's tree and style, composed with the example project's templates and configuration. */
export function seedDocument(): { tree: DocumentTree; style: PageStyle } {
  const { project } = loadProject(ROOT);
  if (!project) throw new Error('the example project does not load');
  const { plan } = buildFromText(SEED_TEXT);
  if (!plan) throw new Error('the seed plan does not build');
  const composed = composePlan(plan, project.registry, project.templates);
  if (!composed.ok) throw new Error(JSON.stringify(composed.diagnostics));
  return { tree: composed.tree, style: resolveStyle(project.config.style, plan.style, project.font) };
}

/**
 * The parts of a DOCX package as text, by path. Every XML part (.xml, .rels) is parsed with a real
 * XML parser on the way, so any test that reads a DOCX fails on a part Word would refuse.
 */
export function parts(bytes: Uint8Array): Record<string, string> {
  const all = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]));
  for (const [path, text] of Object.entries(all)) if (/\.(?:xml|rels)$/.test(path)) parseXml(text, path);
  return all;
}

/**
 * The visible text of WordprocessingML in reading order (runs joined, paragraphs and breaks as new
 * lines), read with the XML parser: a whole part, or a fragment of one such as a table, whose
 * prefixes are then bound to placeholder namespaces.
 */
export function xmlText(xml: string): string {
  if (xml === '') return '';
  if (/^<\?xml/.test(xml)) return wordText(parseXml(xml));
  const prefixes = new Set([...xml.matchAll(/<\/?([A-Za-z][\w.-]*):/g)].map((m) => m[1]!));
  const declarations = [...prefixes].map((prefix) => ` xmlns:${prefix}="urn:fragment:${prefix}"`).join('');
  return wordText(parseXml(`<fragment${declarations}>${xml}</fragment>`, 'a fragment'));
}

/** Words for comparing texts: whitespace-separated, footnote markers ("(n)", "⁽¹⁾") dropped, surrounding punctuation stripped. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\(\d*\)|[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** Length of the longest common subsequence of two word lists (how many words appear in the same order). */
export function inSequence(a: string[], b: string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (const word of a) {
    for (let j = 1; j <= b.length; j++) cur[j] = word === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** How many of `expected`'s words occur in `got` at all, each occurrence counted once. */
export function atAll(expected: string[], got: string[]): number {
  const left = new Map<string, number>();
  for (const w of got) left.set(w, (left.get(w) ?? 0) + 1);
  let found = 0;
  for (const w of expected) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      found++;
      left.set(w, n - 1);
    }
  }
  return found;
}

/** The reference text of the seed (the issued plan as read from its PDF), split into running text and footnotes. */
export function referenceText(): { all: string; running: string; notes: string } {
  const all = readFileSync(join(ROOT, 'test/fixtures/seed-reference.txt'), 'utf8');
  // A note there is a line opened by its superscript number, at the foot of the page that holds its reference.
  const isNote = (line: string): boolean => /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s/.test(line);
  const lines = all.split('\n');
  return { all, running: lines.filter((l) => !isNote(l)).join('\n'), notes: lines.filter(isNote).join('\n') };
}

/** Whether LibreOffice's soffice is on the PATH. */
export function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Converts DOCX bytes to PDF with headless LibreOffice in a throwaway profile; returns the PDF and its folder. */
export function libreOfficePdf(docx: Uint8Array): { pdf: Uint8Array; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'plan-docx-'));
  const input = join(dir, 'plan.docx');
  writeFileSync(input, docx);
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, input], { stdio: 'ignore', timeout: 120_000 });
  return { pdf: readFileSync(join(dir, 'plan.pdf')), dir };
}

/** A zip entry as its central directory records it, with its stored (compressed) bytes. */
export interface ZipRecord {
  path: string;
  method: number;
  /** DOS date fields: (year - 1980) << 9 | month << 5 | day. */
  date: number;
  time: number;
  crc: number;
  size: number;
  stored: Uint8Array;
}

/** The entries of a zip in directory order, read from its own headers (unzipSync does not show dates or CRCs). */
export function zipRecords(bytes: Uint8Array): ZipRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('no end of central directory record (or a zip comment)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const records: ZipRecord[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const compressed = view.getUint32(at + 20, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    records.push({
      path: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
      stored: bytes.subarray(dataStart, dataStart + compressed),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return records;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as zip computes it, to check what the package claims. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
