/**
 * How deep a Markdown text nests block quotes and lists, found by reading its lines before the
 * Markdown parser sees it: the parser and the readers after it are recursive, and 20,000 nested
 * "> " overflow the stack, while a few thousand nested list items take minutes. Emphasis is
 * measured in parse/emphasis-nesting.ts.
 *
 * A line's depth is the list items still open (by the column their text starts at, as
 * CommonMark closes them) and the quote markers and list markers that begin the line. Fenced code
 * is skipped. The count errs low, never high: the readers after the parser bound the rest.
 */
import { diagnostic } from '../diagnostics/diagnostic.js';
import { emphasisNesting } from './emphasis-nesting.js';
import { SourceMap } from './source-map.js';
import { lineColumn } from './text.js';
import { MAX_DEPTH, type ParsedSource } from './yaml.js';

/** A Markdown source refused for nesting deeper than the limit, with where; undefined when it does not. */
export function markdownTooDeep(text: string, file: string): ParsedSource | undefined {
  const offset = markdownNesting(text, MAX_DEPTH);
  if (offset === undefined) return undefined;
  return { file, data: undefined, map: new SourceMap(file), diagnostics: [diagnostic('too-deep', { file, ...lineColumn(text, offset) }, { limit: MAX_DEPTH })] };
}

/** A list item's marker, and the spaces before its text. */
const LIST_MARKER = /^([-*+]|\d{1,9}[.)])( +|$)/;

/** The offset of the first marker that nests more than `max` levels (blocks, then emphasis), or undefined. */
export function markdownNesting(text: string, max: number): number | undefined {
  return blockNesting(text, max) ?? emphasisNesting(text, max);
}

/** The offset of the first quote or list marker that nests more than `max` levels, or undefined. */
function blockNesting(text: string, max: number): number | undefined {
  const items: number[] = []; // the column each open list item's text starts at
  let fence: string | undefined;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
    } else if (fenceMark !== undefined) fence = fenceMark;
    else if (line.trim() !== '') {
      // The markers that begin the line: quotes ("> > x"), and list markers ("- 1. x"), each
      // nested in the one before; the items of earlier lines end where the line starts left of their text.
      let quotes = 0;
      let popped = false;
      for (let i = 0; i < line.length; ) {
        if (line[i] === ' ' || line[i] === '\t') {
          i++;
          continue;
        }
        if (line[i] === '>') {
          if (++quotes + items.length > max) return start + i;
          i++;
          continue;
        }
        if (!popped) {
          while (items.length > 0 && items.at(-1)! > i) items.pop();
          popped = true;
          if (quotes + items.length > max) return start + i;
        }
        const marker = LIST_MARKER.exec(line.slice(i));
        if (!marker) break;
        if (quotes + items.length + 1 > max) return start + i;
        items.push(i + marker[1]!.length + Math.max(1, marker[2]!.length));
        i += marker[0].length;
      }
    }
    start = end + 1;
  }
  return undefined;
}
