// The closing: recipients on the left and the signing block on the right, as one borderless table row.
import type { ClosingBlock } from '../../compose/tree.js';
import { mm } from '../pdf/model.js';
import type { FurnitureContext } from './layout.js';
import { layoutTable } from './layout.js';
import { centred, paragraph, spacing } from './paragraphs.js';
import type { RunStyle } from './runs.js';
import { inlineRuns, plainText, textRun } from './runs.js';
import { pointTwips } from './units.js';
import { SIGN_SHARE } from '../proportions.js';

/** The closing as a table of one unsplittable row, so recipients and signature stay side by side on one page. */
export function closingTable(ctx: FurnitureContext, closing: ClosingBlock, width: number): string {
  const s = ctx.style;
  const signW = Math.round(width * SIGN_SHARE);
  const leftW = width - signW;
  const top = s.paragraphSpacing;
  const sign: RunStyle = { bold: true, italic: false, size: s.signatureSize };
  const right =
    closing.signature.authorityLines.map((text, i) => centred(text, sign, i === 0 ? top : 0)).join('') +
    // The blank space for signature and seal is the name's space before, so the name stays one editable paragraph.
    centred(closing.signature.name, sign, mm(s.signatureSpace));
  let left = '';
  const rec = closing.recipients;
  if (rec) {
    left += paragraph({ spacing: spacing(0, 1, top) }, textRun(rec.label, { bold: true, italic: true, size: s.recipientsLabelSize }));
    const base: RunStyle = { bold: false, italic: false, size: s.recipientsSize };
    for (const line of rec.lines) {
      // Wrapped lines hang under the text after the leading "- ".
      const dash = /^-\s+/.exec(plainText(line))?.[0];
      const hang = dash ? pointTwips(ctx.m.width('regular', s.recipientsSize, dash)) : 0;
      left += paragraph({ indent: { left: hang, hanging: hang } }, inlineRuns(line, base, ctx.noteRef));
    }
  }
  // A table cell must hold a paragraph even when there are no recipients.
  return layoutTable([leftW, signW], [[left || paragraph({}, ''), right]]);
}
