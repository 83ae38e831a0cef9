/**
 * Deadlines as clerks write them. The written words are kept to be printed as they are; what
 * they mean is read into one or more meanings:
 * - a date ("02/8/2021", "2021-08-02", "trước ngày 02/8/2021");
 * - a stretch of a year that stands for its days ("tháng 6/2021", "quý III/2021",
 *   "6 tháng đầu năm 2021", "năm 2021"), after "Xong trong", "hoàn thành trong" or "Trong";
 * - a range ("01/7–30/9/2021", "2026 - 2027", "từ tháng 7 đến tháng 9/2027", "tháng 11, 12/2027",
 *   "Quý IV/2027, Quý I/2028", "giai đoạn 2026 - 2030");
 * - a recurrence, with or without its day ("hằng năm", "định kỳ 6 tháng", "trước ngày 20 hằng
 *   tháng", "định kỳ hằng năm (trước ngày 10/12)"), or continuous work ("thường xuyên");
 * - open-ended work ("Từ tháng 11/2027 trở đi") and work already done ("(đã hoàn thành trong
 *   tháng 4/2027)");
 * - several of these joined by "và", or recurrences listed with commas ("6 tháng (trước ngày
 *   15/6), năm (trước ngày 15/12)").
 */
import { type CivilDate, compareDates, daysInMonth, isRealDate, parseCivilDate } from '../vn/dates.js';
import { foldName } from '../vn/slug.js';
import type { Deadline, DeadlineMeaning, DueDay, RecurringPeriod, YearPart } from './plan.js';

/** "Before", "at the latest", "due": words before a date that leave it the deadline. */
const BY = /^(?:trước|chậm nhất(?: là)?|hạn chót|hạn)\s+(?:ngày\s+)?/u;

/** Words that introduce a deadline without changing it: "Xong trong tháng 5", "kiện toàn hằng năm", "giai đoạn 2026 - 2030". */
const LEAD_IN = /^(?:(?:xong|hoàn thành|kiện toàn|thực hiện|triển khai)\s+(?:trong\s+)?|trong\s+|giai đoạn\s+)/u;

/** "tháng 6/2021", "quý III năm 2021": a month or a quarter, then its year. */
const MONTH = /^tháng\s+(\d{1,2})(?:\/|\s+năm\s+)(\d{4})$/u;
const QUARTER = /^quý\s+(i{1,3}|iv|[1-4])(?:\/|\s+năm\s+)(\d{4})$/u;
const HALF = /^(?:6|sáu) tháng (đầu|cuối) năm (\d{4})$/u;
/** A year alone is a year only where no date can be meant: "năm 2027", or "2026" as an end of "2026 - 2027". */
const YEAR = /^(?:năm\s+)?(\d{4})$/u;
const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/**
 * A recurrence: "hằng năm", "định kỳ 6 tháng", "6 tháng một lần", "trước ngày 20 hằng tháng",
 * "định kỳ hằng năm (trước ngày 10/12)", and in a list "năm (trước ngày 15/12)".
 */
const RECURRENCE =
  /^(định kỳ\s+)?(?:trước ngày (\d{1,2})(?:\/(\d{1,2}))?\s+)?((?:hằng|hàng|mỗi)\s+)?(năm|quý|tháng|tuần|6 tháng|sáu tháng|nửa năm)(\s+một lần)?(?:\s*\(trước ngày (\d{1,2})(?:\/(\d{1,2}))?\))?$/u;
const PERIODS: Record<string, RecurringPeriod> = { năm: 'year', quý: 'quarter', tháng: 'month', tuần: 'week', '6 tháng': 'half-year', 'sáu tháng': 'half-year', 'nửa năm': 'half-year' };
/** Continuous work, and the years after a range ("và những năm tiếp theo"), which recur yearly. */
const CONTINUOUS = /^thường xuyên(?:,? liên tục)?$/u;
const YEARS_AFTER = /^(?:những|các) năm tiếp theo$/u;

/** Separators between the two ends of a range; a bare hyphen only between two years ("2024-2030"). */
const RANGE = /\s*(?:\.\.|–|—|\s-\s|(?<=^(?:năm\s+)?\d{4})-(?=\d{4}$)|\s+đến\s+|,\s+)\s*/u;

