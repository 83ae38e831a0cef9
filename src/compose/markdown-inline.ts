/**
 * Inline content of composed Markdown for the fast reader (markdown-parse.ts): text with no
 * markup but backslash escapes, footnote references and plain emphasis is read here; anything else goes to remark,
 * once per process for each distinct text, since extracts repeat the plan's task texts agency
 * after agency.
 */
import type { PhrasingContent } from 'mdast';
import { AUTOLINK_LITERAL, footnoteIdentifier, INLINE_MARKUP, matchEmphasis, opensBlock, parseWithFootnotes, stripPositions } from '../model/markdown-syntax.js';

/** The footnote labels a document defines: matching key (as micromark normalises) → label as written. */
export type FootnoteLabels = ReadonlyMap<string, string>;

/** What a footnote label must be for the fast reader: no spaces, brackets, escapes or carets. */
export const FOOTNOTE_LABEL = /^[\p{L}\p{N}_-]{1,100}$/u;

/** The key micromark matches footnote references to definitions by. */
export function footnoteKey(label: string): string {
  return label.toLowerCase().toUpperCase();
}

const MARKUP = new RegExp(INLINE_MARKUP.source, 'g');
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const CHARACTER_REFERENCE_START = /[#A-Za-z0-9]/;

/**
 * Phrasing content of a paragraph (its lines, none indented) as remark reads it; undefined when
 * remark would not read the lines as one paragraph.
 */
export function paragraphPhrasing(lines: readonly string[], labels: FootnoteLabels): PhrasingContent[] | undefined {
  return scanLines(lines, labels) ?? numberedPhrasing(lines, labels) ?? remarkPhrasing('paragraph', lines.join('\n'), labels);
}

/** A number before a space at the start of a paragraph, as written: "4\. ", "a) ", "II. ", "1.2. ". */
const LEADING_NUMBER = /^(?:[\p{L}\p{N}]|\\?[.)]){0,15}\\?[.)] (?=[^ ])/u;

/**
 * A paragraph that starts with its number, as an extract's tasks do ("4\. Xây dựng *kế hoạch*"):
 * the number is text and the rest is read alone, so that the same task numbered differently in
 * each agency's extract is parsed once. Both read the same, since a space and the start of a
 * paragraph are alike to every inline construct; only when the rest would open a block of its
 * own is the paragraph read whole.
 */
function numberedPhrasing(lines: readonly string[], labels: FootnoteLabels): PhrasingContent[] | undefined {
  const number = LEADING_NUMBER.exec(lines[0]!)?.[0];
  if (!number || AUTOLINK_LITERAL.test(number)) return undefined;
  const first = lines[0]!.slice(number.length);
  if (opensBlock(first)) return undefined;
  const rest = remarkPhrasing('paragraph', [first, ...lines.slice(1)].join('\n'), labels);
  if (rest) appendText(rest, number.replace(/\\/g, ''), 'start');
  return rest;
}

/** Phrasing content of an ATX heading's text (trimmed, with no closing sequence). */
export function headingPhrasing(text: string, labels: FootnoteLabels): PhrasingContent[] | undefined {
  return scanLines([text], labels) ?? remarkPhrasing('heading', text, labels);
}

/**
 * The fast read: lines whose only markup is backslash escapes of ASCII punctuation, footnote
 * references to defined labels, emphasis and strong text of plain text within the line, soft line
 * breaks and hard breaks by trailing spaces.
 */
function scanLines(lines: readonly string[], labels: FootnoteLabels): PhrasingContent[] | undefined {
  const out: PhrasingContent[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (AUTOLINK_LITERAL.test(line)) return undefined;
    const content = trimEndSpaces(line);
    if (index > 0) {
      // Two or more spaces at the end of the line before make a hard break, fewer a soft one.
      const previous = lines[index - 1]!;
      if (previous.length - trimEndSpaces(previous).length >= 2) out.push({ type: 'break' });
      else appendText(out, '\n');
    }
    if (!scanLine(content, labels, out)) return undefined;
  }
  return out;
}

