// The closing: recipients on the left and the signing block on the right, as one borderless table row.
import { Paragraph, TableRow } from 'docx';
import type { Table } from 'docx';
import type { ClosingBlock } from '../../compose/tree.js';
import { mm } from '../pdf/model.js';
import type { FurnitureContext } from './layout.js';
import { column, layoutTable } from './layout.js';
import { centred, spacing } from './paragraphs.js';
import type { RunStyle } from './runs.js';
import { inlineRuns, plainText, textRun } from './runs.js';
import { pointTwips } from './units.js';
import { SIGN_SHARE } from '../proportions.js';


/** The closing as a table of one unsplittable row, so recipients and signature stay side by side on one page. */
export function closingTable(ctx: FurnitureContext, closing: ClosingBlock, width: number): Table {
  const s = ctx.style;
  const signW = Math.round(width * SIGN_SHARE);
  const leftW = width - signW;
  const top = s.paragraphSpacing;
  const sign: RunStyle = { bold: true, italic: false, size: s.signatureSize };
  const right = [
    ...closing.signature.authorityLines.map((text, i) => centred(text, sign, i === 0 ? top : 0)),
    // The blank space for signature and seal is the name's space before, so the name stays one editable paragraph.
    centred(closing.signature.name, sign, mm(s.signatureSpace)),
  ];
  const left: Paragraph[] = [];
  const rec = closing.recipients;
  if (rec) {
    left.push(new Paragraph({ spacing: spacing(0, 1, top), children: [textRun(rec.label, { bold: true, italic: true, size: s.recipientsLabelSize })] }));
    const base: RunStyle = { bold: false, italic: false, size: s.recipientsSize };
    for (const line of rec.lines) {
      // Wrapped lines hang under the text after the leading "- ".
      const dash = /^-\s+/.exec(plainText(line))?.[0];
      const hang = dash ? pointTwips(ctx.m.width('regular', s.recipientsSize, dash)) : 0;
      left.push(new Paragraph({ spacing: spacing(0, 1), indent: { left: hang, hanging: hang }, children: inlineRuns(line, base, ctx.noteRef) }));
    }
  }
  // A table cell must hold a paragraph even when there are no recipients.
  if (left.length === 0) left.push(new Paragraph({}));
  return layoutTable([leftW, signW], [new TableRow({ cantSplit: true, children: [column(leftW, left), column(signW, right)] })]);
}
