// Every structure of real plans, built by the CLI from test/fixtures/structures in YAML and in
// Markdown, read back from every output: blocks in the order written, the labels the plan asks
// for, tasks in any drawing carried by the checklist and extracts, requests worded as requests.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyConfigAndRegistry, plan } from '../helpers/cli.js';
import { ROOT } from '../helpers/project.js';
import { docxText, outOfOrder, pdfText } from '../helpers/read-back.js';

const FIXTURES = join(ROOT, 'test/fixtures/structures');
let project: string;
const output = (path: string) => new Uint8Array(readFileSync(join(project, 'out', path)));
const text = (path: string) => readFileSync(join(project, 'out', path), 'utf8');

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'plan-structures-'));
  copyConfigAndRegistry(project);
  cpSync(join(FIXTURES, 'structures.plan.yaml'), join(project, 'plans/structures.plan.yaml'));
  cpSync(join(FIXTURES, 'structures.plan.md'), join(project, 'plans/structures-md.plan.md'));
  const run = plan(['build'], project);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain('0 cảnh báo');
});

/** The body as the author wrote it, block by block, with the labels the compiler prints. */
const BODY = [
  'Ban Chỉ đạo ban hành Kế hoạch thực hiện công tác phòng, chống mua bán người năm 2027 như sau.',
  'A. KẾT QUẢ THỰC HIỆN NĂM 2026',
  '1. Công tác tuyên truyền được triển khai rộng khắp đến cơ sở.',
  '2. Công tác phối hợp giữa các lực lượng:',
  '- Lực lượng Công an chủ động nắm tình hình;',
  '- Lực lượng Biên phòng tuần tra trên tuyến biên giới, gồm:',
  '+ tuần tra chung với lực lượng nước bạn;',
  '+ tuần tra độc lập tại các đường mòn, lối mở.',
  'Đoạn tiếp theo của cùng gạch đầu dòng về tuần tra.',
  // The lead-in that introduces the second list stays before it.
  'Trong đó, phần do ngân sách tỉnh bảo đảm gồm:',
  '- kinh phí tuyên truyền;',
  '- kinh phí tập huấn.',
  'B. NHIỆM VỤ NĂM 2027',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Đoạn mở đầu của phần mục đích.',
  '1. Nâng cao nhận thức của cán bộ và Nhân dân.',
  'Đoạn kết của phần mục đích.',
  'II. NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ',
  '1. Sở Tài chính: chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí kinh phí thực hiện Kế hoạch.',
  '2. Bộ Chỉ huy Quân sự tỉnh',
  'Chủ trì, phối hợp với Công an tỉnh tổ chức diễn tập phương án giải cứu nạn nhân.',
  'Một đoạn văn thường về lực lượng dân quân.',
  '- Tuyên truyền trong lực lượng vũ trang.',
  '- Tổ chức kiểm tra tại các đơn vị.',
  'Kiểm tra theo chuyên đề và đột xuất khi cần.',
  '+ kiểm tra các đồn biên phòng;',
  '+ kiểm tra các trung đoàn.',
  '3. Công an tỉnh:',
  'a) Chủ trì đấu tranh với các đường dây mua bán người.',
  'b) Phối hợp với Sở Tư pháp trong công tác tuyên truyền.',
  '4. Công an tỉnh xây dựng báo cáo chuyên đề về tình hình mua bán người.',
  'Báo cáo gửi Ban Chỉ đạo trước ngày 15 tháng 12 năm 2027.',
  '5. Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh:',
  '- Phối hợp đẩy nhanh tiến độ điều tra, truy tố, xét xử các vụ án mua bán người.',
  'Các nhiệm vụ khác phát sinh do Trưởng Ban Chỉ đạo quyết định.',
  'III. KINH PHÍ THỰC HIỆN',
  'Kinh phí thực hiện theo bảng sau.',
  'Tuyên truyền',
  '120',
  'IV. TỔ CHỨC THỰC HIỆN',
  '- Các cơ quan báo cáo kết quả 6 tháng trước ngày 15/6/2027.',
  '- Các cơ quan báo cáo kết quả năm trước ngày 15/12/2027.',
  'Trên đây là Kế hoạch thực hiện công tác phòng, chống mua bán người năm 2027;',
  'báo cáo Ban Chỉ đạo xem xét, quyết định./.',
  'Nơi nhận:',
];

