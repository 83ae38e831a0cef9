// Source text hygiene: byte order marks, CRLF, NFD, hidden characters, binary and huge files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, MAX_SOURCE_BYTES, readSourceFile } from '../../src/parse/text.js';
import { encodeLegacy } from '../../src/vn/legacy-encoding.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
  it('drops a byte order mark and turns CRLF into LF', () => {
    const decoded = decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('place: Kon Tum\r\ndate: 2021\r\n')]), 'x.plan.yaml');
    expect(decoded).toMatchObject({ ok: true, text: 'place: Kon Tum\ndate: 2021\n', diagnostics: [] });
  });

  it('normalises NFD to NFC and says where', () => {
    const decoded = decodeSource(encode('place: Kon Tum\ntitle: Kê\u0301 hoa\u0323ch\n'), 'x.plan.yaml');
    expect(decoded.ok && decoded.text).toBe('place: Kon Tum\ntitle: Kế hoạch\n');
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ code: 'not-nfc', severity: 'note', location: expect.objectContaining({ line: 2, column: 9 }) })]);
  });

  it('reports and removes zero-width and control characters', () => {
    const decoded = decodeSource(encode('title: Kế\u200b hoạch\n'), 'x.plan.yaml');
    expect(decoded.ok && decoded.text).toBe('title: Kế hoạch\n');
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ code: 'control-char', severity: 'warning', args: { char: 'U+200B' }, location: expect.objectContaining({ line: 1, column: 10 }) })]);
  });

  it('reports and removes a soft hyphen in Unicode text, which a PDF would draw as "-"', () => {
    const decoded = decodeSource(encode('place: Kon Tum\ntitle: Kế hoạch tuyên\u00ADtruyền\n'), 'x.plan.yaml');
    expect(decoded.ok && decoded.text).toBe('place: Kon Tum\ntitle: Kế hoạch tuyêntruyền\n');
    expect(decoded.diagnostics).toEqual([expect.objectContaining({ code: 'control-char', args: { char: 'U+00AD' }, location: expect.objectContaining({ line: 2, column: 22 }) })]);
  });

  it('keeps the soft hyphen of TCVN3 text, where it is the letter "ư" the legacy check reads', () => {
    const legacy = encodeLegacy('Triển khai công tác tuyên truyền trong trường học và cộng đồng dân cư', 'TCVN3');
    expect(legacy).toContain('\u00AD');
    const decoded = decodeSource(encode(`title: ${legacy}\n`), 'x.plan.yaml');
    expect(decoded.ok && decoded.text).toContain(legacy);
    expect(decoded.diagnostics.map((d) => d.code)).toEqual(['legacy-encoding']);
    expect(decoded.diagnostics[0]!.args.converted).toContain('trường học');
  });

  it('reads UTF-16 marked by its byte order mark, little or big endian, and says so', () => {
    const text = 'title: Kế hoạch\r\nplace: Kon Tum\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const decoded = decodeSource(bytes, 'x.plan.yaml');
      expect(decoded.ok && decoded.text).toBe('title: Kế hoạch\nplace: Kon Tum\n');
      expect(decoded.diagnostics).toEqual([expect.objectContaining({ code: 'utf-16', severity: 'note' })]);
    }
    // A lone surrogate is no text.
    expect(decodeSource(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'x.plan.yaml').diagnostics[0]?.code).toBe('binary-file');
  });

  it('refuses binary files, and files over 2 MB, quickly', () => {
    expect(MAX_SOURCE_BYTES).toBe(2 * 1024 * 1024);
    expect(decodeSource(new Uint8Array(MAX_SOURCE_BYTES).fill(0x61), 'x.plan.yaml').diagnostics).toEqual([]);
    expect(decodeSource(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'x.plan.yaml').diagnostics[0]?.code).toBe('binary-file');
    expect(decodeSource(new Uint8Array([0xff, 0xfe, 0x41]), 'x.plan.yaml').diagnostics[0]?.code).toBe('binary-file');
    expect(decodeSource(new Uint8Array(MAX_SOURCE_BYTES + 1), 'x.plan.yaml').diagnostics[0]?.code).toBe('file-too-large');
  });
});

describe('readSourceFile', () => {
  const file = (bytes: Uint8Array) => {
    const path = join(mkdtempSync(join(tmpdir(), 'plan-read-')), 'x.plan.yaml');
    writeFileSync(path, bytes);
    return path;
  };

  it('reads a file whole, empty or not', () => {
    expect(readSourceFile(file(new Uint8Array())).byteLength).toBe(0);
    const text = encode('title: Kế hoạch\n'.repeat(5000));
    expect(Buffer.from(readSourceFile(file(text))).equals(Buffer.from(text))).toBe(true);
  });

  it('reads no more than one byte past the limit', () => {
    const bytes = readSourceFile(file(new Uint8Array(MAX_SOURCE_BYTES + 1000).fill(0x61)));
    expect(bytes.byteLength).toBe(MAX_SOURCE_BYTES + 1);
    expect(decodeSource(bytes, 'x.plan.yaml').diagnostics[0]?.code).toBe('file-too-large');
  });
});
