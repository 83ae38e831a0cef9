/**
 * What `plan status` reports: the tasks overdue and those coming due, under the agency (or
 * group) that leads them, judged on a given day.
 */
import type { AgencyRef } from '../model/plan.js';
import type { CivilDate } from '../vn/dates.js';
import type { Assignments, TaskEntry } from './assignments.js';
import { daysBetween, dueDate, followUpStatus, type Progress } from './follow-up.js';

/** A task that needs attention. */
export interface StatusItem {
  entry: TaskEntry;
  due: CivilDate;
  state: 'overdue' | 'upcoming';
  /** Days late (overdue) or days left (upcoming). */
  days: number;
}

/** The tasks one lead has to answer for. */
export interface LeadStatus {
  lead: AgencyRef;
  name: string;
  items: StatusItem[];
}

/**
 * Overdue tasks, and tasks not done that fall due within `within` days of `today`, grouped by
 * lead as the plan names it: a group's task is listed once under the group, not once for
 * each of its members, so the report stays as short as the plan.
 */
export function statusByLead(tasks: Assignments, progress: Progress, today: CivilDate, within: number): LeadStatus[] {
  const leads = new Map<string, LeadStatus>();
  for (const entry of tasks.tasks) {
    const due = dueDate(entry);
    if (due === null) continue;
    const state = progress.tasks.get(entry.task.id);
    const status = followUpStatus(due, state, today);
    const left = daysBetween(today, due);
    const item: StatusItem | null =
      status === 'overdue' ? { entry, due, state: 'overdue', days: -left }
      : status === 'not-due' && left <= within ? { entry, due, state: 'upcoming', days: left }
      : null;
    if (!item) continue;
    for (const lead of entry.task.lead) {
      const key = `${lead.kind}:${lead.id}`;
      const group = leads.get(key) ?? { lead, name: tasks.registry.name(lead), items: [] };
      group.items.push(item);
      leads.set(key, group);
    }
  }
  return [...leads.values()];
}
