/**
 * Deadlines in words, as tables and extracts print them: "02/8/2021", "01/7/2021 - 30/9/2021",
 * "Quý III/2021", "Hằng năm" (the words of recurring periods and parts of a year come from
 * words.yaml).
 */
import type { Deadline, RecurringPeriod, YearPart } from '../model/plan.js';
import { type CivilDate, monthText, shortDate } from '../vn/dates.js';
import type { Wording } from './wording.js';

/** How a document words what is not a day: a recurring period, and (unless the form is for machines) a part of a year. */
export interface DeadlineWords {
  recurring: (every: RecurringPeriod) => string;
  /** Without it, a part of a year is written as its first and last day. */
  part?: (part: YearPart) => string;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** The words.yaml phrases for deadlines (deadline.*). */
export function deadlineWords(words: Wording): Required<DeadlineWords> {
  return {
    recurring: (every) => words.word(`deadline.${every}`),
    part: (part) =>
      part.unit === 'month'
        ? words.word('deadline.in-month', { month: monthText(part.number), year: part.year })
        : part.unit === 'quarter'
          ? words.word('deadline.in-quarter', { quarter: ROMAN[part.number], year: part.year })
          : words.word(`deadline.in-${part.unit}`, { year: part.year }),
  };
}

/** One deadline in words; `date` gives the form of a day. */
export function deadlineText(deadline: Deadline, words: DeadlineWords, date: (day: CivilDate) => string = shortDate): string {
  switch (deadline.kind) {
    case 'date':
      return date(deadline.date);
    case 'range':
      return deadline.part && words.part ? words.part(deadline.part) : `${date(deadline.from)} - ${date(deadline.to)}`;
    case 'recurring':
      return words.recurring(deadline.every);
  }
}
