/**
 * Deadlines in words, as tables and extracts print them: "02/8/2021", "01/7/2021 - 30/9/2021",
 * "Hằng năm" (the recurring words come from words.yaml).
 */
import type { Deadline, RecurringPeriod } from '../model/plan.js';
import { shortDate } from '../vn/dates.js';

/** One deadline in words; `recurring` gives the wording of a recurring period. */
export function deadlineText(deadline: Deadline, recurring: (every: RecurringPeriod) => string): string {
  switch (deadline.kind) {
    case 'date':
      return shortDate(deadline.date);
    case 'range':
      return `${shortDate(deadline.from)} - ${shortDate(deadline.to)}`;
    case 'recurring':
      return recurring(deadline.every);
  }
}
