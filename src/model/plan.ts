/**
 * The plan model: what a plan says, independent of how it was written (YAML or Markdown) and
 * of how it will be printed. Every later stage reads only this.
 *
 * Numbering is absent on purpose: the compiler numbers parts, sections, items and sub-items
 * when it composes a document. Prose is kept as Markdown phrasing nodes (text, emphasis,
 * strong, footnote references) so that no stage re-parses user text.
 */
import type { PhrasingContent, Root } from 'mdast';
import type { Path } from './shape.js';
import type { CivilDate, PlanDate } from '../vn/dates.js';
import type { StyleSource } from './source-shape.js';

/** One paragraph of user prose. */
export type Inline = PhrasingContent[];

/** A reference to the registry, resolved: one agency or one group of agencies. */
export type AgencyRef = { kind: 'agency'; id: string } | { kind: 'group'; id: string };

/** When a task is due; a range written as a stretch of a year ("quý III/2021") keeps that stretch, to be worded so. */
export type Deadline =
  | { kind: 'date'; date: CivilDate }
  | { kind: 'range'; from: CivilDate; to: CivilDate; part?: YearPart }
  | { kind: 'recurring'; every: RecurringPeriod };

/** A month or a quarter (by its number), a half or the whole of a year. */
export type YearPart = { unit: 'month' | 'quarter'; number: number; year: number } | { unit: 'first-half' | 'second-half' | 'year'; year: number };

export type RecurringPeriod = 'year' | 'half-year' | 'quarter' | 'month' | 'week' | 'continuous';

/** A task: one piece of work assigned to a lead agency, with partners and deadlines. */
export interface Task {
  /** Stable id: written by the clerk, or derived from the text's first words. */
  id: string;
  /** Whether the id was written in the source (a derived one changes when the text's start does). */
  idWritten: boolean;
  text: Inline;
  /** Lead (chủ trì): usually one agency; a group when the task goes to every member. */
  lead: AgencyRef[];
  /** Co-ordinating agencies (phối hợp). */
  partners: AgencyRef[];
  deadlines: Deadline[];
  deliverable: string | null;
  /** Where the task was written, for diagnostics and follow-up. */
  path: Path;
}

/** A reporting duty: who reports, to whom, through whom, by when. */
export interface ReportDuty {
  from: AgencyRef[];
  to: AgencyRef;
  via: AgencyRef | null;
  due: Deadline;
  text: string | null;
  path: Path;
}

/** A numbered item ("1.") or sub-item ("a)"). */
export interface Item {
  /** Bold title opening the item, if any. */
  title: Inline | null;
  /** Paragraphs of the item; the first follows the number. */
  text: Inline[];
  /** Agencies or groups the item is addressed to: the default lead of its tasks. */
  to: AgencyRef[];
  tasks: Task[];
  reports: ReportDuty[];
  /** Dash bullets that are not tasks. */
  bullets: Inline[];
  /** Sub-items: a), b) — or 1.1. with decimal numbering. */
  items: Item[];
  path: Path;
}

export type SectionKind = 'purpose' | 'assignments' | 'implementation' | 'funding' | 'custom';

/** A section numbered with a Roman numeral ("I. MỤC ĐÍCH, YÊU CẦU"). */
export interface Section {
  kind: SectionKind;
  /** The title as written; null to take the template's wording for the kind. */
  title: string | null;
  intro: Inline[];
  items: Item[];
  path: Path;
}

/** A part above the sections ("Phần I"); a plan without parts has one untitled part. */
export interface Part {
  title: string | null;
  sections: Section[];
}

export interface Footnote {
  label: string;
  content: Inline[];
}

export type AppendixContent = { kind: 'markdown'; body: Root } | { kind: 'assignments' };

export interface Appendix {
  title: string | null;
  content: AppendixContent;
  landscape: boolean;
}

export interface Recipient {
  /** Text as printed, without the leading dash and the trailing semicolon. */
  text: string;
  /** The registry entry the recipient is, when it is one. */
  agency: AgencyRef | null;
  /** Note printed after the name, e.g. "b/c". */
  note: string | null;
}

export type SigningPrefix = 'KT' | 'Q' | 'TL' | 'TUQ';

export interface Signature {
  /** Collective body signed for: printed "TM. <collective>". */
  collective: string | null;
  /** Prefix for signing in the head's stead, printed "<prefix>. <head>". */
  delegation: { prefix: SigningPrefix; head: string } | null;
  /** The signer's own position lines. */
  positions: string[];
  name: string;
}

export type Urgency = 'khan' | 'thuong-khan' | 'hoa-toc';
export type Secrecy = 'mat' | 'toi-mat' | 'tuyet-mat';

export interface Plan {
  /** Identifier from the file name: "ngay-toan-dan-2021" for ngay-toan-dan-2021.plan.yaml. */
  id: string;
  /** Source file, relative to the project folder, with "/" separators. */
  source: string;
  /** Document type from Decree 30, Appendix III; plans only for now. */
  docType: 'KH';
  issuer: { parent: string | null; name: string; abbreviation: string };
  /** Document number, or null before one is assigned. */
  number: number | null;
  /** Symbol after the number: "KH-BCĐ". */
  symbol: string;
  place: string;
  date: PlanDate;
  /** Abstract (trích yếu). */
  title: Inline;
  opening: Inline[];
  bases: Inline[];
  numbering: 'roman' | 'decimal';
  parts: Part[];
  footnotes: Footnote[];
  appendices: Appendix[];
  recipients: Recipient[];
  /** Units after "Lưu:", e.g. ["VT", "BCĐ", "NCLTD"]. */
  archive: string[];
  signature: Signature;
  marks: { draft: boolean; urgency: Urgency | null; secrecy: Secrecy | null };
  /** Page and text settings this plan overrides. */
  style: StyleSource;
}

/** Every item of a plan, depth first, in document order. */
export function* allItems(plan: Plan): Generator<Item> {
  function* walk(items: Item[]): Generator<Item> {
    for (const item of items) {
      yield item;
      yield* walk(item.items);
    }
  }
  for (const part of plan.parts) for (const section of part.sections) yield* walk(section.items);
}

/** Every task of a plan in document order. */
export function allTasks(plan: Plan): Task[] {
  return [...allItems(plan)].flatMap((item) => item.tasks);
}

/** Every reporting duty of a plan in document order. */
export function allReports(plan: Plan): ReportDuty[] {
  return [...allItems(plan)].flatMap((item) => item.reports);
}
