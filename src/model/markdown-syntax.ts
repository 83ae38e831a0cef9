/**
 * The Markdown reader (remark: CommonMark with GFM) that prose fields and composed documents are
 * read with, and the cheap tests both use to know when it would make nothing of a text, so that
 * plain text can be taken as it is without running it.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const reader = unified().use(remarkParse).use(remarkGfm);

/** Reads Markdown into a syntax tree, with source positions. */
export function readWithRemark(text: string): Root {
  return reader.parse(text);
}

/**
 * Reads Markdown in which footnote references to `labels` are recognised. GFM only treats `[^x]`
 * as a reference when its definition is in the same document, so placeholder definitions are
 * appended and dropped again.
 */
export function parseWithFootnotes(text: string, labels: readonly string[]): Root {
  const definitions = labels.map((label) => `[^${label}]: .`).join('\n');
  const tree = reader.parse(definitions ? `${text}\n\n${definitions}\n` : text);
  tree.children = tree.children.filter((node) => node.type !== 'footnoteDefinition' || !node.position || node.position.start.offset! < text.length);
  return tree;
}

/** Drops source positions from a tree, in place. */
export function stripPositions(node: Nodes): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) stripPositions(child);
}

/** The identifier GFM gives a footnote label: case-folded as micromark normalises it. */
export function footnoteIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase().toLowerCase();
}

/**
 * Characters at which an inline construct can start: escapes and hard breaks (`\`), code, emphasis,
 * links, images, footnote references, HTML and autolinks, character references, strikethrough,
 * table cells. Text without them (and without AUTOLINK_LITERAL) is one text node.
 */
export const INLINE_MARKUP = /[\\`*_[\]<>&|~!]/;

/**
 * What GFM's autolink literals react to: `www.`, `http://`, `https://` and e-mail addresses
 * (`mailto:` and `xmpp:` need an `@` too). Tested on the text as written, so deliberately loose:
 * an escape inside `www\.` or `http\:` still counts.
 */
export const AUTOLINK_LITERAL = /@|www|http/i;

/** Unicode whitespace as CommonMark has it: space separators, tab, line feed, form feed, return. */
const WHITESPACE = /[\t\n\f\r\p{Zs}]/u;
/** What may come before an opening delimiter run: opening punctuation and quotes. */
const BEFORE_OPENER = /[(“‘"']/;
/** What may come after a closing delimiter run: closing and sentence punctuation. */
const AFTER_CLOSER = /[.,;:!?)”’"']/;

/** Emphasis or strong text whose content is plain text, as `matchEmphasis` finds it. */
export interface SimpleEmphasis {
  type: 'emphasis' | 'strong';
  /** The text between the delimiter runs, as written. */
  content: string;
  /** Where the closing run ends. */
  end: number;
}

/**
 * The emphasis (`*x*`) or strong text (`**x**`) opening at `text[at]`, when it is one that reads
 * the same under every rule of CommonMark's delimiter algorithm: runs of exactly one or two `*`
 * with nothing but plain text between (no `*`, `_` or other inline markup, no space next to the
 * runs), the opening run at the start or after a space or opening punctuation, the closing run at
 * the end or before a space or closing punctuation. Such a pair is left-flanking before and
 * right-flanking after, and no other delimiter can pair with either run. Undefined for anything
 * else, which the caller leaves to the parser.
 */
export function matchEmphasis(text: string, at: number): SimpleEmphasis | undefined {
  const before = text[at - 1];
  if (before !== undefined && !WHITESPACE.test(before) && !BEFORE_OPENER.test(before)) return undefined;
  const size = text[at + 1] === '*' ? 2 : 1;
  const start = at + size;
  const close = text.indexOf('*', start);
  // No closing run, or a run of three or more at the start.
  if (close <= start) return undefined;
  let closing = 1;
  while (text[close + closing] === '*') closing++;
  if (closing !== size) return undefined;
  const content = text.slice(start, close);
  if (INLINE_MARKUP.test(content) || WHITESPACE.test(content[0]!) || WHITESPACE.test(content[content.length - 1]!)) return undefined;
  const end = close + size;
  const after = text[end];
  if (after !== undefined && !WHITESPACE.test(after) && !AFTER_CLOSER.test(after)) return undefined;
  return { type: size === 2 ? 'strong' : 'emphasis', content, end };
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/** A line that is empty or only spaces and tabs. */
export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/**
 * Whether a non-blank line could be read as anything but text of a paragraph: the start of a
 * heading, a quote, a list item (ordered or not), a fence, HTML, a table, a definition or footnote
 * definition, a thematic break, a setext underline or indented code. Conservative: every line
 * that starts with one of `#>-+=:|[<`~` or is indented by four spaces or a tab counts.
 */
export function opensBlock(line: string): boolean {
  let start = 0;
  while (start < 3 && line.charCodeAt(start) === 32) start++;
  const first = line[start];
  switch (first) {
    case undefined:
      return false;
    case ' ':
    case '\t':
    case '#':
    case '>':
    case '-':
    case '+':
    case '=':
    case ':':
    case '|':
    case '[':
    case '<':
    case '`':
    case '~':
      return true;
    case '*':
    case '_': {
      const next = line[start + 1];
      // A bullet ("* x", "*"), or a thematic break ("***", "_ _ _").
      return (first === '*' && (next === undefined || next === ' ' || next === '\t')) || THEMATIC_BREAK.test(line);
    }
    default:
      // An ordered list item: "1. x", "2)".
      return first >= '0' && first <= '9' && /^ {0,3}\d{1,9}[.)](?:[ \t]|$)/.test(line);
  }
}
