/**
 * Following a plan up: the four categories of government task follow-up, decided from each
 * task's due day, what the progress file says and the day the situation is judged on.
 */
import { lastDay } from '../model/deadline.js';
import { type CivilDate, compareDates } from '../vn/dates.js';
import type { TaskEntry } from './assignments.js';

/** What a progress file says of one task. */
export interface ProgressEntry {
  status: 'done' | 'in-progress' | 'not-started';
  /** The day it was done, when known. */
  done: CivilDate | null;
  note: string | null;
}

/** A plan's progress file, read: task id → entry, and the day it was last brought up to date. */
export interface Progress {
  asOf: CivilDate | null;
  tasks: ReadonlyMap<string, ProgressEntry>;
}

/** Nothing reported yet: what a plan without a progress file has. */
export const NO_PROGRESS: Progress = { asOf: null, tasks: new Map() };

/** Chưa đến hạn · hoàn thành đúng hạn · hoàn thành quá hạn · quá hạn chưa hoàn thành. */
export type FollowUpStatus = 'not-due' | 'done-on-time' | 'done-late' | 'overdue';

/**
 * The day a task is checked against: the end of its latest dated deadline; for a task without
 * a deadline, the first report its lead owes (the plan asks for the results by then). Work
 * that only recurs ("thường xuyên", "hằng năm") has no such day and is never overdue.
 */
export function dueDate(entry: TaskEntry): CivilDate | null {
  const { deadlines } = entry.task;
  if (deadlines.length > 0) {
    const days = deadlines.map(lastDay).filter((day): day is CivilDate => day !== undefined);
    return days.sort(compareDates).at(-1) ?? null;
  }
  for (const report of entry.reports) {
    const day = lastDay(report.due);
    if (day) return day;
  }
  return null;
}

/** The follow-up category of a task judged on `today`. */
export function followUpStatus(due: CivilDate | null, progress: ProgressEntry | undefined, today: CivilDate): FollowUpStatus {
  if (progress?.status === 'done') {
    // Done without a date: the clerk vouches for it; we cannot call it late.
    const late = due !== null && progress.done !== null && compareDates(progress.done, due) > 0;
    return late ? 'done-late' : 'done-on-time';
  }
  return due !== null && compareDates(today, due) > 0 ? 'overdue' : 'not-due';
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
