/**
 * The bodies of the Markdown form: the blocks of a section, a part, a numbered item or a bullet,
 * read into the `body` lists of the source format in the order they were written. A paragraph
 * after a list stays after it; nothing is moved.
 *
 * An attribute block `{…}` gives a role: a task (`#id`, `lead`, `partners`, `deadline`,
 * `deliverable`, `.task`), the item's addressees (`to`), a request (`.request`) or a reporting
 * duty (`.report`). A task block ending the first paragraph of an item or a bullet, alone there,
 * makes the whole item or bullet the task; a paragraph holding only a task block does the same
 * for the item or bullet it closes.
 */
import type { BlockContent, DefinitionContent, List, ListItem, Paragraph, RootContent, Strong } from 'mdast';
import type { Path } from '../model/shape.js';
import type { Attribute, AttributeBlock } from './attributes.js';
import { type MarkdownSource, offsets, type Raw, raw, type Slice } from './markdown-source.js';

type Node = BlockContent | DefinitionContent | RootContent;

/** Keys that make a block end a task (with the `#id` and the `.task` class). */
const TASK_KEYS = new Set(['lead', 'partners', 'deadline', 'deliverable']);
/** The classes an attribute block may carry. */
const CLASSES = new Set(['task', 'report', 'request']);
/**
 * Keys whose value is a list: names separated by commas (a report's `to` and `via` name one
 * agency, whose name may hold a comma); deadlines separated by semicolons, since one deadline
 * may hold a comma ("tháng 11, 12/2027").
 */
const LIST_SEPARATORS: Record<string, string> = { lead: ',', partners: ',', from: ',', deadline: ';' };

/** Whether a block ends a task: it has an id, the `.task` class or a task key. */
function endsTask(block: AttributeBlock): boolean {
  return block.id !== undefined || block.classes.some((c) => c.name === 'task') || block.pairs.some((p) => TASK_KEYS.has(p.key));
}

/** Where blocks are read: the raw mapping that owns them (a section, part, item or bullet). */
export interface Owner {
  raw: Raw;
  path: Path;
  /** An item or bullet can be a task as a whole; a section or part cannot. */
  kind: 'section' | 'part' | 'item' | 'bullet';
  /** Someone is addressed (an enclosing item's `to`): top-level bullets are then tasks. */
  addressed: boolean;
  /** Inside a task: nothing here is made a task by default. */
  inTask: boolean;
}

/** Reads the blocks of bodies into raw `body` lists, recording where each value was written. */
export class BlockReader {
  constructor(private readonly source: MarkdownSource) {}

  /** Reads `nodes` as blocks appended to `owner.raw.body`. */
  blocks(nodes: readonly Node[], owner: Owner): void {
    for (const node of nodes) this.block(node, owner);
  }

  /** Appends one block at the next index of the owner's body, recording the body where it starts. */
  private push(owner: Owner, block: Raw, start: number, end: number): Path {
    const list = (owner.raw.body ??= []) as Raw[];
    if (list.length === 0) this.source.record([...owner.path, 'body'], start, end);
    const path = [...owner.path, 'body', list.length];
    this.source.record(path, start, end);
    list.push(block);
    return path;
  }

  private block(node: Node, owner: Owner): void {
    const { start, end } = offsets(node);
    switch (node.type) {
      case 'paragraph':
        this.paragraph(node, owner);
        return;
      case 'list':
        if (node.ordered) this.items(node, owner);
        else this.bullets(node, owner);
        return;
      case 'table': {
        const block = raw();
        const path = this.push(owner, block, start, end);
        block.table = this.source.text.slice(start, end);
        this.source.record([...path, 'table'], start, end);
        return;
      }
      case 'blockquote': {
        const paragraphs: Slice[] = [];
        for (const child of node.children) {
          if (child.type === 'paragraph') paragraphs.push(this.source.without(offsets(child).start, offsets(child).end, []));
          else this.source.misplaced(child);
        }
        const text = this.source.join(paragraphs);
        if (!text) return;
        const block = raw();
        const path = this.push(owner, block, start, end);
        block.quote = text.value;
        this.source.recordText([...path, 'quote'], text);
        return;
      }
      case 'footnoteDefinition':
        // Gathered from the whole document.
        return;
      default:
        this.source.misplaced(node);
    }
  }

