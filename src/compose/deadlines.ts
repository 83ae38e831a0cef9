/**
 * Deadlines in words, as tables and extracts print them: "02/8/2021", "01/7/2021 - 30/9/2021",
 * "Hằng năm" (the recurring words come from words.yaml).
 */
import type { Deadline, RecurringPeriod } from '../model/plan.js';
import { type CivilDate, shortDate } from '../vn/dates.js';

/** One deadline in words; `recurring` gives the wording of a recurring period, `date` the form of a day. */
export function deadlineText(deadline: Deadline, recurring: (every: RecurringPeriod) => string, date: (day: CivilDate) => string = shortDate): string {
  switch (deadline.kind) {
    case 'date':
      return date(deadline.date);
    case 'range':
      return `${date(deadline.from)} - ${date(deadline.to)}`;
    case 'recurring':
      return recurring(deadline.every);
  }
}
