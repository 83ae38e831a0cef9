// The seed plan as built by the CLI, read back from the PDF: the real document's words, in order,
// in the official layout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExampleProject, plan } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';
import { wordCoverage } from '../helpers/words.js';

const PDF = 'out/kon-tum-ngay-toan-dan-pcmbn-2021/kon-tum-ngay-toan-dan-pcmbn-2021.pdf';

interface Item {
  str: string;
  x: number;
  y: number;
}

let bytes: Uint8Array;
let pages: Item[][];

beforeAll(async () => {
  const project = copyExampleProject();
  const run = plan(['build'], project);
  expect(run.code, run.stderr).toBe(0);
  bytes = new Uint8Array(readFileSync(join(project, PDF)));
  const pdf = await getDocumentProxy(bytes.slice());
  pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      (content.items as { str: string; transform: number[] }[])
        .filter((item) => item.str.trim() !== '')
        .map((item) => ({ str: item.str, x: item.transform[4]!, y: item.transform[5]! })),
    );
  }
});

describe('the seed plan PDF', () => {
  it("holds the real plan's words: 97% in sequence, 99.5% at all", async () => {
    const reference = readFileSync(join(ROOT, 'test/fixtures/seed-reference.txt'), 'utf8');
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    const coverage = wordCoverage(reference, text);
    expect(coverage.missing, `missing: ${coverage.missing.join(' ')}`).toHaveLength(coverage.missing.length);
    expect(coverage.present).toBeGreaterThanOrEqual(0.995);
    expect(coverage.inSequence).toBeGreaterThanOrEqual(0.97);
  });

  it('opens with the Decree 30 header on page 1', () => {
    const first = pages[0]!.map((item) => item.str).join(' ');
    for (const part of ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '/KH-BCĐ', 'Kon Tum, ngày 25 tháng 5 năm 2021', 'KẾ HOẠCH']) {
      expect(first).toContain(part);
    }
  });

  it('numbers pages from page 2, centred in the top margin', () => {
    expect(pages.length).toBeGreaterThan(1);
    const pageHeight = 841.89;
    const topMargin = (20 * 72) / 25.4;
    pages.forEach((items, index) => {
      const numbers = items.filter((item) => /^\d+$/.test(item.str.trim()) && item.y > pageHeight - topMargin);
      if (index === 0) expect(numbers).toEqual([]);
      else expect(numbers.map((n) => n.str.trim())).toEqual([String(index + 1)]);
    });
  });

  it('ends with recipients and signature on one page, after the end mark', () => {
    const last = pages[pages.length - 1]!.map((item) => item.str).join(' ');
    expect(last).toContain('Nơi nhận:');
    expect(last).toContain('TRƯỞNG BAN');
    expect(last).toContain('Lê Ngọc Tuấn');
    expect(last).toContain('- Lưu: VT, BCĐ, NCLTD.');
    expect(last).toMatch(/kế hoạch này\.\/\./);
  });

  it('is the same bytes when built again in another time zone', () => {
    const project = copyExampleProject();
    expect(plan(['build'], project, { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8' }).code).toBe(0);
    expect(Buffer.compare(readFileSync(join(project, PDF)), Buffer.from(bytes))).toBe(0);
  });
});
