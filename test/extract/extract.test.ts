// Agency extracts of the seed plan: who gets one, what each holds, read back from the PDF.
import { parse as parseCsv } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignedAgencies } from '../../src/compose/assignments.js';
import { extractParts, extractView } from '../../src/compose/extract-view.js';
import { Wording } from '../../src/compose/wording.js';
import { exampleProject, output, seedOutputs, seedPlan, text } from './seed.js';

/** The text of a PDF, whitespace folded. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text: pages } = await extractText(pdf, { mergePages: true });
  return pages.replace(/\s+/g, ' ');
}

/** The task ids of an agency's checklist CSV, in order, read with a CSV parser. */
function checklistIds(agency: string): string[] {
  const [header, ...rows] = parseCsv(text(output(`extracts/${agency}.checklist.csv`)), { bom: true, record_delimiter: '\r\n' }) as string[][];
  expect(header![1]).toBe('Mã nhiệm vụ');
  return rows.map((row) => row[1]!);
}

/** What an agency's extract holds: section kinds and the ids of the tasks under each. */
function sections(agency: string) {
  const { plan, tasks } = seedPlan();
  const view = extractView(extractParts(plan, tasks, new Wording(exampleProject().templates)), agency);
  const ids = new Map(tasks.tasks.map((entry) => [entry.task, entry.task.id]));
  return { view, ids, kinds: view.sections.map((s) => s.kind) };
}

