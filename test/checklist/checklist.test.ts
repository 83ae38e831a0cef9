// Checklists of the seed plan (Markdown, CSV, iCalendar), numbering shared with the plan, and
// the four follow-up categories fed by a progress file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { csvBytes } from '../../src/typeset/csv.js';
import { fold } from '../../src/typeset/ics.js';
import { progressFrom, readProgress } from '../../src/project/progress.js';
import { checklist, checklistMarkdown } from '../../src/compose/checklist.js';
import { planCalendar } from '../../src/compose/calendar.js';
import { dueDate, followUpStatus, NO_PROGRESS } from '../../src/compose/follow-up.js';
import { numberPlan } from '../../src/compose/numbering.js';
import { parseMarkdown } from '../../src/compose/markdown-parse.js';
import { Wording } from '../../src/compose/wording.js';
import { readYaml } from '../../src/parse/yaml.js';
import { buildFromText, printed, seedWith } from '../helpers/project.js';
import { exampleProject, output, seedOutputs, seedPlan, text } from '../extract/seed.js';
import { itemsOf, sectionsOf } from '../helpers/model.js';

/** The rows of a CSV as csv-parse reads it (RFC 4180; strict: every row as wide as the first, no stray quote). */
function readCsv(source: string): string[][] {
  return parseCsv(source, { bom: true, record_delimiter: '\r\n', relax_column_count: false, relax_quotes: false }) as string[][];
}

const words = () => new Wording(exampleProject().templates);

