// The second example plan (plans/kon-tum-pho-bien-phap-luat-2022.plan.md) as built by the CLI
// and read back from its PDF and DOCX, as the seed is: its legal bases, titled items with a), b)
// sub-items, a funding section, the "TM. ... / KT. CHỦ TỊCH" signature beside "Nơi nhận", and
// the assignment table appendix on a landscape page. And the draft, urgency and secrecy marks,
// from a plan file rather than a hand-built tree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { parts } from '../docx/helpers.js';
import { copyExampleProject, plan } from '../helpers/cli.js';
import { docxText, outOfOrder, pdfText } from '../helpers/read-back.js';

const ID = 'kon-tum-pho-bien-phap-luat-2022';
const A4 = { short: 595.28, long: 841.89 };

interface Item {
  str: string;
  x: number;
  y: number;
}
interface Page {
  width: number;
  height: number;
  items: Item[];
}

async function pages(bytes: Uint8Array): Promise<Page[]> {
  const pdf = await getDocumentProxy(bytes.slice());
  const out: Page[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = (content.items as { str: string; transform: number[] }[]).filter((item) => item.str.trim() !== '').map((item) => ({ str: item.str, x: item.transform[4]!, y: item.transform[5]! }));
    out.push({ width, height, items });
  }
  return out;
}

/** The first text item that starts with `text` on a page. */
const find = (page: Page, text: string) => page.items.find((item) => item.str.trim().startsWith(text));

/** The body as written, in order, with the labels the compiler prints. */
const BODY = [
  'Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;',
  'Căn cứ Luật Phòng, chống mua bán người ngày 29 tháng 3 năm 2011;',
  'Căn cứ Kế hoạch số 1583/KH-UBND ngày 17 tháng 5 năm 2021 của Ủy ban nhân dân tỉnh.',
  'Ủy ban nhân dân tỉnh ban hành Kế hoạch tuyên truyền',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '1. Mục đích',
  'a) Nâng cao nhận thức của cán bộ, công chức và Nhân dân',
  'b) Phát huy vai trò của các cơ quan, tổ chức',
  '2. Yêu cầu',
  'a) Nội dung tuyên truyền ngắn gọn',
  'b) Lồng ghép với các hoạt động khác',
  'II. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ',
  '1. Sở Tư pháp:',
  '- Biên soạn tài liệu hỏi - đáp pháp luật',
  '- Tổ chức tập huấn cho đội ngũ báo cáo viên',
  '2. Sở Thông tin và Truyền thông chỉ đạo',
  '3. Ủy ban nhân dân các huyện, thành phố tổ chức tuyên truyền lưu động',
  'III. KINH PHÍ THỰC HIỆN',
  '1. Kinh phí thực hiện Kế hoạch do ngân sách nhà nước bảo đảm',
  'IV. TỔ CHỨC THỰC HIỆN',
  '1. Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả',
  '2. Sở Tư pháp theo dõi, đôn đốc và tổng hợp kết quả thực hiện Kế hoạch này./.',
  'Nơi nhận:',
  '- Ban Chỉ đạo 138/CP (b/c);',
  '- Lưu: VT, NCLTD.',
];
const SIGNATURE = ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A'];
const APPENDIX = [
  'Phụ lục',
  'BẢNG PHÂN CÔNG NHIỆM VỤ',
  '(Kèm theo Kế hoạch số 45/KH-UBND ngày 10 tháng 3 năm 2022',
  'STT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời hạn',
  'Biên soạn tài liệu hỏi - đáp pháp luật',
  'Sở Tư pháp',
  '30/6/2022',
  // Deadlines print as the clerk wrote them.
  'thường xuyên',
];

