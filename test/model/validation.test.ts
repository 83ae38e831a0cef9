// Each validation rule: a failing case that names file, line and column, and a passing case.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { wording } from '../../src/diagnostics/messages.js';
import { buildFromText, positionOf, printed, SEED_TEXT, seedWith } from '../helpers/project.js';
import { itemsOf, paragraphsIn, sectionsOf } from '../helpers/model.js';
import { allTasks } from '../../src/model/plan.js';

function only(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  expect(found.map(printed), `expected one ${code} among ${diagnostics.map(printed).join('\n')}`).toHaveLength(1);
  return found[0]!;
}

function expectAt(d: Diagnostic, text: string, needle: string, after = '') {
  const { line, column } = positionOf(text, needle, after);
  expect(d.location).toMatchObject({ file: 'test.plan.yaml', line, column });
  expect(printed(d)).toMatch(new RegExp(`^test\\.plan\\.yaml:${line}:${column} `));
  const { message, hint } = wording(d.code, d.args, 'vi');
  expect(message.length).toBeGreaterThan(10);
  expect(hint ?? '').not.toBe('');
  expect(wording(d.code, d.args, 'en').message).not.toBe(message);
}

describe('the seed plan', () => {
  it('passes every rule without a warning', () => {
    const { plan, diagnostics } = buildFromText(SEED_TEXT);
    expect(diagnostics.map(printed)).toEqual([]);
    expect(plan).toBeDefined();
  });

  it('takes the symbol KH- and its abbreviation by default, and "(b/c)" after a recipient as its note', () => {
    const plan = buildFromText(SEED_TEXT).plan!;
    expect(plan.symbol).toBe('KH-BCĐ');
    expect(plan.recipients[0]).toMatchObject({ text: 'Ban Chỉ đạo 138/CP', note: 'b/c' });
    expect(plan.recipients[1]).toMatchObject({ text: 'Ủy ban nhân dân tỉnh', note: null });
    expect(buildFromText(seedWith('number: null', 'number: null\nsymbol: KH-BCĐ-CAT')).plan!.symbol).toBe('KH-BCĐ-CAT');
  });

  it('gives a task without an id one from its lead and first words', () => {
    const { plan, diagnostics } = buildFromText(seedWith('          - id: danh-gia-thuc-thi-luat\n            lead: Sở Tư pháp', '          - lead: Sở Tư pháp'));
    expect(diagnostics.map(printed)).toEqual([]);
    const ids = allTasks(plan!).map((task) => task.id);
    expect(ids).not.toContain('danh-gia-thuc-thi-luat');
    expect(ids).toContain('so-tu-phap-so-tu-phap-chu-tri-phoi');
  });
});