  /** A paragraph of the body: plain text, a task, several tasks, or the role of its owner. */
  private paragraph(node: Paragraph, owner: Owner): void {
    const { start, end } = offsets(node);
    const blocks = this.source.blocks(node, start, end);
    const text = this.source.without(start, end, blocks);
    blocks.forEach((block) => this.roles(block, owner, false));
    const tasks = blocks.filter(endsTask);
    if (text.value === '') {
      // Only attributes: the task it names is the whole item or bullet it closes.
      if (tasks.length === 1) this.ownerTask(tasks[0]!, owner);
      else if (tasks.length > 1) this.stray(start, end, 'task attributes with no text');
      return;
    }
    if (tasks.length === 0) {
      const block = raw();
      const path = this.push(owner, block, start, end);
      block.text = text.value;
      this.source.recordText([...path, 'text'], text);
      return;
    }
    this.taskParagraph(start, end, blocks, owner);
  }

  /**
   * A paragraph holding tasks: one task ends it, or each task block ends a sentence that is one.
   * It is a block of the owner's body, or (`lead`) the owner's own first paragraph.
   */
  private taskParagraph(start: number, end: number, blocks: AttributeBlock[], owner: Owner, lead = false): void {
    const tasks = blocks.filter(endsTask);
    const last = tasks.at(-1)!;
    const rest = this.source.without(last.end, end, blocks.filter((block) => block.start >= last.end));
    if (rest.value !== '') this.stray(rest.start, end, 'text after the last task');
    const block = lead ? owner.raw : raw();
    const path = lead ? owner.path : this.push(owner, block, start, end);
    if (tasks.length === 1 && !lead) {
      const text = this.source.without(start, last.start, blocks.filter((b) => b !== last));
      block.text = text.value;
      this.source.recordText([...path, 'text'], text);
      block.task = this.role(last, [...path, 'task']);
      return;
    }
    const list: Raw[] = [];
    block.tasks = list;
    let at = start;
    for (const task of tasks) {
      const text = this.source.without(at, task.start, blocks.filter((b) => !endsTask(b) && b.start >= at && b.end <= task.start));
      at = task.end;
      if (text.value === '') {
        this.stray(task.start, task.end, 'task attributes with no text');
        continue;
      }
      const taskPath = [...path, 'tasks', list.length];
      if (list.length === 0) this.source.record([...path, 'tasks'], text.start, text.start + text.value.length);
      this.source.record(taskPath, text.start, text.start + text.value.length);
      const entry = this.role(task, taskPath);
      entry.text = text.value;
      this.source.recordText([...taskPath, 'text'], text);
      list.push(entry);
    }
  }

  /** Makes the owner (an item or bullet) a task, from a block written alone or ending its first paragraph. */
  private ownerTask(block: AttributeBlock, owner: Owner): void {
    if (owner.kind !== 'item' && owner.kind !== 'bullet') {
      this.stray(block.start, block.end, 'task attributes with no text');
      return;
    }
    if (owner.raw.task !== undefined) {
      this.stray(block.start, block.end, 'a second task for one item');
      return;
    }
    owner.raw.task = this.role(block, [...owner.path, 'task']);
  }

  /** A task role from its block: id, agencies, deadlines and deliverable. */
  private role(block: AttributeBlock, path: Path): Raw {
    const role = raw();
    this.source.record(path, block.start, block.end);
    if (block.id) {
      role.id = block.id.value;
      this.source.record([...path, 'id'], block.id.start, block.id.start + block.id.value.length, { start: block.id.start - 1, end: block.id.start });
    }
    for (const pair of block.pairs) {
      // `to` belongs to the item (see roles); unknown keys go on, for the shape to name.
      if (pair.key !== 'to') role[pair.key] = attributeValue(this.source, [...path, pair.key], pair);
    }
    return role;
  }