describe('a plan with every structure of real plans', () => {
  it('gives the same documents from YAML and from Markdown', () => {
    for (const format of ['pdf', 'docx']) {
      expect(Buffer.compare(output(`structures/structures.${format}`), output(`structures-md/structures-md.${format}`)), format).toBe(0);
    }
  });

  it('prints every block in the order written, with its label, in the PDF', async () => {
    expect(outOfOrder(await pdfText(output('structures/structures.pdf')), BODY)).toEqual([]);
  });

  it('prints every block in the order written, with its label, in the DOCX', () => {
    expect(outOfOrder(docxText(output('structures/structures.docx')), BODY)).toEqual([]);
  });

  it('tracks a task in every drawing: item, paragraph, bullet, "+" bullet, lettered item, two paragraphs, request', () => {
    const rows = text('structures/checklist.csv').trim().split('\r\n').slice(1).map((line) => line.split(',').slice(0, 2).join(' '));
    expect(rows).toEqual([
      'II.1 bo-tri-kinh-phi',
      'II.2 dien-tap-giai-cuu',
      'II.2 bo-chqs-tinh-tuyen-truyen-trong-luc-luong-vu',
      'II.2 kiem-tra-don-vi',
      'II.2 kiem-tra-don-bien-phong',
      'II.3.a dau-tranh-duong-day',
      'II.4 bao-cao-chuyen-de',
      'II.5 phoi-hop-xet-xu',
    ]);
    // A task of two paragraphs is both paragraphs; a bullet with tasks under it is its own words.
    const csv = text('structures/checklist.csv');
    expect(csv).toContain('Công an tỉnh xây dựng báo cáo chuyên đề về tình hình mua bán người. Báo cáo gửi Ban Chỉ đạo trước ngày 15 tháng 12 năm 2027.');
    expect(csv).toContain('kiem-tra-don-vi,Tổ chức kiểm tra tại các đơn vị.,');
  });

  it('sends a "+" bullet task to its own lead, with its item reference', () => {
    const extract = text('structures/extracts/bo-chbdbp-tinh.md');
    expect(extract).toContain('1\\. kiểm tra các đồn biên phòng;');
    expect(extract).toContain('Mục trong Kế hoạch: II.2.');
    expect(extract).not.toContain('trung đoàn');
  });

  it('draws a task of several paragraphs whole in its extract', async () => {
    expect(outOfOrder(await pdfText(output('structures/extracts/cong-an-tinh.pdf')), [
      'NHIỆM VỤ CHỦ TRÌ THỰC HIỆN',
      '1. Chủ trì đấu tranh với các đường dây mua bán người.',
      '2. Công an tỉnh xây dựng báo cáo chuyên đề về tình hình mua bán người.',
      'Báo cáo gửi Ban Chỉ đạo trước ngày 15 tháng 12 năm 2027.',
      'Sản phẩm: Báo cáo chuyên đề.',
      'NHIỆM VỤ PHỐI HỢP THỰC HIỆN',
      '1. Chủ trì, phối hợp với Công an tỉnh tổ chức diễn tập',
    ])).toEqual([]);
  });

  it('words a request as a request: its extract, its Nơi nhận line and its checklist row', async () => {
    for (const agency of ['vksnd-tinh', 'tand-tinh']) {
      const pdf = await pdfText(output(`structures/extracts/${agency}.pdf`));
      expect(pdf).toContain('I. ĐỀ NGHỊ PHỐI HỢP THỰC HIỆN');
      expect(pdf).not.toContain('CHỦ TRÌ THỰC HIỆN');
      expect(pdf).toMatch(/nhân dân tỉnh \(p\/h\);/);
      expect(pdf).not.toContain('(t/h)');
    }
    expect(text('structures/checklist.csv')).toContain('Viện Kiểm sát nhân dân tỉnh; Tòa án nhân dân tỉnh (đề nghị)');
    expect(text('structures/extracts/so-tai-chinh.md')).toContain('Sở Tài chính (t/h);');
  });
});
