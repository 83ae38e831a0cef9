// Lays out the closing block: recipients on the left, the signing block on the right, side by side.
import type { ClosingBlock } from '../../compose/tree.js';
import type { Ctx } from './context.js';
import { lineHeight } from './context.js';
import { balancedLines, breakLines, lineItems, lineNotes } from './linebreak.js';
import type { Box, DrawItem } from './model.js';
import { mm } from './model.js';
import { inlineRuns } from './runs.js';
import { SIGN_SHARE } from '../proportions.js';

const GUTTER = 6;

/**
 * One unbreakable box for the closing. It may not open a page by itself: the flow keeps it
 * with the lines before it (a break is never allowed just before it).
 */
export function closingBox(ctx: Ctx, closing: ClosingBlock, width: number): Box {
  const s = ctx.style;
  const signW = width * SIGN_SHARE;
  const signX = width - signW;
  const items: DrawItem[] = [];
  const footnotes: number[] = [];
  const top = s.paragraphSpacing;

  const lh = lineHeight(ctx, s.signatureSize, 1);
  const asc = ctx.m.ascent('bold', s.signatureSize);
  let y = top;
  let firstBaseline: number | null = null;
  const signLine = (text: string): void => {
    const runs = [{ text, face: 'bold' as const, size: s.signatureSize, rise: 0 }];
    ctx.check.runs(runs);
    for (const line of balancedLines(runs, ctx.m, signW)) {
      firstBaseline ??= y + asc;
      items.push(...lineItems(line, signX, signW, 'center', y + asc));
      y += lh;
    }
  };
  for (const text of closing.signature.authorityLines) signLine(text);
  y += mm(s.signatureSpace);
  signLine(closing.signature.name);
  const rightBottom = y;

  let leftBottom = top;
  const rec = closing.recipients;
  if (rec) {
    const leftW = signX - GUTTER;
    const labelSize = s.recipientsLabelSize;
    const labelBaseline = firstBaseline ?? top + ctx.m.ascent('boldItalic', labelSize);
    ctx.check.text(rec.label, 'boldItalic');
    items.push({ kind: 'text', x: 0, y: labelBaseline, face: 'boldItalic', size: labelSize, text: rec.label, extra: 0 });
    const size = s.recipientsSize;
    const rlh = lineHeight(ctx, size, 1);
    const rasc = ctx.m.ascent('regular', size);
    let ry = labelBaseline + ctx.m.lineHeight('boldItalic', labelSize) - ctx.m.ascent('boldItalic', labelSize);
    for (const inline of rec.lines) {
      const runs = inlineRuns(inline, { bold: false, italic: false, size }, ctx.notes);
      ctx.check.runs(runs);
      // Wrapped lines hang under the text after the leading "- ".
      const text = runs.map((r) => r.text).join('');
      const dash = /^-\s+/.exec(text)?.[0];
      const hang = dash ? ctx.m.width('regular', size, dash) : 0;
      for (const [i, line] of breakLines(runs, ctx.m, leftW, leftW - hang).entries()) {
        const x = i === 0 ? 0 : hang;
        items.push(...lineItems(line, x, leftW - x, 'left', ry + rasc));
        footnotes.push(...lineNotes(line));
        ry += rlh;
      }
    }
    leftBottom = ry;
  }
  return { height: Math.max(leftBottom, rightBottom), items, footnotes, spaceAfter: 0, breakBefore: false };
}