describe('the checklist CSV', () => {
  const bytes = output('kon-tum-ngay-toan-dan-pcmbn-2021/checklist.csv').bytes;
  // TextDecoder drops the BOM, as spreadsheet programs do.
  const source = new TextDecoder().decode(bytes);

  it('is UTF-8 with a BOM and CRLF line ends', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(source.replace(/\r\n/g, '')).not.toMatch(/[\r\n](?=[^"]*("[^"]*"[^"]*)*$)/);
    expect(source.endsWith('\r\n')).toBe(true);
  });

  it('has one row per task with lead, co-ordinating and deadline columns', () => {
    const [header, ...rows] = readCsv(source);
    expect(header).toEqual(['Mục', 'Mã nhiệm vụ', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời hạn', 'Hạn báo cáo', 'Tình trạng', 'Tiến độ', 'Ngày hoàn thành', 'Ghi chú']);
    expect(rows.length).toBe(seedPlan().tasks.tasks.length);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    const byId = new Map(rows.map((r) => [r[1], r]));
    expect(byId.get('danh-gia-thuc-thi-luat')).toEqual(['II.2', 'danh-gia-thuc-thi-luat', expect.stringMatching(/^Sở Tư pháp chủ trì, phối hợp/), 'Sở Tư pháp', '', '', '2021-08-02', 'Chưa đến hạn', '', '', '']);
    expect(byId.get('khen-thuong')!.slice(0, 2).concat(byId.get('khen-thuong')!.slice(3, 5))).toEqual(['II.8', 'khen-thuong', 'Công an tỉnh', 'Sở Nội vụ']);
    expect(byId.get('cao-diem-tan-cong-tran-ap')![5]).toBe('2021-07-01 - 2021-09-30');
    expect(byId.get('tin-nhan-an-pham')![5]).toBe('Hằng năm');
    expect(byId.get('nam-tinh-hinh-duong-day')![4]).toBe('Bộ Chỉ huy Quân sự tỉnh; Bộ Chỉ huy Bộ đội Biên phòng tỉnh');
    expect(byId.get('theo-doi-don-doc')![0]).toBe('III.2');
  });

  it('quotes by RFC 4180 and never lets a cell run as a formula', () => {
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes([['a,b', 'say "hi"', 'two\nlines', '=1+1', '-2', 'plain']]));
    expect(csv).toBe('\uFEFF"a,b","say ""hi""","two\nlines",\'=1+1,\'-2,plain\r\n');
    expect(readCsv(csv)).toEqual([['a,b', 'say "hi"', 'two\nlines', "'=1+1", "'-2", 'plain']]);
  });
});

describe('the checklist Markdown', () => {
  it('is a GFM task list in the plan\'s numbering', () => {
    const md = text(output('kon-tum-ngay-toan-dan-pcmbn-2021/checklist.md'));
    expect(md).toContain('- [ ] **II.2** Sở Tư pháp chủ trì');
    const tree = parseMarkdown(md);
    const list = tree.children.find((n) => n.type === 'list')!;
    expect(list.type === 'list' && list.children.every((item) => item.checked === false)).toBe(true);
    expect(list.type === 'list' && list.children.length).toBe(seedPlan().tasks.tasks.length);
  });

  it('uses the same numbers as the plan body (one numbering function)', () => {
    const { plan } = seedPlan();
    const numbers = numberPlan(plan);
    const sections = sectionsOf(plan);
    expect(sections.map((s) => numbers.sections.get(s))).toEqual(['I.', 'II.', 'III.']);
    expect(itemsOf(sections[1]!.blocks).map((i) => numbers.items.get(i)!.reference)).toEqual(['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6', 'II.7', 'II.8']);
    const decimal = numberPlan({ ...plan, numbering: { ...plan.numbering, style: 'decimal', items: ['1.1.'] } });
    expect(decimal.items.get(itemsOf(sections[1]!.blocks)[2]!)).toMatchObject({ label: '2.3.', reference: '2.3' });
  });
});

describe('the checklist calendar', () => {
  const ics = text(output('kon-tum-ngay-toan-dan-pcmbn-2021/checklist.ics'));
  const lines = ics.split('\r\n');

  it('has CRLF lines of at most 75 octets', () => {
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('has one all-day event per deadline and per reporting duty, with stable UIDs and a stamp from the plan', () => {
    // Read with ical.js (RFC 5545): unfolding, escapes and value types are its business.
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    const events = calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      expect(event.startDate.isDate && event.endDate.isDate, event.uid).toBe(true);
      expect(component.getFirstPropertyValue('dtstamp')?.toString(), event.uid).toBe('2021-05-25T00:00:00Z');
      return [event.uid, event.startDate.toString(), event.endDate.toString(), String(component.getFirstPropertyValue('rrule') ?? ''), event.summary];
    });
    // Every event, and no other: continuous work ("thường xuyên") has no day to put in a calendar.
    expect(events).toEqual([
      ['tin-nhan-an-pham-1@kon-tum-ngay-toan-dan-pcmbn-2021', '2021-05-25', '2021-05-26', 'FREQ=YEARLY', expect.stringMatching(/^II\.3 Sở Thông tin và Truyền thông: /)],
      ['cao-diem-tan-cong-tran-ap-1@kon-tum-ngay-toan-dan-pcmbn-2021', '2021-07-01', '2021-10-01', '', expect.stringMatching(/^II\.8 Công an tỉnh: Xây dựng kế hoạch/)],
      ['bao-cao-so-ban-nganh-doan-the-ubnd-cap-huyen-2021-08-02@kon-tum-ngay-toan-dan-pcmbn-2021', '2021-08-02', '2021-08-03', '', expect.stringMatching(/^Hạn báo cáo: Các sở, ban ngành, đoàn thể/)],
    ]);
  });

  it('folds without splitting a character', () => {
    const folded = fold(`SUMMARY:${'ử'.repeat(40)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ử'.repeat(40)}`);
  });

  it('counts one, two, three and four octets a character, filling each line', () => {
    const line = `DESCRIPTION:${'é'.repeat(30)}${'ử'.repeat(20)}${'𝐀'.repeat(20)}${'a'.repeat(30)}`;
    const pieces = fold(line).split('\r\n');
    const octets = pieces.map((piece) => new TextEncoder().encode(piece).length);
    // A piece ends early only where the next character would not fit (at most 3 octets short).
    octets.slice(0, -1).forEach((n, i) => expect(n).toBeGreaterThan(75 - 4));
    for (const n of octets) expect(n).toBeLessThanOrEqual(75);
    expect(pieces.map((piece, i) => (i === 0 ? piece : piece.slice(1))).join('')).toBe(line);
  });
});

describe('follow-up from a progress file', () => {
  const ids = () => seedPlan().tasks.tasks.map((e) => e.task.id);
  const read = (yaml: string) => {
    const parsed = readYaml(yaml, 'seed.progress.yaml');
    return progressFrom(parsed.data, parsed.map, ids());
  };

  it('puts every task in one of the four categories', () => {
    const { progress, diagnostics } = read(
      ['as-of: 2021-08-10', 'tasks:', '  danh-gia-thuc-thi-luat: { status: done, date: 2021-07-30, note: "Đã gửi báo cáo, số 12/BC-STP" }', '  thong-tin-bao-chi: { status: done, date: 05/8/2021 }', '  khen-thuong: in-progress', ''].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    const list = checklist(seedPlan().plan, seedPlan().tasks, progress, words());
    const status = (id: string) => list.rows.find((r) => r.entry.task.id === id)!.cells.status;
    expect(status('danh-gia-thuc-thi-luat')).toBe('Hoàn thành đúng hạn');
    expect(status('thong-tin-bao-chi')).toBe('Hoàn thành quá hạn');
    expect(status('khen-thuong')).toBe('Quá hạn chưa hoàn thành');
    expect(status('cao-diem-tan-cong-tran-ap')).toBe('Chưa đến hạn');
    // Continuous work is never overdue.
    expect(status('trien-khai-ke-hoach-1583')).toBe('Chưa đến hạn');
    expect(list.asOf).toBe('Tình hình đến ngày 10 tháng 8 năm 2021');
    const md = checklistMarkdown(list, null, words());
    expect(md).toContain('- [x] **II.2**');
    expect(md).toContain('Ghi chú: Đã gửi báo cáo, số 12/BC-STP');
  });

  it('without a progress file, judges on the plan\'s date: nothing is overdue', () => {
    const list = checklist(seedPlan().plan, seedPlan().tasks, NO_PROGRESS, words());
    expect(new Set(list.rows.map((r) => r.status))).toEqual(new Set(['not-due']));
  });

  it('a mistake in the file is a warning, never an error; a note stays a note', () => {
    const folder = mkdtempSync(join(tmpdir(), 'plan-progress-'));
    writeFileSync(join(folder, 'seed.progress.yaml'), `tasks:\n  danh-gia-thuc-thi-lut: done\n  khen-thuong: { status: done, date: 30/7/2021, note: ${'Đã gửi'.normalize('NFD')} }\n`);
    const { diagnostics } = readProgress(join(folder, 'seed.plan.yaml'), folder, ids());
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['not-nfc', 'note'],
      ['unknown-task', 'warning'],
    ]);
  });

  it('names unknown task ids with a did-you-mean, and bad dates, at their line', () => {
    const { progress, diagnostics } = read(['tasks:', '  danh-gia-thuc-thi-lut: done', '  khen-thuong: { status: done, date: 31/02/2021 }', ''].join('\n'));
    expect(diagnostics.map((d) => [d.code, d.location.line, d.args.suggestion ?? d.args.value])).toEqual([
      ['unknown-task', 2, 'danh-gia-thuc-thi-luat'],
      ['invalid-date', 3, '31/02/2021'],
    ]);
    expect(progress.tasks.has('danh-gia-thuc-thi-lut')).toBe(false);
  });

  it('takes a status in Vietnamese, as clerks write it, case and spacing aside', () => {
    const { progress, diagnostics } = read(['tasks:', '  danh-gia-thuc-thi-luat: { status: Hoàn thành, date: 30/7/2021 }', '  khen-thuong: đang  thực hiện', '  cao-diem-tan-cong-tran-ap: chưa thực hiện', ''].join('\n'));
    expect(diagnostics).toEqual([]);
    expect([...progress.tasks].map(([id, entry]) => [id, entry.status])).toEqual([
      ['danh-gia-thuc-thi-luat', 'done'],
      ['khen-thuong', 'in-progress'],
      ['cao-diem-tan-cong-tran-ap', 'not-started'],
    ]);
    expect(read(['tasks:', '  khen-thuong: sắp xong', ''].join('\n')).diagnostics.map((d) => d.code)).toEqual(['not-allowed']);
  });

  it('due dates: own deadline, else the lead\'s report, none for continuous work', () => {
    const byId = new Map(seedPlan().tasks.tasks.map((e) => [e.task.id, e]));
    expect(dueDate(byId.get('cao-diem-tan-cong-tran-ap')!)).toEqual({ year: 2021, month: 9, day: 30 });
    expect(dueDate(byId.get('danh-gia-thuc-thi-luat')!)).toEqual({ year: 2021, month: 8, day: 2 });
    expect(dueDate(byId.get('trien-khai-ke-hoach-1583')!)).toBeNull();
    expect(followUpStatus(null, undefined, { year: 2030, month: 1, day: 1 })).toBe('not-due');
  });

  it('a deadline added to a task decides its status', () => {
    expect(seedOutputs().diagnostics).toEqual([]);
    const edited = seedWith('          - id: khen-thuong\n', '          - id: khen-thuong\n            deadline: 2021-06-30\n');
    const list = checklist(seedPlan(edited).plan, seedPlan(edited).tasks, { asOf: { year: 2021, month: 7, day: 1 }, tasks: new Map() }, words());
    expect(list.rows.find((r) => r.entry.task.id === 'khen-thuong')!.status).toBe('overdue');
  });
});

describe('deadlines as clerks write them (issue 21)', () => {
  const PHRASES = [
    'Xong trong tháng 5/2027', 'hoàn thành trong quý IV năm 2027', '2026 - 2027', 'tháng 11, 12/2027', 'Quý IV/2027, Quý I/2028',
    'trước ngày 20 hằng tháng', '6 tháng (trước ngày 15/6), năm (trước ngày 15/12)', 'Tháng 12/2027 và thường xuyên',
    'Từ tháng 11/2027 trở đi', '(đã hoàn thành trong tháng 4/2027)',
  ];
  const edited = seedWith('          - id: khen-thuong\n', `          - id: khen-thuong\n            deadline:\n${PHRASES.map((p) => `              - "${p}"\n`).join('')}`);

  it('build without errors, print as written for people, and give their days to the ISO cells and the calendar', () => {
    expect(buildFromText(edited).diagnostics.map(printed)).toEqual([]);
    const { plan, tasks } = seedPlan(edited);
    const list = checklist(plan, tasks, NO_PROGRESS, words());
    const row = list.rows.find((r) => r.entry.task.id === 'khen-thuong')!;
    expect(row.cells.deadline).toBe(PHRASES.join('; '));
    expect(row.isoCells.deadline.split('; ')).toEqual([
      '2027-05-01 - 2027-05-31',
      '2027-10-01 - 2027-12-31',
      '2026-01-01 - 2027-12-31',
      '2027-11-01 - 2027-12-31',
      '2027-10-01 - 2028-03-31',
      'Hằng tháng (20)',
      '6 tháng một lần (15/6) + Hằng năm (15/12)',
      '2027-12-01 - 2027-12-31 + Thường xuyên',
      '2027-11-01/..',
      '2027-04-01 - 2027-04-30',
    ]);
    const events = planCalendar(plan, list, tasks.registry, words()).events.filter((e) => e.uid.startsWith('khen-thuong-')).map((e) => e.uid.replace(/@.*/, ''));
    // One event per meaning with days; open-ended and finished work have none.
    expect(events).toEqual(['khen-thuong-1', 'khen-thuong-2', 'khen-thuong-3', 'khen-thuong-4', 'khen-thuong-5', 'khen-thuong-6', 'khen-thuong-7', 'khen-thuong-7-2', 'khen-thuong-8']);
  });
});
