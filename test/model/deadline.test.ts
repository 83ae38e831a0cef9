// Deadlines as clerks write them, read into the days they allow.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/model/deadline.js';
import { buildFromText, printed, seedWith } from '../helpers/project.js';

const day = (text: string) => {
  const [d, m, y] = text.split('/').map(Number);
  return { year: y, month: m, day: d };
};
const range = (from: string, to: string) => ({ ok: true, deadline: { kind: 'range', from: day(from), to: day(to) } });
const date = (on: string) => ({ ok: true, deadline: { kind: 'date', date: day(on) } });

describe('a deadline', () => {
  it('is a day, also after "trước ngày" or "chậm nhất", and with dashes', () => {
    expect(parseDeadline('02/8/2021')).toEqual(date('2/8/2021'));
    expect(parseDeadline('Trước ngày 30/6/2026')).toEqual(date('30/6/2026'));
    expect(parseDeadline('trước 30/6/2026')).toEqual(date('30/6/2026'));
    expect(parseDeadline('chậm nhất là ngày 15/12/2026')).toEqual(date('15/12/2026'));
    expect(parseDeadline('hạn chót 01/02/2026')).toEqual(date('1/2/2026'));
    expect(parseDeadline('30-6-2026')).toEqual(date('30/6/2026'));
  });

  it('is a month, a quarter, a half or a year, read as the days it covers', () => {
    expect(parseDeadline('tháng 6/2021')).toEqual(range('1/6/2021', '30/6/2021'));
    expect(parseDeadline('Tháng 02 năm 2024')).toEqual(range('1/2/2024', '29/2/2024'));
    expect(parseDeadline('Quý III/2026')).toEqual(range('1/7/2026', '30/9/2026'));
    expect(parseDeadline('quý 4 năm 2026')).toEqual(range('1/10/2026', '31/12/2026'));
    expect(parseDeadline('6 tháng đầu năm 2026')).toEqual(range('1/1/2026', '30/6/2026'));
    expect(parseDeadline('Sáu tháng cuối năm 2026')).toEqual(range('1/7/2026', '31/12/2026'));
    expect(parseDeadline('năm 2026')).toEqual(range('1/1/2026', '31/12/2026'));
  });

  it('is refused when it names no real stretch of time', () => {
    for (const text of ['tháng 13/2021', 'quý V/2026', 'trước tháng 6/2026', '30-6/2026', 'sớm nhất có thể']) {
      expect(parseDeadline(text), text).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('of a quarter ends on its last day, which the plan date is checked against', () => {
    const before = buildFromText(seedWith('deadline: 01/7–30/9/2021', 'deadline: quý I/2021')).diagnostics;
    expect(before.map(printed).filter((line) => line.includes('deadline-before-plan'))).toHaveLength(1);
    const { plan, diagnostics } = buildFromText(seedWith('deadline: 01/7–30/9/2021', 'deadline: quý III/2021'));
    expect(diagnostics.map(printed)).toEqual([]);
    expect(JSON.stringify(plan)).toContain('"from":{"year":2021,"month":7,"day":1},"to":{"year":2021,"month":9,"day":30}');
  });
});
