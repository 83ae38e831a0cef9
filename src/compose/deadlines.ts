/**
 * Deadlines in words: for people, as the clerk wrote them; for machines, what they mean
 * ("2021-08-02", "2021-07-01 - 2021-09-30", "Hằng năm"; the words of recurring periods and parts
 * of a year come from words.yaml).
 */
import type { Deadline, DeadlineMeaning, RecurringPeriod, YearPart } from '../model/plan.js';
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

/** One deadline as people read it: exactly the words the clerk wrote (the signed text is not reworded). */
export function deadlineText(deadline: Deadline): string {
  return deadline.text;
}

/**
 * What a deadline means, for machine cells (the ISO columns of a checklist): each meaning in
 * `date`'s form, joined by " + " ("; " separates whole deadlines in a cell).
 */
export function deadlineMeaning(deadline: Deadline, words: DeadlineWords, date: (day: CivilDate) => string = shortDate): string {
  return deadline.parts.map((part) => meaningText(part, words, date)).join(' + ');
}

function meaningText(meaning: DeadlineMeaning, words: DeadlineWords, date: (day: CivilDate) => string): string {
  switch (meaning.kind) {
    case 'date':
      return date(meaning.date);
    case 'range':
      return meaning.part && words.part ? words.part(meaning.part) : `${date(meaning.from)} - ${date(meaning.to)}`;
    case 'recurring':
      return meaning.by ? `${words.recurring(meaning.every)} (${[meaning.by.day, meaning.by.month].filter(Boolean).join('/')})` : words.recurring(meaning.every);
    case 'since':
      // An open interval as ISO 8601 writes one: a start and "..".
      return `${date(meaning.from)}/..`;
    case 'done':
      return `${date(meaning.from)} - ${date(meaning.to)}`;
  }
}
