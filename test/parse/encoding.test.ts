// Legacy Vietnamese encodings (TCVN3, VNI): recognised with their Unicode reading, never
// confused with ordinary Unicode Vietnamese; NFD sources give the same document as NFC.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/project.js';
import { buildPlanFile } from '../../src/project/pipeline.js';
import { fixEncoding } from '../../src/cli/commands/fix-encoding.js';
import { decodeSource } from '../../src/parse/text.js';
import { decodeLegacy, detectLegacy, encodeLegacy } from '../../src/vn/legacy-encoding.js';
import { isVietnameseSyllable } from '../../src/vn/syllable.js';
import { ROOT, SEED_FILE, SEED_TEXT } from '../helpers/project.js';

const SENTENCE = 'Kế hoạch triển khai các hoạt động hưởng ứng “Ngày toàn dân phòng, chống mua bán người” năm 2021';
/** Windows-1252 punctuation outside Latin-1, as Word saves it in an 8-bit file. */
const CP1252: Record<string, number> = { '“': 0x93, '”': 0x94, '‘': 0x91, '’': 0x92, '–': 0x96, '—': 0x97, '…': 0x85 };
/** The bytes of an old file: each character of a legacy string is one byte. */
const bytesOf = (legacy: string) => Uint8Array.from([...legacy].map((char) => CP1252[char] ?? char.charCodeAt(0)));
const LOWER = 'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ';

describe('legacy encoding tables', () => {
  it('turn a known sentence into the familiar legacy forms and back', () => {
    expect(encodeLegacy('Kế hoạch hưởng ứng', 'TCVN3')).toBe('KÕ ho¹ch h\u00ADëng øng');
    expect(encodeLegacy('Kế hoạch hưởng ứng', 'VNI')).toBe('Keá hoaïch höôûng öùng');
    for (const encoding of ['TCVN3', 'VNI'] as const) expect(decodeLegacy(encodeLegacy(SENTENCE, encoding), encoding)).toBe(SENTENCE);
  });

  it('cover every Vietnamese letter (VNI in both cases; TCVN3 VN3 has no capitals with tones)', () => {
    for (const char of LOWER + 'ĂÂÊÔƠƯĐ') expect(decodeLegacy(encodeLegacy(char, 'TCVN3'), 'TCVN3'), char).toBe(char);
    for (const char of LOWER + LOWER.toUpperCase()) expect(decodeLegacy(encodeLegacy(char, 'VNI'), 'VNI'), char).toBe(char);
  });

  it('a syllable check that knows Vietnamese spelling', () => {
    for (const word of ['nghiêng', 'Kế', 'hoạch', 'khuyến', 'giữa', 'thuỷ', 'ĐỒNG', 'quýt', 'người']) expect(isVietnameseSyllable(word), word).toBe(true);
    for (const word of ['ho¹ch', 'triÓn', 'hoaïch', 'ñoäng', 'tiếnng', 'cáà']) expect(isVietnameseSyllable(word), word).toBe(false);
  });
});

