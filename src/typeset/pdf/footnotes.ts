// Lays out footnote notes for the foot of a page: a short rule, then each note opened by its superscript number.
import type { BlockContent, DefinitionContent } from 'mdast';
import type { Ctx } from './context.js';
import { indent, paragraphBoxes } from './context.js';
import type { Box, DrawItem, Run } from './model.js';
import { shift } from './model.js';
import { HARD_BREAK, inlineRuns, markerRun, plainRun } from './runs.js';

/** Space the separator takes above the first note; the rule sits in its middle. */
export const SEPARATOR = 12;
// The separator rule spans this share of the text width (1/4 to 1/3).
const RULE_SHARE = 0.3;

/** Lines of footnote n, laid out once and reused while pages are tried. */
export class Notes {
  private readonly cache = new Map<number, Box[]>();

  constructor(
    private readonly ctx: Ctx,
    private readonly width: number,
  ) {}

  /** The line boxes of note n. */
  lines(n: number): Box[] {
    let boxes = this.cache.get(n);
    if (!boxes) {
      boxes = this.layout(n);
      this.cache.set(n, boxes);
    }
    return boxes;
  }

  /** Height of notes plus the separator (0 when there is nothing to draw). */
  height(numbers: number[], carried: Box[]): number {
    if (numbers.length === 0 && carried.length === 0) return 0;
    let h = SEPARATOR;
    for (const b of carried) h += b.height;
    for (const n of numbers) for (const b of this.lines(n)) h += b.height;
    return h;
  }

  private layout(n: number): Box[] {
    const size = this.ctx.style.footnoteSize;
    const id = this.ctx.notes.identifier(n);
    const def = id === undefined ? undefined : this.ctx.definitions.get(id);
    const runs: Run[] = [markerRun(String(n), size, 'regular'), plainRun(' ', { bold: false, italic: false, size })];
    const blocks: (BlockContent | DefinitionContent)[] = def?.children ?? [];
    blocks.forEach((block, i) => {
      if (i > 0) runs.push(plainRun(HARD_BREAK, { bold: false, italic: false, size }));
      if (block.type === 'paragraph') runs.push(...inlineRuns(block.children, { bold: false, italic: false, size }, this.ctx.notes));
    });
    return paragraphBoxes(this.ctx, runs, { width: this.width, size, align: 'justify', firstIndent: indent(this.ctx), spacing: 1, spaceAfter: 0 });
  }
}

/** Items of a footnote area whose lines start at top: the short rule, then the lines. */
export function noteItems(lines: Box[], width: number, top: number): DrawItem[] {
  const ruleY = top + SEPARATOR / 2;
  const items: DrawItem[] = [{ kind: 'rule', x1: 0, y1: ruleY, x2: width * RULE_SHARE, y2: ruleY, width: 0.5 }];
  let y = top + SEPARATOR;
  for (const line of lines) {
    items.push(...shift(line.items, 0, y));
    y += line.height;
  }
  return items;
}
