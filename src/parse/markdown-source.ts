/**
 * What every part of the Markdown reader shares: the source text, the source map being filled
 * and the diagnostics found, with helpers to cut prose out of the source and record where it was.
 */
import type { Nodes } from 'mdast';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { Path } from '../model/shape.js';
import { type AttributeBlock, type BadBlock, findAttributeBlocks, isBad, type Range } from './attributes.js';
import type { SourceMap, SourceSpan } from './source-map.js';

/** A prose value cut from the source, with the offset of its first character. */
export interface Slice {
  value: string;
  start: number;
}

/** A raw mapping as the YAML reader builds them: no prototype, so any key is just a key. */
export type Raw = Record<string, unknown>;

/** A new empty raw mapping. */
export function raw(): Raw {
  return Object.create(null) as Raw;
}

/** Start and end source offsets of a node (remark sets them on every node it parses). */
export function offsets(node: Nodes): { start: number; end: number } {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/** The Markdown file being read: its text, its source map and the problems found so far. */
export class MarkdownSource {
  private readonly lineStarts: number[] = [0];
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly text: string,
    readonly file: string,
    readonly map: SourceMap,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of a source offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  /** The source offset of a 1-based line and column. */
  offset(line: number, column: number): number {
    return this.lineStarts[line - 1]! + column - 1;
  }

  /** The span of `start..end`, cut at the end of its first line. */
  span(start: number, end: number): SourceSpan {
    const lineEnd = this.text.indexOf('\n', start);
    const stop = Math.min(end, lineEnd === -1 ? end : lineEnd);
    return { ...this.position(start), length: Math.max(1, stop - start) };
  }

  /** Records a non-prose value (a kind, an agency name) at `path`; `key` is where its key was written. */
  record(path: Path, start: number, end: number, key?: { start: number; end: number }): void {
    const span = this.span(start, end);
    if (key) span.key = this.span(key.start, key.end);
    this.map.set(path, span);
  }

  /**
   * Records a prose value at `path`. Its later lines keep their indentation in the value, so
   * they start at column 1: an offset inside the value maps back to the exact source column.
   */
  recordText(path: Path, slice: Slice): void {
    const span = this.span(slice.start, slice.start + slice.value.length);
    span.text = { line: span.line, column: span.column, continuationColumn: 1 };
    this.map.set(path, span);
  }

  /** The source between two offsets with white space trimmed, keeping where it starts. */
  slice(start: number, end: number): Slice {
    const text = this.text.slice(start, end);
    const lead = text.length - text.trimStart().length;
    return { value: text.trim(), start: start + lead };
  }

  /** Several slices as one prose value, joined by a blank line (Markdown's paragraph break). */
  join(slices: readonly Slice[]): Slice | undefined {
    const kept = slices.filter((slice) => slice.value !== '');
    if (kept.length === 0) return undefined;
    return { value: kept.map((slice) => slice.value).join('\n\n'), start: kept[0]!.start };
  }

  /**
   * The attribute blocks written between `start` and `end` (inline code and HTML in `node`
   * excepted); blocks that cannot be read are reported and left out.
   */
  blocks(node: Nodes, start: number, end: number): AttributeBlock[] {
    const found = findAttributeBlocks(this.text, start, end, literalRanges(node));
    found.filter(isBad).forEach((block) => this.badAttributes(block));
    return found.filter((block): block is AttributeBlock => !isBad(block));
  }

  /**
   * Reports an attribute block that cannot be read, or that says something meaningless where it
   * is; a value of several words without quotes is shown at the value, with its quoted form.
   */
  badAttributes(block: Range & Pick<BadBlock, 'unquoted'>): void {
    const text = this.text.slice(block.start, block.end).split('\n')[0]!;
    const { unquoted } = block;
    const span = unquoted ? this.span(unquoted.start, unquoted.start + unquoted.value.length) : this.span(block.start, block.end);
    this.diagnostics.push(diagnostic('attribute-syntax', { file: this.file, ...span }, unquoted ? { text, key: unquoted.key, value: unquoted.value } : { text }));
  }

  /** The source of `start..end` with the given blocks cut out, trimmed; `start` is its first kept character. */
  without(start: number, end: number, blocks: readonly Range[]): Slice {
    let value = '';
    let first: number | undefined;
    const take = (from: number, to: number) => {
      const piece = this.text.slice(from, to);
      if (first === undefined && piece.trim() !== '') first = from + piece.length - piece.trimStart().length;
      value += piece;
    };
    let at = start;
    for (const block of blocks) {
      take(at, block.start);
      at = block.end;
    }
    take(at, end);
    return { value: value.trim(), start: first ?? start };
  }

  /** Reports Markdown the plan format has no place for, with what to write instead. */
  structure(start: number, end: number, detail: string, hintVi: string, hintEn: string): void {
    this.diagnostics.push(diagnostic('markdown-structure', { file: this.file, ...this.span(start, end) }, { detail, hintVi, hintEn }));
  }

  /** Reports a node the plan format has no place for, with a hint for its kind. */
  misplaced(node: Nodes): void {
    const { start, end } = offsets(node);
    const [detail, hintVi, hintEn] = misplacedHint(node);
    this.structure(start, end, detail, hintVi, hintEn);
  }
}

/** Ranges inside `node` where a brace is literal text: inline code and inline HTML. */
function literalRanges(node: Nodes): Range[] {
  if (node.type === 'inlineCode' || node.type === 'html') return [offsets(node)];
  if (!('children' in node)) return [];
  return (node.children as Nodes[]).flatMap(literalRanges);
}

/** What to say about a block of Markdown found where the format has no place for it. */
function misplacedHint(node: Nodes): [string, string, string] {
  switch (node.type) {
    case 'heading':
      return [
        `${'#'.repeat(node.depth)} heading`,
        'Dùng "#" cho phần lớn (Phần I), "##" cho phần I., II.; mục 1., 2. viết thành danh sách đánh số, tên mục in đậm: 1. **Tên mục**',
        'Use "#" for parts, "##" for sections I., II.; write items 1., 2. as a numbered list with a bold title: 1. **Title**',
      ];
    case 'table':
      return ['table', 'Bảng chỉ dùng trong phụ lục (trường appendices ở phần đầu tệp).', 'Tables belong in appendices (the appendices field of the front matter).'];
    case 'code':
      return ['code block', 'Bỏ thụt lề 4 dấu cách (hoặc dấu ```) để viết đoạn văn thường.', 'Remove the 4-space indent (or the ``` fence) to write a plain paragraph.'];
    case 'blockquote':
      return ['block quote', 'Bỏ dấu ">" ở đầu dòng và viết đoạn văn thường.', 'Remove the ">" and write a plain paragraph.'];
    case 'html':
      return ['HTML', 'Bỏ thẻ HTML; dùng *nghiêng* hoặc **đậm**.', 'Remove the HTML; use *italic* or **bold**.'];
    case 'thematicBreak':
      return ['---', 'Bỏ dòng kẻ; chương trình tự trình bày văn bản.', 'Remove the rule; the compiler lays the document out.'];
    case 'list':
      return node.ordered
        ? ['numbered list', 'Danh sách đánh số (1., 2.) đặt trong một phần "## ..." hoặc thụt lề vào trong một mục.', 'Put numbered lists (1., 2.) under a "## ..." section or indent them into an item.']
        : ['bullet list', 'Các ý của phần viết thành danh sách đánh số (1., 2.); gạch đầu dòng (-) đặt thụt lề trong một mục.', 'Write a section\'s points as a numbered list (1., 2.); indent dash bullets (-) into an item.'];
    case 'paragraph':
      return [
        'paragraph after the list',
        'Đặt đoạn văn trước danh sách (đoạn mở đầu của phần), hoặc thụt lề cho thẳng chữ của mục phía trên để thuộc về mục đó.',
        'Put the paragraph before the list (the section\'s intro), or indent it to the item above to make it part of that item.',
      ];
    default:
      return [node.type, 'Xóa phần này hoặc viết thành đoạn văn thường.', 'Remove it or write it as a plain paragraph.'];
  }
}
