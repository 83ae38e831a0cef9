/**
 * Reads the bodies of a plan (its parts, sections and numbered items) into blocks in the order
 * the author wrote them: paragraphs, bullets, items, tables, quotes, and the tasks they are.
 *
 * Being a task is a role: a paragraph, a sentence of one, a bullet, an item or several blocks
 * can be one, and each is drawn as written. The old fixed fields of an item (`text`, `tasks`,
 * `bullets`, `items`) are read in the order their keys were written.
 */
import type { MessageCode } from '../diagnostics/messages.js';
import type { AgencyRef, Block, Bullet, BulletList, BulletMarker, Deadline, Inline, Item, Paragraph, ReportDuty, Task } from './plan.js';
import { ownTasks, paragraphsOf, walkBlocks } from './plan.js';
import { plainText } from './prose.js';
import type { Path } from './shape.js';
import type { BlockSource, BulletSource, ItemSource, ReportSource, TaskRoleSource, TaskSource } from './source-shape.js';
import type { Root, Table } from 'mdast';

/** What the body reader needs of the plan reader: fields read with their diagnostics. */
export interface FieldReader {
  inline(text: string, path: Path): Inline;
  paragraphs(text: string, path: Path): Inline[];
  blocks(text: string, path: Path): Root;
  refs(names: string[], path: Path): AgencyRef[];
  deadline(text: string, path: Path): Deadline | undefined;
  report(code: MessageCode, path: Path, args?: Record<string, string | number | readonly string[]>): void;
  /** A task id, unique in the plan: the written one (a repeat is reported) or one derived from the words. */
  taskId(written: string | undefined, path: Path, text: Inline[], lead: AgencyRef[]): string;
  reportDuty(source: ReportSource, path: Path, from: Addressees): ReportDuty;
}

/**
 * Who the blocks are addressed to (the nearest item's `to`): the default lead of their tasks and
 * sender of their reports. `written` says a `to` was written, even if no name in it was found.
 */
export interface Addressees {
  refs: AgencyRef[];
  written: boolean;
}

export const NO_ADDRESSEES: Addressees = { refs: [], written: false };

/** What blocks inherit from where they stand. */
interface Scope {
  addressees: Addressees;
  /** Inside a request ("Đề nghị ...") item. */
  request: boolean;
  /** Inside blocks that make one task together (`task` with `body`): a task here would be a task in a task. */
  inTask: boolean;
  /** Bullet nesting depth, for the default marker. */
  depth: number;
  /** Where reporting duties written here go: the nearest item's or section's. */
  reports: ReportDuty[];
}

/** Default bullet marks by depth: "-", then "+", then "*". */
const MARKERS: readonly BulletMarker[] = ['-', '+', '*'];
/** A bullet mark typed at the start of a bullet's text in YAML: the author's mark for the list. */
const TYPED_MARKER = /^([-+*])\s+/;
/** The words that open a request to a body the issuer cannot command. */
const REQUEST = /^\s*(?:\*\*|_|\*)?\s*đề nghị(?!\p{L})/iu;
/** The content keys of a block: exactly one (or `body` with `task`) makes its kind. */
const BLOCK_KINDS = ['text', 'tasks', 'bullets', 'items', 'body', 'table', 'quote'] as const;
/** An item's fields drawn in the order written, when it has no `body`. */
const ITEM_FIELDS = ['text', 'tasks', 'bullets', 'items'] as const;

export class BodyReader {
  constructor(private readonly fields: FieldReader) {}

  /** A body: a list of blocks at `path`, under addressees and collecting reports into `reports`. */
  body(sources: readonly BlockSource[], path: Path, addressees: Addressees, reports: ReportDuty[]): Block[] {
    return this.blocks(sources, path, { addressees, request: false, inTask: false, depth: 0, reports });
  }

