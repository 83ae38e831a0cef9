/**
 * An agency's extract as its template sees it: the tasks it leads, shares through a group and
 * co-ordinates, and the reports it owes, numbered and escaped for Markdown. The pieces that do
 * not depend on the agency are made once per plan (`extractParts`); each agency's view only
 * picks and numbers them.
 */
import type { PhrasingContent } from 'mdast';
import { type AgencyRef, paragraphsOf, type Plan, type ReportDuty } from '../model/plan.js';
import { singleDate } from '../model/deadline.js';
import { isoDate } from '../vn/dates.js';
import { roman } from '../vn/numbering.js';
import { type Assignments, reportsOf, type Role, roleOf, type TaskEntry } from './assignments.js';
import { deadlineText } from './deadlines.js';
import { escapeText, inlineMarkdown } from './markdown.js';
import { type BlockView, blockViews } from './plan-view.js';
import { lowerFirst, planReference, titleInSentence } from './plan-reference.js';
import type { Wording } from './wording.js';

/** A task in an extract; names are joined with "; ", absent ones null. */
export interface ExtractTaskView {
  label: string;
  /** The task's first paragraph, after its number in the extract. */
  text: string;
  /** What follows it in the plan, drawn as the plan draws it (bullets, sub-items, paragraphs). */
  blocks: BlockView[];
  reference: string;
  lead: string | null;
  partners: string | null;
  /** The groups the task was given to, for tasks shared through a group. */
  group: string | null;
  deadline: string | null;
  deliverable: string | null;
}

/** A reporting duty in an extract. */
export interface ExtractReportView {
  label: string;
  text: string | null;
  to: string;
  via: string | null;
  /** ISO day of a dated duty, for {{longDate dueDate}}; null for recurring ones. */
  dueDate: string | null;
  /** The duty's due in words ("02/8/2021", "Hằng quý"). */
  due: string;
}

/** One numbered part of an extract ("I. NHIỆM VỤ CHỦ TRÌ THỰC HIỆN"). */
export interface ExtractSectionView {
  kind: Role | 'report';
  label: string;
  title: string;
  tasks: ExtractTaskView[];
  reports: ExtractReportView[];
}

export interface ExtractView {
  plan: { reference: string; title: string };
  agency: { id: string; name: string };
  sections: ExtractSectionView[];
  /** The plan's footnotes that the extract's tasks refer to, in the plan's order. */
  footnotes: { label: string; text: string }[];
}

/** What every extract of a plan shares, made once. */
export interface ExtractParts {
  plan: ExtractView['plan'];
  tasks: Map<TaskEntry, Omit<ExtractTaskView, 'label'>>;
  reports: Map<ReportDuty, Omit<ExtractReportView, 'label'>>;
  sectionTitles: Record<ExtractSectionView['kind'], string>;
  /** Every footnote of the plan, escaped, with the tasks that refer to it. */
  footnotes: { label: string; text: string; tasks: Set<TaskEntry> }[];
  assignments: Assignments;
}

/** Sections in the order a clerk reads them: own work first, then shared, then help given or asked, then reports. */
const ORDER: ExtractSectionView['kind'][] = ['lead', 'group', 'partner', 'request', 'report'];

