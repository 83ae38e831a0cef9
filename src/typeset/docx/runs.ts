// Turns mdast inline content into Word runs: text in its face and size, breaks, footnote references.
import type { PhrasingContent } from 'mdast';
import { linkAddress } from '../../compose/link-address.js';
import { halfPoints } from './units.js';
import { escapeXml } from './xml.js';

/** The face and size text starts in before strong/emphasis apply. */
export interface RunStyle {
  bold: boolean;
  italic: boolean;
  /** Font size in points. */
  size: number;
}

/** What a footnote reference becomes (run markup), given its mdast identifier and the surrounding style. */
export type NoteRef = (identifier: string, style: RunStyle) => string;

/** How a run differs from plain text in its style. */
export interface RunOptions {
  /** Raised and smaller, as footnote markers are. */
  superscript?: boolean;
  /** A line break before the text (a new line in the same paragraph). */
  breakBefore?: boolean;
  /** A box round the text, this many points from it (the urgency, secrecy and draft marks). */
  boxPadding?: number;
}

/** A solid border 0.5 pt thick (sizes are in eighths of a point), as the PDF draws its rules. */
export function solidBorder(element: string, spacePt: number): string {
  return `<w:${element} w:val="single" w:sz="4" w:space="${spacePt}" w:color="000000"/>`;
}

/** Run properties in schema order; bold and italic are written only when on, so Word's toggles stay clean. */
export function runProperties(style: RunStyle, o: RunOptions = {}): string {
  const size = halfPoints(style.size);
  return (
    '<w:rPr>' +
    (style.bold ? '<w:b/><w:bCs/>' : '') +
    (style.italic ? '<w:i/><w:iCs/>' : '') +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    (o.boxPadding === undefined ? '' : solidBorder('bdr', o.boxPadding)) +
    (o.superscript ? '<w:vertAlign w:val="superscript"/>' : '') +
    '</w:rPr>'
  );
}

// Without xml:space="preserve" a reader may drop a w:t's leading and trailing spaces and fold repeated ones ("Số:      /KH-BCĐ").
const REPEATED_SPACE = /\s\s/;

/** A w:t element for `text`. */
export function textElement(text: string): string {
  const preserve = text.trim() !== text || REPEATED_SPACE.test(text);
  return `<w:t${preserve ? ' xml:space="preserve"' : ''}>${escapeXml(text)}</w:t>`;
}

/** A run of text in a style. */
export function textRun(text: string, style: RunStyle, o: RunOptions = {}): string {
  return `<w:r>${runProperties(style, o)}${o.breakBefore ? '<w:br/>' : ''}${text === '' ? '' : textElement(text)}</w:r>`;
}

/** The footnote's own number in the style Word gives footnote references: in running text, or opening the note. */
export function noteNumberRun(content: string): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>${content}</w:r>`;
}

/** The first reference to a note: a real Word footnote reference, bracketed like the PDF's "(n)" marker. */
export function footnoteMarker(id: number, style: RunStyle): string {
  return textRun('(', style, { superscript: true }) + noteNumberRun(`<w:footnoteReference w:id="${id}"/>`) + textRun(')', style, { superscript: true });
}

/** The plain text of phrasing nodes, for measuring and sizing. */
export function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children) : '')).join('');
}

/** Runs for phrasing nodes; soft line breaks inside text become spaces, as in the PDF. */
export function inlineRuns(nodes: PhrasingContent[], style: RunStyle, noteRef: NoteRef): string {
  let out = '';
  const walk = (list: PhrasingContent[], s: RunStyle): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
          out += textRun(node.value.includes('\n') ? node.value.replace(/\s*\n\s*/g, ' ') : node.value, s);
          break;
        case 'strong':
          walk(node.children, { ...s, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...s, italic: true });
          break;
        case 'delete':
        case 'linkReference':
          walk(node.children, s);
          break;
        case 'link': {
          walk(node.children, s);
          const address = linkAddress(node);
          if (address) out += textRun(address, s);
          break;
        }
        case 'break':
          out += textRun('', s, { breakBefore: true });
          break;
        case 'footnoteReference':
          out += noteRef(node.identifier, s);
          break;
        case 'image':
        case 'imageReference':
          if (node.alt) out += textRun(node.alt, s);
          break;
      }
    }
  };
  walk(nodes, style);
  return out;
}