describe('validation rules', () => {
  it('required fields', () => {
    const text = seedWith('place: Kon Tum\n', '');
    const d = only(buildFromText(text).diagnostics, 'missing-field');
    expect(d.args.key).toBe('place');
    expectAt(d, text, 'issuer:');
  });

  it('unknown keys, with a suggestion', () => {
    const text = seedWith('place: Kon Tum', 'plase: Kon Tum');
    const d = only(buildFromText(text).diagnostics, 'unknown-key');
    expect(d.args.suggestion).toBe('place');
    expectAt(d, text, 'plase:');
  });

  it('text with ": " read as a field name, with quotes as the remedy', () => {
    const text = seedWith('      - >-\n        Tổ chức quán triệt', '      - Mục đích: tổ chức quán triệt\n      - >-\n        Tổ chức quán triệt');
    const d = only(buildFromText(text).diagnostics, 'unknown-key');
    expect(d.args).toMatchObject({ key: 'Mục đích', reads: 'text', suggestion: '' });
    expect(wording(d.code, d.args, 'vi')).toMatchObject({ message: expect.stringContaining('được đọc là tên một trường'), hint: expect.stringContaining('"Mục đích: ..."') });
    expect(wording(d.code, d.args, 'en').hint).toContain('double quotes');
    expectAt(d, text, 'Mục đích:');
    // A misspelt field name is still one.
    expect(only(buildFromText(seedWith('place: Kon Tum', 'plase: Kon Tum')).diagnostics, 'unknown-key').args.reads).toBeUndefined();
  });

  it("the signer's name: lower case with capitals, no academic title, its inside as written", () => {
    const warned = (name: string) => buildFromText(seedWith('name: Lê Ngọc Tuấn', `name: ${name}`)).diagnostics.filter((d) => d.code === 'signer-name');
    const text = seedWith('name: Lê Ngọc Tuấn', 'name: LÊ NGỌC TUẤN');
    const d = only(buildFromText(text).diagnostics, 'signer-name');
    expect(d).toMatchObject({ severity: 'warning', args: { expected: 'Lê Ngọc Tuấn' } });
    expectAt(d, text, 'LÊ NGỌC TUẤN');
    expect(warned('lê ngọc tuấn').map((w) => w.args.expected)).toEqual(['Lê Ngọc Tuấn']);
    expect(warned('PGS.TS. Lê Ngọc Tuấn').map((w) => [w.args.title, w.args.expected])).toEqual([['PGS.TS.', 'Lê Ngọc Tuấn']]);
    expect(warned("H'HEN NIÊ").map((w) => w.args.expected)).toEqual(["H'Hen Niê"]);
    for (const name of ['Lê Ngọc Tuấn', "H'Hen Niê", 'Y Ngông Niê Kđăm', 'Tsang Văn B']) expect(warned(name), name).toEqual([]);
  });

  it('an abstract typed in capitals throughout, with its lower-case form', () => {
    const title = 'Triển khai các hoạt động hưởng ứng “Ngày toàn dân phòng, chống mua bán người” năm 2021 trên địa bàn tỉnh';
    const text = seedWith(`title: ${title}`, `title: ${title.toLocaleUpperCase('vi')}`);
    // Capitals in part of it are the clerk's choice (proper names).
    expect(buildFromText(seedWith('title: Triển khai các hoạt động', 'title: TRIỂN KHAI các hoạt động')).diagnostics.filter((d) => d.code === 'abstract-capitals')).toEqual([]);
    const d = only(buildFromText(text).diagnostics, 'abstract-capitals');
    expect(d.severity).toBe('warning');
    expect(String(d.args.expected)).toMatch(/^Triển khai các hoạt động hưởng ứng “ngày toàn dân/);
    expectAt(d, text, 'TRIỂN KHAI');
  });

  it('recipients and archive units copied with the punctuation the document adds', () => {
    const text = seedWith('  - Ủy ban nhân dân tỉnh\n', '  - "- Ủy ban nhân dân tỉnh;"\n').replace('archive: [VT, BCĐ, NCLTD]', 'archive: [VT, BCĐ, NCLTD.]');
    const { plan, diagnostics } = buildFromText(text);
    expect(diagnostics.map(printed)).toEqual([]);
    expect(plan!.recipients[1]).toMatchObject({ text: 'Ủy ban nhân dân tỉnh', agencies: [{ kind: 'agency', id: 'ubnd-tinh' }] });
    expect(plan!.archive).toEqual(['VT', 'BCĐ', 'NCLTD']);
  });

  it('wrong types', () => {
    const text = seedWith('archive: [VT, BCĐ, NCLTD]', 'archive: {VT: 1}');
    const d = only(buildFromText(text).diagnostics, 'wrong-type');
    expectAt(d, text, '{VT: 1}');
  });

  it('real dates', () => {
    const text = seedWith('date: 2021-05-25', 'date: 2021-02-30');
    expectAt(only(buildFromText(text).diagnostics, 'invalid-date'), text, '2021-02-30');
    expect(buildFromText(seedWith('date: 2021-05-25', 'date: 2024-02-29')).diagnostics.filter((d) => d.code === 'invalid-date')).toEqual([]);
  });

  it('a blank day and month is a valid date', () => {
    const { plan, diagnostics } = buildFromText(seedWith('date: 2021-05-25', 'date: 2021'));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.date).toEqual({ year: 2021, month: null, day: null });
  });

  it('deadlines not before the plan date', () => {
    const text = seedWith('deadline: 01/7–30/9/2021', 'deadline: 01/7–30/9/2020');
    expectAt(only(buildFromText(text).diagnostics, 'deadline-before-plan'), text, '01/7–30/9/2020');
  });

  it('deadlines that cannot be read', () => {
    const text = seedWith('deadline: 01/7–30/9/2021', 'deadline: sớm nhất có thể');
    expectAt(only(buildFromText(text).diagnostics, 'invalid-deadline'), text, 'sớm nhất');
  });

  it('known agencies, with a did-you-mean', () => {
    const text = seedWith('lead: Sở Tư pháp', 'lead: Sở Tư Phap');
    const d = only(buildFromText(text).diagnostics, 'unknown-agency');
    expect(d.args.suggestion).toBe('Sở Tư pháp');
    expectAt(d, text, 'Sở Tư Phap');
  });

  it('an agency not found is the one error: its tasks are not also missing their lead', () => {
    for (const [find, replace] of [
      ['      - to: Sở Thông tin và Truyền thông', '      - to: So Thong tin va Truyen thong'],
      ['lead: Sở Tư pháp', 'lead: So Tu Phap'],
    ]) {
      expect(buildFromText(seedWith(find!, replace!)).diagnostics.map((d) => d.code), replace).toEqual(['unknown-agency']);
    }
  });

  it('agencies in a list point at the list element', () => {
    const text = seedWith('partners: [Công an tỉnh, Hội Liên hiệp Phụ nữ tỉnh]', 'partners: [Công an tỉnh, Hội Phụ nữ]');
    expectAt(only(buildFromText(text).diagnostics, 'unknown-agency'), text, 'Hội Phụ nữ');
  });

  it('recipients reach every lead and co-ordinating agency (warning)', () => {
    const text = seedWith('  - Các Thành viên Ban Chỉ đạo PCTP tỉnh\n', '');
    const warnings = buildFromText(text).diagnostics.filter((d) => d.code === 'recipient-missing');
    expect(warnings.length).toBeGreaterThan(5);
    expect(warnings.every((d) => d.severity === 'warning')).toBe(true);
    expect(warnings.map((d) => d.args.agency)).toContain('Sở Tư pháp');
    expectAt(warnings.find((d) => d.args.agency === 'Sở Tư pháp')!, text, 'Sở Tư pháp', 'danh-gia-thuc-thi-luat');
  });

  it('a valid signature prefix', () => {
    const text = seedWith('  positions: [TRƯỞNG BAN', '  prefix: K.T\n  head: TRƯỞNG BAN\n  positions: [PHÓ TRƯỞNG BAN');
    const d = only(buildFromText(text).diagnostics, 'signature-prefix');
    expect(d.args.suggestion).toBe('KT');
    expectAt(d, text, 'K.T');
    const good = buildFromText(seedWith('  positions: [TRƯỞNG BAN', '  prefix: KT\n  head: TRƯỞNG BAN\n  positions: [PHÓ TRƯỞNG BAN'));
    expect(good.diagnostics).toEqual([]);
    expect(good.plan?.signature.delegation).toEqual({ prefix: 'KT', head: 'TRƯỞNG BAN' });
  });

  it('a prefix needs the head it signs for', () => {
    const text = seedWith('  positions: [TRƯỞNG BAN', '  prefix: TL\n  positions: [TRƯỞNG BAN');
    expectAt(only(buildFromText(text).diagnostics, 'signature-head'), text, 'TL');
  });

  it('the symbol format', () => {
    const text = seedWith('number: null', 'number: null\nsymbol: KH BCĐ');
    expectAt(only(buildFromText(text).diagnostics, 'symbol-format'), text, 'KH BCĐ');
    expect(buildFromText(seedWith('number: null', 'number: null\nsymbol: KH-BCĐ-CAT')).diagnostics).toEqual([]);
  });

  it('the number format', () => {
    const zero = seedWith('number: null', 'number: 0');
    expectAt(only(buildFromText(zero).diagnostics, 'out-of-range'), zero, '0', 'number:');
    const text = seedWith('number: null', 'number: 185/KH');
    expectAt(only(buildFromText(text).diagnostics, 'wrong-type'), text, '185/KH');
    expect(buildFromText(seedWith('number: null', 'number: 7')).plan?.number).toBe(7);
  });

  it('task ids and blank text in their format, said in the language asked for', () => {
    const text = seedWith('id: khen-thuong', 'id: Khen_Thuong');
    const d = only(buildFromText(text).diagnostics, 'bad-format');
    expectAt(d, text, 'Khen_Thuong');
    expect(wording(d.code, d.args, 'vi').hint).toBe('Định dạng đúng: chữ thường không dấu, số và dấu gạch ngang (vd: tuyen-truyen-30-7).');
    expect(wording(d.code, d.args, 'en').hint).toBe('Expected format: lower-case letters without accents, digits and hyphens (e.g. tuyen-truyen-30-7).');
    const blank = only(buildFromText(seedWith('place: Kon Tum', 'place: " "')).diagnostics, 'bad-format');
    expect(wording(blank.code, blank.args, 'vi').hint).toBe('Định dạng đúng: không để trống.');
    expect(wording(blank.code, blank.args, 'en').hint).toBe('Expected format: not empty.');
  });

  it('duplicate ids', () => {
    const text = seedWith('id: khen-thuong', 'id: cao-diem-tan-cong-tran-ap');
    const d = only(buildFromText(text).diagnostics, 'duplicate-id');
    expectAt(d, text, 'cao-diem-tan-cong-tran-ap', 'deliverable:');
    expect(d.location.line).toBeGreaterThan(positionOf(text, 'cao-diem-tan-cong-tran-ap').line);
  });

  it('footnote references need a definition', () => {
    const text = seedWith('hành động[^1]', 'hành động[^3]');
    expectAt(only(buildFromText(text).diagnostics, 'unknown-footnote'), text, '[^3]');
  });

  it('footnotes that nothing refers to (warning)', () => {
    const text = seedWith('đường dây nóng[^2]', 'đường dây nóng');
    const d = only(buildFromText(text).diagnostics, 'unused-footnote');
    expect(d.severity).toBe('warning');
    expectAt(d, text, '"2"');
  });

  it('numbers typed by hand are reported and dropped', () => {
    const text = seedWith('      - >-\n        Tổ chức quán triệt', '      - >-\n        1. Tổ chức quán triệt');
    const { plan, diagnostics } = buildFromText(text);
    const d = only(diagnostics, 'typed-numbering');
    expect(d.severity).toBe('warning');
    expectAt(d, text, '1. Tổ chức');
    const first = paragraphsIn(itemsOf(sectionsOf(plan!)[0]!.blocks)[0]!.blocks)[0]![0];
    expect(first).toMatchObject({ type: 'text' });
    expect((first as { value: string }).value.startsWith('Tổ chức')).toBe(true);
  });

  it('capitals where the decree wants them (warning)', () => {
    const text = seedWith('positions: [TRƯỞNG BAN', 'positions: [Trưởng ban');
    const d = only(buildFromText(text).diagnostics, 'uppercase-expected');
    expect(d.severity).toBe('warning');
    expectAt(d, text, 'Trưởng ban');
  });

  it('YAML syntax errors point at the line', () => {
    const text = seedWith('place: Kon Tum', 'place: "Kon Tum');
    const d = buildFromText(text).diagnostics.find((x) => x.code === 'yaml-syntax');
    expect(d?.location.file).toBe('test.plan.yaml');
    expect(d?.location.line).toBeGreaterThan(0);
  });
});

