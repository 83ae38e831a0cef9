/**
 * Deadlines as clerks write them: a date ("02/8/2021", "2021-08-02"), a range
 * ("01/7–30/9/2021", "2021-07-01..2021-09-30") or a recurring phrase ("hằng năm").
 */
import { type CivilDate, compareDates, parseCivilDate } from '../vn/dates.js';
import { foldName } from '../vn/slug.js';
import type { Deadline, RecurringPeriod } from './plan.js';

const RECURRING: [RegExp, RecurringPeriod][] = [
  [/^(hằng|hàng) năm$/, 'year'],
  [/^(6 tháng một lần|sáu tháng một lần|hằng 6 tháng|hàng 6 tháng|định kỳ 6 tháng|(hằng|hàng) nửa năm)$/, 'half-year'],
  [/^(hằng|hàng) quý$/, 'quarter'],
  [/^(hằng|hàng) tháng$/, 'month'],
  [/^(hằng|hàng) tuần$/, 'week'],
  [/^thường xuyên$/, 'continuous'],
];

/** Separators between the two ends of a range. */
const RANGE = /\s*(?:\.\.|–|—|\s-\s|\s+đến\s+)\s*/u;

export type DeadlineRead = { ok: true; deadline: Deadline } | { ok: false; reason: 'invalid' | 'reversed' };

/** Reads one deadline. */
export function parseDeadline(text: string): DeadlineRead {
  const value = foldName(text).replace(/^(từ\s+)?(ngày\s+)?/, '');
  for (const [pattern, every] of RECURRING) if (pattern.test(value)) return { ok: true, deadline: { kind: 'recurring', every } };
  const single = parseCivilDate(value);
  if (single) return { ok: true, deadline: { kind: 'date', date: single } };
  const parts = value.split(RANGE);
  if (parts.length !== 2) return { ok: false, reason: 'invalid' };
  const to = parseCivilDate(parts[1]!.replace(/^ngày\s+/, ''));
  const from = to && parseRangeStart(parts[0]!, to);
  if (!to || !from) return { ok: false, reason: 'invalid' };
  if (compareDates(from, to) > 0) return { ok: false, reason: 'reversed' };
  return { ok: true, deadline: { kind: 'range', from, to } };
}

/** The start of a range may leave out the year ("01/7") or the month and year ("01–30/9/2021"). */
function parseRangeStart(text: string, end: CivilDate): CivilDate | undefined {
  const full = parseCivilDate(text);
  if (full) return full;
  const dayMonth = /^(\d{1,2})[/.](\d{1,2})$/.exec(text);
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
