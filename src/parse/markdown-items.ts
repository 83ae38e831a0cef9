/**
 * Numbered items of the Markdown form: an ordered list item becomes an item of the source
 * format, with its title, text, addressees, tasks, reporting duties, bullets and sub-items.
 */
import type { List, ListItem, Nodes, Paragraph, Strong } from 'mdast';
import type { Path } from '../model/shape.js';
import type { Attribute, AttributeBlock } from './attributes.js';
import { type MarkdownSource, offsets, type Raw, raw, type Slice } from './markdown-source.js';

/** Keys that make a block end a task (with the `#id` and the `.task` class). */
const TASK_KEYS = new Set(['lead', 'partners', 'deadline', 'deliverable']);
/**
 * Keys whose value is a comma-separated list (one name gives a string, several a list). A
 * report's `to` and `via` name one agency, whose name may itself hold a comma.
 */
const TASK_LISTS = new Set(['lead', 'partners', 'deadline']);
const REPORT_LISTS = new Set(['from']);

/** Reads the items of an ordered list into `items`, numbering paths on from its length. */
export function readItems(source: MarkdownSource, list: List, path: Path, addressed: boolean, items: Raw[]): void {
  for (const listItem of list.children) {
    items.push(new ItemReader(source, [...path, items.length], addressed).read(listItem));
  }
}

/** Whether a block ends a task: it has an id, the `.task` class or a task key. */
function endsTask(block: AttributeBlock): boolean {
  return block.id !== undefined || block.classes.some((c) => c.name === 'task') || block.pairs.some((p) => TASK_KEYS.has(p.key));
}

function isReport(block: AttributeBlock): boolean {
  return block.classes.some((c) => c.name === 'report');
}

/** Reads one list item; `inherited` says whether an enclosing item has addressees. */
class ItemReader {
  private title: Slice | undefined;
  private to: Attribute | undefined;
  private readonly texts: Slice[] = [];
  private readonly tasks: Raw[] = [];
  private readonly reports: Raw[] = [];
  private readonly bullets: string[] = [];
  private readonly items: Raw[] = [];

  constructor(
    private readonly source: MarkdownSource,
    private readonly path: Path,
    private readonly inherited: boolean,
  ) {}

  read(listItem: ListItem): Raw {
    const { start, end } = offsets(listItem);
    this.source.record(this.path, start, end);
    listItem.children.forEach((child, index) => this.block(child, index === 0));
    return this.result();
  }

  /** The item's raw mapping, each value recorded in the source map. */
  private result(): Raw {
    const item = raw();
    if (this.title) {
      item.title = this.title.value;
      this.source.recordText([...this.path, 'title'], this.title);
    }
    const text = this.source.join(this.texts);
    if (text) {
      item.text = text.value;
      this.source.recordText([...this.path, 'text'], text);
    }
    if (this.to) item.to = listValue(this.source, [...this.path, 'to'], this.to);
    if (this.tasks.length > 0) item.tasks = this.tasks;
    if (this.reports.length > 0) item.reports = this.reports;
    if (this.bullets.length > 0) item.bullets = this.bullets;
    if (this.items.length > 0) item.items = this.items;
    return item;
  }

  private block(node: Nodes, lead: boolean): void {
    if (node.type === 'paragraph') {
      const text = this.paragraph(node, lead, false);
      if (text) this.texts.push(text);
    } else if (node.type === 'list' && node.ordered) {
      if (this.items.length === 0) this.source.record([...this.path, 'items'], offsets(node).start, offsets(node).end);
      readItems(this.source, node, [...this.path, 'items'], this.addressed(), this.items);
    } else if (node.type === 'list') {
      for (const bullet of node.children) this.bullet(bullet);
    } else if (node.type !== 'footnoteDefinition') {
      // Footnote definitions are gathered from the whole document; anything else has no place.
      this.source.misplaced(node);
    }
  }

  /** Whether tasks of this item go to someone without naming a lead: bullets are then tasks. */
  private addressed(): boolean {
    return this.inherited || this.to !== undefined;
  }

  /** A dash bullet: its tasks, or one plain bullet when it has no task and nobody to do it. */
  private bullet(listItem: ListItem): void {
    const texts: Slice[] = [];
    for (const child of listItem.children) {
      if (child.type !== 'paragraph') {
        if (child.type !== 'footnoteDefinition') this.source.misplaced(child);
        continue;
      }
      const text = this.paragraph(child, false, this.addressed());
      if (text) texts.push(text);
    }
    const bullet = this.source.join(texts);
    if (!bullet) return;
    const path = [...this.path, 'bullets', this.bullets.length];
    this.bullets.push(bullet.value);
    this.source.recordText(path, bullet);
  }

  /**
   * Reads one paragraph: applies its `to` and `.report` blocks, and makes tasks of the text
   * before each task block (or of the whole paragraph when `wholeTask`). Returns the prose
   * left to the item when the paragraph holds no task.
   */
  private paragraph(node: Paragraph, lead: boolean, wholeTask: boolean): Slice | undefined {
    const { start, end } = offsets(node);
    const blocks = this.source.blocks(node, start, end);
    blocks.forEach((block) => this.itemAttributes(block, lead));
    if (blocks.some(endsTask)) {
      this.taskRun(start, end, blocks);
      return undefined;
    }
    if (lead && this.titleOf(node, start, end, blocks)) return undefined;
    const text = this.source.without(start, end, blocks);
    if (!wholeTask) return text.value === '' ? undefined : text;
    if (text.value !== '') this.task(text, undefined);
    return undefined;
  }