function scanLine(line: string, labels: FootnoteLabels, out: PhrasingContent[]): boolean {
  let text = '';
  let from = 0;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(line); match; match = MARKUP.exec(line)) {
    const at = match.index;
    const next = line[at + 1];
    switch (line[at]) {
      case '\\':
        if (next === undefined || !ASCII_PUNCTUATION.test(next)) return false;
        text += line.slice(from, at) + next;
        from = MARKUP.lastIndex = at + 2;
        break;
      case '[': {
        const end = line.indexOf(']', at + 2);
        const label = line.slice(at + 2, end);
        if (next !== '^' || end < 0 || !FOOTNOTE_LABEL.test(label) || !labels.has(footnoteKey(label))) return false;
        appendText(out, text + line.slice(from, at));
        text = '';
        out.push({ type: 'footnoteReference', identifier: footnoteIdentifier(label), label });
        from = MARKUP.lastIndex = end + 1;
        break;
      }
      case '*': {
        const emphasis = matchEmphasis(line, at);
        if (!emphasis) return false;
        appendText(out, text + line.slice(from, at));
        text = '';
        out.push({ type: emphasis.type, children: [{ type: 'text', value: emphasis.content }] });
        from = MARKUP.lastIndex = emphasis.end;
        break;
      }
      case '!':
        // Only "![" opens an image.
        if (next === '[') return false;
        break;
      case '&':
        // Only "&#…;" and "&name;" are character references.
        if (next !== undefined && CHARACTER_REFERENCE_START.test(next)) return false;
        break;
      default:
        return false;
    }
  }
  appendText(out, text + line.slice(from));
  return true;
}

/** Adds text at the end (or start) of phrasing, joined to a text node there as remark joins them. */
function appendText(out: PhrasingContent[], value: string, at: 'start' | 'end' = 'end'): void {
  if (!value) return;
  const edge = at === 'end' ? out[out.length - 1] : out[0];
  if (edge?.type === 'text') edge.value = at === 'end' ? edge.value + value : value + edge.value;
  else if (at === 'end') out.push({ type: 'text', value });
  else out.unshift({ type: 'text', value });
}

function trimEndSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  return line.slice(0, end);
}

/** Inline parses by remark, by kind, referenced footnote keys and text; bounded, oldest dropped first. */
const memo = new Map<string, readonly PhrasingContent[]>();
const MEMO_LIMIT = 2000;

/**
 * Phrasing content as remark reads it: the text alone as a paragraph (or after "# " as a heading),
 * with placeholder definitions for the footnotes it may reference. Results are memoised and handed
 * out as copies, since later stages change trees in place (the end mark).
 */
function remarkPhrasing(kind: 'paragraph' | 'heading', text: string, labels: FootnoteLabels): PhrasingContent[] | undefined {
  const keys = referencedKeys(text, labels);
  const memoKey = `${kind}\u0000${keys.join('\u0000')}\u0000\u0000${text}`;
  let phrasing = memo.get(memoKey);
  if (phrasing) {
    memo.delete(memoKey);
  } else {
    const tree = parseWithFootnotes(kind === 'heading' ? `# ${text}` : text, keys.map((key) => labels.get(key)!));
    const block = tree.children[0];
    if (tree.children.length !== 1 || block?.type !== kind) return undefined;
    stripPositions(block);
    phrasing = block.children;
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  }
  memo.set(memoKey, phrasing);
  return phrasing.map(copy);
}

/** A deep copy of a node without positions (plain objects, arrays and primitives only). */
function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) out[key] = copy(field);
  return out as T;
}

/**
 * The defined footnotes `text` can reference: for each "[^", the label up to the next "]" when it
 * is one micromark would compare as it is, else every label. Only these definitions can change
 * how the text reads, so they alone go into the memo key.
 */
function referencedKeys(text: string, labels: FootnoteLabels): string[] {
  if (labels.size === 0) return [];
  const keys = new Set<string>();
  for (let at = text.indexOf('[^'); at >= 0; at = text.indexOf('[^', at + 2)) {
    const end = text.indexOf(']', at + 2);
    if (end < 0) break;
    const label = text.slice(at + 2, end);
    if (/[\s[\\]/.test(label)) return [...labels.keys()].sort();
    const key = footnoteKey(label);
    if (labels.has(key)) keys.add(key);
  }
  return [...keys].sort();
}
