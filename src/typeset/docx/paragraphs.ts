// Paragraph markup shared by every part: properties in the style's units, short centred rules, centred lines.
import type { RunStyle } from './runs.js';
import { solidBorder, textRun } from './runs.js';
import { halfPoints, lineUnits, pointTwips } from './units.js';

/** Space before and after a paragraph in twips, and its line spacing in 240ths of a line. */
export interface Spacing {
  before: number;
  after: number;
  line: number;
}

/** Spacing after a paragraph (points) and its line spacing as a multiple of single. */
export function spacing(afterPt: number, multiple: number, beforePt = 0): Spacing {
  return { before: pointTwips(beforePt), after: pointTwips(afterPt), line: lineUnits(multiple) };
}

/** Indents in twips; the first line's own indent is either `firstLine` or `hanging`. */
export interface Indent {
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
}

/** How a paragraph is set; what is left out takes the document's defaults (no space after, single lines, left-aligned). */
export interface ParagraphProps {
  /** A paragraph style id (footnote text). */
  style?: string;
  /** Keep on the page of the next paragraph. */
  keepNext?: boolean;
  /** No single line of the paragraph left alone at the foot or head of a page. */
  widowControl?: boolean;
  /** A rule under the paragraph, between its indents. */
  ruleBelow?: boolean;
  spacing?: Spacing;
  indent?: Indent;
  align?: 'left' | 'center' | 'right' | 'both';
  /** Size of the paragraph mark in points, which sets the height of an empty paragraph. */
  markSize?: number;
  /** The properties (w:sectPr) of the section this paragraph ends. */
  endsSection?: string;
}

// ` w:name="value"`, or nothing for 0 (the default of every spacing and indent), so defaults stay unwritten.
const attribute = (name: string, value: number | undefined): string => (value ? ` w:${name}="${value}"` : '');
const SINGLE_LINE = lineUnits(1);

/** Paragraph properties in schema order, or nothing when every property is the default. */
function paragraphProperties(p: ParagraphProps): string {
  const s = p.spacing;
  const spaced = s ? attribute('before', s.before) + attribute('after', s.after) + (s.line === SINGLE_LINE ? '' : ` w:line="${s.line}" w:lineRule="auto"`) : '';
  const i = p.indent;
  const indented = i ? attribute('left', i.left) + attribute('right', i.right) + attribute('firstLine', i.firstLine) + attribute('hanging', i.hanging) : '';
  const mark = p.markSize === undefined ? 0 : halfPoints(p.markSize);
  const inner =
    (p.style ? `<w:pStyle w:val="${p.style}"/>` : '') +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.widowControl ? '<w:widowControl/>' : '') +
    (p.ruleBelow ? `<w:pBdr>${solidBorder('bottom', 1)}</w:pBdr>` : '') +
    (spaced ? `<w:spacing${spaced}/>` : '') +
    (indented ? `<w:ind${indented}/>` : '') +
    (p.align && p.align !== 'left' ? `<w:jc w:val="${p.align}"/>` : '') +
    (mark ? `<w:rPr><w:sz w:val="${mark}"/><w:szCs w:val="${mark}"/></w:rPr>` : '') +
    (p.endsSection ?? '');
  return inner ? `<w:pPr>${inner}</w:pPr>` : '';
}

/** A paragraph of runs. */
export function paragraph(props: ParagraphProps, runs: string): string {
  return `<w:p>${paragraphProperties(props)}${runs}</w:p>`;
}

// The empty line that carries a rule is one point high, so the rule sits right under the text above it.
const RULE_LINE_PT = 1;

/**
 * A short rule centred in `available` twips: an empty paragraph whose bottom border is limited by
 * equal indents to `width` twips. Word and LibreOffice both draw paragraph borders between indents,
 * and the rule stays an ordinary paragraph a clerk can widen or delete.
 */
export function ruleParagraph(width: number, available: number, afterPt: number): string {
  const side = Math.max(0, Math.round((available - width) / 2));
  return paragraph({ align: 'center', indent: { left: side, right: side }, ruleBelow: true, spacing: spacing(afterPt, 1), markSize: RULE_LINE_PT }, '');
}

/** A centred single-spaced line of furniture text in one style, kept with the next line. */
export function centred(text: string, style: RunStyle, beforePt = 0, afterPt = 0): string {
  return paragraph({ align: 'center', keepNext: true, spacing: spacing(afterPt, 1, beforePt) }, textRun(text, style));
}