describe('the second example plan, built', () => {
  let pdf: Page[];
  let pdfWords: string;
  let docx: Uint8Array;

  beforeAll(async () => {
    const project = copyExampleProject();
    const run = plan(['build'], project);
    expect(run.code, run.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(project, 'out', ID, `${ID}.pdf`)));
    pdf = await pages(bytes);
    pdfWords = await pdfText(bytes);
    docx = new Uint8Array(readFileSync(join(project, 'out', ID, `${ID}.docx`)));
  });

  it('holds its bases, sections, items, a), b) sub-items and funding section in order, in the PDF and the DOCX', () => {
    expect(outOfOrder(pdfWords, [...BODY, ...APPENDIX])).toEqual([]);
    expect(outOfOrder(docxText(docx), [...BODY, ...SIGNATURE, ...APPENDIX])).toEqual([]);
  });

  it('sets the TM./KT. signature in the right column beside "Nơi nhận", on one page', () => {
    const closing = pdf.find((page) => find(page, 'Nơi nhận:'))!;
    const recipients = find(closing, 'Nơi nhận:')!;
    const lines = SIGNATURE.map((line) => find(closing, line));
    expect(lines.every(Boolean), SIGNATURE.join(' / ')).toBe(true);
    for (const line of lines) expect(line!.x).toBeGreaterThan(closing.width / 2 - 40);
    expect(recipients.x).toBeLessThan(closing.width / 3);
    // Top to bottom: the authority, the head, the position, then the name under the space to sign.
    const ys = lines.map((line) => line!.y);
    expect([...ys].sort((a, b) => b - a)).toEqual(ys);
    expect(ys[2]! - ys[3]!).toBeGreaterThan(50);
  });

  it('puts the appendix on a landscape page of its own, its table in the order of the tasks', () => {
    const index = pdf.findIndex((page) => find(page, 'BẢNG PHÂN CÔNG NHIỆM VỤ'));
    expect(index).toBe(pdf.length - 1);
    const appendix = pdf[index]!;
    expect(appendix.width).toBeCloseTo(A4.long, 0);
    expect(appendix.height).toBeCloseTo(A4.short, 0);
    expect(pdf[0]!.width).toBeCloseTo(A4.short, 0);
    const rows = ['Biên soạn', 'Tổ chức tập huấn', 'Sở Thông tin và Truyền thông chỉ đạo', 'Ủy ban nhân dân các huyện, thành phố tổ chức', 'Sở Tư pháp theo dõi'].map((text) => find(appendix, text)!.y);
    expect([...rows].sort((a, b) => b - a)).toEqual(rows);
  });

  it('gives the DOCX a landscape section for the appendix, after the plan\'s portrait one', () => {
    const document = parts(docx)['word/document.xml']!;
    const sections = [...document.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((match) => match[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toContain('w:orient="landscape"');
    expect(sections[1]).toContain('w:orient="landscape"');
  });
});

describe('draft, urgency and secrecy marks, from a plan file', () => {
  it('are printed on the first page of the PDF and in the DOCX', async () => {
    const project = copyExampleProject();
    const file = join(project, 'plans', `${ID}.plan.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('number: 45\n', 'number: 45\ndraft: true\nurgency: hoa-toc\nsecrecy: mat\n'));
    const run = plan(['build'], project);
    expect(run.code, run.stderr).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(project, 'out', ID, `${ID}.pdf`)));
    const [first, second] = await pages(bytes);
    for (const mark of ['DỰ THẢO', 'HỎA TỐC', 'MẬT']) {
      expect(first!.items.some((item) => item.str.trim() === mark), mark).toBe(true);
      expect(second!.items.some((item) => item.str.trim() === mark), `${mark} on page 2`).toBe(false);
    }
    const docx = new Uint8Array(readFileSync(join(project, 'out', ID, `${ID}.docx`)));
    const text = docxText(docx);
    for (const mark of ['HỎA TỐC', 'MẬT']) expect(text).toContain(mark);
    // The draft mark stands above the header of the first page: in that page's own header part.
    const document = parts(docx);
    const firstHeader = /<w:headerReference w:type="first" r:id="(rId\d+)"/.exec(document['word/document.xml']!)?.[1];
    const target = new RegExp(`Id="${firstHeader}"[^>]*Target="([^"]+)"`).exec(document['word/_rels/document.xml.rels']!)?.[1];
    expect(target).toBeDefined();
    expect(document[`word/${target}`]).toContain('DỰ THẢO');
    expect(Object.entries(document).filter(([path, xml]) => path !== `word/${target}` && xml.includes('DỰ THẢO'))).toEqual([]);
  });
});
