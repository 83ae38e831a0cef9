/**
 * Checklists: one row per task with its number, text, agencies, deadlines, report due and
 * follow-up status, for the whole plan and for each agency. Rows are plain text, built once
 * per plan; the Markdown (through checklist.md.hbs) escapes them, the CSV writes them as they are.
 */
import { type AgencyRef, type Deadline, type Plan, type ReportDuty, taskWords } from '../model/plan.js';
import { plainText } from '../model/prose.js';
import { type CivilDate, earliestDay, isoDate, longDate, shortDate } from '../vn/dates.js';
import { onceFor } from '../memo.js';
import { type Assignments, roleOf, type TaskEntry } from './assignments.js';
import { type DeadlineWords, deadlineMeaning, deadlineText, deadlineWords } from './deadlines.js';
import { dueDate, followUpStatus, type FollowUpStatus, type Progress } from './follow-up.js';
import { escapeText } from './markdown.js';
import { planReference, titleInSentence } from './plan-reference.js';
import type { Wording } from './wording.js';

/** The columns of a checklist, in order; their headings are words.yaml's checklist.column.*. */
export const CHECKLIST_COLUMNS = ['number', 'id', 'task', 'lead', 'partners', 'deadline', 'report', 'status', 'progress', 'done', 'note'] as const;
export type ChecklistColumn = (typeof CHECKLIST_COLUMNS)[number];

/** One task of a checklist, every cell plain text. */
export interface ChecklistRow {
  entry: TaskEntry;
  status: FollowUpStatus;
  done: boolean;
  cells: Record<ChecklistColumn, string>;
  /**
   * The date cells with dates written as 2021-08-02, for spreadsheets: "02/8/2021" is read as
   * 8 February by a spreadsheet set to English, while the ISO form is a date everywhere.
   */
  isoCells: Pick<Record<ChecklistColumn, string>, 'deadline' | 'report' | 'done'>;
}

/** A plan's checklist: its heading words and its rows. */
export interface Checklist {
  title: string;
  /** "Kế hoạch số ... về ...". */
  plan: string;
  /** "Tình hình đến ngày 05 tháng 8 năm 2021". */
  asOf: string;
  headings: Record<ChecklistColumn, string>;
  rows: ChecklistRow[];
  /** The plan's reporting duties (for calendars). */
  reports: ReportDuty[];
}

/** Builds the checklist of a whole plan, judged on the progress file's date (or the plan's). */
export function checklist(plan: Plan, tasks: Assignments, progress: Progress, words: Wording): Checklist {
  const asOf: CivilDate = progress.asOf ?? earliestDay(plan.date);
  const names = (refs: readonly AgencyRef[]) => refs.map((ref) => tasks.registry.name(ref)).join('; ');
  const human = deadlineWords(words);
  // The ISO cells are for machines: a part of a year is written there as its first and last day.
  const machine: DeadlineWords = { recurring: human.recurring };
  const deadlines = (list: readonly Deadline[]) => list.map(deadlineText).join('; ');
  const meanings = (list: readonly Deadline[]) => list.map((d) => deadlineMeaning(d, machine, isoDate)).join('; ');
  const rows = tasks.tasks.map((entry): ChecklistRow => {
    const { task } = entry;
    const state = progress.tasks.get(task.id);
    const status = followUpStatus(dueDate(entry), state, asOf);
    const report = entry.reports[0];
    return {
      entry,
      status,
      done: state?.status === 'done',
      cells: {
        number: entry.reference,
        id: task.id,
        task: plainText(taskWords(task)),
        // A body that is asked, not told, is named as such: its row is a request, not an order.
        lead: task.request ? words.word('checklist.request', { lead: names(task.lead) }) : names(task.lead),
        partners: names(task.partners),
        deadline: deadlines(task.deadlines),
        report: report ? deadlines([report.due]) : '',
        status: words.word(`status.${status}`),
        progress: state ? words.word(`progress.${state.status}`) : '',
        done: state?.done ? shortDate(state.done) : '',
        note: state?.note ?? '',
      },
      isoCells: {
        deadline: meanings(task.deadlines),
        report: report ? meanings([report.due]) : '',
        done: state?.done ? isoDate(state.done) : '',
      },
    };
  });
  return {
    title: words.word('checklist.title'),
    plan: `${planReference(plan, tasks.registry, words)} về ${titleInSentence(plan, tasks.registry)}`,
    asOf: words.word('checklist.as-of', { date: longDate(asOf) }),
    headings: Object.fromEntries(CHECKLIST_COLUMNS.map((column) => [column, words.word(`checklist.column.${column}`)])) as Record<ChecklistColumn, string>,
    rows,
    reports: tasks.reports,
  };
}

/** The part of a checklist that concerns one agency: the tasks it leads, shares or co-ordinates. */
export function agencyChecklist(list: Checklist, agency: string): Checklist {
  return { ...list, rows: list.rows.filter((row) => roleOf(row.entry, agency) !== null) };
}

const escapeCells = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([key, value]) => [key, escapeText(value)]));

// A row's cells escaped for Markdown, once for the plan's checklist and every agency's that shares the row.
const escapedRows = new WeakMap<ChecklistRow, Record<string, string | boolean>>();

function escapedRow(row: ChecklistRow): Record<string, string | boolean> {
  return onceFor(escapedRows, row, () => ({ ticked: row.done, ...escapeCells(row.cells) }));
}

/** The checklist as Markdown, through checklist.md.hbs; `agency` names whose checklist it is. */
export function checklistMarkdown(list: Checklist, agency: string | null, words: Wording): string {
  return words.render('checklist.md.hbs', {
    title: escapeText(list.title),
    plan: escapeText(list.plan),
    asOf: escapeText(list.asOf),
    agency: agency === null ? null : { label: escapeText(words.word('checklist.agency')), name: escapeText(agency) },
    headings: escapeCells(list.headings),
    rows: list.rows.map(escapedRow),
  });
}

/** The checklist as table rows for CSV: the headings, then one row per task, dates in ISO form. */
export function checklistTable(list: Checklist): string[][] {
  const cell = (row: ChecklistRow, column: ChecklistColumn) => (column in row.isoCells ? row.isoCells[column as keyof ChecklistRow['isoCells']] : row.cells[column]);
  return [CHECKLIST_COLUMNS.map((column) => list.headings[column]), ...list.rows.map((row) => CHECKLIST_COLUMNS.map((column) => cell(row, column)))];
}