describe('recipients that reach every assigned agency', () => {
  const plan = (lead: string, recipients: string) => `issuer: { name: ỦY BAN NHÂN DÂN TỈNH KON TUM, abbreviation: UBND }
place: Kon Tum
date: 2027-03-15
title: Thử
sections:
  - kind: assignments
    items:
      - text: Một việc.
        task: { lead: ${lead} }
      - text: Việc khác.
        task: { lead: ${lead} }
recipients: [${recipients}]
archive: [VT]
signature: { positions: [CHỦ TỊCH], name: Lê Ngọc Tuấn }
`;
  const missing = (text: string) => buildFromText(text).diagnostics.filter((d) => d.code === 'recipient-missing');

  it('never counts the issuer itself as missing (issue 22, item 4)', () => {
    expect(missing(plan('ubnd-tinh', 'Công an tỉnh'))).toEqual([]);
  });

  it('takes a line naming several bodies as reaching each of them, kept as typed (issue 22, item 4)', () => {
    const several = (lead: string, line: string) => missing(plan(lead, `"${line}"`));
    expect(several('vksnd-tinh', 'Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh')).toEqual([]);
    expect(several('tand-tinh', 'Viện Kiểm sát nhân dân tỉnh; Tòa án nhân dân tỉnh')).toEqual([]);
    expect(several('so-noi-vu', 'Các Sở: Tư pháp, Nội vụ')).toEqual([]);
    // The members of a body, written with or without "Các"; the leaders of one, at that body.
    expect(several('tinh-doan', 'Thành viên Ban Chỉ đạo PCTP tỉnh')).toEqual([]);
    expect(several('so-tu-phap', 'Lãnh đạo Sở Tư pháp')).toEqual([]);
    // A name with a comma of its own is found whole, not split.
    expect(several('so-lao-dong-tbxh', 'Sở Lao động, Thương binh và Xã hội')).toEqual([]);
    expect(several('so-y-te', 'Các Sở: Tư pháp, Nội vụ').map((d) => d.args.agency)).toEqual(['Sở Y tế']);
    const { plan: built } = buildFromText(plan('so-noi-vu', '"Các Sở: Tư pháp, Nội vụ (b/c)"'));
    expect(built!.recipients[0]).toMatchObject({ text: 'Các Sở: Tư pháp, Nội vụ', note: 'b/c', agencies: [{ kind: 'agency', id: 'so-tu-phap' }, { kind: 'agency', id: 'so-noi-vu' }] });
  });

  it('warns once per agency not reached, not once per task', () => {
    const found = missing(plan('so-tu-phap', 'Công an tỉnh'));
    expect(found.map((d) => d.args.agency)).toEqual(['Sở Tư pháp']);
  });
});