  /**
   * What a block says of its owner: addressees (`to`, on an item's first paragraph), a request,
   * a reporting duty; unknown classes and keys are reported.
   */
  private roles(block: AttributeBlock, owner: Owner, first: boolean): void {
    if (block.classes.some((c) => c.name === 'report')) {
      this.report(block, owner);
      return;
    }
    const to = block.pairs.find((pair) => pair.key === 'to');
    if (to && first && owner.kind === 'item') owner.raw.to = listValue(this.source, [...owner.path, 'to'], to);
    else if (to) {
      this.source.structure(to.keyStart, to.valueStart + to.valueLength, 'to=', 'Ghi {to="…"} ở cuối đoạn đầu tiên của mục.', 'Write {to="…"} at the end of the item\'s first paragraph.');
    }
    const request = block.classes.find((c) => c.name === 'request');
    if (request && first && owner.kind === 'item') {
      owner.raw.request = true;
      this.source.record([...owner.path, 'request'], request.start - 1, request.start + request.name.length);
    } else if (request) {
      this.source.structure(request.start - 1, request.start + request.name.length, '.request', 'Ghi {.request} ở cuối đoạn đầu tiên của mục đề nghị.', 'Write {.request} at the end of the request item\'s first paragraph.');
    }
    const unknownClass = block.classes.some((c) => !CLASSES.has(c.name));
    const unknownKey = !endsTask(block) && block.pairs.some((pair) => pair.key !== 'to');
    if (unknownClass || unknownKey) this.source.badAttributes(block);
  }

  /** Adds a reporting duty from a `{.report to=… via=… due=… text=…}` block to the owner. */
  private report(block: AttributeBlock, owner: Owner): void {
    if (block.id || block.classes.length > 1) this.source.badAttributes(block);
    const reports = (owner.raw.reports ??= []) as Raw[];
    const path = [...owner.path, 'reports', reports.length];
    if (reports.length === 0) this.source.record([...owner.path, 'reports'], block.start, block.end);
    this.source.record(path, block.start, block.end);
    const report = raw();
    for (const pair of block.pairs) report[pair.key] = attributeValue(this.source, [...path, pair.key], pair);
    reports.push(report);
  }

  /** An ordered list: numbered items (the numbers typed are ignored; the compiler numbers). */
  private items(list: List, owner: Owner): void {
    const { start, end } = offsets(list);
    const items: Raw[] = [];
    const block = raw();
    const path = this.push(owner, block, start, end);
    block.items = items;
    this.source.record([...path, 'items'], start, end);
    for (const listItem of list.children) {
      const itemPath = [...path, 'items', items.length];
      items.push(this.item(listItem, { raw: raw(), path: itemPath, kind: 'item', addressed: owner.addressed, inTask: owner.inTask }));
    }
  }

  /** A numbered item: its first paragraph (or bold title) and addressees, then its blocks. */
  private item(listItem: ListItem, owner: Owner): Raw {
    const { start, end } = offsets(listItem);
    this.source.record(owner.path, start, end);
    const [first, ...rest] = listItem.children;
    if (first?.type === 'paragraph') this.opening(first, owner);
    else if (first) this.block(first, owner);
    const inner: Owner = { ...owner, addressed: owner.addressed || owner.raw.to !== undefined, inTask: owner.inTask || owner.raw.task !== undefined };
    this.blocks(rest, inner);
    return owner.raw;
  }

  /**
   * The first paragraph of an item or a bullet: its text (an item's may be a bold title), its
   * roles, and a task block ending it alone, which makes the whole item or bullet the task.
   */
  private opening(node: Paragraph, owner: Owner): void {
    const { start, end } = offsets(node);
    const blocks = this.source.blocks(node, start, end);
    blocks.forEach((block) => this.roles(block, owner, true));
    const tasks = blocks.filter(endsTask);
    const last = tasks[0];
    const endsAlone = tasks.length === 1 && this.source.without(last!.end, end, blocks.filter((block) => block.start >= last!.end)).value === '';
    if (tasks.length > 1 || (tasks.length === 1 && !endsAlone)) {
      // Several tasks in the first paragraph: they are its sentences; an item opens with that
      // paragraph, a bullet's lead is it.
      this.taskParagraph(start, end, blocks, owner, owner.kind === 'bullet');
      return;
    }
    if (endsAlone) owner.raw.task = this.role(last!, [...owner.path, 'task']);
    const text = this.source.without(start, end, blocks);
    if (text.value === '') return;
    if (owner.kind === 'item' && this.isTitle(node, text)) {
      owner.raw.title = titleText(this.source, node);
      this.source.recordText([...owner.path, 'title'], this.source.slice(offsets(firstStrong(node)!.children[0]!).start, offsets(firstStrong(node)!.children.at(-1)!).end));
      return;
    }
    owner.raw.text = text.value;
    this.source.recordText([...owner.path, 'text'], text);
  }

