// Page 1's two-column header (authority, number; national title, motto, place and date), marks and title block.
import { AlignmentType, Paragraph, TableRow, TextRun } from 'docx';
import type { Table } from 'docx';
import type { DocumentMarks, HeaderBlock, TitleBlock } from '../../compose/tree.js';
import { balancedLines } from '../pdf/linebreak.js';
import type { FurnitureContext } from './layout.js';
import { column, layoutTable } from './layout.js';
import { centred, RULE, ruleParagraph, spacing } from './paragraphs.js';
import type { RunStyle } from './runs.js';
import { inlineRuns, plainText, textRun } from './runs.js';
import { halfPoints, pointTwips } from './units.js';
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

/**
 * A name centred in its column on the lines the PDF gives it: balanced, so no word is left alone
 * on the last line, with explicit line breaks (as a clerk would type them) that Word keeps.
 * Returns the paragraph and the widest line's width in twips, for the rule under it.
 */
function balancedName(ctx: FurnitureContext, text: string, style: RunStyle, width: number): { paragraph: Paragraph; widest: number } {
  const face = style.bold ? 'bold' : 'regular';
  const lines = balancedLines([{ text, face, size: style.size, rise: 0 }], ctx.m, width / 20 - BREAK_SLACK_PT);
  const children = lines.map((line, i) => textRun(line.frags.map((f) => f.text).join('').trim(), style, i === 0 ? {} : { break: 1 }));
  return {
    paragraph: new Paragraph({ alignment: AlignmentType.CENTER, spacing: spacing(0, 1), children }),
    widest: pointTwips(Math.max(0, ...lines.map((l) => l.width))),
  };
}

/** A boxed mark (urgency, secrecy, draft): bold text with a border round the run, so the box fits the word. */
export function markParagraph(text: string, size: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], beforePt: number): Paragraph {
  return new Paragraph({
    alignment,
    spacing: spacing(0, 1, beforePt),
    children: [new TextRun({ text, bold: true, size: halfPoints(size), border: { ...RULE, space: MARK_PAD_PT } })],
  });
}

/** The header of page 1 as a borderless table: authority and number on the left, title, motto and date on the right. */
export function headerTable(ctx: FurnitureContext, header: HeaderBlock, marks: DocumentMarks, width: number): Table {
  const s = ctx.style;
  const leftW = Math.round(width * s.headerLeftShare);
  const rightW = width - leftW;
  const issuerStyle: RunStyle = { bold: true, italic: false, size: s.issuerSize };
  const issuer = balancedName(ctx, header.issuer, issuerStyle, leftW);
  const left = [
    ...(header.parent ? [balancedName(ctx, header.parent, { ...issuerStyle, bold: false }, leftW).paragraph] : []),
    issuer.paragraph,
    ruleParagraph(Math.round(issuer.widest * RULE_SHARE), leftW, 0),
  ];
  // The motto's rule is its own bottom border, held to the text's width by equal indents.
  const mottoW = pointTwips(ctx.m.width('bold', s.mottoSize, header.motto) + 2 * MOTTO_SLACK_PT);
  const side = Math.max(0, Math.round((rightW - mottoW) / 2));
  const right = [
    centred(header.nationalTitle, { bold: true, italic: false, size: s.nationalTitleSize }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: side, right: side },
      border: { bottom: RULE },
      spacing: spacing(0, 1),
      children: [textRun(header.motto, { bold: true, italic: false, size: s.mottoSize })],
    }),
  ];
  const gap = s.mottoSize * NUMBER_GAP;
  const numberCell = [
    centred(header.numberLine, { bold: false, italic: false, size: s.mottoSize }, gap),
    ...[marks.urgency, marks.secrecy].flatMap((mark) => (mark ? [markParagraph(mark, s.mottoSize, AlignmentType.CENTER, MARK_GAP_PT + MARK_PAD_PT)] : [])),
  ];
  const placeCell = [centred(header.placeDate, { bold: false, italic: true, size: s.mottoSize }, gap)];
  return layoutTable(
    [leftW, rightW],
    [
      new TableRow({ cantSplit: true, children: [column(leftW, left), column(rightW, right)] }),
      new TableRow({ cantSplit: true, children: [column(leftW, numberCell), column(rightW, placeCell)] }),
    ],
  );
}

/** The title block: type name, abstract and a short rule, centred across the text width, a blank line above and below. */
export function titleParagraphs(ctx: FurnitureContext, title: TitleBlock, width: number): Paragraph[] {
  const s = ctx.style;
  const line = ctx.m.lineHeight('regular', s.bodySize);
  const style: RunStyle = { bold: true, italic: false, size: s.titleSize };
  const measure = Math.round(width * ABSTRACT_SHARE);
  const inset = Math.round((width - measure) / 2);
  const abstractW = Math.min(pointTwips(ctx.m.width('bold', s.titleSize, plainText(title.abstract))), measure);
  return [
    centred(title.typeName, style, line),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: inset, right: inset },
      spacing: spacing(0, 1),
      children: inlineRuns(title.abstract, style, ctx.noteRef),
    }),
    ruleParagraph(Math.round(abstractW * RULE_SHARE), width, line),
  ];
}