  /** The old form of a section: intro paragraphs and items, in the order written. */
  sectionFields(source: { intro?: string; items?: ItemSource[] }, path: Path, reports: ReportDuty[]): Block[] {
    const scope: Scope = { addressees: NO_ADDRESSEES, request: false, inTask: false, depth: 0, reports };
    return Object.keys(source).flatMap((key): Block[] => {
      if (key === 'intro' && source.intro !== undefined) return this.paragraphBlocks(source.intro, [...path, 'intro']);
      if (key === 'items' && source.items) return source.items.map((item, index) => ({ kind: 'item', item: this.item(item, [...path, 'items', index], scope) }));
      return [];
    });
  }

  private blocks(sources: readonly BlockSource[], path: Path, scope: Scope): Block[] {
    return sources.flatMap((source, index) => this.block(source, [...path, index], scope));
  }

  /** One source block: one block, or several (a string of several paragraphs, a list of items). */
  private block(source: BlockSource, path: Path, scope: Scope): Block[] {
    if (source.reports) scope.reports.push(...this.reports(source.reports, [...path, 'reports'], scope));
    const kinds = BLOCK_KINDS.filter((key) => source[key] !== undefined);
    const kind = kinds.length === 1 ? kinds[0] : undefined;
    const taskFits = kind === 'text' || kind === 'body';
    if (!kind || (kind === 'body' && !source.task) || (source.task && !taskFits) || (source.marker && kind !== 'bullets')) {
      this.fields.report('block-kind', path, { found: [...kinds, ...(source.task ? ['task'] : []), ...(source.marker ? ['marker'] : [])] });
      return [];
    }
    switch (kind) {
      case 'text': {
        // A paragraph typed with a bullet mark ("+ in tờ rơi;") is the author's bullet, drawn as one.
        if (TYPED_MARKER.test(source.text!)) return [this.bulletList([{ text: source.text!, task: source.task }], path, scope, undefined)];
        if (!source.task) return this.paragraphBlocks(source.text!, [...path, 'text']);
        const paragraphs = this.paragraphBlocks(source.text!, [...path, 'text']);
        const task = this.task(source.task, [...path, 'task'], scope, paragraphs);
        if (paragraphs.length === 1) return [{ kind: 'paragraph', spans: [{ text: (paragraphs[0] as Paragraph).spans[0]!.text, task }] }];
        return [{ kind: 'task', task, blocks: paragraphs }];
      }
      case 'tasks':
        return [this.runIn(source.tasks!, [...path, 'tasks'], scope)];
      case 'bullets':
        return [this.bulletList(source.bullets!, [...path, 'bullets'], scope, source.marker)];
      case 'items':
        return source.items!.map((item, index) => ({ kind: 'item', item: this.item(item, [...path, 'items', index], scope) }));
      case 'body': {
        const inner = { ...scope, inTask: true };
        const blocks = this.blocks(source.body!, [...path, 'body'], inner);
        return [{ kind: 'task', task: this.task(source.task!, [...path, 'task'], scope, blocks), blocks }];
      }
      case 'table':
        return this.table(source.table!, [...path, 'table']);
      case 'quote':
        return [{ kind: 'quote', paragraphs: this.fields.paragraphs(source.quote!, [...path, 'quote']) }];
    }
  }

  /** Plain paragraphs of a prose field. */
  private paragraphBlocks(text: string, path: Path): Paragraph[] {
    return this.fields.paragraphs(text, path).map((inline) => ({ kind: 'paragraph', spans: [{ text: inline, task: null }] }));
  }

  /** Tasks written as the sentences of one paragraph ("Sở Tư pháp chủ trì ... Tổ chức tập huấn ..."). */
  private runIn(sources: readonly TaskSource[], path: Path, scope: Scope): Paragraph {
    return {
      kind: 'paragraph',
      spans: sources.map((source, index) => {
        const at = [...path, index];
        const text = this.fields.inline(source.text, [...at, 'text']);
        return { text, task: this.task(source, at, scope, [{ kind: 'paragraph', spans: [{ text, task: null }] }]) };
      }),
    };
  }