/** Prepares what every extract of a plan shares. */
export function extractParts(plan: Plan, tasks: Assignments, words: Wording): ExtractParts {
  const { registry } = tasks;
  const names = (refs: readonly AgencyRef[]) => (refs.length === 0 ? null : escapeText(refs.map((ref) => registry.name(ref)).join('; ')));
  return {
    plan: { reference: escapeText(planReference(plan, tasks.registry, words)), title: escapeText(titleInSentence(plan, tasks.registry)) },
    tasks: new Map(tasks.tasks.map((entry) => [entry, {
      ...taskBody(entry.task.content, tasks),
      reference: escapeText(entry.reference),
      lead: names(entry.task.lead),
      partners: names(entry.task.partners),
      group: names(entry.task.lead.filter((ref) => ref.kind === 'group')),
      deadline: entry.task.deadlines.length === 0 ? null : escapeText(entry.task.deadlines.map(deadlineText).join('; ')),
      deliverable: entry.task.deliverable === null ? null : escapeText(entry.task.deliverable),
    }])),
    reports: new Map(tasks.reports.map((report) => {
      const day = singleDate(report.due);
      return [report, {
        text: report.text === null ? null : escapeText(lowerFirst(report.text)),
        to: escapeText(registry.name(report.to)),
        via: report.via === null ? null : escapeText(registry.name(report.via)),
        dueDate: day ? isoDate(day) : null,
        due: escapeText(deadlineText(report.due)),
      }];
    })),
    sectionTitles: Object.fromEntries(ORDER.map((kind) => [kind, words.word(`extract.section.${kind}`)])) as ExtractParts['sectionTitles'],
    footnotes: plan.footnotes.map((footnote) => ({
      label: escapeText(footnote.label),
      text: footnote.content.map(inlineMarkdown).join(' '),
      tasks: new Set(tasks.tasks.filter((entry) => paragraphsOf(entry.task.content).some((text) => refersTo(text, footnote.label)))),
    })),
    assignments: tasks,
  };
}

/** The view of one agency's extract. */
export function extractView(parts: ExtractParts, agency: string): ExtractView {
  const { assignments } = parts;
  const byRole = new Map<ExtractSectionView['kind'], ExtractTaskView[]>();
  for (const entry of assignments.tasks) {
    const role = roleOf(entry, agency);
    if (role === null) continue;
    const list = byRole.get(role) ?? [];
    // Who the agency works with: its own lead task names the partners, a co-ordinated one the lead.
    const task = parts.tasks.get(entry)!;
    list.push({ ...task, label: `${list.length + 1}\\.`, lead: role === 'partner' ? task.lead : null, group: role === 'group' || role === 'request' ? task.group : null, partners: role === 'partner' ? null : task.partners });
    byRole.set(role, list);
  }
  const reports = reportsOf(assignments, agency).map((report, index) => ({ ...parts.reports.get(report)!, label: `${index + 1}\\.` }));
  const included = new Set(assignments.tasks.filter((entry) => roleOf(entry, agency) !== null));
  const present = ORDER.filter((kind) => (kind === 'report' ? reports.length > 0 : byRole.has(kind)));
  return {
    plan: parts.plan,
    agency: { id: agency, name: escapeText(assignments.registry.name({ kind: 'agency', id: agency })) },
    sections: present.map((kind, index) => ({
      kind,
      label: `${roman(index + 1)}.`,
      title: parts.sectionTitles[kind],
      tasks: kind === 'report' ? [] : (byRole.get(kind) ?? []),
      reports: kind === 'report' ? reports : [],
    })),
    footnotes: parts.footnotes.filter((note) => [...note.tasks].some((entry) => included.has(entry))).map(({ label, text }) => ({ label, text })),
  };
}

/** A task's words as an extract draws them: its first paragraph after the number, then the rest as in the plan. */
function taskBody(content: Parameters<typeof blockViews>[0], tasks: Assignments): Pick<ExtractTaskView, 'text' | 'blocks'> {
  const [first, ...rest] = blockViews(content, tasks.numbers);
  if (first?.paragraph != null) return { text: first.paragraph, blocks: rest };
  // A task drawn as a numbered sub-item: its number is the extract's, its words follow it.
  if (first?.item) return { text: first.item.heading ?? first.item.lead ?? '', blocks: [...first.item.blocks, ...rest] };
  return { text: '', blocks: first ? [first, ...rest] : [] };
}

/** Whether prose holds a reference to the footnote `label`. */
function refersTo(inline: readonly PhrasingContent[], label: string): boolean {
  return inline.some((node) => (node.type === 'footnoteReference' && node.identifier === label) || ('children' in node && refersTo(node.children as PhrasingContent[], label)));
}
