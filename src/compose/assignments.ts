/**
 * Who does what in a plan: every task with its number, the agencies its lead and partners
 * reach (groups expanded through the registry) and the reporting duties of its lead. Built
 * once per plan and shared by the checklists, every agency's extract and `plan status`.
 */
import { type AgencyRef, allReports, allTasks, type Plan, type ReportDuty, type Task } from '../model/plan.js';
import type { Registry } from '../model/registry.js';
import { lastDay } from '../model/deadline.js';
import { compareDates } from '../vn/dates.js';
import { numberPlan, type PlanNumbers } from './numbering.js';

/** A task as follow-up sees it. */
export interface TaskEntry {
  task: Task;
  /** How the plan refers to the task's item: "II.3". */
  reference: string;
  /** Every agency the lead reaches. */
  leads: ReadonlySet<string>;
  /** Every agency the partners reach. */
  partners: ReadonlySet<string>;
  /** Reporting duties that fall on one of the task's lead agencies, earliest dated first. */
  reports: ReportDuty[];
}

/** What an agency has to do with a task. */
export type Role = 'lead' | 'group' | 'partner' | 'request';

/** A plan's tasks and reporting duties, resolved against the registry. */
export interface Assignments {
  tasks: TaskEntry[];
  reports: ReportDuty[];
  registry: Registry;
  /** The plan's numbers, for drawing a task's items as the plan does. */
  numbers: PlanNumbers;
}

/** Resolves who does what in a plan. */
export function assignments(plan: Plan, registry: Registry): Assignments {
  const reach = (refs: readonly AgencyRef[]) => new Set(refs.flatMap((ref) => registry.members(ref)));
  const reports = allReports(plan).map((report) => ({ report, from: reach(report.from) }));
  const numbers = numberPlan(plan);
  const tasks = allTasks(plan).map((task): TaskEntry => {
    const leads = reach(task.lead);
    return {
      task,
      reference: numbers.tasks.get(task) ?? '',
      leads,
      partners: reach(task.partners),
      reports: reports.filter(({ from }) => [...leads].some((id) => from.has(id))).map(({ report }) => report).sort(byDue),
    };
  });
  return { tasks, reports: reports.map(({ report }) => report), registry, numbers };
}

/** The agency's role in a task, or null when the task is not its business. */
export function roleOf(entry: TaskEntry, agency: string): Role | null {
  // A body the issuer cannot command is asked, not told: its tasks are requests however it is named.
  if (entry.task.request && entry.leads.has(agency)) return 'request';
  if (entry.task.lead.some((ref) => ref.kind === 'agency' && ref.id === agency)) return 'lead';
  if (entry.leads.has(agency)) return 'group';
  if (entry.partners.has(agency)) return 'partner';
  return null;
}

/** Every agency that leads or co-ordinates a task, in registry order. */
export function assignedAgencies(plan: Assignments): string[] {
  const named = new Set(plan.tasks.flatMap((entry) => [...entry.leads, ...entry.partners]));
  return [...plan.registry.agencies.keys()].filter((id) => named.has(id));
}

/** Reporting duties that fall on an agency, directly or through a group. */
export function reportsOf(plan: Assignments, agency: string): ReportDuty[] {
  return plan.reports.filter((report) => report.from.some((ref) => plan.registry.members(ref).includes(agency)));
}

/** Dated duties first, by date; recurring ones keep their order after them. */
function byDue(a: ReportDuty, b: ReportDuty): number {
  const da = lastDay(a.due);
  const db = lastDay(b.due);
  if (da && db) return compareDates(da, db);
  return da ? -1 : db ? 1 : 0;
}
