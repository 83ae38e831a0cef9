/**
 * Markdown reader: a `*.plan.md` file → the same plain data as the YAML form, plus a source
 * map into the Markdown file.
 *
 * The front matter holds the plan's fields; the body gives the opening, the parts and
 * sections (headings), their numbered items (ordered lists) and the footnotes. Prose values
 * are exact slices of the source, never re-serialised, so that emphasis and footnote
 * references reach the model stage as they were typed and positions inside them map back.
 */
import type { FootnoteDefinition, Heading, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type Diagnostic, diagnostic, type Location } from '../diagnostics/diagnostic.js';
import type { Path } from '../model/shape.js';
import type { SectionKind } from '../model/plan.js';
import { BlockReader, type Owner } from './markdown-blocks.js';
import { MarkdownSource, offsets, type Raw, raw, type Slice } from './markdown-source.js';
import { markdownTooDeep } from './markdown-nesting.js';
import { SourceMap } from './source-map.js';
import { type ParsedSource, readYaml } from './yaml.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** The fields the body provides; the front matter must not give them too. */
const BODY_KEYS = ['opening', 'sections', 'parts', 'footnotes', 'closing'] as const;

/** Reads a `*.plan.md` file (NFC, LF line ends). Data is undefined when the front matter is missing or unreadable. */
export function readMarkdown(text: string, file: string): ParsedSource {
  const tooDeep = markdownTooDeep(text, file); if (tooDeep) return tooDeep; // before the parser, which deep nesting overflows
  const map = new SourceMap(file);
  const tree = parser.parse(text);
  const front = tree.children[0];
  if (front?.type !== 'yaml') {
    return { file, data: undefined, map, diagnostics: [diagnostic('front-matter-missing', { file, line: 1, column: 1 })] };
  }
  // The front matter's text starts on line 2, after the opening "---".
  const matter = readYaml(front.value, file, { lineOffset: 1, map });
  const written = frontMatterKeys(matter.data, map);
  const source = new MarkdownSource(text, file, map);
  const body = new BodyReader(source).read(tree);
  const diagnostics = [...matter.diagnostics, ...conflicts(written, body), ...source.diagnostics];
  return { file, data: merge(matter.data, body), map, diagnostics };
}

/** Where the front matter wrote each body field it has (found before the body's spans replace them). */
function frontMatterKeys(data: unknown, map: SourceMap): Map<string, Location> {
  const written = new Map<string, Location>();
  if (!isMapping(data)) return written;
  for (const key of BODY_KEYS) if (key in data) written.set(key, map.locate([key], 'key'));
  return written;
}

/** A body field also written in the front matter: one of the two would be lost. */
function conflicts(written: Map<string, Location>, body: Raw): Diagnostic[] {
  return [...written]
    .filter(([key]) => key in body)
    .map(([key, location]) =>
      diagnostic('markdown-structure', location, {
        detail: `${key} (front matter)`,
        hintVi: `Phần thân tệp đã cho "${key}"; xóa trường này khỏi phần đầu tệp.`,
        hintEn: `The body already gives "${key}"; remove it from the front matter.`,
      }),
    );
}

/** The front matter's fields with the body's added; an unreadable front matter gives no data. */
function merge(matter: unknown, body: Raw): unknown {
  if (matter === undefined) return undefined;
  // An empty front matter reads as null; anything else that is not a mapping is left for the shape to report.
  const data = matter === null ? raw() : matter;
  if (!isMapping(data)) return data;
  return Object.assign(data, body);
}

function isMapping(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Section kinds by heading text, compared case-insensitively with spaces collapsed. */
const KIND_NAMES: Record<Exclude<SectionKind, 'custom'>, string[]> = {
  purpose: ['mục đích, yêu cầu', 'mục đích và yêu cầu', 'mục đích'],
  assignments: ['nội dung và phân công nhiệm vụ', 'nhiệm vụ và giải pháp', 'nhiệm vụ, giải pháp', 'nội dung', 'nhiệm vụ', 'nội dung, nhiệm vụ'],
  implementation: ['tổ chức thực hiện'],
  funding: ['kinh phí', 'kinh phí thực hiện'],
};

/** The template's title of each kind: a heading that says just this leaves the title to the template. */
const DEFAULT_TITLES: Record<Exclude<SectionKind, 'custom'>, string> = {
  purpose: 'MỤC ĐÍCH, YÊU CẦU',
  assignments: 'NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ',
  implementation: 'TỔ CHỨC THỰC HIỆN',
  funding: 'KINH PHÍ THỰC HIỆN',
};

const KINDS = new Set<string>(['purpose', 'assignments', 'implementation', 'funding', 'custom']);

/** A number typed before a heading ("II. ", "3) ", "Phần I: "): the compiler numbers headings itself. */
const TYPED_NUMBER = /^(?:phần\s+)?(?:[IVXLC]+|\d{1,2})(?:\s*[.):\-–]|(?=\s))\s*/iu;