const SINCE = /^từ\s+(.+?)\s+trở đi$/u;
const DONE = /^\(\s*đã hoàn thành\s+(?:trong\s+|vào\s+)?(?:ngày\s+)?(.+?)\s*\)$|^đã hoàn thành\s+(?:trong\s+|vào\s+)?(?:ngày\s+)?(.+)$/u;

/** The days a date or a stretch of a year covers; a stretch keeps its name. */
type Span = { from: CivilDate; to: CivilDate; part?: YearPart };

/** What reading one piece of a deadline gives: a meaning, nothing, or a range that runs backwards. */
type Reading = DeadlineMeaning | 'reversed' | undefined;

export type DeadlineRead = { ok: true; deadline: Deadline } | { ok: false; reason: 'invalid' | 'reversed' };

/** Reads one deadline, keeping the words as written (less surrounding blanks). */
export function parseDeadline(text: string): DeadlineRead {
  const value = foldName(text);
  const readings: Reading[][] = [
    [meaning(value)],
    value.split(/\s+và\s+/u).map(meaning),
    // A comma separates only recurrences ("6 tháng (…), năm (…)"): other commas are ranges, read whole above.
    value.split(/,\s+/u).map(recurrence),
  ];
  const parts = readings.find((list): list is [DeadlineMeaning, ...DeadlineMeaning[]] => list.every((one) => one !== undefined && one !== 'reversed'));
  if (parts) return { ok: true, deadline: { text: text.trim(), parts } };
  return { ok: false, reason: readings.some((list) => list.includes('reversed')) ? 'reversed' : 'invalid' };
}

/** One meaning: done, open-ended, recurring, a date, a stretch of a year or a range. */
function meaning(text: string): Reading {
  const done = DONE.exec(text);
  if (done) {
    const span = point(done[1] ?? done[2]!);
    return span && { kind: 'done', from: span.from, to: span.to };
  }
  const value = text.replace(LEAD_IN, '');
  const since = SINCE.exec(value);
  if (since) {
    const start = point(since[1]!.replace(/^ngày\s+/u, ''));
    return start && { kind: 'since', from: start.from };
  }
  const recurring = recurrence(value);
  if (recurring) return recurring;
  const single = parseCivilDate(value.replace(BY, '').replace(/^ngày\s+/u, ''));
  if (single) return { kind: 'date', date: single };
  const stretch = stretchOfYear(value);
  if (stretch) return { kind: 'range', ...stretch };
  return range(value);
}

/** A recurrence with the day it falls due, if written; continuous work; the years after a range. */
function recurrence(value: string): DeadlineMeaning | undefined {
  if (CONTINUOUS.test(value)) return { kind: 'recurring', every: 'continuous' };
  if (YEARS_AFTER.test(value)) return { kind: 'recurring', every: 'year' };
  const match = RECURRENCE.exec(value);
  if (!match) return undefined;
  const [, regular, day, month, each, period, once, dayAfter, monthAfter] = match;
  // "năm" or "tháng" alone is a stretch of time, not a recurrence: something must say it repeats.
  if (!regular && !each && !once && !dayAfter) return undefined;
  if (day && dayAfter) return undefined;
  const every = PERIODS[period!]!;
  if (!day && !dayAfter) return { kind: 'recurring', every };
  const by = dueDay(Number(day ?? dayAfter), month ?? monthAfter);
  return by && { kind: 'recurring', every, by };
}

/** A day of each period: a day of the month (1–31), or a day and month that exist in some year. */
function dueDay(day: number, month: string | undefined): DueDay | undefined {
  if (month === undefined) return day >= 1 && day <= 31 ? { day } : undefined;
  // 2024 is a leap year, so 29/2 is a day some years have.
  return isRealDate(2024, Number(month), day) ? { day, month: Number(month) } : undefined;
}

/** A date or a stretch of a year, as the days it covers. */
function point(text: string): Span | undefined {
  const date = parseCivilDate(text);
  return date ? { from: date, to: date } : stretchOfYear(text);
}

