/**
 * Prose: the Markdown a clerk writes in a plan's text fields, read into phrasing nodes.
 *
 * Only paragraphs with emphasis, strong text and footnote references belong in a prose field;
 * anything that would open a heading, a list or a table is kept as the literal text it was
 * written as and reported, so that user text can never change the structure of a document.
 */
import type { PhrasingContent, Root } from 'mdast';
import { AUTOLINK_LITERAL, footnoteIdentifier, INLINE_MARKUP, matchEmphasis, opensBlock, parseWithFootnotes, stripPositions } from './markdown-syntax.js';
import { markdownNesting } from '../parse/markdown-nesting.js';
import { codePointName, HIDDEN_ESCAPED } from '../parse/text.js';
import { MAX_DEPTH } from '../parse/yaml.js';
import type { Inline } from './plan.js';

/** A problem inside a prose field, at a character offset of the field's text. */
export interface ProseProblem {
  kind: 'unknown-footnote' | 'markdown-structure' | 'typed-numbering' | 'too-deep' | 'control-char';
  offset: number;
  length: number;
  /** The label, the structure's name, the typed number, the nesting limit, or the hidden character ("U+202E"). */
  detail: string;
}

/** Numbers and bullets typed by hand at the start of a text: "II.", "3.", "1.2.", "b)", "-". */
const TYPED_NUMBER = /^\s*((?:[IVXLC]+|\d+(?:\.\d+)*)\.|[a-zđ]\)|[-–•+*])\s+/u;

/** Reads a prose field into paragraphs. */
export function parseParagraphs(text: string, labels: readonly string[], problems: ProseProblem[]): Inline[] {
  let source = text;
  // Offsets of problems found after a typed number is cut off are shifted back onto the field.
  let shift = 0;
  const typed = TYPED_NUMBER.exec(source);
  if (typed) {
    problems.push({ kind: 'typed-numbering', offset: typed.index, length: typed[0].trimEnd().length, detail: typed[1]! });
    shift = typed[0].length;
    source = source.slice(shift);
  }
  return referencedParagraphs(source, labels) ?? markdownParagraphs(source, labels, problems, shift);
}

/**
 * Prose read by the Markdown parser: what the fast path must agree with (exported for the test
 * that holds it to that), and the reader of anything but text, footnote references and plain
 * emphasis.
 */
export function markdownParagraphs(source: string, labels: readonly string[], problems: ProseProblem[], shift = 0): Inline[] {
  const found: ProseProblem[] = [];
  // Quotes or lists nested past the limit overflow the parser's stack: refused before it runs.
  const deep = markdownNesting(source, MAX_DEPTH);
  if (deep !== undefined) {
    problems.push({ kind: 'too-deep', offset: deep + shift, length: 1, detail: String(MAX_DEPTH) });
    return [];
  }
  const tree = parseWithFootnotes(source, labels);
  const paragraphs: Inline[] = [];
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') continue;
    if (node.type === 'paragraph') {
      paragraphs.push(cleanPhrasing(node.children, source, found));
      continue;
    }
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? source.length;
    found.push({ kind: 'markdown-structure', offset: start, length: Math.max(1, Math.min(end, source.indexOf('\n', start) >>> 0) - start), detail: node.type });
    paragraphs.push([{ type: 'text', value: collapse(source.slice(start, end)) }]);
  }
  problems.push(...found.map((problem) => ({ ...problem, offset: problem.offset + shift })));
  return paragraphs.filter((p) => p.length > 0);
}

/** A footnote reference as typed: "[^label]", the label without spaces, brackets or escapes. */
const FOOTNOTE_CALL = /\[\^([^\]\s\\[^]+)\]/g;
const FOOTNOTE_CALL_HERE = new RegExp(FOOTNOTE_CALL.source, 'y');
const MARKUP = new RegExp(INLINE_MARKUP.source, 'g');

/**
 * Paragraphs of text, footnote references and plain emphasis or strong text, read without the
 * parser when that is all the prose holds (most fields of a plan; running the parser on each was
 * most of the time spent reading a plan): undefined when anything else might be Markdown, when a
 * reference has no definition (the parser's path reports it), or when a reference is followed by
 * what could make it a link.
 */
function referencedParagraphs(source: string, labels: readonly string[]): Inline[] | undefined {
  // Two spaces before a line break make a hard break, which the parser keeps.
  if (AUTOLINK_LITERAL.test(source.replace(FOOTNOTE_CALL, ' ')) || / {2}\n/.test(source) || source.split('\n').some(opensBlock)) return undefined;
  const known = new Set(labels.map(footnoteIdentifier));
  const paragraphs: Inline[] = [];
  for (const paragraph of source.split(/\n[ \t]*\n/)) {
    const nodes: Inline = [];
    let from = 0;
    MARKUP.lastIndex = 0;
    for (let match = MARKUP.exec(paragraph); match; match = MARKUP.exec(paragraph)) {
      const at = match.index;
      nodes.push({ type: 'text', value: collapse(paragraph.slice(from, at)) });
      if (match[0] === '*') {
        const emphasis = matchEmphasis(paragraph, at);
        if (!emphasis) return undefined;
        nodes.push({ type: emphasis.type, children: [{ type: 'text', value: collapse(emphasis.content) }] });
        from = MARKUP.lastIndex = emphasis.end;
        continue;
      }
      FOOTNOTE_CALL_HERE.lastIndex = at;
      const call = FOOTNOTE_CALL_HERE.exec(paragraph);
      if (!call) return undefined;
      const label = call[1]!;
      const after = paragraph[at + call[0].length];
      if (!known.has(footnoteIdentifier(label)) || after === '(' || after === '[' || after === ':') return undefined;
      nodes.push({ type: 'footnoteReference', identifier: footnoteIdentifier(label), label });
      from = MARKUP.lastIndex = at + call[0].length;
    }
    nodes.push({ type: 'text', value: collapse(paragraph.slice(from)) });
    trimEnds(nodes);
    const merged = mergeText(nodes);
    if (merged.length > 0) paragraphs.push(merged);
  }
  return paragraphs;
}