/** Compares heading words the way a clerk reads them: case, spacing and Unicode form aside. */
function normalise(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

function inferKind(title: string): SectionKind {
  const words = normalise(title);
  const found = Object.entries(KIND_NAMES).find(([, names]) => names.includes(words));
  return (found?.[0] as SectionKind | undefined) ?? 'custom';
}

/** Reads the body (everything after the front matter) into opening, parts, sections, closing and footnotes. */
class BodyReader {
  private readonly opening: Slice[] = [];
  private readonly closing: Slice[] = [];
  private readonly parts: Raw[] = [];
  private readonly sections: Raw[] = [];
  private readonly footnotes = raw();
  private readonly blocks: BlockReader;
  /** Where the blocks read now go: the open section, or a part holding its blocks directly. */
  private owner: Owner | undefined;
  /** After a "---" that ends the last section: the closing paragraphs. */
  private closed = false;

  constructor(private readonly source: MarkdownSource) {
    this.blocks = new BlockReader(source);
  }

  read(tree: Root): Raw {
    this.gatherFootnotes(tree);
    for (const node of tree.children.slice(1)) this.block(node);
    this.closeOwner();
    return this.result();
  }

  private result(): Raw {
    const body = raw();
    const opening = this.source.join(this.opening);
    if (opening) {
      body.opening = opening.value;
      this.source.recordText(['opening'], opening);
    }
    if (this.sections.length > 0) body.sections = this.sections;
    if (this.parts.length > 0) body.parts = this.parts;
    const closing = this.source.join(this.closing);
    if (closing) {
      body.closing = closing.value;
      this.source.recordText(['closing'], closing);
    }
    if (Object.keys(this.footnotes).length > 0) body.footnotes = this.footnotes;
    return body;
  }

  private block(node: RootContent): void {
    if (node.type === 'footnoteDefinition') return;
    if (this.closed) {
      if (node.type === 'paragraph') this.closing.push(this.plainParagraph(node));
      else this.source.misplaced(node);
    } else if (node.type === 'heading' && node.depth === 1) this.part(node);
    else if (node.type === 'heading' && node.depth === 2) this.openSection(node);
    else if (node.type === 'thematicBreak' && (this.sections.length > 0 || this.parts.length > 0)) {
      // "---" after the last section: what follows is the closing ("Trên đây là Kế hoạch ...").
      this.closeOwner();
      this.closed = true;
    } else if (this.owner && node.type !== 'heading' && node.type !== 'thematicBreak') this.blocks.blocks([node], this.owner);
    else if (node.type === 'paragraph' && this.parts.length === 0) this.opening.push(this.plainParagraph(node));
    else this.source.misplaced(node);
  }

  /** `# Heading`: a part; the `##` headings after it are its sections. */
  private part(node: Heading): void {
    this.closeOwner();
    const path = ['parts', this.parts.length];
    const { start, end } = offsets(node);
    if (this.parts.length === 0) this.source.record(['parts'], start, end);
    this.source.record(path, start, end);
    const { title, blocks } = this.headingText(node, false);
    blocks.forEach((block) => this.source.badAttributes(block));
    const part = raw();
    part.title = title.value;
    this.source.recordText([...path, 'title'], title);
    this.parts.push(part);
    // Until a "##" opens a section, the part holds its blocks (numbered items, paragraphs) itself.
    this.owner = { raw: part, path, kind: 'part', addressed: false, inTask: false };
  }

  /** `## Heading`: a section of the current part, or of the plan when there are no parts. */
  private openSection(node: Heading): void {
    const part = this.parts.at(-1);
    if (part && this.owner?.raw === part && part.body !== undefined) {
      // A part holds sections or blocks, not both: its blocks before the first "##" have no place
      // (the error stops the build, so nothing is lost without a word).
      const first = this.source.map.get([...this.owner.path, 'body'])!;
      const start = this.source.offset(first.line, first.column);
      this.source.structure(start, start + first.length, 'text under a part heading before its sections', 'Phần lớn chia thành các phần "## …" chỉ có tên; viết nội dung này trong một phần "## …" của nó, hoặc bỏ các phần "## …" để phần lớn chứa trực tiếp các mục.', 'A part divided into "## …" sections has a title only; write this text in one of its sections, or drop the sections so that the part holds its items directly.');
      delete part.body;
    }
    this.closeOwner();
    const siblings = part ? ((part.sections ??= []) as Raw[]) : this.sections;
    const partPath = ['parts', this.parts.length - 1];
    const path = part ? [...partPath, 'sections', siblings.length] : ['sections', siblings.length];
    const { start, end } = offsets(node);
    if (siblings.length === 0) this.source.record(part ? [...partPath, 'sections'] : ['sections'], start, end);
    this.source.record(path, start, end);
    const section = raw();
    this.sectionHeading(node, section, path);
    siblings.push(section);
    this.owner = { raw: section, path, kind: 'section', addressed: false, inTask: false };
  }

  /** A section's kind (from a `{.kind}` class, else from its words) and its title unless the template's. */
  private sectionHeading(node: Heading, section: Raw, path: Path): void {
    const { title, blocks } = this.headingText(node);
    const classes = blocks.flatMap((block) => block.classes.filter((c) => KINDS.has(c.name)));
    for (const block of blocks) {
      if (block.id || block.pairs.length > 0 || block.classes.some((c) => !KINDS.has(c.name)) || classes.length > 1) this.source.badAttributes(block);
    }
    const explicit = classes[0];
    const kind = (explicit?.name as SectionKind | undefined) ?? inferKind(title.value);
    section.kind = kind;
    if (explicit) this.source.record([...path, 'kind'], explicit.start - 1, explicit.start + explicit.name.length);
    else this.source.record([...path, 'kind'], title.start, title.start + title.value.length);
    const template = kind === 'custom' ? undefined : DEFAULT_TITLES[kind];
    if (title.value !== '' && (template === undefined || normalise(title.value) !== normalise(template))) {
      section.title = title.value;
      this.source.recordText([...path, 'title'], title);
    }
  }

  /** A heading's words without its attribute blocks and typed number. */
  private headingText(node: Heading, numbered = true): { title: Slice; blocks: ReturnType<MarkdownSource['blocks']> } {
    const first = node.children[0];
    const last = node.children.at(-1);
    const start = first ? offsets(first).start : offsets(node).end;
    const end = last ? offsets(last).end : offsets(node).end;
    const blocks = this.source.blocks(node, start, end);
    const text = this.source.without(start, end, blocks);
    // A section's typed number is the compiler's to print; a part's typed label ("A.", "Phần I")
    // stays in its title, where the model reads the plan's labelling from it.
    const number = numbered ? (TYPED_NUMBER.exec(text.value)?.[0].length ?? 0) : 0;
    return { title: { value: text.value.slice(number), start: text.start + number }, blocks };
  }

  /** Ends the section or part being read. */
  private closeOwner(): void {
    this.owner = undefined;
  }

  /** A paragraph of plain prose (opening, intro, footnote): attribute blocks have no meaning there. */
  private plainParagraph(node: Paragraph): Slice {
    const { start, end } = offsets(node);
    const blocks = this.source.blocks(node, start, end);
    for (const block of blocks) {
      this.source.structure(block.start, block.end, 'attributes outside an item', 'Thuộc tính {…} chỉ ghi trong các mục đánh số (1., 2.) và gạch đầu dòng.', 'Attributes {…} belong in numbered items (1., 2.) and their bullets.');
    }
    return this.source.without(start, end, blocks);
  }

  /** Every footnote definition, wherever it was written: label → the source of its text. */
  private gatherFootnotes(node: Nodes): void {
    if (node.type === 'footnoteDefinition') this.footnote(node);
    else if ('children' in node) for (const child of node.children) this.gatherFootnotes(child);
  }

  private footnote(node: FootnoteDefinition): void {
    const label = node.label ?? node.identifier;
    const { start } = offsets(node);
    const paragraphs: Slice[] = [];
    for (const child of node.children) {
      if (child.type === 'paragraph') paragraphs.push(this.plainParagraph(child));
      else this.source.misplaced(child);
    }
    const text = this.source.join(paragraphs) ?? { value: '', start };
    if (Object.keys(this.footnotes).length === 0) this.source.record(['footnotes'], start, start + label.length + 3);
    this.footnotes[label] = text.value;
    this.source.recordText(['footnotes', label], text);
    const span = this.source.map.get(['footnotes', label])!;
    // The key is the "[^label]" that opens the definition.
    span.key = this.source.span(start, start + label.length + 3);
  }
}
