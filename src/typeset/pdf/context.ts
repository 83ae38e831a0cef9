// What every layout step shares: style, measurements, footnote numbering and the glyph check.
import type { FootnoteDefinition } from 'mdast';
import type { PageStyle } from '../style.js';
import type { GlyphCheck } from './glyphs.js';
import type { Align } from './linebreak.js';
import { breakLines, lineItems, lineNotes } from './linebreak.js';
import type { Measure } from './measure.js';
import type { Box, Run } from './model.js';
import { mm } from './model.js';
import type { FootnoteNumbers } from './runs.js';

/** Shared state of one typesetting pass. */
export interface Ctx {
  /** Page and text style. */
  style: PageStyle;
  /** Shaping and measuring of the loaded fonts. */
  m: Measure;
  /** Footnote numbers in order of first reference. */
  notes: FootnoteNumbers;
  /** Footnote definitions of the whole document by identifier. */
  definitions: Map<string, FootnoteDefinition>;
  /** Collects characters the font cannot draw. */
  check: GlyphCheck;
}

/** Line height at a size: the configured multiple of the font's natural line height. */
export function lineHeight(ctx: Ctx, size: number, spacing = ctx.style.lineSpacing): number {
  return ctx.m.lineHeight('regular', size) * spacing;
}

/** How a paragraph sits in its measure. */
export interface ParagraphOptions {
  /** Room for the lines in points. */
  width: number;
  /** Font size in points (also sets the line height). */
  size: number;
  /** Justified, left, centred or right. */
  align: Align;
  /** Left and right indents of every line. */
  left?: number;
  /** Right indent of every line. */
  right?: number;
  /** Extra indent of the first line (may be negative for a hanging first line). */
  firstIndent?: number;
  /** Line spacing multiple; the style's by default. */
  spacing?: number;
  /** Space after the last line. */
  spaceAfter: number;
  /** Keep spaces as written (furniture strings with blanks) instead of collapsing them. */
  keepSpaces?: boolean;
}

/**
 * One box per line; a page may break inside only where both parts keep at least two lines,
 * so no orphan or widow line is left alone.
 */
export function paragraphBoxes(ctx: Ctx, runs: Run[], o: ParagraphOptions): Box[] {
  ctx.check.runs(runs);
  const left = o.left ?? 0;
  const measure = o.width - left - (o.right ?? 0);
  const first = o.firstIndent ?? 0;
  const lines = breakLines(runs, ctx.m, measure - first, measure, o.keepSpaces);
  const lh = lineHeight(ctx, o.size, o.spacing);
  const natural = ctx.m.lineHeight('regular', o.size);
  const baseline = ctx.m.ascent('regular', o.size) + (lh - natural) / 2;
  const n = lines.length;
  return lines.map((line, j) => {
    const indent = j === 0 ? first : 0;
    return {
      height: lh,
      items: lineItems(line, left + indent, measure - indent, o.align, baseline),
      footnotes: lineNotes(line),
      spaceAfter: j === n - 1 ? o.spaceAfter : 0,
      breakBefore: j === 0 || (j >= 2 && n - j >= 2),
    };
  });
}

/** The first-line indent in points. */
export function indent(ctx: Ctx): number {
  return mm(ctx.style.firstLineIndent);
}
