// Section properties: A4 pages and margins in twips, page numbers in a header hidden on each section's first page.
import type { PageStyle } from '../style.js';
import { paragraph } from './paragraphs.js';
import { runProperties } from './runs.js';
import { pointTwips, twips } from './units.js';
import { WORD_NAMESPACES, XML_DECLARATION } from './xml.js';

/** A section's text width in twips: the paper's width (or height, in landscape) less the side margins. */
export function textWidth(style: PageStyle, landscape: boolean): number {
  return twips(landscape ? style.paper.height : style.paper.width) - twips(style.margins.left) - twips(style.margins.right);
}

/** What is particular to one section. */
export interface SectionOptions {
  /** Landscape pages (appendices with wide tables). */
  landscape: boolean;
  /** Relationship ids of the section's header parts: from page 2 on, and on its first page. */
  headers: { default: string; first: string };
}

/**
 * A section's properties: its own page numbering from 1, the number centred in the top margin from
 * its second page on (Decree 30: not on page 1; each appendix numbers its own pages), the same
 * margins on the same sides in landscape as in portrait.
 */
export function sectionProperties(style: PageStyle, o: SectionOptions): string {
  const m = style.margins;
  const short = twips(style.paper.width);
  const long = twips(style.paper.height);
  const size = o.landscape ? `<w:pgSz w:w="${long}" w:h="${short}" w:orient="landscape"/>` : `<w:pgSz w:w="${short}" w:h="${long}" w:orient="portrait"/>`;
  // The number's line is centred in the top margin, as the PDF places it.
  const header = Math.max(0, twips(m.top / 2) - pointTwips(style.pageNumberSize / 2));
  return (
    '<w:sectPr>' +
    `<w:headerReference w:type="default" r:id="${o.headers.default}"/><w:headerReference w:type="first" r:id="${o.headers.first}"/>` +
    size +
    `<w:pgMar w:top="${twips(m.top)}" w:right="${twips(m.right)}" w:bottom="${twips(m.bottom)}" w:left="${twips(m.left)}" w:header="${header}" w:footer="${twips(m.bottom / 2)}" w:gutter="0"/>` +
    '<w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>'
  );
}

/** A header part holding `paragraphs`; a header must hold at least one paragraph, so an empty one gets an empty one. */
export function headerPart(paragraphs: string): string {
  return `${XML_DECLARATION}<w:hdr ${WORD_NAMESPACES}>${paragraphs || '<w:p/>'}</w:hdr>`;
}

/** The header that numbers pages: a PAGE field, centred, in the page number's size. */
export function pageNumberHeader(style: PageStyle): string {
  const props = runProperties({ bold: false, italic: false, size: style.pageNumberSize });
  const field = (content: string): string => `<w:r>${props}${content}</w:r>`;
  return headerPart(
    paragraph(
      { align: 'center' },
      field('<w:fldChar w:fldCharType="begin"/>') +
        field('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
        field('<w:fldChar w:fldCharType="separate"/>') +
        field('<w:fldChar w:fldCharType="end"/>'),
    ),
  );
}