/** A range from the first day of its start to the last day of its end; the start may leave out what the end says. */
function range(value: string): Reading {
  const ends = value.replace(/^từ\s+/u, '').replace(/^ngày\s+/u, '').split(RANGE);
  if (ends.length !== 2) return undefined;
  const [first, second] = ends as [string, string];
  // "tháng 11, 12/2027", "quý III, IV/2027": the end's unit is written once, on the start.
  const unit = /^(tháng|quý)\s/u.exec(first)?.[1];
  const endText = second.replace(/^ngày\s+/u, '');
  const end = point(endText) ?? (unit ? point(`${unit} ${endText}`) : undefined);
  const start = end && rangeStart(first, end.to);
  if (!end || !start) return undefined;
  if (compareDates(start.from, end.to) > 0) return 'reversed';
  return { kind: 'range', from: start.from, to: end.to };
}

/** The start of a range may leave out the year ("01/7", "tháng 7", "quý III") or the month and year ("01–30/9/2021"). */
function rangeStart(text: string, end: CivilDate): Span | undefined {
  const full = point(text);
  if (full) return full;
  const stretch = /^(?:tháng|quý)\s+\S+$/u.test(text) ? stretchOfYear(`${text}/${end.year}`) : undefined;
  if (stretch) return stretch;
  const dayMonth = /^(\d{1,2})(?:[/.]|\s+tháng\s+)(\d{1,2})$/u.exec(text);
  const day = /^(\d{1,2})$/.exec(text);
  const date = dayMonth ? parseCivilDate(`${dayMonth[1]}/${dayMonth[2]}/${end.year}`) : day ? parseCivilDate(`${day[1]}/${end.month}/${end.year}`) : undefined;
  return date && { from: date, to: date };
}

/** The part of a year that runs over months `first` to `last`, from the first day of the one to the last day of the other. */
function months(part: YearPart, first: number, last: number): Span | undefined {
  const { year } = part;
  const days = daysInMonth(year, last);
  return isRealDate(year, first, 1) && isRealDate(year, last, days) ? { from: { year, month: first, day: 1 }, to: { year, month: last, day: days }, part } : undefined;
}

/** A month, a quarter, a half or a whole year, as the range of days it covers. */
function stretchOfYear(value: string): Span | undefined {
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

/**
 * The nearest accepted form of a phrase that cannot be read, if adding the plan's year makes
 * one ("30/6" in a 2027 plan: "30/6/2027"; "tháng 6" → "tháng 6/2027").
 */
export function suggestDeadline(text: string, year: number): string | undefined {
  const written = text.trim();
  return [`${written}/${year}`, `${written} năm ${year}`].find((candidate) => parseDeadline(candidate).ok);
}

/** The last day a meaning allows; none for recurring, open-ended or finished work. */
function meaningLastDay(meaning: DeadlineMeaning): CivilDate | undefined {
  if (meaning.kind === 'date') return meaning.date;
  if (meaning.kind === 'range') return meaning.to;
  return undefined;
}

/** The first day a meaning names. */
function meaningFirstDay(meaning: DeadlineMeaning): CivilDate | undefined {
  if (meaning.kind === 'date') return meaning.date;
  if (meaning.kind === 'range' || meaning.kind === 'since') return meaning.from;
  return undefined;
}

/** The last day a deadline allows, for checks against the plan's date: the latest of its dated meanings. */
export function lastDay(deadline: Deadline): CivilDate | undefined {
  return deadline.parts.map(meaningLastDay).filter((day): day is CivilDate => day !== undefined).sort(compareDates).at(-1);
}

/** The first day a deadline names: the earliest of its dated meanings. */
export function firstDay(deadline: Deadline): CivilDate | undefined {
  return deadline.parts.map(meaningFirstDay).filter((day): day is CivilDate => day !== undefined).sort(compareDates)[0];
}

/** The single day a deadline is, when it is exactly one date (a report due "15/11/2022"). */
export function singleDate(deadline: Deadline): CivilDate | undefined {
  const [only, ...more] = deadline.parts;
  return more.length === 0 && only.kind === 'date' ? only.date : undefined;
}