/** Reads a one-paragraph prose field (a title, a task); extra paragraphs are joined by a space. */
export function parseInline(text: string, labels: readonly string[], problems: ProseProblem[]): Inline {
  const paragraphs = parseParagraphs(text, labels, problems);
  return paragraphs.flatMap((paragraph, index) => (index === 0 ? paragraph : [{ type: 'text', value: ' ' } as PhrasingContent, ...paragraph]));
}

/** Reads a free Markdown field (an appendix body) as a whole tree, footnotes resolved against `labels`. */
export function parseBlocks(text: string, labels: readonly string[]): Root {
  const tree = parseWithFootnotes(text, labels);
  stripPositions(tree);
  return tree;
}

/** Plain text of phrasing nodes, for messages, slugs and extracts. */
export function plainText(inline: Inline): string {
  return inline
    .map((node) => {
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if ('children' in node) return plainText(node.children as PhrasingContent[]);
      if (node.type === 'footnoteReference') return '';
      if (node.type === 'break') return ' ';
      return '';
    })
    .join('');
}

/**
 * Drops source positions (they are the field's, not the file's), folds line breaks inside a
 * paragraph into spaces, and reports footnote references with no definition.
 */
function cleanPhrasing(nodes: PhrasingContent[], source: string, problems: ProseProblem[]): Inline {
  const out: Inline = [];
  for (const node of nodes) {
    const offset = node.position?.start.offset ?? 0;
    if (node.type === 'text') {
      // Search the source, not the value: a paragraph's value drops the indentation of its later lines.
      const end = node.position?.end.offset ?? offset;
      for (const match of source.slice(offset, end).matchAll(/\[\^([^\]\s]+)\]/g)) {
        problems.push({ kind: 'unknown-footnote', offset: offset + match.index, length: match[0].length, detail: match[1]! });
      }
      const value = collapse(withoutHiddenReferences(node.value, source, offset, end, problems));
      if (value) out.push({ type: 'text', value });
    } else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'delete' || node.type === 'link') {
      const children = cleanPhrasing(node.children, source, problems);
      out.push(node.type === 'link' ? { type: 'link', url: node.url, children } : ({ type: node.type, children } as PhrasingContent));
    } else if (node.type === 'footnoteReference') {
      out.push({ type: 'footnoteReference', identifier: node.identifier, label: node.label ?? node.identifier });
    } else if (node.type === 'inlineCode') {
      out.push({ type: 'text', value: node.value });
    } else if (node.type === 'break') {
      out.push({ type: 'break' });
    } else {
      // Images, HTML and references: keep what was typed, as text.
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      out.push({ type: 'text', value: collapse(source.slice(start, end)) });
    }
  }
  trimEnds(out);
  return mergeText(out);
}

/**
 * A text node's value without the hidden characters its character references wrote ("&#x202e;",
 * "&#27;", "&ZeroWidthSpace;"), each reported at its reference: the file's text holds only the
 * visible "&…;", so the check of raw text never sees them.
 */
function withoutHiddenReferences(value: string, source: string, start: number, end: number, problems: ProseProblem[]): string {
  const hidden = value.match(HIDDEN_ESCAPED);
  if (!hidden) return value;
  const references = [...source.slice(start, end).matchAll(/&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|[A-Za-z][A-Za-z0-9]{1,31});/g)];
  for (const char of hidden) {
    // Numeric references are matched by what they write; a named one stands where none is left.
    const numeric = references.findIndex((ref) => (ref[1] ?? ref[2]) !== undefined && Number.parseInt(ref[1] ?? ref[2]!, ref[1] ? 16 : 10) === char.codePointAt(0));
    const at = numeric >= 0 ? numeric : references.findIndex((ref) => ref[1] === undefined && ref[2] === undefined);
    const ref = at >= 0 ? references.splice(at, 1)[0] : undefined;
    problems.push({ kind: 'control-char', offset: start + (ref?.index ?? 0), length: ref?.[0].length ?? 1, detail: codePointName(char) });
  }
  return value.replace(HIDDEN_ESCAPED, '');
}

function collapse(text: string): string {
  return text.replace(/[ \t\n]+/g, ' ');
}

function trimEnds(nodes: Inline): void {
  const first = nodes[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = nodes[nodes.length - 1];
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

function mergeText(nodes: Inline): Inline {
  const out: Inline = [];
  for (const node of nodes) {
    const previous = out[out.length - 1];
    if (node.type === 'text' && previous?.type === 'text') previous.value += node.value;
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}