  private bulletList(sources: readonly BulletSource[], path: Path, scope: Scope, marker: BulletMarker | undefined): BulletList {
    // A mark typed at the start of the first bullet is the author's mark for the list ("+ ..." in YAML).
    const typed = TYPED_MARKER.exec(sources[0]?.text ?? '')?.[1] as BulletMarker | undefined;
    const mark = marker ?? typed ?? MARKERS[Math.min(scope.depth, MARKERS.length - 1)]!;
    return { kind: 'bullets', marker: mark, bullets: sources.map((source, index) => this.bullet(source, [...path, index], scope, typed)) };
  }

  private bullet(source: BulletSource, path: Path, scope: Scope, typed: BulletMarker | undefined): Bullet {
    if (source.reports) scope.reports.push(...this.reports(source.reports, [...path, 'reports'], scope));
    if ((source.text === undefined) === (source.tasks === undefined)) this.fields.report('block-kind', path, { found: source.text === undefined ? [] : ['text', 'tasks'] });
    const written = source.text ?? '';
    const text = typed && written.startsWith(typed) ? written.replace(TYPED_MARKER, '') : written;
    const paragraphs = source.tasks ? [] : this.fields.paragraphs(text, [...path, 'text']);
    const [first = [], ...rest] = paragraphs;
    const lead: Paragraph = source.tasks ? this.runIn(source.tasks, [...path, 'tasks'], scope) : { kind: 'paragraph', spans: [{ text: first, task: null }] };
    const inner: Scope = { ...scope, depth: scope.depth + 1 };
    const blocks: Block[] = [
      ...rest.map((inline): Paragraph => ({ kind: 'paragraph', spans: [{ text: inline, task: null }] })),
      ...(source.body ? this.blocks(source.body, [...path, 'body'], inner) : []),
    ];
    const task = source.task ? this.task(source.task, [...path, 'task'], scope, covered([lead, ...blocks])) : null;
    return { lead, blocks, task };
  }

  /** A numbered item; `scope` is where it stands (its addressees are the enclosing item's). */
  private item(source: ItemSource, path: Path, scope: Scope): Item {
    const to = source.to ? this.fields.refs(source.to, [...path, 'to']) : [];
    const addressees: Addressees = { refs: to.length > 0 ? to : scope.addressees.refs, written: source.to !== undefined || scope.addressees.written };
    const opening = source.title ?? source.text ?? '';
    const request = source.request ?? REQUEST.test(opening);
    const reports: ReportDuty[] = [];
    const inner: Scope = { addressees, request: scope.request || request, inTask: scope.inTask, depth: 0, reports };
    if (source.reports) reports.push(...this.reports(source.reports, [...path, 'reports'], inner));
    // One task that is all an item holds (the old `tasks: [...]` alone) is the item's own task.
    const alone = source.tasks?.length === 1 && Object.keys(source).every((key) => !['title', 'text', 'task', 'bullets', 'items', 'body'].includes(key)) ? source.tasks[0] : undefined;
    const blocks = alone ? this.paragraphBlocks(alone.text, [...path, 'tasks', 0, 'text']) : this.itemBlocks(source, path, inner);
    const title = source.title === undefined ? null : this.fields.inline(source.title, [...path, 'title']);
    if (title === null && blocks.length === 0) this.fields.report('empty-item', path);
    else if (title === null && blocks[0]?.kind !== 'paragraph' && !(blocks[0]?.kind === 'task' && blocks[0].blocks[0]?.kind === 'paragraph')) this.fields.report('item-lead', path);
    const itemScope: Scope = { ...scope, addressees, request: inner.request };
    const words: Block[] = title ? [titleParagraph(title), ...blocks] : blocks;
    const role = alone ?? source.task;
    const task = role ? this.task(role, alone ? [...path, 'tasks', 0] : [...path, 'task'], itemScope, covered(words)) : null;
    return { title, blocks, to, task, request, reports, path };
  }

