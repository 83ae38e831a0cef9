/**
 * Reading composed Markdown (a plan's body, each agency's extract, the assignment table) back
 * into the mdast tree the typesetters draw: the tree remark-parse with remark-gfm gives, without
 * source positions.
 *
 * Why not just remark: micromark costs about 4 ms for a document of ours and a plan makes one
 * for itself and one per agency (~32), which was most of the time a batch spends composing. Our
 * templates write few shapes, so documents made only of those (headings, paragraphs, tight "- "
 * lists, one-line footnote definitions) are read here by a line scanner that gives remark's very
 * tree; anything else, even one doubtful line, is read by remark as a whole. Inline text with
 * markup other than escapes and footnote references still goes to remark, one paragraph at a
 * time and memoised (markdown-inline.ts). The equivalence is tested on every document of the
 * example project (test/compose/markdown-parse.test.ts) and by a property test against remark
 * (test/property/markdown.property.test.ts).
 */
import type { FootnoteDefinition, Heading, List, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { footnoteIdentifier, isBlank, opensBlock, readWithRemark, stripPositions } from '../model/markdown-syntax.js';
import { FOOTNOTE_LABEL, footnoteKey, headingPhrasing, paragraphPhrasing, type FootnoteLabels } from './markdown-inline.js';

/** Parses composed Markdown into the tree typesetters draw; positions are the template's, so dropped. */
export function parseMarkdown(source: string): Root {
  const fast = parseCommonShape(source);
  if (fast) return fast;
  const tree = readWithRemark(source);
  markBullets(tree, source);
  stripPositions(tree);
  return tree;
}

/** Keeps the mark of every bullet list written with "+" or "*": remark's tree does not say it. */
function markBullets(node: Nodes, source: string): void {
  if (node.type === 'list' && !node.ordered) {
    const mark = source[node.position?.start.offset ?? -1];
    if (mark === '+' || mark === '*') node.data = { ...node.data, marker: mark };
  }
  if ('children' in node) for (const child of node.children) markBullets(child, source);
}

type Block =
  | { kind: 'heading'; depth: Heading['depth']; text: string }
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; items: string[] }
  | { kind: 'footnote'; label: string; text: string };

/** An ATX heading with its text; a closing sequence of "#" is left to remark. */
const HEADING = /^(#{1,6}) +(.*?) *$/;
/** A one-line footnote definition. */
const FOOTNOTE_DEFINITION = /^\[\^([^\]]*)\]: (.*?) *$/;

/**
 * The fast path: the tree of a document made only of blank lines, ATX headings, paragraphs,
 * tight lists of one-line "- " items and one-line footnote definitions, as remark gives it; or
 * undefined for any other document (then remark must read it).
 */
export function parseCommonShape(source: string): Root | undefined {
  // Carriage returns stay in remark's text values; tabs, NUL and a byte order mark have rules of their own.
  if (/[\r\t\0\uFEFF]/.test(source)) return undefined;
  const blocks = scanBlocks(source.split('\n'));
  if (!blocks) return undefined;
  const labels = new Map<string, string>();
  for (const block of blocks) if (block.kind === 'footnote' && !labels.has(footnoteKey(block.label))) labels.set(footnoteKey(block.label), block.label);
  const children: RootContent[] = [];
  for (const block of blocks) {
    const node = blockNode(block, labels);
    if (!node) return undefined;
    children.push(node);
  }
  return { type: 'root', children };
}

function scanBlocks(lines: string[]): Block[] | undefined {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
    } else if (line[0] === '#') {
      const heading = headingBlock(line);
      if (!heading) return undefined;
      blocks.push(heading);
      i++;
    } else if (line.startsWith('- ')) {
      const items: string[] = [];
      for (; i < lines.length && lines[i]!.startsWith('- '); i++) {
        const item = itemText(lines[i]!);
        if (item === undefined) return undefined;
        items.push(item);
      }
      // The list must end at a blank line (not go on lazily), and the next block must not be an
      // item again: that would be the same list, loose.
      if (i < lines.length && !isBlank(lines[i]!)) return undefined;
      let next = i;
      while (next < lines.length && isBlank(lines[next]!)) next++;
      if (lines[next]?.startsWith('-')) return undefined;
      blocks.push({ kind: 'list', items });
    } else if (line.startsWith('[^')) {
      // Footnote definitions stand between blank lines: a line after one would continue it.
      const match = FOOTNOTE_DEFINITION.exec(line);
      if (!match || !FOOTNOTE_LABEL.test(match[1]!) || !paragraphStart(match[2]!)) return undefined;
      if (i + 1 < lines.length && !isBlank(lines[i + 1]!)) return undefined;
      blocks.push({ kind: 'footnote', label: match[1]!, text: match[2]! });
      i++;
    } else {
      if (!paragraphStart(line)) return undefined;
      const paragraph = [line];
      for (i++; i < lines.length && !isBlank(lines[i]!); i++) {
        const next = lines[i]!;
        // An ATX heading and a non-empty "- " item interrupt a paragraph; other lines continue it.
        if (headingBlock(next) || (next.startsWith('- ') && itemText(next) !== undefined)) break;
        if (!paragraphStart(next)) return undefined;
        paragraph.push(next);
      }
      blocks.push({ kind: 'paragraph', lines: paragraph });
    }
  }
  return blocks;
}

/** A line that begins a paragraph, or continues one, as nothing else: not indented, opening no block. */
function paragraphStart(line: string): boolean {
  return line.length > 0 && line[0] !== ' ' && !opensBlock(line);
}

function headingBlock(line: string): Block | undefined {
  const match = HEADING.exec(line);
  const text = match?.[2];
  if (!text || text.endsWith('#')) return undefined;
  return { kind: 'heading', depth: match[1]!.length as Heading['depth'], text };
}

/** The text of a "- " item whose paragraph is that text alone (not empty, not a nested block). */
function itemText(line: string): string | undefined {
  const text = line.slice(2);
  return paragraphStart(text) ? text : undefined;
}

function blockNode(block: Block, labels: FootnoteLabels): RootContent | undefined {
  switch (block.kind) {
    case 'heading': {
      const children = headingPhrasing(block.text, labels);
      return children && ({ type: 'heading', depth: block.depth, children } satisfies Heading);
    }
    case 'paragraph':
      return paragraph(paragraphPhrasing(block.lines, labels));
    case 'list': {
      const list: List = { type: 'list', ordered: false, start: null, spread: false, children: [] };
      for (const item of block.items) {
        const content = paragraph(paragraphPhrasing([item], labels));
        if (!content) return undefined;
        list.children.push({ type: 'listItem', spread: false, checked: null, children: [content] });
      }
      return list;
    }
    case 'footnote': {
      const content = paragraph(paragraphPhrasing([block.text], labels));
      return content && ({ type: 'footnoteDefinition', identifier: footnoteIdentifier(block.label), label: block.label, children: [content] } satisfies FootnoteDefinition);
    }
  }
}

function paragraph(children: PhrasingContent[] | undefined): Paragraph | undefined {
  return children && { type: 'paragraph', children };
}
