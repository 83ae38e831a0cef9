// Section properties: A4 pages and margins in twips, page numbers in a header hidden on each section's first page.
import { AlignmentType, Header, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { FileChild, ISectionOptions } from 'docx';
import type { PageStyle } from '../style.js';
import { spacing } from './paragraphs.js';
import { halfPoints, pointTwips, twips } from './units.js';

/** A section's text width in twips: the paper's width (or height, in landscape) less the side margins. */
export function textWidth(style: PageStyle, landscape: boolean): number {
  return twips(landscape ? style.paper.height : style.paper.width) - twips(style.margins.left) - twips(style.margins.right);
}

/** What is particular to one section. */
export interface SectionOptions {
  /** Landscape pages (appendices with wide tables). */
  landscape: boolean;
  /** What the first page's header holds (the draft mark, on page 1); nothing otherwise. */
  firstHeader: Paragraph[];
}

/**
 * A section: its own page numbering from 1, the number centred in the top margin from its second
 * page on (Decree 30: not on page 1; each appendix numbers its own pages), the same margins on the
 * same sides in landscape as in portrait.
 */
export function section(style: PageStyle, children: FileChild[], o: SectionOptions): ISectionOptions {
  const m = style.margins;
  const size = style.pageNumberSize;
  const number = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: spacing(0, 1),
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(size) })],
      }),
    ],
  });
  return {
    properties: {
      titlePage: true,
      page: {
        size: {
          width: twips(style.paper.width),
          height: twips(style.paper.height),
          orientation: o.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: twips(m.top),
          bottom: twips(m.bottom),
          left: twips(m.left),
          right: twips(m.right),
          // The number's line is centred in the top margin, as the PDF places it.
          header: Math.max(0, twips(m.top / 2) - pointTwips(size / 2)),
          footer: twips(m.bottom / 2),
          gutter: 0,
        },
        pageNumbers: { start: 1 },
      },
    },
    // A header part must hold at least one paragraph, so an empty first-page header gets an empty one.
    headers: { default: number, first: new Header({ children: o.firstHeader.length > 0 ? o.firstHeader : [new Paragraph({})] }) },
    children,
  };
}