describe('extracts of the seed plan', () => {
  let justice: string;

  beforeAll(async () => {
    expect(seedOutputs().diagnostics).toEqual([]);
    justice = await pdfText(output('extracts/so-tu-phap.pdf').bytes);
  });

  it('go to every agency that leads or co-ordinates a task, and to no other', () => {
    const extracts = seedOutputs().outputs.filter((o) => o.agency !== undefined);
    const agencies = [...new Set(extracts.map((o) => o.agency!))].sort();
    // Leading, co-ordinating (the courts, the procuracy, Sở Nội vụ...), or reached only through the
    // group "Ủy ban nhân dân các huyện, thành phố" (ubnd-*). Named nowhere as lead or partner, and so
    // absent: phong-tham-muu-cong-an-tinh, ca-dak-glei.
    expect(agencies).toEqual(
      [
        'ban-tuyen-giao-tinh-uy', 'bo-chbdbp-tinh', 'bo-chqs-tinh', 'cong-an-tinh', 'hoi-lhpn-tinh', 'so-giao-duc-dao-tao', 'so-lao-dong-tbxh',
        'so-ngoai-vu', 'so-noi-vu', 'so-tai-chinh', 'so-thong-tin-truyen-thong', 'so-tu-phap', 'so-van-hoa-tt-dl', 'so-y-te', 'tand-tinh', 'tinh-doan',
        'ubnd-dak-glei', 'ubnd-dak-ha', 'ubnd-dak-to', 'ubnd-ia-h-drai', 'ubnd-kon-plong', 'ubnd-kon-ray', 'ubnd-ngoc-hoi', 'ubnd-sa-thay',
        'ubnd-tp-kon-tum', 'ubnd-tu-mo-rong', 'uy-ban-mttq-tinh', 'vksnd-tinh',
      ].sort(),
    );
    // Each gets exactly its PDF, DOCX and Markdown extract and its two checklists, and nothing else.
    const suffixes = ['.pdf', '.docx', '.md', '.checklist.md', '.checklist.csv'];
    const expected = agencies.flatMap((agency) => suffixes.map((suffix) => `kon-tum-ngay-toan-dan-pcmbn-2021/extracts/${agency}${suffix}`));
    expect(extracts.map((o) => o.path).sort()).toEqual(expected.sort());
    for (const o of extracts) expect(o.path, o.agency).toContain(`/extracts/${o.agency}.`);
  });

  it("Sở Tư pháp's PDF holds its task and its report, and none of Sở Ngoại vụ's", () => {
    expect(justice).toContain('TRÍCH KẾ HOẠCH');
    expect(justice).toContain('(Nhiệm vụ giao Sở Tư pháp)');
    expect(justice).toContain('đánh giá việc thực thi Luật Phòng, chống mua bán người');
    expect(justice).toMatch(/trước ngày 02 tháng 8 năm 2021/);
    expect(justice).toContain('Phòng Tham mưu - Công an tỉnh');
    expect(justice).not.toContain('Lào, Campuchia');
    expect(justice).not.toContain('giải cứu');
    // Which plan it comes from, by the issuer as a sentence names it (the registry's name, with the
    // place the header's name ends with), never in the header's capitals (issue 22, item 5); and the
    // closing: the agency, the archive, the plan's signer.
    expect(justice).toContain(
      'Trích Kế hoạch số /KH-BCĐ ngày 25 tháng 5 năm 2021 của Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum ' +
        'về triển khai các hoạt động hưởng ứng “Ngày toàn dân phòng, chống mua bán người” năm 2021 trên địa bàn tỉnh',
    );
    expect(justice).not.toContain('của BAN CHỈ ĐẠO');
    expect(justice).toContain('Sở Tư pháp (t/h);');
    expect(justice).toContain('Lưu: VT, BCĐ, NCLTD.');
    expect(justice).toContain('Lê Ngọc Tuấn');
  });

  it("Sở Tư pháp's checklist has its own task and the ones its group shares, not Sở Ngoại vụ's", () => {
    // Its own task and the three every department shares; not Sở Ngoại vụ's phoi-hop-giai-cuu-nan-nhan.
    expect(checklistIds('so-tu-phap')).toEqual(['trien-khai-ke-hoach-1583', 'tuyen-truyen-huong-ung', 'dao-tao-boi-duong', 'danh-gia-thuc-thi-luat']);
    const md = text(output('extracts/so-tu-phap.md'));
    expect(md).toContain('# TRÍCH KẾ HOẠCH');
    expect(md).toContain('Mục trong Kế hoạch: II.2.');
  });

  it("Sở Nội vụ's extract holds the commendation it co-ordinates, with who leads it", async () => {
    const { view, ids, kinds } = sections('so-noi-vu');
    const partner = view.sections.find((s) => s.kind === 'partner')!;
    expect(kinds).toContain('partner');
    expect(partner.tasks.map((t) => t.lead)).toContain('Công an tỉnh');
    const coordinated = [...ids.entries()].filter(([, id]) => id === 'khen-thuong');
    expect(coordinated).toHaveLength(1);
    const pdf = await pdfText(output('extracts/so-noi-vu.pdf').bytes);
    expect(pdf).toContain('NHIỆM VỤ PHỐI HỢP THỰC HIỆN');
    expect(pdf).toContain('khen thưởng kịp thời các tập thể, cá nhân');
    expect(pdf).toContain('Cơ quan chủ trì: Công an tỉnh.');
    expect(checklistIds('so-noi-vu')).toEqual(['trien-khai-ke-hoach-1583', 'tuyen-truyen-huong-ung', 'dao-tao-boi-duong', 'khen-thuong']);
  });

  it('agencies only co-ordinating get only a co-ordination section', () => {
    // The courts and procuracy are in no group that leads: they only co-ordinate.
    for (const agency of ['vksnd-tinh', 'tand-tinh']) {
      const { view, kinds } = sections(agency);
      expect(kinds).toEqual(['partner']);
      expect(view.sections[0]!.label).toBe('I.');
      expect(view.sections[0]!.tasks[0]!.lead).toBe('Công an tỉnh');
    }
  });

  it('group members get the group tasks and the group report', () => {
    const { view, kinds } = sections('ubnd-dak-glei');
    expect(kinds).toEqual(['group', 'report']);
    const shared = view.sections[0]!;
    expect(shared.tasks).toHaveLength(3);
    expect(shared.tasks[0]!.group).toBe('Các sở, ban ngành, đoàn thể; Ủy ban nhân dân các huyện, thành phố');
    expect(view.sections[1]!.reports[0]).toMatchObject({ dueDate: '2021-08-02', via: 'Phòng Tham mưu - Công an tỉnh' });
    // A member of a group that also leads and co-ordinates: own work first, help given after.
    expect(sections('cong-an-tinh').kinds).toEqual(['lead', 'group', 'partner', 'report']);
  });

  it('assignedAgencies lists agencies in registry order without repeats', () => {
    const agencies = assignedAgencies(seedPlan().tasks);
    expect(new Set(agencies).size).toBe(agencies.length);
    const order = [...exampleProject().registry.agencies.keys()];
    expect([...agencies].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(agencies);
  });
});
