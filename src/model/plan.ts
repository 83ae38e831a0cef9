/**
 * The plan model: what a plan says, independent of how it was written (YAML or Markdown) and
 * of how it will be printed. Every later stage reads only this.
 *
 * Numbering is absent on purpose: the compiler numbers parts, sections, items and sub-items
 * when it composes a document. Prose is kept as Markdown phrasing nodes (text, emphasis,
 * strong, footnote references) so that no stage re-parses user text.
 */
import type { PhrasingContent, Root, Table as MdastTable } from 'mdast';
import type { Path } from './shape.js';
import type { CivilDate, PlanDate } from '../vn/dates.js';
import type { StyleSource } from './source-shape.js';

/** One paragraph of user prose. */
export type Inline = PhrasingContent[];

/** A reference to the registry, resolved: one agency or one group of agencies. */
export type AgencyRef = { kind: 'agency'; id: string } | { kind: 'group'; id: string };

/**
 * A deadline: the words the clerk wrote, printed as written, and what they mean, one meaning or
 * several ("Tháng 12/2027 và thường xuyên"). `parts` is never empty, so every deadline means something.
 */
export interface Deadline {
  text: string;
  parts: [DeadlineMeaning, ...DeadlineMeaning[]];
}

/**
 * One meaning of a deadline. A range written as a stretch of a year ("quý III/2021") keeps that
 * stretch, to be worded so for machines; a recurrence may name the day it falls due ("trước ngày
 * 20 hằng tháng"); "since" is open-ended work ("Từ tháng 11/2027 trở đi"); "done" is work the plan
 * records as already finished ("(đã hoàn thành trong tháng 4/2027)"), never overdue.
 */
export type DeadlineMeaning =
  | { kind: 'date'; date: CivilDate }
  | { kind: 'range'; from: CivilDate; to: CivilDate; part?: YearPart }
  | { kind: 'recurring'; every: RecurringPeriod; by?: DueDay }
  | { kind: 'since'; from: CivilDate }
  | { kind: 'done'; from: CivilDate; to: CivilDate };

/** The day of its period a recurrence falls due: the 20th of each month, or 10/12 of each year. */
export type DueDay = { day: number; month?: number };

/** A month or a quarter (by its number), a half or the whole of a year. */
export type YearPart = { unit: 'month' | 'quarter'; number: number; year: number } | { unit: 'first-half' | 'second-half' | 'year'; year: number };

export type RecurringPeriod = 'year' | 'half-year' | 'quarter' | 'month' | 'week' | 'continuous';

/**
 * A task: one piece of work assigned to a lead agency, with partners and deadlines. Being a task
 * is a role, not a shape: the words of a task are a paragraph, part of one, a bullet, a numbered
 * item or several blocks, drawn as the author wrote them; `content` is those blocks.
 */
