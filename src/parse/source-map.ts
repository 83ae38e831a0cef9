/**
 * Source maps: where each value of a parsed document was written.
 *
 * Readers (YAML, Markdown) record, for every value, the line and column of the value and of
 * its key; later stages find a problem by the value's path and ask here where to point.
 */
import type { Location } from '../diagnostics/diagnostic.js';
import type { Path } from '../model/shape.js';

/** Where one value was written. */
export interface SourceSpan {
  line: number;
  column: number;
  /** Characters the value spans on its first line. */
  length: number;
  /** Where its key was written, for values inside a mapping. */
  key?: { line: number; column: number; length: number };
  /**
   * For a string value whose line breaks are the source's own (block scalars, Markdown
   * paragraphs): where its first character is, and the column where each later line starts.
   */
  text?: {
    line: number;
    column: number;
    continuationColumn: number;
    /** Offsets in the value where each later source line starts, when the reader folded lines into spaces. */
    breaks?: number[];
  };
}

/** Path → span, for one source file. */
export class SourceMap {
  private readonly spans = new Map<string, SourceSpan>();

  constructor(readonly file: string) {}

  /** Records where the value at `path` was written. */
  set(path: Path, span: SourceSpan): void {
    this.spans.set(pathKey(path), span);
  }

  /** The span recorded for `path`, if any. */
  get(path: Path): SourceSpan | undefined {
    return this.spans.get(pathKey(path));
  }

  /**
   * Where to point for a problem with the value at `path` (or with its key): the nearest
   * recorded ancestor when the value itself was not written (a missing field points at the
   * mapping that lacks it).
   */
  locate(path: Path, target: 'value' | 'key' = 'value'): Location {
    path = this.asWritten(path);
    for (let depth = path.length; depth >= 0; depth--) {
      const span = this.spans.get(pathKey(path.slice(0, depth)));
      if (!span) continue;
      const at = target === 'key' && depth === path.length && span.key ? span.key : span;
      return { file: this.file, line: at.line, column: at.column, length: at.length };
    }
    return { file: this.file };
  }

  /**
   * Where to point for the character at `offset` of the string `value` read at `path`: exact
   * where the reader recorded how the string's lines map to the source, the value's start
   * otherwise. A value given in short form (a task written as a plain string) is found at
   * its parent's path.
   */
  locateInText(path: Path, value: string, offset: number, length = 1): Location {
    path = this.asWritten(path);
    let span: SourceSpan | undefined;
    for (let depth = path.length; depth >= 0 && !span; depth--) span = this.spans.get(pathKey(path.slice(0, depth)));
    if (!span) return { file: this.file };
    if (!span.text) return { file: this.file, line: span.line, column: span.column, length: span.length };
    const { line, column, continuationColumn } = span.text;
    const breaks = span.text.breaks ?? newlineBreaks(value);
    let index = 0;
    while (index < breaks.length && breaks[index]! <= offset) index++;
    const lineStart = index === 0 ? 0 : breaks[index - 1]!;
    return { file: this.file, line: line + index, column: (index === 0 ? column : continuationColumn) + (offset - lineStart), length };
  }

  /**
   * The path as the source has it: a list written as its one value ("reports: {to: …}" for
   * "reports: [{to: …}]") has no index 0, and the value's fields are found under the list's key.
   */
  private asWritten(path: Path): Path {
    const written: (string | number)[] = [];
    for (const step of path) {
      if (step === 0 && written.length > 0 && this.spans.has(pathKey(written)) && !this.spans.has(pathKey([...written, 0]))) continue;
      written.push(step);
    }
    return written;
  }
}

/** Offsets just after each line break of a value that keeps the source's line breaks. */
function newlineBreaks(value: string): number[] {
  const breaks: number[] = [];
  for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) breaks.push(i + 1);
  return breaks;
}

function pathKey(path: Path): string {
  return path.map((part) => String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}