  /** Takes a paragraph that is one `**strong**` run as the item's title (its inner source). */
  private titleOf(node: Paragraph, start: number, end: number, blocks: AttributeBlock[]): boolean {
    const strong = node.children.find((child): child is Strong => child.type === 'strong');
    const rest = this.source.without(start, end, blocks);
    if (!strong || strong.children.length === 0 || rest.start !== offsets(strong).start) return false;
    if (rest.start + rest.value.length !== offsets(strong).end) return false;
    this.title = this.source.slice(offsets(strong.children[0]!).start, offsets(strong.children.at(-1)!).end);
    return true;
  }

  /** A paragraph of tasks: each task block ends the task written before it. */
  private taskRun(start: number, end: number, blocks: AttributeBlock[]): void {
    let at = start;
    for (const block of blocks) {
      const text = this.source.slice(at, block.start);
      if (endsTask(block)) {
        if (text.value === '') this.stray(block.start, block.end, 'task attributes with no text');
        else this.task(text, block);
      } else if (text.value !== '') {
        this.stray(text.start, block.start, 'text in a paragraph of tasks');
      }
      at = block.end;
    }
    const rest = this.source.slice(at, end);
    if (rest.value !== '') this.stray(rest.start, end, 'text after the last task');
  }

  private stray(start: number, end: number, detail: string): void {
    this.source.structure(
      start,
      end,
      detail,
      'Mỗi nhiệm vụ kết thúc bằng khối thuộc tính của nó, vd: "… nội dung. {#ma-nhiem-vu lead=so-tu-phap}"; đoạn văn không phải nhiệm vụ viết thành đoạn riêng.',
      'Each task ends with its attribute block, e.g. "… text. {#task-id lead=so-tu-phap}"; write other prose as a paragraph of its own.',
    );
  }

  /** Adds a task: its text and, from its block, its id, agencies, deadlines and deliverable. */
  private task(text: Slice, block: AttributeBlock | undefined): void {
    const path = [...this.path, 'tasks', this.tasks.length];
    const task = raw();
    if (this.tasks.length === 0) this.source.record([...this.path, 'tasks'], text.start, text.start + text.value.length);
    this.source.record(path, text.start, text.start + text.value.length);
    if (block?.id) {
      task.id = block.id.value;
      this.source.record([...path, 'id'], block.id.start, block.id.start + block.id.value.length, { start: block.id.start - 1, end: block.id.start });
    }
    task.text = text.value;
    this.source.recordText([...path, 'text'], text);
    for (const pair of block?.pairs ?? []) {
      // `to` belongs to the item (see itemAttributes); unknown keys go on, for the shape to name.
      if (pair.key !== 'to') task[pair.key] = attributeValue(this.source, [...path, pair.key], pair, TASK_LISTS);
    }
    this.tasks.push(task);
  }

  /** Applies what a block says about the item: its addressees, a reporting duty, unknown words. */
  private itemAttributes(block: AttributeBlock, lead: boolean): void {
    if (isReport(block)) {
      this.report(block);
      return;
    }
    const to = block.pairs.find((pair) => pair.key === 'to');
    if (to && lead) this.to = to;
    else if (to) {
      this.source.structure(to.keyStart, to.valueStart + to.valueLength, 'to=', 'Ghi {to="…"} ở cuối đoạn đầu tiên của mục.', 'Write {to="…"} at the end of the item\'s first paragraph.');
    }
    const unknownClass = block.classes.some((c) => c.name !== 'task');
    const unknownKey = !endsTask(block) && block.pairs.some((pair) => pair.key !== 'to');
    if (unknownClass || unknownKey) this.source.badAttributes(block);
  }

  /** Adds a reporting duty from a `{.report to=… via=… due=… text=…}` block. */
  private report(block: AttributeBlock): void {
    if (block.id || block.classes.length > 1) this.source.badAttributes(block);
    const path = [...this.path, 'reports', this.reports.length];
    if (this.reports.length === 0) this.source.record([...this.path, 'reports'], block.start, block.end);
    this.source.record(path, block.start, block.end);
    const report = raw();
    for (const pair of block.pairs) report[pair.key] = attributeValue(this.source, [...path, pair.key], pair, REPORT_LISTS);
    this.reports.push(report);
  }
}

/** The raw value of an attribute: a string, or a list for a comma-separated list key. */
function attributeValue(source: MarkdownSource, path: Path, pair: Attribute, lists: ReadonlySet<string>): unknown {
  if (lists.has(pair.key)) return listValue(source, path, pair);
  source.record(path, pair.valueStart, pair.valueStart + pair.valueLength, { start: pair.keyStart, end: pair.keyStart + pair.key.length });
  return pair.value;
}

/**
 * A comma-separated value: a string when it names one thing (the YAML form's shorthand), a
 * list otherwise, each name recorded where it was written.
 */
function listValue(source: MarkdownSource, path: Path, pair: Attribute): string | string[] {
  const key = { start: pair.keyStart, end: pair.keyStart + pair.key.length };
  source.record(path, pair.valueStart, pair.valueStart + pair.valueLength, key);
  const names = pair.value.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 1) return names[0]!;
  let at = pair.valueStart;
  names.forEach((name, index) => {
    const found = source.text.indexOf(name, at);
    const start = found === -1 || found > pair.valueStart + pair.valueLength ? pair.valueStart : found;
    source.record([...path, index], start, start + name.length);
    at = start + name.length;
  });
  return names;
}