export interface Task {
  /** Stable id: written by the clerk, or derived from the text's first words. */
  id: string;
  /** Whether the id was written in the source (a derived one changes when the text's start does). */
  idWritten: boolean;
  /** The blocks that are the task, in order (its own role left out), as an extract draws them. */
  content: Block[];
  /** Lead (chủ trì): usually one agency; a group when the task goes to every member. */
  lead: AgencyRef[];
  /** Co-ordinating agencies (phối hợp). */
  partners: AgencyRef[];
  deadlines: Deadline[];
  deliverable: string | null;
  /** A request ("Đề nghị ...") to a body the issuer cannot command, not an order. */
  request: boolean;
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

/** A stretch of a paragraph's words, and the task they are when they are one. */
export interface Span {
  text: Inline;
  task: Task | null;
}

/** A paragraph: usually one span; several when its sentences are several tasks. */
export interface Paragraph {
  kind: 'paragraph';
  spans: Span[];
}

/** The mark a bullet is drawn with: "-", "+" below it, "*" below that, or as the author typed. */
export type BulletMarker = '-' | '+' | '*';

/** One bullet: its first paragraph, then what continues it (paragraphs, bullets of the next level). */
export interface Bullet {
  lead: Paragraph;
  blocks: Block[];
  /** The task the whole bullet is, if it is one. */
  task: Task | null;
}

/** A run of bullets with one marker. */
export interface BulletList {
  kind: 'bullets';
  marker: BulletMarker;
  bullets: Bullet[];
}

/** A numbered item in a body: items of one body are numbered on across the blocks between them. */
export interface ItemBlock {
  kind: 'item';
  item: Item;
}

/** Several blocks that together are one task. */
export interface TaskBlock {
  kind: 'task';
  task: Task;
  blocks: Block[];
}

/** A table written in the body, as a GFM table tree. */
export interface TableBlock {
  kind: 'table';
  table: MdastTable;
}

/** A quotation: paragraphs set in from both sides. */
export interface QuoteBlock {
  kind: 'quote';
  paragraphs: Inline[];
}

/** A block of running text; every body is a list of these in the order the author wrote them. */
export type Block = Paragraph | BulletList | ItemBlock | TaskBlock | TableBlock | QuoteBlock;

/** A numbered item ("1."), sub-item ("a)") or deeper item. */
export interface Item {
  /** Bold title after the number, if any; otherwise the first block, a paragraph, follows the number. */
  title: Inline | null;
  /** The item's blocks in order. */
  blocks: Block[];
  /** Agencies or groups the item is addressed to: the default lead of its tasks. */
  to: AgencyRef[];
  /** The task the whole item is, if it is one. */
  task: Task | null;
  /** A request ("Đề nghị ...") to bodies the issuer cannot command. */
  request: boolean;
  reports: ReportDuty[];
  path: Path;
}

export type SectionKind = 'purpose' | 'assignments' | 'implementation' | 'funding' | 'custom';

/** A section numbered with a Roman numeral ("I. MỤC ĐÍCH, YÊU CẦU"). */
export interface Section {
  kind: SectionKind;
  /** The title as written; null to take the template's wording for the kind. */
  title: string | null;
  blocks: Block[];
  reports: ReportDuty[];
  path: Path;
}

/** A part above the sections ("Phần I", "PHẦN THỨ NHẤT", "A."): it holds sections, or blocks directly. */
export interface Part {
  /** Null for the one untitled part of a plan without parts. */
  title: string | null;
  content: { kind: 'sections'; sections: Section[] } | { kind: 'blocks'; blocks: Block[]; reports: ReportDuty[] };
}

/** How a part is labelled: "Phần I", "PHẦN THỨ NHẤT" or "A.". */
export type PartLabel = 'roman' | 'ordinal' | 'letter';

/** The label of one level of items: "1.", the decimal path "1.1.", "a)" or a dash. */
export type ItemLabel = '1.' | '1.1.' | 'a)' | '-';

export interface Numbering {
  /** Sections "I." with items "1.", or decimal "1." with items "1.1.". */
  style: 'roman' | 'decimal';
  parts: PartLabel;
  /** Whether section numerals run on across parts or start again in each. */
  sections: 'continue' | 'restart';
  /** Labels of the item levels below a section, outermost first; the last one repeats below. */
  items: ItemLabel[];
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
  /**
   * The registry entries the line reaches: one, several ("Viện KSND tỉnh, TAND tỉnh"; "Các Bộ:
   * Tài chính, Nội vụ"), or none (a body the registry does not list).
   */
  agencies: AgencyRef[];
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
  numbering: Numbering;
  parts: Part[];
  /** Paragraphs after the last section, before "Nơi nhận" ("Trên đây là Kế hoạch ..."). */
  closing: Inline[];
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

/** The bodies of a plan's parts and sections, in document order. */
export function bodies(plan: Plan): Block[][] {
  return plan.parts.flatMap((part) => (part.content.kind === 'blocks' ? [part.content.blocks] : part.content.sections.map((section) => section.blocks)));
}

/** Every block of a body and of the blocks inside it, depth first, in document order. */
export function* walkBlocks(blocks: readonly Block[]): Generator<Block> {
  for (const block of blocks) {
    yield block;
    if (block.kind === 'item') yield* walkBlocks(block.item.blocks);
    else if (block.kind === 'task') yield* walkBlocks(block.blocks);
    else if (block.kind === 'bullets') for (const bullet of block.bullets) yield* walkBlocks([bullet.lead, ...bullet.blocks]);
  }
}

/** The tasks a block carries itself (not those of blocks inside it), in order. */
export function ownTasks(block: Block): Task[] {
  switch (block.kind) {
    case 'paragraph':
      return block.spans.flatMap((span) => (span.task ? [span.task] : []));
    case 'bullets':
      return block.bullets.flatMap((bullet) => (bullet.task ? [bullet.task] : []));
    case 'item':
      return block.item.task ? [block.item.task] : [];
    case 'task':
      return [block.task];
    default:
      return [];
  }
}

/** Every item of a plan, depth first, in document order. */
function* allItems(plan: Plan): Generator<Item> {
  for (const body of bodies(plan)) for (const block of walkBlocks(body)) if (block.kind === 'item') yield block.item;
}

/** Every task of a plan in document order. */
export function allTasks(plan: Plan): Task[] {
  return bodies(plan).flatMap((body) => [...tasksIn(body)]);
}

/** The tasks of some blocks in document order: a bullet's or an item's own task before those inside it. */
function* tasksIn(blocks: readonly Block[]): Generator<Task> {
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      yield* ownTasks(block);
    } else if (block.kind === 'bullets') {
      for (const bullet of block.bullets) {
        if (bullet.task) yield bullet.task;
        yield* tasksIn([bullet.lead, ...bullet.blocks]);
      }
    } else if (block.kind === 'item') {
      if (block.item.task) yield block.item.task;
      yield* tasksIn(block.item.blocks);
    } else if (block.kind === 'task') {
      yield block.task;
      yield* tasksIn(block.blocks);
    }
  }
}

/** Every reporting duty of a plan in document order. */
export function allReports(plan: Plan): ReportDuty[] {
  const own = plan.parts.flatMap((part) => (part.content.kind === 'blocks' ? part.content.reports : part.content.sections.flatMap((section) => section.reports)));
  return [...own, ...[...allItems(plan)].flatMap((item) => item.reports)];
}

/** The paragraphs of some blocks in reading order, bullets and items flattened: a task's words as one text. */
export function paragraphsOf(blocks: readonly Block[]): Inline[] {
  const out: Inline[] = [];
  for (const block of walkBlocks(blocks)) {
    if (block.kind === 'paragraph') out.push(joinSpans(block.spans));
    else if (block.kind === 'item' && block.item.title) out.push(block.item.title);
    else if (block.kind === 'quote') out.push(...block.paragraphs);
  }
  return out;
}

/** A task's words as one run, its paragraphs joined by a space: for a checklist cell, an id, a table row. */
export function taskWords(task: Task): Inline {
  return joinSpans(paragraphsOf(task.content).map((text) => ({ text, task: null })));
}

/** A paragraph's spans as one run of words, a space between two spans. */
export function joinSpans(spans: readonly Span[]): Inline {
  return spans.flatMap((span, index) => (index === 0 ? span.text : [{ type: 'text', value: ' ' } as PhrasingContent, ...span.text]));
}
