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
  width: number;
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
      (content.items as { str: string; transform: number[]; width: number }[])
        .filter((item) => item.str.trim() !== '')
        .map((item) => ({ str: item.str, x: item.transform[4]!, y: item.transform[5]!, width: item.width })),
    );
  }
});

describe('the seed plan PDF', () => {
  it("holds the real plan's words: every one but the issued plan's typo, the body's in order, each footnote whole", async () => {
    const reference = readFileSync(join(ROOT, 'test/fixtures/seed-reference.txt'), 'utf8');
    const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
    const fold = (value: string) => value.replace(/\s+/g, ' ').trim();
    // The footnotes stand where the issued plan's pages put them, ours at the foot of the page of
    // their reference: each is compared whole, and the body without them, word by word in order.
    const lines = reference.split('\n');
    const notes = lines.filter((line) => /^[¹²³⁴⁵⁶⁷⁸⁹]/u.test(line)).map((line) => fold(line.replace(/^[¹²³⁴⁵⁶⁷⁸⁹]+\s*/u, '')));
    expect(notes).toHaveLength(2);
    let body = fold(text);
    for (const note of notes) {
      expect(body).toContain(note);
      body = body.replace(note, ' ');
    }
    const coverage = wordCoverage(lines.filter((line) => !/^[¹²³⁴⁵⁶⁷⁸⁹]/u.test(line)).join('\n'), body);
    // The issued plan's "Lưu: VT, BCD, NCLTD." misspells the board's initials, BCĐ, which the source spells right.
    expect(coverage.missing).toEqual(['bcd']);
    // Out of order: only the signature's nine words ("TRƯỞNG BAN / CHỦ TỊCH UBND TỈNH / Lê Ngọc
    // Tuấn"), whose column the PDF's reading order interleaves with "Nơi nhận" beside it.
    expect(coverage.outOfOrder).toBeLessThanOrEqual(9);
    expect(coverage.inSequence).toBeGreaterThanOrEqual(0.99);
  });

  it('opens with the Decree 30 header on page 1', () => {
    const first = pages[0]!.map((item) => item.str).join(' ');
    for (const part of ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '/KH-BCĐ', 'Kon Tum, ngày 25 tháng 5 năm 2021', 'KẾ HOẠCH']) {
      expect(first).toContain(part);
    }
  });

  it('numbers pages from page 2, centred over the text area in the top margin', () => {
    expect(pages.length).toBeGreaterThan(1);
    const mm = 72 / 25.4;
    const pageHeight = 841.89;
    // The example config's margins: top 20 mm, left 30 mm, right 15 mm, on A4 (210 mm wide).
    const topMargin = 20 * mm;
    const textCentre = (30 + (210 - 30 - 15) / 2) * mm;
    pages.forEach((items, index) => {
      const numbers = items.filter((item) => /^\d+$/.test(item.str.trim()) && item.y > pageHeight - topMargin);
      if (index === 0) return expect(numbers).toEqual([]);
      expect(numbers.map((n) => n.str.trim())).toEqual([String(index + 1)]);
      const number = numbers[0]!;
      expect(number.x + number.width / 2).toBeCloseTo(textCentre, 0);
      // Its baseline in the margin's lower half, a cap height below its middle at most.
      expect(number.y).toBeGreaterThan(pageHeight - topMargin);
      expect(number.y).toBeLessThan(pageHeight - topMargin / 2);
    });
  });

  it('ends with recipients and signature on one page, below the end mark', () => {
    const last = pages[pages.length - 1]!;
    const text = last.map((item) => item.str).join(' ');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('TRƯỞNG BAN');
    expect(text).toContain('Lê Ngọc Tuấn');
    expect(text).toContain('- Lưu: VT, BCĐ, NCLTD.');
    const y = (pattern: RegExp): number => {
      const found = last.filter((item) => pattern.test(item.str));
      expect(found, String(pattern)).toHaveLength(1);
      return found[0]!.y;
    };
    // The body's last line, with the end mark "./.", sits above the closing block on the same page.
    const endMark = y(/kế hoạch này\.\/\./);
    const recipients = y(/^Nơi nhận:/);
    const title = y(/^TRƯỞNG BAN$/);
    const name = y(/^Lê Ngọc Tuấn$/);
    expect(endMark).toBeGreaterThan(recipients);
    expect(endMark).toBeGreaterThan(title);
    // Recipients and signature side by side: the title level with "Nơi nhận:", the signer's name lower.
    expect(title).toBeCloseTo(recipients, -1);
    expect(name).toBeLessThan(title);
  });

  it('is the same bytes when built again in another time zone', () => {
    const project = copyExampleProject();
    expect(plan(['build'], project, { TZ: 'Asia/Ho_Chi_Minh', LANG: 'vi_VN.UTF-8' }).code).toBe(0);
    expect(Buffer.compare(readFileSync(join(project, PDF)), Buffer.from(bytes))).toBe(0);
  });
});
