/**
 * YAML reader: source text → plain data plus a source map of every value's position.
 *
 * We walk the `yaml` package's syntax tree ourselves instead of calling `toJS()`, so that each
 * value is recorded with its line and column as it is built, alias expansion is bounded (an
 * "alias bomb" cannot exhaust memory), nesting depth is bounded, and mappings are built
 * without a prototype (a `__proto__` key is just a key).
 */
import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node as YamlNode,
  parseDocument,
  Scalar,
} from 'yaml';
import { type Diagnostic, diagnostic } from '../diagnostics/diagnostic.js';
import type { Path } from '../model/shape.js';
import { SourceMap, type SourceSpan } from './source-map.js';
import { recordTypedText } from './typed-text.js';
import { codePointName, HIDDEN_ESCAPED, lineColumn } from './text.js';
import { yamlTooDeep } from './yaml-nesting.js';
import { type ExplainedError, explainYamlError, markedValue } from './yaml-mistakes.js';

/** Most values an alias may expand to, in all: far above any plan, far below a bomb. */
const MAX_EXPANDED_NODES = 100_000;
/** Deepest nesting accepted (levels below the top value). */
export const MAX_DEPTH = 64;

/** What a reader gives the model stage. */
export interface ParsedSource {
  file: string;
  /** Plain data (null-prototype mappings, lists, strings, numbers, booleans, null); undefined when unreadable. */
  data: unknown;
  map: SourceMap;
  diagnostics: Diagnostic[];
}

export interface YamlOptions {
  /** Lines before this text in its file (front matter starts after the opening "---"). */
  lineOffset?: number;
  /** Source map to fill (the Markdown reader shares one between front matter and body). */
  map?: SourceMap;
}

/** Thrown when the document is too big to expand; `offset` is the node where the limit was reached. */
class TooLarge extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