describe('detecting legacy text', () => {
  it('recognises TCVN3 and VNI, with the Unicode reading of each line', () => {
    for (const encoding of ['TCVN3', 'VNI'] as const) {
      const text = `place: Kon Tum\ntitle: ${encodeLegacy(SENTENCE, encoding)}\n`;
      const found = detectLegacy(text);
      expect(found?.encoding).toBe(encoding);
      expect(found?.lines).toEqual([expect.objectContaining({ line: 2, column: 8, converted: `title: ${SENTENCE}` })]);
    }
  });

  it('reports pasted legacy text (valid UTF-8) and legacy bytes (not UTF-8) with the converted line as the hint', () => {
    const legacy = `title: ${encodeLegacy(SENTENCE, 'TCVN3')}\n`;
    for (const bytes of [new TextEncoder().encode(legacy), bytesOf(legacy)]) {
      const decoded = decodeSource(bytes, 'x.plan.yaml');
      expect(decoded.diagnostics).toEqual([
        expect.objectContaining({ code: 'legacy-encoding', severity: 'error', location: expect.objectContaining({ line: 1, column: 8 }), args: expect.objectContaining({ encoding: 'TCVN3', converted: `title: ${SENTENCE}` }) }),
      ]);
    }
  });

  it('finds a legacy paragraph pasted into a Unicode file, and only that one', () => {
    const text = `${SEED_TEXT}\n# ${encodeLegacy('Các sở, ban ngành triển khai thực hiện kế hoạch này', 'VNI')}\n`;
    const found = detectLegacy(text);
    expect(found?.encoding).toBe('VNI');
    expect(found?.lines.map((line) => line.line)).toEqual([SEED_TEXT.split('\n').length + 1]);
  });

  it('never flags ordinary Vietnamese Unicode: the example plans, registry and templates', () => {
    const files = [
      ...readdirSync(join(ROOT, 'plans')).map((file) => join('plans', file)),
      'agencies.yaml',
      ...readdirSync(join(ROOT, 'templates'), { recursive: true }).map(String).filter((file) => /\.(hbs|yaml)$/.test(file)).map((file) => join('templates', file)),
      'test/fixtures/seed-reference.txt',
    ];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(detectLegacy(text), file).toBeUndefined();
      expect(detectLegacy(text.normalize('NFD').normalize('NFC').toUpperCase()), `${file} in capitals`).toBeUndefined();
    }
  });
});

describe('fixEncoding', () => {
  it('converts TCVN3 and VNI files to Unicode NFC, keeping CRLF line ends', () => {
    for (const encoding of ['TCVN3', 'VNI'] as const) {
      const fixed = fixEncoding(bytesOf(`place: Kon Tum\r\ntitle: ${encodeLegacy(SENTENCE, encoding)}\r\n`));
      expect(fixed.encoding).toBe(encoding);
      expect(new TextDecoder().decode(fixed.bytes)).toBe(`place: Kon Tum\r\ntitle: ${SENTENCE}\r\n`);
      expect(fixed.lines).toEqual([{ line: 2, text: `title: ${SENTENCE}` }]);
    }
  });

  it('recomposes NFD, and leaves a Unicode NFC file alone', () => {
    const nfd = fixEncoding(new TextEncoder().encode(SEED_TEXT.normalize('NFD')));
    expect(nfd).toMatchObject({ encoding: undefined, normalised: true });
    expect(new TextDecoder().decode(nfd.bytes)).toBe(SEED_TEXT);
    expect(fixEncoding(new TextEncoder().encode(SEED_TEXT)).bytes).toBeUndefined();
  });
});

describe('NFD sources', () => {
  it('mixed forms in one file become NFC, with one note at the first decomposed letter', () => {
    const decoded = decodeSource(new TextEncoder().encode(`title: Kế hoạch\nplace: ${'Kon Tum tỉnh'.normalize('NFD')}\n`), 'x.plan.yaml');
    expect(decoded.ok && decoded.text).toBe('title: Kế hoạch\nplace: Kon Tum tỉnh\n');
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ code: 'not-nfc', severity: 'note', location: expect.objectContaining({ line: 2, column: 17 }) })]);
  });

  it('build to the same PDF text as NFC ones', async () => {
    const loaded = loadProject(ROOT);
    expect(loaded.project, JSON.stringify(loaded.diagnostics)).toBeDefined();
    const folder = mkdtempSync(join(tmpdir(), 'plan-nfd-'));
    const texts: string[] = [];
    for (const form of ['NFC', 'NFD'] as const) {
      const path = join(folder, `${form}-${SEED_FILE.split('/').pop()!}`);
      writeFileSync(path, SEED_TEXT.normalize(form));
      const result = buildPlanFile(loaded.project!, path);
      expect(result.diagnostics.filter((d) => d.severity === 'error'), form).toEqual([]);
      if (form === 'NFD') expect(result.diagnostics.map((d) => d.code)).toContain('not-nfc');
      const pdf = result.outputs.find((output) => output.format === 'pdf')!;
      const { text } = await extractText(await getDocumentProxy(pdf.bytes.slice()), { mergePages: true });
      texts.push(text);
    }
    expect(texts[1]).toBe(texts[0]);
    expect(texts[0]!.normalize('NFC')).toContain('KẾ HOẠCH');
  });
});
