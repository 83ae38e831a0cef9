// The styles part: defaults every run and paragraph starts from, and the footnote styles Word uses.
import type { PageStyle } from '../style.js';
import { FOOTNOTE_STYLE } from './footnotes.js';
import { halfPoints, twips } from './units.js';
import { escapeXml, WORD_NAMESPACES, XML_DECLARATION } from './xml.js';

const size = (pt: number): string => `<w:sz w:val="${halfPoints(pt)}"/><w:szCs w:val="${halfPoints(pt)}"/>`;

/**
 * Body text in the configured family and size, in the document's language; paragraphs single-spaced
 * with no space after unless they say otherwise (what the document's paragraphs leave unwritten);
 * footnote text smaller, justified and indented. Headings and lists are direct formatting, so no
 * other style is needed.
 */
export function stylesPart(style: PageStyle, lang: string): string {
  const font = escapeXml(style.font.name);
  return (
    `${XML_DECLARATION}<w:styles ${WORD_NAMESPACES}>` +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>${size(style.bodySize)}<w:lang w:val="${escapeXml(lang)}"/></w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    `<w:style w:type="paragraph" w:styleId="${FOOTNOTE_STYLE}"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
    `<w:pPr><w:ind w:firstLine="${twips(style.firstLineIndent)}"/><w:jc w:val="both"/></w:pPr><w:rPr>${size(style.footnoteSize)}</w:rPr></w:style>` +
    `<w:style w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar"><w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/><w:link w:val="${FOOTNOTE_STYLE}"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr>${size(style.footnoteSize)}</w:rPr></w:style>` +
    '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>' +
    '</w:styles>'
  );
}
