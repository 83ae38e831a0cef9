// Turns mdast inline content into Word runs: text in its face and size, breaks, footnote references.
import type { PhrasingContent } from 'mdast';
import { FootnoteReferenceRun, TextRun } from 'docx';
import type { ParagraphChild } from 'docx';
import { halfPoints } from './units.js';

/** The face and size text starts in before strong/emphasis apply. */
export interface RunStyle {
  bold: boolean;
  italic: boolean;
  /** Font size in points. */
  size: number;
}

/** What a footnote reference becomes, given its mdast identifier and the surrounding style. */
export type NoteRef = (identifier: string, style: RunStyle) => ParagraphChild[];

/** A run of text in a style; bold and italic are written only when on, so Word's toggles stay clean. */
export function textRun(text: string, style: RunStyle, extra: { superScript?: boolean; break?: number } = {}): TextRun {
  return new TextRun({
    text,
    size: halfPoints(style.size),
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italics: true } : {}),
    ...extra,
  });
}

/** The first reference to a note: a real Word footnote reference, bracketed like the PDF's "(n)" marker. */
export function footnoteMarker(id: number, style: RunStyle): ParagraphChild[] {
  return [textRun('(', style, { superScript: true }), new FootnoteReferenceRun(id), textRun(')', style, { superScript: true })];
}

/** The plain text of phrasing nodes, for measuring and sizing. */
export function plainText(nodes: PhrasingContent[]): string {
  return nodes.map((n) => ('value' in n ? n.value : 'children' in n ? plainText(n.children) : '')).join('');
}

/** Runs for phrasing nodes; soft line breaks inside text become spaces, as in the PDF. */
export function inlineRuns(nodes: PhrasingContent[], style: RunStyle, noteRef: NoteRef): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const walk = (list: PhrasingContent[], s: RunStyle): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
          out.push(textRun(node.value.replace(/\s*\n\s*/g, ' '), s));
          break;
        case 'strong':
          walk(node.children, { ...s, bold: true });
          break;
        case 'emphasis':
          walk(node.children, { ...s, italic: true });
          break;
        case 'delete':
        case 'link':
        case 'linkReference':
          walk(node.children, s);
          break;
        case 'break':
          out.push(textRun('', s, { break: 1 }));
          break;
        case 'footnoteReference':
          out.push(...noteRef(node.identifier, s));
          break;
        case 'image':
        case 'imageReference':
          if (node.alt) out.push(textRun(node.alt, s));
          break;
      }
    }
  };
  walk(nodes, style);
  return out;
}
