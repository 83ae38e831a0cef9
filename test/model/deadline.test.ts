// Deadlines as clerks write them, read into the days they allow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, collectTemplates } from '../../src/project/template-files.js';
import { deadlineMeaning, deadlineText, deadlineWords } from '../../src/compose/deadlines.js';
import { Templates } from '../../src/compose/templates.js';
import { Wording } from '../../src/compose/wording.js';
import { parseDeadline } from '../../src/model/deadline.js';
import { allTasks } from '../../src/model/plan.js';
import { isoDate } from '../../src/vn/dates.js';
import { wording } from '../../src/diagnostics/messages.js';
import { buildFromText, positionOf, printed, ROOT, seedWith } from '../helpers/project.js';

const day = (text: string) => {
  const [d, m, y] = text.split('/').map(Number);
  return { year: y, month: m, day: d };
};
/** What a deadline means, its written words aside. */
const meaning = (text: string) => {
  const read = parseDeadline(text);
  return read.ok ? { ok: true, deadline: read.deadline.parts.length === 1 ? read.deadline.parts[0] : read.deadline.parts } : read;
};
const range = (from: string, to: string, part: object) => ({ ok: true, deadline: { kind: 'range', from: day(from), to: day(to), part } });
const date = (on: string) => ({ ok: true, deadline: { kind: 'date', date: day(on) } });