/** Reads a YAML document. Syntax errors are diagnostics; data is undefined when there are any. */
export function readYaml(text: string, file: string, options: YamlOptions = {}): ParsedSource {
  const lineOffset = options.lineOffset ?? 0;
  const map = options.map ?? new SourceMap(file);
  // Measured before parsing: the parser itself overflows the stack on a few thousand levels.
  const deep = yamlTooDeep(text, MAX_DEPTH);
  if (deep !== undefined) {
    const at = lineColumn(text, deep);
    return { file, data: undefined, map, diagnostics: [diagnostic('too-deep', { file, line: at.line + lineOffset, column: at.column }, { limit: MAX_DEPTH })] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, keepSourceTokens: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  // One mistake often makes the parser report several errors from the same place: the first says it.
  const reported = new Set<number>();
  for (const error of [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')]) {
    if (reported.has(error.pos[0])) continue;
    reported.add(error.pos[0]);
    const { offset, length, args } = explainYamlError(error, text);
    diagnostics.push(diagnostic('yaml-syntax', { file, ...position(offset), length }, args));
  }
  if (diagnostics.length > 0) return { file, data: undefined, map, diagnostics };

  const walker = new Walker(doc, text, map, position);
  try {
    const data = doc.contents === null ? null : walker.value(doc.contents, [], 0);
    const marked = walker.markedValues();
    if (marked.length > 0) {
      return { file, data: undefined, map, diagnostics: marked.map(({ offset, length, args }) => diagnostic('yaml-syntax', { file, ...position(offset), length }, args)) };
    }
    for (const { offset, length, char } of walker.hiddenEscapes) {
      diagnostics.push(diagnostic('control-char', { file, ...position(offset), length }, { char }, 'warning'));
    }
    for (const { offset, length, comment } of walker.trailingComments) {
      diagnostics.push(diagnostic('comment-in-value', { file, ...position(offset), length }, { comment }, 'warning'));
    }
    return { file, data, map, diagnostics };
  } catch (error) {
    if (!(error instanceof TooLarge)) throw error;
    const found = error.message === 'too-deep' ? diagnostic('too-deep', { file, ...position(error.offset) }, { limit: MAX_DEPTH }) : diagnostic('yaml-syntax', { file, ...position(error.offset) }, { detail: error.message });
    return { file, data: undefined, map, diagnostics: [found] };
  }
}

/** Where a key or the first line of a value is. */
type Span = { line: number; column: number; length: number };

/** The prefix of YAML's own tags ("!!str" is "tag:yaml.org,2002:str"). */
const YAML_TAGS = 'tag:yaml.org,2002:';

/** Longest part of a dropped comment quoted in its warning. */
const QUOTED_COMMENT = 40;

class Walker {
  /**
   * Comments after an unquoted text value of several words on its line ("place: Kon Tum # tỉnh"):
   * YAML drops them from the value, which a clerk typing "#" into text would not expect.
   */
  readonly trailingComments: { offset: number; length: number; comment: string }[] = [];
  /**
   * Values that lost their first word to a YAML mark ("title: &Kế hoạch" is "hoạch"), by offset:
   * an alias to no anchor, a tag YAML does not know, and (once the walk is done) an anchor no alias
   * uses. YAML's own tags ("!!str") and anchors that aliases use are YAML written on purpose.
   */
  private readonly marked = new Map<number, ExplainedError>();
  /** Hidden characters written by escapes in double quotes, where the escape is. */
  readonly hiddenEscapes: { offset: number; length: number; char: string }[] = [];
  /** Anchors by offset of their "&", and the names aliases use. */
  private readonly anchors = new Map<number, string>();
  private readonly aliased = new Set<string>();
  private expanded = 0;
  /** Where the outermost alias being expanded is: the place to blame when expansion goes too far. */
  private aliasAt: number | undefined;

  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly map: SourceMap,
    private readonly position: (offset: number) => { line: number; column: number },
  ) {}

  /** The plain value of `node`, recording where it (and, inside a mapping, its `key`) was written. */
  value(node: YamlNode | null | undefined, path: Path, depth: number, key?: Span): unknown {
    if (node === null || node === undefined) {
      // `key:` with nothing after it: point at the key.
      if (key) this.map.set(path, { ...key, key });
      return null;
    }
    const offset = node.range?.[0] ?? 0;
    if (++this.expanded > MAX_EXPANDED_NODES) throw new TooLarge(`more than ${MAX_EXPANDED_NODES} values (aliases expand too far)`, this.aliasAt ?? offset);
    if (depth > MAX_DEPTH) throw new TooLarge('too-deep', offset);
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      this.aliased.add(node.source);
      if (!target) this.marked.set(offset, markedValue(offset, '*'));
      this.record(path, node, key);
      const outermost = this.aliasAt === undefined;
      if (outermost) this.aliasAt = offset;
      try {
        return target ? this.value(target, path, depth + 1, key) : null;
      } finally {
        if (outermost) this.aliasAt = undefined;
      }
    }
    this.record(path, node, key);
    this.properties(node, offset);
    if (isScalar(node)) return node.type === Scalar.QUOTE_DOUBLE && typeof node.value === 'string' ? this.unescaped(node as Scalar<string>) : (node.value ?? null);
    if (isSeq(node)) {
      const out = node.items.map((item, index) => this.value(item as YamlNode, [...path, index], depth + 1));
      node.items.forEach((item, index) => this.typed(out, index, item));
      return out;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const keySpan = isScalar(pair.key) && pair.key.range ? this.span(pair.key.range) : undefined;
        out[name] = this.value(pair.value as YamlNode | null, [...path, name], depth + 1, keySpan);
        this.typed(out, name, pair.value);
      }
      return out;
    }
    return null;
  }

  /**
   * A double-quoted value without the hidden characters its escapes wrote ("\u200b", "\x1b[2J"),
   * each reported at its escape: the file's text holds only visible characters, so the check of
   * raw text never sees them, and they would reach the documents, calendars and terminals.
   */
  private unescaped(node: Scalar<string>): string {
    if (node.value.search(HIDDEN_ESCAPED) < 0) return node.value;
    const [start, end] = node.range!;
    for (const escape of this.text.slice(start, end).matchAll(YAML_ESCAPE)) {
      const char = decodeEscape(escape[1]!);
      if (char.match(HIDDEN_ESCAPED)) this.hiddenEscapes.push({ offset: start + escape.index, length: escape[0].length, char: codePointName(char) });
    }
    return node.value.replace(HIDDEN_ESCAPED, '');
  }

  /** Records how a number was typed ("007", "2.50", "0x1F"), when it is not as JavaScript prints it. */
  private typed(container: object, key: string | number, node: unknown): void {
    if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return;
    const text = this.text.slice(node.range[0], node.range[1]);
    if (text !== String(node.value)) recordTypedText(container, key, text);
  }

  /** Every value that lost its first word to a mark, in the order of the text. */
  markedValues(): ExplainedError[] {
    for (const [at, name] of this.anchors) if (!this.aliased.has(name)) this.marked.set(at, markedValue(at, '&'));
    return [...this.marked.values()].sort((a, b) => a.offset - b.offset);
  }

  /** Notes the anchor and the tag written before a value (`&name`, `!tag`), which are not part of it. */
  private properties(node: YamlNode, offset: number): void {
    if (node.anchor) {
      const at = this.text.lastIndexOf(`&${node.anchor}`, offset);
      if (at >= 0) this.anchors.set(at, node.anchor);
    }
    if (node.tag && !node.tag.startsWith(YAML_TAGS)) {
      // The tag's token starts at the first "!" of the word before the value ("!x", "!e!x").
      let at = this.text.lastIndexOf('!', offset);
      while (at > 0 && !/[\s[{,]/.test(this.text[at - 1]!)) at--;
      if (at >= 0) this.marked.set(at, markedValue(at, '!'));
    }
  }

  private span(range: readonly [number, number, number]): Span {
    const start = this.position(range[0]);
    const lineEnd = this.text.indexOf('\n', range[0]);
    const end = Math.min(range[1], lineEnd === -1 ? range[1] : lineEnd);
    return { ...start, length: Math.max(1, end - range[0]) };
  }

  private record(path: Path, node: YamlNode, key: Span | undefined): void {
    if (!node.range) {
      if (key) this.map.set(path, { ...key, key });
      return;
    }
    const span: SourceSpan = this.span(node.range);
    if (key) span.key = key;
    if (isScalar(node) && typeof node.value === 'string') {
      span.text = this.textStart(node as Scalar<string>, span);
      // A word alone (an agency's id, a date, a code) is not text that could have lost its end:
      // a comment after it is a note beside the value ("lead: cong-an-tinh # Công an tỉnh").
      if (node.type === Scalar.PLAIN && /\s/.test(node.value)) this.trailingComment(node.range[1]);
    }
    this.map.set(path, span);
  }

  /** Records a comment that follows a plain text value on the line where the value ends. */
  private trailingComment(valueEnd: number): void {
    const lineEnd = this.text.indexOf('\n', valueEnd);
    const rest = this.text.slice(valueEnd, lineEnd < 0 ? this.text.length : lineEnd).replace(/\r$/, '');
    const hash = /^[ \t]+#/.exec(rest);
    if (!hash) return;
    const comment = rest.slice(hash[0].length).trim();
    this.trailingComments.push({
      offset: valueEnd + hash[0].length - 1,
      length: rest.length - hash[0].length + 1,
      comment: comment.length > QUOTED_COMMENT ? `${comment.slice(0, QUOTED_COMMENT)}…` : comment,
    });
  }

  /** Where the characters of a string scalar start, and where its folded lines begin in the value. */
  private textStart(node: Scalar<string>, span: SourceSpan): SourceSpan['text'] {
    const [start, end] = node.range!;
    switch (node.type) {
      case Scalar.BLOCK_LITERAL:
      case Scalar.BLOCK_FOLDED: {
        // Content starts on the line after the "|" or ">" header, at the block's indentation.
        const lines = this.text.slice(start, end).split('\n').slice(1);
        const first = lines.findIndex((line) => line.trim() !== '');
        const indent = first < 0 ? 0 : /^ */.exec(lines[first]!)![0].length;
        const text = { line: span.line + 1 + Math.max(0, first), column: indent + 1, continuationColumn: indent + 1 };
        return node.type === Scalar.BLOCK_LITERAL ? text : { ...text, breaks: foldedBreaks(node.value, lines.slice(Math.max(0, first))) };
      }
      default: {
        const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? 1 : 0;
        const lines = this.text.slice(start + quoted, end).split('\n');
        const continuation = lines.length > 1 ? /^\s*/.exec(lines[1]!)![0].length + 1 : span.column;
        return { line: span.line, column: span.column + quoted, continuationColumn: continuation, breaks: foldedBreaks(node.value, lines) };
      }
    }
  }
}

/** An escape of YAML's double quotes, and the part after the backslash (an escaped backslash is skipped whole). */
const YAML_ESCAPE = /\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[^])/g;

/** The characters YAML's one-letter escapes stand for (YAML 1.2, 5.7). */
const LETTER_ESCAPES: Record<string, string> = { '0': '\0', a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

function decodeEscape(body: string): string {
  if (body.length > 1) {
    const code = Number.parseInt(body.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  }
  return LETTER_ESCAPES[body] ?? body;
}

/**
 * Where each source line of a folded string begins in its value: YAML joins the lines with
 * spaces, so each line's text is found in order in the value. Lines that cannot be found
 * (escapes in a double-quoted string) stop the mapping there.
 */
function foldedBreaks(value: string, sourceLines: string[]): number[] {
  const breaks: number[] = [];
  let position = 0;
  sourceLines.forEach((line, index) => {
    const content = line.trim();
    if (content === '') return;
    const found = value.indexOf(content, position);
    if (found < 0) return;
    if (index > 0) breaks.push(found);
    position = found + content.length;
  });
  return breaks;
}
