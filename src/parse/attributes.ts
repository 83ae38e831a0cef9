/**
 * Attribute blocks of the Markdown form: `{#id key=value key="value, with spaces" .class}`.
 *
 * Blocks are found in the raw source rather than in remark's tree: remark reads their insides
 * as Markdown (an underscore or `[^1]` in a value would become emphasis or a reference), and
 * the reader needs exact offsets to cut them out of the prose and to point at a bad value.
 */

/** One `key=value` pair, with where its key and value were written (source offsets). */
export interface Attribute {
  key: string;
  value: string;
  keyStart: number;
  valueStart: number;
  valueLength: number;
}

/** A block read from the source: its range, its id, classes and pairs. */
export interface AttributeBlock {
  start: number;
  end: number;
  id?: { value: string; start: number };
  classes: { name: string; start: number }[];
  pairs: Attribute[];
}

/** A block that could not be read: its range, for an `attribute-syntax` diagnostic. */
export interface BadBlock {
  start: number;
  end: number;
  bad: true;
  /**
   * A value of several words written without quotes (`deadline=quý IV/2026`): its key, its words
   * as far as the next space-separated pair, and where they start.
   */
  unquoted?: { key: string; value: string; start: number };
}

/** A source range that holds no attribute block (inline code, HTML). */
export interface Range {
  start: number;
  end: number;
}

/**
 * Finds the attribute blocks in `source` between `from` and `to`, skipping `ignored` ranges
 * and braces escaped as `\{` (the way to write a literal brace in prose).
 */
export function findAttributeBlocks(source: string, from: number, to: number, ignored: readonly Range[] = []): (AttributeBlock | BadBlock)[] {
  const blocks: (AttributeBlock | BadBlock)[] = [];
  let at = from;
  while (at < to) {
    const open = source.indexOf('{', at);
    if (open === -1 || open >= to) break;
    const skip = ignored.find((range) => open >= range.start && open < range.end);
    if (skip) {
      at = skip.end;
      continue;
    }
    if (escaped(source, open)) {
      at = open + 1;
      continue;
    }
    const close = closingBrace(source, open + 1, to);
    if (close === -1) {
      blocks.push({ start: open, end: to, bad: true });
      break;
    }
    blocks.push(readBlock(source, open, close + 1));
    at = close + 1;
  }
  return blocks;
}

/** Whether the character at `offset` is escaped by an odd run of backslashes. */
function escaped(source: string, offset: number): boolean {
  let slashes = 0;
  while (offset - slashes - 1 >= 0 && source[offset - slashes - 1] === '\\') slashes++;
  return slashes % 2 === 1;
}

/** Offset of the `}` closing a block opened before `from`; braces inside quotes do not count. */
function closingBrace(source: string, from: number, to: number): number {
  let quote: string | undefined;
  for (let i = from; i < to; i++) {
    const char = source[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '}') return i;
    else if (char === '{') return -1;
  }
  return -1;
}

const IDENT = /[\p{L}\p{N}_-]+/uy;
const KEY = /([A-Za-z][A-Za-z0-9_-]*)=/y;
const BARE = /[^\s"'{}=]+/uy;
const SPACE = /\s*/y;

/** Reads the inside of one block; any token it cannot read makes the whole block bad. */
function readBlock(source: string, start: number, end: number): AttributeBlock | BadBlock {
  const block: AttributeBlock = { start, end, classes: [], pairs: [] };
  let at = skipSpace(source, start + 1);
  const last = end - 1;
  while (at < last) {
    const char = source[at];
    if (char === '#' || char === '.') {
      const name = match(IDENT, source, at + 1);
      if (!name || (char === '#' && block.id)) return { start, end, bad: true };
      if (char === '#') block.id = { value: name, start: at + 1 };
      else block.classes.push({ name, start: at + 1 });
      at += 1 + name.length;
    } else {
      const key = match(KEY, source, at);
      if (key === undefined) return { start, end, bad: true, ...unquotedWords(source, block.pairs.at(-1), at, last) };
      const pair = readValue(source, at + key.length + 1, last);
      if (!pair) return { start, end, bad: true };
      block.pairs.push({ key, value: pair.value, keyStart: at, valueStart: pair.start, valueLength: pair.length });
      at = pair.next;
    }
    // Tokens are separated by white space.
    const next = skipSpace(source, at);
    if (next === at && at < last) return { start, end, bad: true };
    at = next;
  }
  return block;
}

/**
 * After a bare value, words that are not a pair (`deadline=quý IV/2026`: "IV/2026") are the rest
 * of that value, written without quotes; the words run to the next pair or the block's end.
 */
function unquotedWords(source: string, previous: Attribute | undefined, at: number, last: number): Pick<BadBlock, 'unquoted'> {
  // A bare value starts right after its "="; a quoted one, after its quote.
  if (!previous || source[previous.valueStart - 1] !== '=') return {};
  let end = at;
  for (;;) {
    const word = match(BARE, source, end);
    // A word followed by "=" is the next pair's key; "#" and "." start an id and a class.
    if (word === undefined || source[end + word.length] === '=' || word.startsWith('#') || word.startsWith('.')) break;
    end = skipSpace(source, end + word.length);
  }
  if (end === at) return {};
  const value = source.slice(previous.valueStart, Math.min(end, last)).replace(/\s+/g, ' ').trim();
  return { unquoted: { key: previous.key, value, start: previous.valueStart } };
}

/** Reads a quoted or bare value starting at `at`; line breaks and runs of spaces in it read as one space. */
function readValue(source: string, at: number, last: number): { value: string; start: number; length: number; next: number } | undefined {
  const quote = source[at];
  if (quote === '"' || quote === "'") {
    let value = '';
    for (let i = at + 1; i < last; i++) {
      const char = source[i]!;
      if (char === '\\' && i + 1 < last) value += source[++i];
      else if (char === quote) return { value: value.replace(/\s+/g, ' ').trim(), start: at + 1, length: i - at - 1, next: i + 1 };
      else value += char;
    }
    return undefined;
  }
  const bare = match(BARE, source, at);
  return bare === undefined ? undefined : { value: bare, start: at, length: bare.length, next: at + bare.length };
}

function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  const found = pattern.exec(source);
  return found ? (found[1] ?? found[0]) : undefined;
}

function skipSpace(source: string, at: number): number {
  SPACE.lastIndex = at;
  SPACE.exec(source);
  return SPACE.lastIndex;
}

/** Whether a found block could not be read. */
export function isBad(block: AttributeBlock | BadBlock): block is BadBlock {
  return 'bad' in block;
}
