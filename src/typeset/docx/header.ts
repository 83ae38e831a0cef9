// Page 1's two-column header (authority, number; national title, motto, place and date), marks and title block.
import type { DocumentMarks, HeaderBlock, TitleBlock } from '../../compose/tree.js';
import { balancedLines } from '../pdf/linebreak.js';
import type { FurnitureContext } from './layout.js';
import { layoutTable } from './layout.js';
import type { ParagraphProps } from './paragraphs.js';
import { centred, paragraph, ruleParagraph, spacing } from './paragraphs.js';
import type { RunStyle } from './runs.js';
import { inlineRuns, plainText, textRun } from './runs.js';
import { pointTwips } from './units.js';
import { RULE_SHARE } from '../proportions.js';

// The abstract wraps inside the middle 85 % of the text width, so its lines read as a centred block.
const ABSTRACT_SHARE = 0.85;
// Room left on each side of the motto inside its rule, so a font a little wider than ours still fits one line.
const MOTTO_SLACK_PT = 2;
// Gap above the number and place/date line, as a share of their size (as in the PDF).
const NUMBER_GAP = 0.5;
// Gap above each boxed mark and the box's padding, in points.
const MARK_GAP_PT = 4;
const MARK_PAD_PT = 3;
// Names are balanced over a measure this much narrower than their column, so Word never wraps them again.
const BREAK_SLACK_PT = 2;

/** A name's paragraph and the widest line's width in twips, for the rule under it. */
interface BalancedName {
  paragraph: string;
  widest: number;
}

/**
 * A name centred in its column on the lines the PDF gives it: balanced, so no word is left alone
 * on the last line, with explicit line breaks (as a clerk would type them) that Word keeps.
 */
function balancedName(ctx: FurnitureContext, text: string, style: RunStyle, width: number): BalancedName {
  // Balanced lines are shared by every document of the process (linebreak.ts).
  const face = style.bold ? 'bold' : 'regular';
  const lines = balancedLines([{ text, face, size: style.size, rise: 0 }], ctx.m, width / 20 - BREAK_SLACK_PT);
  const runs = lines.map((line, i) => textRun(line.frags.map((f) => f.text).join('').trim(), style, { breakBefore: i > 0 })).join('');
  return { paragraph: paragraph({ align: 'center' }, runs), widest: pointTwips(Math.max(0, ...lines.map((l) => l.width))) };
}

/** A boxed mark (urgency, secrecy, draft): bold text with a border round the run, so the box fits the word. */
export function markParagraph(text: string, size: number, align: ParagraphProps['align'], beforePt: number): string {
  return paragraph({ align, spacing: spacing(0, 1, beforePt) }, textRun(text, { bold: true, italic: false, size }, { boxPadding: MARK_PAD_PT }));
}

/** The header of page 1 as a borderless table: authority and number on the left, title, motto and date on the right. */
export function headerTable(ctx: FurnitureContext, header: HeaderBlock, marks: DocumentMarks, width: number): string {
  const s = ctx.style;
  const leftW = Math.round(width * s.headerLeftShare);
  const rightW = width - leftW;
  const issuerStyle: RunStyle = { bold: true, italic: false, size: s.issuerSize };
  const issuer = balancedName(ctx, header.issuer, issuerStyle, leftW);
  const left =
    (header.parent ? balancedName(ctx, header.parent, { ...issuerStyle, bold: false }, leftW).paragraph : '') +
    issuer.paragraph +
    ruleParagraph(Math.round(issuer.widest * RULE_SHARE), leftW, 0);
  // The motto's rule is its own bottom border, held to the text's width by equal indents.
  const mottoW = pointTwips(ctx.m.width('bold', s.mottoSize, header.motto) + 2 * MOTTO_SLACK_PT);
  const side = Math.max(0, Math.round((rightW - mottoW) / 2));
  const right =
    centred(header.nationalTitle, { bold: true, italic: false, size: s.nationalTitleSize }) +
    paragraph({ align: 'center', indent: { left: side, right: side }, ruleBelow: true }, textRun(header.motto, { bold: true, italic: false, size: s.mottoSize }));
  const gap = s.mottoSize * NUMBER_GAP;
  const numberCell =
    centred(header.numberLine, { bold: false, italic: false, size: s.mottoSize }, gap) +
    [marks.urgency, marks.secrecy].map((mark) => (mark ? markParagraph(mark, s.mottoSize, 'center', MARK_GAP_PT + MARK_PAD_PT) : '')).join('');
  const placeCell = centred(header.placeDate, { bold: false, italic: true, size: s.mottoSize }, gap);
  return layoutTable(
    [leftW, rightW],
    [
      [left, right],
      [numberCell, placeCell],
    ],
  );
}

/** The title block: type name, abstract and a short rule, centred across the text width, a blank line above and below. */
export function titleParagraphs(ctx: FurnitureContext, title: TitleBlock, width: number): string {
  const s = ctx.style;
  const line = ctx.m.lineHeight('regular', s.bodySize);
  const style: RunStyle = { bold: true, italic: false, size: s.titleSize };
  const measure = Math.round(width * ABSTRACT_SHARE);
  const inset = Math.round((width - measure) / 2);
  const abstractW = Math.min(pointTwips(ctx.m.width('bold', s.titleSize, plainText(title.abstract))), measure);
  return (
    centred(title.typeName, style, line) +
    paragraph({ align: 'center', indent: { left: inset, right: inset } }, inlineRuns(title.abstract, style, ctx.noteRef)) +
    ruleParagraph(Math.round(abstractW * RULE_SHARE), width, line)
  );
}
