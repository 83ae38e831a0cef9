/**
 * How deep a YAML text nests, found by reading its lines, before the `yaml` parser sees it: the
 * parser and the walk after it are recursive, and 1,500 nested brackets or indented keys
 * overflow the stack ("Maximum call stack size exceeded") before any limit of ours is reached.
 *
 * The count is the collections open at a point: block mappings and sequences by the columns of
 * their keys and dashes (a line pops those at or right of its indentation), and flow brackets.
 * Quoted text, comments and block scalars' lines are skipped. It never counts more levels than the
 * parser will make, so whatever it refuses is too deep; what it misses the walk still bounds.
 */

/** The offset where `text` nests more than `max` levels below its top value, or undefined. */
export function yamlTooDeep(text: string, max: number): number | undefined {
  const open: number[] = []; // columns of the block collections open
  let flow = 0;
  let quote: string | undefined;
  // Lines indented deeper than this are a block scalar's text ("key: |").
  let blockScalar: number | undefined;
  const tooDeep = () => open.length + flow - 1 > max;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const lineEnd = newline < 0 ? text.length : newline;
    let i = start;
    while (i < lineEnd && text[i] === ' ') i++;
    const indent = i - start;
    const blank = i === lineEnd || text[i] === '#' || text[i] === '\r';
    if (blockScalar !== undefined && (blank || indent > blockScalar)) {
      start = lineEnd + 1;
      continue;
    }
    blockScalar = undefined;
    let keyStart = -1;
    if (!blank && quote === undefined && flow === 0) {
      while (open.length > 0 && open.at(-1)! >= indent) open.pop();
      // Each "- " (or "? ") opens a collection, however many share the line ("- - - x").
      while ((text[i] === '-' || text[i] === '?') && (i + 1 === lineEnd || text[i + 1] === ' ')) {
        open.push(i - start);
        if (tooDeep()) return i;
        i++;
        while (text[i] === ' ') i++;
      }
      keyStart = i;
    }
    let last = ''; // the last character that was not a space, outside quotes
    for (; i < lineEnd; i++) {
      const char = text[i]!;
      if (quote !== undefined) {
        if (char === '\\' && quote === '"') i++;
        else if (char === quote && quote === "'" && text[i + 1] === "'") i++;
        else if (char === quote) quote = undefined;
        continue;
      }
      if (char === ' ' || char === '\t') continue;
      if (char === '#' && /[\s]/.test(text[i - 1] ?? ' ')) break;
      if ((char === '"' || char === "'") && (last === '' || ':-[{,?'.includes(last))) quote = char;
      else if (char === '[' || char === '{') {
        flow++;
        if (tooDeep()) return i;
      } else if (char === ']' || char === '}') flow = Math.max(0, flow - 1);
      else if (char === ':' && keyStart >= 0 && flow === 0 && (i + 1 === lineEnd || /\s/.test(text[i + 1]!))) {
        // A key: its mapping is open at the key's column (again, for each sibling key).
        open.push(keyStart - start);
        keyStart = -1;
        if (tooDeep()) return i;
      }
      last = char;
    }
    if (quote === undefined && flow === 0 && /^[|>][0-9+-]*$/.test(blockHeader(text.slice(start, i)))) blockScalar = indent;
    start = lineEnd + 1;
  }
  return undefined;
}

/** The last word of a line without its comment: "|", ">-" and the like start a block scalar. */
function blockHeader(line: string): string {
  return line.trimEnd().split(/[\s]/).at(-1) ?? '';
}
