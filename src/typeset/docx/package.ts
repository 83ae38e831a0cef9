// The parts of a DOCX package, their relationships and content types; only the text parts vary by document.
import type { DocumentMeta } from '../../compose/tree.js';
import type { Part } from './zip.js';
import { escapeXml, WORD_NAMESPACES, XML_DECLARATION } from './xml.js';

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORDML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** What differs from one document to the next. */
export interface DocxContent {
  /** The body's blocks, the last section's properties last. */
  body: string;
  /** The w:footnote elements of the notes. */
  footnotes: string;
  /** The header parts in order (header1.xml, header2.xml...); shared ones are the same in every document. */
  headers: { xml: string; shared: boolean }[];
  /** The styles part. */
  styles: string;
  meta: DocumentMeta;
}

/** The relationship id by which document.xml refers to header `i` (0-based): after styles, settings, font table, footnotes. */
export function headerRelationship(i: number): string {
  return `rId${i + 5}`;
}

const relationship = (id: string, type: string, target: string): string => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
const relationships = (list: string): string => `${XML_DECLARATION}<Relationships xmlns="${RELATIONSHIPS}">${list}</Relationships>`;

const PACKAGE_RELATIONSHIPS = relationships(
  relationship('rId1', `${OFFICE}/officeDocument`, 'word/document.xml') +
    relationship('rId2', `${RELATIONSHIPS}/metadata/core-properties`, 'docProps/core.xml') +
    relationship('rId3', `${OFFICE}/extended-properties`, 'docProps/app.xml'),
);

function documentRelationships(headers: number): string {
  let list =
    relationship('rId1', `${OFFICE}/styles`, 'styles.xml') +
    relationship('rId2', `${OFFICE}/settings`, 'settings.xml') +
    relationship('rId3', `${OFFICE}/fontTable`, 'fontTable.xml') +
    relationship('rId4', `${OFFICE}/footnotes`, 'footnotes.xml');
  for (let i = 0; i < headers; i++) list += relationship(headerRelationship(i), `${OFFICE}/header`, `header${i + 1}.xml`);
  return relationships(list);
}

function contentTypes(headers: number): string {
  const override = (part: string, type: string): string => `<Override PartName="/${part}" ContentType="${type}"/>`;
  let list =
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    override('word/document.xml', `${WORDML}.document.main+xml`) +
    override('word/styles.xml', `${WORDML}.styles+xml`) +
    override('word/settings.xml', `${WORDML}.settings+xml`) +
    override('word/fontTable.xml', `${WORDML}.fontTable+xml`) +
    override('word/footnotes.xml', `${WORDML}.footnotes+xml`) +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml');
  for (let i = 0; i < headers; i++) list += override(`word/header${i + 1}.xml`, `${WORDML}.header+xml`);
  return `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${list}</Types>`;
}

// Word's own settings for footnote separators (notes -1 and 0) and its current layout rules (compatibility mode 15).
const SETTINGS =
  `${XML_DECLARATION}<w:settings ${WORD_NAMESPACES}><w:defaultTabStop w:val="720"/>` +
  '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>';

// Fonts are named in the styles; Word fills its font table itself.
const FONT_TABLE = `${XML_DECLARATION}<w:fonts ${WORD_NAMESPACES}/>`;

const APP_PROPERTIES = `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>`;

/** Title, subject, author and keywords; created and modified on the plan's date (00:00:00Z), never the clock's. */
function coreProperties(meta: DocumentMeta): string {
  const stamp = `${meta.date}T00:00:00Z`;
  const author = escapeXml(meta.author);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(meta.title)}</dc:title><dc:subject>${escapeXml(meta.subject)}</dc:subject><dc:creator>${author}</dc:creator>` +
    `<cp:keywords>${escapeXml(meta.keywords.join(', '))}</cp:keywords><cp:lastModifiedBy>${author}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

// Word's separators above the notes at the foot of a page and above notes continued from the page before.
const SEPARATORS =
  '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
  '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>';

/** Every part of the package, the content types first. */
export function packageParts(c: DocxContent): Part[] {
  const shared = (path: string, xml: string): Part => ({ path, xml, shared: true });
  const own = (path: string, xml: string): Part => ({ path, xml, shared: false });
  return [
    shared('[Content_Types].xml', contentTypes(c.headers.length)),
    shared('_rels/.rels', PACKAGE_RELATIONSHIPS),
    own('docProps/core.xml', coreProperties(c.meta)),
    shared('docProps/app.xml', APP_PROPERTIES),
    own('word/document.xml', `${XML_DECLARATION}<w:document ${WORD_NAMESPACES}><w:body>${c.body}</w:body></w:document>`),
    shared('word/_rels/document.xml.rels', documentRelationships(c.headers.length)),
    shared('word/styles.xml', c.styles),
    shared('word/settings.xml', SETTINGS),
    shared('word/fontTable.xml', FONT_TABLE),
    own('word/footnotes.xml', `${XML_DECLARATION}<w:footnotes ${WORD_NAMESPACES}>${SEPARATORS}${c.footnotes}</w:footnotes>`),
    ...c.headers.map((h, i) => ({ path: `word/header${i + 1}.xml`, xml: h.xml, shared: h.shared })),
  ];
}
