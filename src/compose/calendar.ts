/**
 * The plan's deadlines as calendar events: one per deadline of a task and one per reporting
 * duty, all day, with UIDs that stay the same when the plan is edited ("<task-id>-<n>@<plan-id>";
 * a report, which has no id, by who reports and when) so calendars that imported the file
 * update events instead of doubling them.
 */
import type { Checklist } from './checklist.js';
import type { Wording } from './wording.js';
import type { Deadline, DeadlineMeaning, Plan, RecurringPeriod } from '../model/plan.js';
import type { Registry } from '../model/registry.js';
import { type CivilDate, earliestDay, isoDate, nextDay } from '../vn/dates.js';

/** One all-day event. */
export interface IcsEvent {
  uid: string;
  start: CivilDate;
  /** The day after the last day (DTEND is exclusive). */
  end: CivilDate;
  /** RRULE value, e.g. "FREQ=YEARLY", for recurring work. */
  rrule: string | null;
  summary: string;
  description: string;
}

/** A calendar: its name, the stamp of every event, and the events. */
export interface IcsCalendar {
  name: string;
  stamp: CivilDate;
  events: IcsEvent[];
}

/** RRULE of each recurring period; continuous work has no day to put in a calendar. */
const RRULE: Record<RecurringPeriod, string | null> = {
  year: 'FREQ=YEARLY',
  'half-year': 'FREQ=MONTHLY;INTERVAL=6',
  quarter: 'FREQ=MONTHLY;INTERVAL=3',
  month: 'FREQ=MONTHLY',
  week: 'FREQ=WEEKLY',
  continuous: null,
};

/** Longest task text in an event's title; the description holds all of it. */
const SUMMARY_TEXT = 80;

/** The calendar of a plan's task deadlines and reporting duties. */
export function planCalendar(plan: Plan, list: Checklist, registry: Registry, words: Wording): IcsCalendar {
  // Recurring work counts from the plan's date; the stamp is that date too, never the clock.
  const start = earliestDay(plan.date);
  const tasks = list.rows.flatMap(({ entry, cells }) =>
    entry.task.deadlines.flatMap((deadline, index) => meaningDays(deadline, start).map(({ days, suffix }): IcsEvent => ({
      uid: `${entry.task.id}-${index + 1}${suffix}@${plan.id}`,
        ...days,
        summary: words.word('calendar.summary', { reference: cells.number, lead: cells.lead, text: shorten(cells.task) }),
        description: [
          cells.task,
          `${list.headings.lead}: ${cells.lead}`,
          ...(cells.partners ? [`${list.headings.partners}: ${cells.partners}`] : []),
          `${list.headings.deadline}: ${cells.deadline}`,
          list.plan,
        ].join('\n'),
      }))),
  );
  const reports = list.reports.flatMap((report) => meaningDays(report.due, start).map(({ days, suffix }): IcsEvent => {
    const from = report.from.map((ref) => registry.name(ref)).join('; ');
    return {
      uid: `bao-cao-${report.from.map((ref) => ref.id).join('-')}-${isoDate(days.start)}${suffix}@${plan.id}`,
      ...days,
      summary: words.word('calendar.report-summary', { from, to: registry.name(report.to) }),
      description: [...(report.text ? [report.text] : []), list.plan].join('\n'),
    };
  }));
  return { name: words.word('calendar.name', { plan: list.plan }), stamp: start, events: [...tasks, ...reports] };
}

type EventDays = Pick<IcsEvent, 'start' | 'end' | 'rrule'>;

/**
 * The events of a deadline, one per meaning that has days; the first keeps the UID a deadline of
 * one meaning always had, the others add "-2", "-3"... so UIDs stay unique and stable.
 */
function meaningDays(deadline: Deadline, planStart: CivilDate): { days: EventDays; suffix: string }[] {
  return deadline.parts.flatMap((meaning, index) => {
    const days = eventDays(meaning, planStart);
    return days ? [{ days, suffix: index === 0 ? '' : `-${index + 1}` }] : [];
  });
}

function eventDays(deadline: DeadlineMeaning, planStart: CivilDate): EventDays | null {
  switch (deadline.kind) {
    case 'date':
      return { start: deadline.date, end: nextDay(deadline.date), rrule: null };
    case 'range':
      return { start: deadline.from, end: nextDay(deadline.to), rrule: null };
    case 'recurring': {
      const rrule = RRULE[deadline.every];
      return rrule ? { start: planStart, end: nextDay(planStart), rrule } : null;
    }
    // Open-ended and finished work has no day to be reminded of.
    case 'since':
    case 'done':
      return null;
  }
}

/** The text cut at a word before `SUMMARY_TEXT` characters. */
function shorten(text: string): string {
  if (text.length <= SUMMARY_TEXT) return text;
  return `${text.slice(0, SUMMARY_TEXT).replace(/\s+\S*$/, '')}…`;
}
