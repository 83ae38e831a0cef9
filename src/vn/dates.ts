/**
 * Vietnamese civil dates: reading what clerks write, checking it is real, and writing it the
 * way Decree 30 prescribes ("ngày 04 tháng 5 năm 2021": days below 10 and the months 1 and 2
 * with a leading zero).
 */

/** A calendar day, with no time and no time zone: a plan's dates are civil dates. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A plan's date: before issuance the day and month may be left blank for the clerk to fill in. */
export interface PlanDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** Whether the parts make a real date in the years a plan can have. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1945 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const VIETNAMESE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
/** A date as documents write it in words: "ngày 02 tháng 8 năm 2021". */
const IN_WORDS = /^(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/iu;

/**
 * Reads "2021-08-02" or "02/8/2021" (also "02.8.2021", "02-8-2021" and "ngày 02 tháng 8 năm
 * 2021"); undefined when not a real date.
 */
export function parseCivilDate(text: string): CivilDate | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(value);
  const vn = iso ? undefined : VIETNAMESE.exec(value);
  const words = iso || vn ? undefined : IN_WORDS.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[4], vn[3], vn[1]] : words ? [words[3], words[2], words[1]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

/**
 * Reads a plan's date: a full date, "2021-05" or "tháng 5 năm 2021" (blank day), or "2021" or
 * "năm 2021" (blank day and month).
 */
export function parsePlanDate(text: string): PlanDate | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  const yearOnly = /^(?:năm )?(\d{4})$/iu.exec(value);
  if (yearOnly) {
    const year = Number(yearOnly[1]);
    return isRealDate(year, 1, 1) ? { year, month: null, day: null } : undefined;
  }
  const month = /^(\d{4})-(\d{1,2})$/.exec(value);
  const monthInWords = month ? undefined : /^tháng (\d{1,2}) năm (\d{4})$/iu.exec(value);
  if (month || monthInWords) {
    const [year, m] = month ? [Number(month[1]), Number(month[2])] : [Number(monthInWords![2]), Number(monthInWords![1])];
    return isRealDate(year, m, 1) ? { year, month: m, day: null } : undefined;
  }
  const full = parseCivilDate(value);
  return full && { ...full };
}

/** Compares two civil dates: negative when a is earlier. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** ISO form, "2021-08-02". */
export function isoDate(date: CivilDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Short Vietnamese form, "02/8/2021". */
export function shortDate(date: CivilDate): string {
  return `${pad(date.day)}/${date.month}/${date.year}`;
}

/** Day as the decree writes it: two digits below 10. */
export function dayText(day: number): string {
  return pad(day);
}

/** Month as the decree writes it: a leading zero for January and February only. */
export function monthText(month: number): string {
  return month <= 2 ? pad(month) : String(month);
}

/** "ngày 02 tháng 8 năm 2021". */
export function longDate(date: CivilDate): string {
  return `ngày ${dayText(date.day)} tháng ${monthText(date.month)} năm ${date.year}`;
}

/** Blank left in a date or number for the clerk to fill in by hand. */
export const BLANK = '      ';

/** "ngày 25 tháng 5 năm 2021", or with blanks for what is not yet known. */
export function planDateText(date: PlanDate): string {
  const day = date.day === null ? BLANK : dayText(date.day);
  const month = date.month === null ? BLANK : monthText(date.month);
  return `ngày ${day} tháng ${month} năm ${date.year}`;
}

/** The earliest day a plan date can mean (a blank day or month counts from the start). */
export function earliestDay(date: PlanDate): CivilDate {
  return { year: date.year, month: date.month ?? 1, day: date.day ?? 1 };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The day after a date. */
export function nextDay(date: CivilDate): CivilDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}