describe('a deadline', () => {
  it('is a day, also after "trước ngày" or "chậm nhất", and with dashes', () => {
    expect(meaning('02/8/2021')).toEqual(date('2/8/2021'));
    expect(meaning('Trước ngày 30/6/2026')).toEqual(date('30/6/2026'));
    expect(meaning('trước 30/6/2026')).toEqual(date('30/6/2026'));
    expect(meaning('chậm nhất là ngày 15/12/2026')).toEqual(date('15/12/2026'));
    expect(meaning('hạn chót 01/02/2026')).toEqual(date('1/2/2026'));
    expect(meaning('30-6-2026')).toEqual(date('30/6/2026'));
    // As documents write a date in words.
    expect(meaning('trước ngày 02 tháng 8 năm 2021')).toEqual(date('2/8/2021'));
    expect(meaning('Ngày 31 tháng 02 năm 2021')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('is a range of days in words', () => {
    const summer = { ok: true, deadline: { kind: 'range', from: day('1/7/2021'), to: day('30/9/2021') } };
    expect(meaning('từ ngày 01 tháng 7 đến ngày 30 tháng 9 năm 2021')).toEqual(summer);
    expect(meaning('ngày 01 tháng 7 năm 2021 đến ngày 30 tháng 9 năm 2021')).toEqual(summer);
  });

  it('is a month, a quarter, a half or a year, read as the days it covers', () => {
    expect(meaning('tháng 6/2021')).toEqual(range('1/6/2021', '30/6/2021', { unit: 'month', number: 6, year: 2021 }));
    expect(meaning('Tháng 02 năm 2024')).toEqual(range('1/2/2024', '29/2/2024', { unit: 'month', number: 2, year: 2024 }));
    expect(meaning('Quý III/2026')).toEqual(range('1/7/2026', '30/9/2026', { unit: 'quarter', number: 3, year: 2026 }));
    expect(meaning('quý 4 năm 2026')).toEqual(range('1/10/2026', '31/12/2026', { unit: 'quarter', number: 4, year: 2026 }));
    expect(meaning('6 tháng đầu năm 2026')).toEqual(range('1/1/2026', '30/6/2026', { unit: 'first-half', year: 2026 }));
    expect(meaning('Sáu tháng cuối năm 2026')).toEqual(range('1/7/2026', '31/12/2026', { unit: 'second-half', year: 2026 }));
    expect(meaning('năm 2026')).toEqual(range('1/1/2026', '31/12/2026', { unit: 'year', year: 2026 }));
  });

  it('is a range written with a dash or "..", from the first day to the last', () => {
    const summer = { ok: true, deadline: { kind: 'range', from: day('1/7/2021'), to: day('30/9/2021') } };
    expect(meaning('01/7–30/9/2021')).toEqual(summer);
    expect(meaning('2021-07-01..2021-09-30')).toEqual(summer);
    expect(meaning('2021-08-02')).toEqual(date('2/8/2021'));
  });

  it('is a recurring phrase: hằng năm, hằng quý, hằng tháng, hằng tuần, 6 tháng một lần, thường xuyên', () => {
    const every = (text: string) => {
      const read = meaning(text);
      return read.ok && 'kind' in read.deadline && read.deadline.kind === 'recurring' ? read.deadline.every : read;
    };
    expect(['hằng năm', 'hằng quý', 'hằng tháng', 'hằng tuần', '6 tháng một lần', 'thường xuyên'].map(every)).toEqual(['year', 'quarter', 'month', 'week', 'half-year', 'continuous']);
  });

  it('is refused when it names no real stretch of time', () => {
    for (const text of ['tháng 13/2021', 'quý V/2026', 'trước tháng 6/2026', '30-6/2026', 'sớm nhất có thể']) {
      expect(meaning(text), text).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('is printed as written for people, and as its days for machines', () => {
    const words = new Wording(new Templates(collectTemplates([BUILT_IN_TEMPLATES], ROOT).files));
    const read = (source: string) => {
      const result = parseDeadline(source);
      if (!result.ok) throw new Error(source);
      return result.deadline;
    };
    const sources = ['tháng 2/2027', 'quý III/2026', '6 tháng đầu năm 2027', 'sáu tháng cuối năm 2027', 'năm 2028', '01/7–30/9/2026'];
    expect(sources.map((source) => deadlineText(read(source)))).toEqual(sources);
    expect(sources.map((source) => deadlineMeaning(read(source), deadlineWords(words), isoDate))).toEqual([
      'Tháng 02/2027',
      'Quý III/2026',
      '6 tháng đầu năm 2027',
      '6 tháng cuối năm 2027',
      'Năm 2028',
      '2026-07-01 - 2026-09-30',
    ]);
    const machine = { recurring: deadlineWords(words).recurring };
    expect(deadlineMeaning(read('quý III/2026'), machine, isoDate)).toBe('2026-07-01 - 2026-09-30');
    expect(deadlineMeaning(read('Tháng 12/2027 và trước ngày 20 hằng tháng'), machine, isoDate)).toBe('2027-12-01 - 2027-12-31 + Hằng tháng (20)');
    expect(deadlineMeaning(read('Từ tháng 11/2027 trở đi'), machine, isoDate)).toBe('2027-11-01/..');
    expect(words.diagnostics).toEqual([]);
  });

  it('is checked against a plan dated in words, with or without its day', () => {
    for (const planDate of ['ngày 25 tháng 5 năm 2021', 'tháng 5 năm 2021', 'năm 2021']) {
      const { plan, diagnostics } = buildFromText(seedWith('date: 2021-05-25', `date: ${planDate}`));
      expect(diagnostics.filter((d) => d.severity === 'error').map(printed), planDate).toEqual([]);
      expect(plan!.date.year, planDate).toBe(2021);
    }
    expect(buildFromText(seedWith('date: 2021-05-25', 'date: tháng 13 năm 2021')).diagnostics.map((d) => d.code)).toContain('invalid-date');
  });

  it('of a quarter ends on its last day, which the plan date is checked against', () => {
    const before = buildFromText(seedWith('deadline: 01/7–30/9/2021', 'deadline: quý I/2021')).diagnostics;
    expect(before.map(printed).filter((line) => line.includes('deadline-before-plan'))).toHaveLength(1);
    const { plan, diagnostics } = buildFromText(seedWith('deadline: 01/7–30/9/2021', 'deadline: quý III/2021'));
    expect(diagnostics.map(printed)).toEqual([]);
    expect(JSON.stringify(plan)).toContain('"from":{"year":2021,"month":7,"day":1},"to":{"year":2021,"month":9,"day":30}');
  });

  it('that cannot be read is an error at its line and column, with the nearest accepted form as hint', () => {
    const text = seedWith('deadline: 01/7–30/9/2021', 'deadline: 30/6');
    const [error] = buildFromText(text).diagnostics.filter((d) => d.code === 'invalid-deadline');
    expect(printed(error!)).toBe(`test.plan.yaml:${positionOf(text, '30/6').line}:${positionOf(text, '30/6').column} invalid-deadline: Không hiểu thời hạn "30/6".`);
    expect(wording('invalid-deadline', error!.args, 'vi').hint).toMatch(/^Có phải là "30\/6\/2021"\?/);
  });

  it('already done before the plan is recorded as done, not as a deadline before the plan', () => {
    const { plan, diagnostics } = buildFromText(seedWith('deadline: 01/7–30/9/2021', 'deadline: (đã hoàn thành trong tháng 4/2021)'));
    expect(diagnostics.map(printed)).toEqual([]);
    expect(JSON.stringify(plan)).toContain('"parts":[{"kind":"done","from":{"year":2021,"month":4,"day":1},"to":{"year":2021,"month":4,"day":30}}]');
  });

  it('of several meanings is checked against the plan date on its last day', () => {
    expect(buildFromText(seedWith('deadline: 01/7–30/9/2021', 'deadline: Tháng 12/2021 và thường xuyên')).diagnostics.map(printed)).toEqual([]);
    const before = buildFromText(seedWith('deadline: 01/7–30/9/2021', 'deadline: quý I/2021 và hằng năm')).diagnostics;
    expect(before.map((d) => d.code)).toContain('deadline-before-plan');
  });

  it('in Markdown keeps a comma inside one deadline, and semicolons separate deadlines', () => {
    const text = readFileSync(join(ROOT, 'plans', 'kon-tum-pho-bien-phap-luat-2022.plan.md'), 'utf8').replace('deadline=30/6/2022', 'deadline="tháng 11, 12/2022; Tháng 12/2022 và thường xuyên"');
    const { plan, diagnostics } = buildFromText(text, 'test.plan.md');
    expect(diagnostics.filter((d) => d.severity === 'error').map(printed)).toEqual([]);
    const task = allTasks(plan!).find((one) => one.id === 'bien-soan-tai-lieu')!;
    expect(task.deadlines.map((d) => d.text)).toEqual(['tháng 11, 12/2022', 'Tháng 12/2022 và thường xuyên']);
  });
});
