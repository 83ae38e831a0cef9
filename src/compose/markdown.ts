/**
 * Markdown writing for templates: user text goes into templates already escaped, so nothing a
 * clerk types can open a heading, end a list or turn into markup; only the structure the
 * template writes around it counts.
 */
import type { PhrasingContent } from 'mdast';
import type { Inline } from '../model/plan.js';
import { linkAddress } from './link-address.js';

/** Characters with a meaning anywhere in a Markdown line. */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&!{}#]/g;
/** Starts of a line that Markdown reads as a block ("1.", "2)", "-", "+", ">", "="). */
const LINE_START = /^(\s*)(\d+)([.)])|^(\s*)([-+=])/;

/** Escapes plain text (a name, a number, a title) for any place in a Markdown line. */
export function escapeText(text: string): string {
  return escapeLineStart(escapeInline(oneLine(text)));
}

/** Folds line breaks into spaces: a value never continues on a line where Markdown could read a block. */
function oneLine(text: string): string {
  // Most values have no line break; the pattern alone would try every space in them.
  return text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text;
}

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/** Writes phrasing nodes as one line of Markdown, escaping their text. */
export function inlineMarkdown(inline: Inline): string {
  return escapeLineStart(inline.map(node).join(''));
}

function node(phrasing: PhrasingContent): string {
  switch (phrasing.type) {
    case 'text':
      // A line break inside prose could start a block on the next line ("2. x" after a
      // heading, a table row's end): prose is always one line where it enters Markdown.
      return escapeInline(oneLine(phrasing.value));
    case 'emphasis':
      return delimit('*', phrasing.children);
    case 'strong':
      return delimit('**', phrasing.children);
    case 'delete':
      return delimit('~~', phrasing.children);
    case 'footnoteReference':
      return `[^${phrasing.identifier}]`;
    case 'break':
      return ' ';
    case 'link':
      // The address is text: its ":" escaped so that the Markdown reader starts no link at it
      // (one GFM still finds in a domain is printed once, its words being its address).
      return `${phrasing.children.map(node).join('')}${escapeInline(linkAddress(phrasing)).replace(/:/g, '\\:')}`;
    case 'inlineCode':
      return escapeInline(phrasing.value);
    default:
      return '';
  }
}

/** Emphasis delimiters must touch their text: spaces at the edges move outside. */
function delimit(marker: string, children: PhrasingContent[]): string {
  const inner = children.map(node).join('');
  const match = /^(\s*)(.*?)(\s*)$/s.exec(inner)!;
  return match[2] ? `${match[1]}${marker}${match[2]}${marker}${match[3]}` : inner;
}

function escapeLineStart(markdown: string): string {
  return markdown.replace(LINE_START, (_all, s1: string | undefined, digits: string | undefined, mark: string | undefined, s2: string | undefined, bullet: string | undefined) =>
    digits !== undefined ? `${s1 ?? ''}${digits}\\${mark}` : `${s2 ?? ''}\\${bullet}`,
  );
}