  /** Whether a paragraph is one `**strong**` run and nothing else: an item's title. */
  private isTitle(node: Paragraph, text: Slice): boolean {
    const strong = firstStrong(node);
    if (!strong || strong.children.length === 0) return false;
    return text.start === offsets(strong).start && text.start + text.value.length === offsets(strong).end;
  }

  /** A bullet list: its mark as typed, and each bullet with what continues it. */
  private bullets(list: List, owner: Owner): void {
    const { start, end } = offsets(list);
    const bullets: Raw[] = [];
    const block = raw();
    const path = this.push(owner, block, start, end);
    block.bullets = bullets;
    const marker = this.source.text[start];
    if (marker === '+' || marker === '*') block.marker = marker;
    this.source.record([...path, 'bullets'], start, end);
    for (const listItem of list.children) {
      const bulletPath = [...path, 'bullets', bullets.length];
      // Under an addressed item, a first-level bullet without attributes is a task of the addressees.
      const whole = owner.addressed && owner.kind === 'item' && !owner.inTask;
      bullets.push(this.bullet(listItem, { raw: raw(), path: bulletPath, kind: 'bullet', addressed: false, inTask: owner.inTask }, whole));
    }
  }

  private bullet(listItem: ListItem, owner: Owner, whole: boolean): Raw {
    const { start, end } = offsets(listItem);
    this.source.record(owner.path, start, end);
    const [first, ...rest] = listItem.children;
    if (first?.type === 'paragraph') this.opening(first, owner);
    else if (first) this.block(first, owner);
    if (whole && owner.raw.task === undefined && owner.raw.tasks === undefined) owner.raw.task = raw();
    const inner: Owner = { ...owner, inTask: owner.inTask || owner.raw.task !== undefined };
    this.blocks(rest, inner);
    return owner.raw;
  }

  private stray(start: number, end: number, detail: string): void {
    this.source.structure(
      start,
      end,
      detail,
      'Mỗi nhiệm vụ kết thúc bằng khối thuộc tính của nó, vd: "… nội dung. {#ma-nhiem-vu lead=so-tu-phap}"; khối thuộc tính đứng riêng một dòng ở cuối mục (hoặc gạch đầu dòng) làm cả mục thành một nhiệm vụ; đoạn văn không phải nhiệm vụ viết thành đoạn riêng.',
      'Each task ends with its attribute block, e.g. "… text. {#task-id lead=so-tu-phap}"; a block on a line of its own at the end of an item (or bullet) makes the whole item one task; write other prose as a paragraph of its own.',
    );
  }
}

function firstStrong(node: Paragraph): Strong | undefined {
  return node.children.find((child): child is Strong => child.type === 'strong');
}

/** The source inside a title's `**…**`. */
function titleText(source: MarkdownSource, node: Paragraph): string {
  const strong = firstStrong(node)!;
  return source.slice(offsets(strong.children[0]!).start, offsets(strong.children.at(-1)!).end).value;
}

/** The raw value of an attribute: a string, or a list for a list key. */
function attributeValue(source: MarkdownSource, path: Path, pair: Attribute): unknown {
  if (pair.key in LIST_SEPARATORS) return listValue(source, path, pair);
  source.record(path, pair.valueStart, pair.valueStart + pair.valueLength, { start: pair.keyStart, end: pair.keyStart + pair.key.length });
  return pair.value;
}

/**
 * A list value: a string when it names one thing (the YAML form's shorthand), a list otherwise,
 * each name recorded where it was written.
 */
function listValue(source: MarkdownSource, path: Path, pair: Attribute): string | string[] {
  const key = { start: pair.keyStart, end: pair.keyStart + pair.key.length };
  source.record(path, pair.valueStart, pair.valueStart + pair.valueLength, key);
  const names = pair.value.split(LIST_SEPARATORS[pair.key] ?? ',').map((name) => name.trim()).filter(Boolean);
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
