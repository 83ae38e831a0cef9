/**
 * YAML syntax errors as the mistakes clerks make: the parser's error (a code and an English
 * sentence, placed where the parser noticed) becomes the place to look and, for the common
 * mistakes, which one it is, so that the message can say it in the clerk's words and the hint can
 * say what to write instead. The words themselves are in diagnostics/messages.ts.
 */
import type { MessageArgs } from '../diagnostics/diagnostic.js';
import type { YamlMistake } from '../diagnostics/messages.js';

/** A syntax error as the yaml package reports it. */
export interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

/** Where to point, how many characters, and the facts the wording needs. */
export interface ExplainedError {
  offset: number;
  length: number;
  args: MessageArgs;
}

/**
 * Explains one parser error in `text`. Mistakes recognised (args.mistake):
 * - `unclosed`: a quote, bracket or brace opened and never closed (args.closer closes it);
 * - `colon-in-text`: ": " inside a value not in quotes, read as the start of a new key;
 * - `indent`: a line indented unlike the keys or items beside it;
 * - `missing-colon`: a line with no ": " after its key;
 * - `tab-indent`: a line indented with a tab;
 * - `duplicate-key`: a key written twice in one mapping (args.key);
 * - `text-after-quote`: more text after a quoted value's closing quote;
 * - `extra-closer`: a closing bracket or brace that closes nothing (args.char);
 * - `second-document`: a "---" line, which starts another YAML document in the file;
 * - `bad-escape`: a backslash in double quotes that starts no escape YAML knows (args.escape);
 * - `reserved-start`: a value starting with a character YAML reserves (args.char), among them
 *   the marks of an alias, an anchor and a tag when they take a word of the text.
 */
export function explainYamlError(error: YamlError, text: string): ExplainedError {
  const detail = firstLine(error.message);
  const at = error.pos[0];
  const parserPlace = { offset: at, length: Math.max(1, error.pos[1] - at), args: { detail } };
  const mistake = (name: YamlMistake, offset: number, length: number, args: MessageArgs = {}): ExplainedError => ({ offset, length, args: { detail, mistake: name, ...args } });

  const quote = error.code === 'MISSING_CHAR' ? /Missing closing (["'])quote/.exec(error.message)?.[1] : undefined;
  if (quote) {
    // The last quote before the place the parser stopped: any later one would have closed it.
    const opened = text.lastIndexOf(quote, at);
    return opened >= 0 ? mistake('unclosed', opened, 1, { closer: quote }) : parserPlace;
  }
  const closer = error.code === 'BAD_INDENT' ? /^Flow (?:sequence|map) in block collection must .* end with an? ([\]}])/.exec(error.message)?.[1] : undefined;
  if (closer) {
    const opened = unclosedBefore(text, at, closer === ']' ? '[' : '{', closer);
    return opened === undefined ? parserPlace : mistake('unclosed', opened, 1, { closer });
  }
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // The value read on from `at` held ": ": on its own line, a colon in the text; on a later
      // line, a line indented deeper than its key, so read as part of the value above.
      const colon = text.indexOf(': ', at);
      const lineEnd = lineEndAt(text, at);
      if (colon >= 0 && colon < lineEnd) return mistake('colon-in-text', colon, 1);
      const next = firstNonSpace(text, lineEnd + 1);
      return next < text.length ? mistake('indent', next, lineEndAt(text, next) - next) : parserPlace;
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return mistake('missing-colon', at, Math.max(1, lineEndAt(text, at) - at));
    case 'TAB_AS_INDENT':
      return mistake('tab-indent', at, 1);
    case 'DUPLICATE_KEY': {
      // The parser points into the line of one of the two keys (at the key, or after its colon).
      const lineStart = lineStartAt(text, at);
      const key = /^(\s*(?:-\s+)?)([^:\n#]+?)\s*:/.exec(text.slice(lineStart, lineEndAt(text, at)));
      return key ? mistake('duplicate-key', lineStart + key[1]!.length, key[2]!.length, { key: key[2]! }) : parserPlace;
    }
    case 'BAD_INDENT':
      return /must start at the same column/.test(error.message) ? mistake('indent', at, Math.max(1, lineEndAt(text, at) - at)) : parserPlace;
    case 'UNEXPECTED_TOKEN': {
      const closer = /^Unexpected flow-(?:seq|map)-end token/.test(error.message) ? text[at] : undefined;
      if (closer === ']' || closer === '}') return mistake('extra-closer', at, 1, { char: closer });
      if (!/^Unexpected scalar at node end/.test(error.message)) return parserPlace;
      const before = text.slice(lineStartAt(text, at), at).trimEnd();
      if (/["']$/.test(before)) return mistake('text-after-quote', at, Math.max(1, lineEndAt(text, at) - at));
      // "- *quan trọng* việc này": the first word was read as an alias, the rest as a second value.
      return markedStart(text, at) ?? parserPlace;
    }
    case 'MISSING_CHAR':
      // "!Khẩn": a tag's name stops at the first letter a tag may not hold.
      return (/^Tags and anchors must be separated/.test(error.message) && markedStart(text, at)) || parserPlace;
    case 'BAD_DQ_ESCAPE':
      // "..\Fonts" in double quotes: the parser points at the backslash.
      return text[at] === '\\' ? mistake('bad-escape', at, 2, { escape: text.slice(at, at + 2) }) : parserPlace;
    case 'MULTIPLE_DOCS':
      return mistake('second-document', at, Math.max(1, lineEndAt(text, at) - at));
    case 'BAD_SCALAR_START': {
      const char = text.slice(at, at + 1);
      return char.trim() ? mistake('reserved-start', at, 1, { char }) : parserPlace;
    }
    default:
      return parserPlace;
  }
}

/**
 * The characters that make the start of a value YAML's rather than the text's: "*" an alias, "&"
 * an anchor, "!" a tag. Each takes the word it starts out of the value.
 */
const MARKS = new Set(['*', '&', '!']);

/** A value that starts with one of YAML's marks, as the mistake to report at that mark. */
export function markedValue(offset: number, char: string): ExplainedError {
  return { offset, length: 1, args: { detail: `a value starting with "${char}"`, mistake: 'reserved-start', char } };
}

/** The mark that starts the value on the line of `at`, before `at`, if one does. */
function markedStart(text: string, at: number): ExplainedError | undefined {
  const lineStart = lineStartAt(text, at);
  const start = /^\s*(?:-\s+)*(?:[^\s:#"'][^:#\n]*:\s+)?/.exec(text.slice(lineStart, at))![0].length;
  const char = text[lineStart + start];
  return char !== undefined && MARKS.has(char) && lineStart + start < at ? markedValue(lineStart + start, char) : undefined;
}

/** The offset of the last `open` before `end` that no `close` after it (and before `end`) matches. */
function unclosedBefore(text: string, end: number, open: string, close: string): number | undefined {
  let depth = 0;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) return i;
  }
  return undefined;
}

function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function firstNonSpace(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] === ' ') i++;
  return i;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