  /** An item's blocks: its `body`, or its old fields in the order their keys were written. */
  private itemBlocks(source: ItemSource, path: Path, scope: Scope): Block[] {
    const old = ITEM_FIELDS.filter((key) => source[key] !== undefined);
    if (source.body) {
      const mixed = old.filter((key) => key !== 'text');
      if (mixed.length > 0) this.fields.report('body-and-fields', [...path, mixed[0]!], { fields: mixed });
      const text = source.text === undefined ? [] : this.paragraphBlocks(source.text, [...path, 'text']);
      return [...text, ...this.blocks(source.body, [...path, 'body'], scope)];
    }
    // Tasks of an item with no title and no text of its own are the item's numbered paragraph, run in.
    const runIn = source.title === undefined && source.text === undefined;
    return (Object.keys(source) as (keyof ItemSource)[]).flatMap((key): Block[] => {
      switch (key) {
        case 'text':
          return this.paragraphBlocks(source.text!, [...path, 'text']);
        case 'tasks':
          if (runIn) return [this.runIn(source.tasks!, [...path, 'tasks'], scope)];
          return [this.taskBullets(source.tasks!, [...path, 'tasks'], scope)];
        case 'bullets':
          return [this.bulletList(source.bullets!, [...path, 'bullets'], scope, undefined)];
        case 'items':
          return source.items!.map((item, index) => ({ kind: 'item', item: this.item(item, [...path, 'items', index], scope) }));
        default:
          return [];
      }
    });
  }

  /** The old `tasks` of an item with a lead-in: one "- " bullet a task. */
  private taskBullets(sources: readonly TaskSource[], path: Path, scope: Scope): BulletList {
    return {
      kind: 'bullets',
      marker: MARKERS[Math.min(scope.depth, MARKERS.length - 1)]!,
      bullets: sources.map((source, index) => {
        const at = [...path, index];
        const lead: Paragraph = { kind: 'paragraph', spans: [{ text: this.fields.inline(source.text, [...at, 'text']), task: null }] };
        return { lead, blocks: [], task: this.task(source, at, scope, [lead]) };
      }),
    };
  }

  private table(text: string, path: Path): Block[] {
    const tree = this.fields.blocks(text, path);
    const table = tree.children.length === 1 && tree.children[0]!.type === 'table' ? (tree.children[0] as Table) : undefined;
    if (!table) {
      this.fields.report('block-table', path);
      return [];
    }
    return [{ kind: 'table', table }];
  }

  /** A task: its role's agencies, deadlines and id, over the blocks that are its words. */
  private task(role: TaskRoleSource, path: Path, scope: Scope, content: Block[]): Task {
    if (scope.inTask) this.fields.report('nested-task', path);
    const lead = role.lead ? this.fields.refs(role.lead, [...path, 'lead']) : scope.addressees.refs;
    // A lead written but not found in the registry is reported there (unknown-agency), not as missing.
    if (lead.length === 0 && role.lead === undefined && !scope.addressees.written) this.fields.report('missing-field', path, { key: 'lead' });
    const words = paragraphsOf(content);
    const deadlines = role.deadline ?? [];
    return {
      id: this.fields.taskId(role.id, path, words, lead),
      idWritten: role.id !== undefined,
      content,
      lead,
      partners: role.partners ? this.fields.refs(role.partners, [...path, 'partners']) : [],
      deadlines: deadlines
        .map((text, index) => this.fields.deadline(text, deadlines.length === 1 ? [...path, 'deadline'] : [...path, 'deadline', index]))
        .filter((d): d is Deadline => d !== undefined),
      deliverable: role.deliverable ?? null,
      request: scope.request || REQUEST.test(plainText(words[0] ?? [])),
      path,
    };
  }

  private reports(sources: readonly ReportSource[], path: Path, scope: Scope): ReportDuty[] {
    return sources.map((source, index) => this.fields.reportDuty(source, [...path, index], scope.addressees));
  }
}

/**
 * What the task of an item or bullet covers: all its blocks, or only its first paragraph when
 * the blocks hold tasks of their own (then the opening words are the task, the rest are theirs).
 */
function covered(blocks: Block[]): Block[] {
  const holdsTasks = [...walkBlocks(blocks)].some((block) => ownTasks(block).length > 0);
  return holdsTasks ? blocks.slice(0, 1) : blocks;
}

/** An item's title as the first paragraph of its task's words. */
function titleParagraph(title: Inline): Paragraph {
  return { kind: 'paragraph', spans: [{ text: title, task: null }] };
}
