/**
 * Deadlines as clerks write them: a date ("02/8/2021", "2021-08-02", "trước ngày 02/8/2021"), a
 * range ("01/7–30/9/2021", "2021-07-01..2021-09-30"), a stretch of a year that stands for its
 * range ("tháng 6/2021", "quý III/2021", "6 tháng đầu năm 2021", "năm 2021") or a recurring
 * phrase ("hằng năm").
 */
import { type CivilDate, compareDates, daysInMonth, isRealDate, parseCivilDate } from '../vn/dates.js';
import { foldName } from '../vn/slug.js';
import type { Deadline, RecurringPeriod, YearPart } from './plan.js';

const RECURRING: [RegExp, RecurringPeriod][] = [
  [/^(hằng|hàng) năm$/, 'year'],
  [/^(6 tháng một lần|sáu tháng một lần|hằng 6 tháng|hàng 6 tháng|định kỳ 6 tháng|(hằng|hàng) nửa năm)$/, 'half-year'],
  [/^(hằng|hàng) quý$/, 'quarter'],
  [/^(hằng|hàng) tháng$/, 'month'],
  [/^(hằng|hàng) tuần$/, 'week'],
  [/^thường xuyên$/, 'continuous'],
];

/** "Before", "at the latest", "due": words before a date that leave it the deadline. */
const BY = /^(?:trước|chậm nhất(?: là)?|hạn chót|hạn)\s+(?:ngày\s+)?/u;

/** "tháng 6/2021", "quý III năm 2021": a month or a quarter, then its year. */
const MONTH = /^tháng\s+(\d{1,2})(?:\/|\s+năm\s+)(\d{4})$/u;
const QUARTER = /^quý\s+(i{1,3}|iv|[1-4])(?:\/|\s+năm\s+)(\d{4})$/u;
const HALF = /^(?:6|sáu) tháng (đầu|cuối) năm (\d{4})$/u;
const YEAR = /^năm (\d{4})$/u;
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

type PartRange = { kind: 'range'; from: CivilDate; to: CivilDate; part: YearPart };

/** The part of a year that runs over months `first` to `last`, from the first day of the one to the last day of the other. */
function months(part: YearPart, first: number, last: number): PartRange | undefined {
  const { year } = part;
  const days = daysInMonth(year, last);
  return isRealDate(year, first, 1) && isRealDate(year, last, days) ? { kind: 'range', from: { year, month: first, day: 1 }, to: { year, month: last, day: days }, part } : undefined;
}

/** A month, a quarter, a half or a whole year, as the range of days it covers. */
function stretchOfYear(value: string): PartRange | undefined {
  const month = MONTH.exec(value);
  if (month) return months({ unit: 'month', number: Number(month[1]), year: Number(month[2]) }, Number(month[1]), Number(month[1]));
  const quarter = QUARTER.exec(value);
  if (quarter) {
    const q = QUARTERS[quarter[1]!]!;
    return months({ unit: 'quarter', number: q, year: Number(quarter[2]) }, 3 * q - 2, 3 * q);
  }
  const half = HALF.exec(value);
  if (half) return half[1] === 'đầu' ? months({ unit: 'first-half', year: Number(half[2]) }, 1, 6) : months({ unit: 'second-half', year: Number(half[2]) }, 7, 12);
  const year = YEAR.exec(value);
  return year ? months({ unit: 'year', year: Number(year[1]) }, 1, 12) : undefined;
}

/** Separators between the two ends of a range. */
const RANGE = /\s*(?:\.\.|–|—|\s-\s|\s+đến\s+)\s*/u;

export type DeadlineRead = { ok: true; deadline: Deadline } | { ok: false; reason: 'invalid' | 'reversed' };

/** Reads one deadline. */
export function parseDeadline(text: string): DeadlineRead {
  const value = foldName(text).replace(/^(từ\s+)?(ngày\s+)?/, '');
  for (const [pattern, every] of RECURRING) if (pattern.test(value)) return { ok: true, deadline: { kind: 'recurring', every } };
  const single = parseCivilDate(value.replace(BY, ''));
  if (single) return { ok: true, deadline: { kind: 'date', date: single } };
  const stretch = stretchOfYear(value);
  if (stretch) return { ok: true, deadline: stretch };
  const parts = value.split(RANGE);
  if (parts.length !== 2) return { ok: false, reason: 'invalid' };
  const to = parseCivilDate(parts[1]!.replace(/^ngày\s+/, ''));
  const from = to && parseRangeStart(parts[0]!, to);
  if (!to || !from) return { ok: false, reason: 'invalid' };
  if (compareDates(from, to) > 0) return { ok: false, reason: 'reversed' };
  return { ok: true, deadline: { kind: 'range', from, to } };
}

/** The start of a range may leave out the year ("01/7", "01 tháng 7") or the month and year ("01–30/9/2021"). */
function parseRangeStart(text: string, end: CivilDate): CivilDate | undefined {
  const full = parseCivilDate(text);
  if (full) return full;
  const dayMonth = /^(\d{1,2})(?:[/.]|\s+tháng\s+)(\d{1,2})$/u.exec(text);
  if (dayMonth) return parseCivilDate(`${dayMonth[1]}/${dayMonth[2]}/${end.year}`);
  const day = /^(\d{1,2})$/.exec(text);
  if (day) return parseCivilDate(`${day[1]}/${end.month}/${end.year}`);
  return undefined;
}

/** The last day a deadline allows, for checks against the plan's date; none for recurring ones. */
export function lastDay(deadline: Deadline): CivilDate | undefined {
  if (deadline.kind === 'date') return deadline.date;
  if (deadline.kind === 'range') return deadline.to;
  return undefined;
}

/** The first day a deadline names. */
export function firstDay(deadline: Deadline): CivilDate | undefined {
  if (deadline.kind === 'date') return deadline.date;
  if (deadline.kind === 'range') return deadline.from;
  return undefined;
}
