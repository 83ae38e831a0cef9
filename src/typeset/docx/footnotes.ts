// Real Word footnotes: numbers in order of first reference, and the notes' text for the footnotes part.
import type { FootnoteDefinition, Root } from 'mdast';
import { FootnoteNumbers } from '../pdf/runs.js';
import type { PageStyle } from '../style.js';
import { paragraph } from './paragraphs.js';
import type { NoteRef, RunStyle } from './runs.js';
import { footnoteMarker, inlineRuns, noteNumberRun, textRun } from './runs.js';

/** The style id Word gives footnote text; its size and indents are set in the document's styles. */
export const FOOTNOTE_STYLE = 'FootnoteText';

/** Footnotes of one document: each identifier numbered at its first reference, as the PDF numbers them. */
export class Footnotes {
  private readonly numbers = new FootnoteNumbers();
  // Word footnotes have one reference each; ids that already have theirs.
  private readonly placed = new Set<number>();

  constructor(private readonly definitions: Map<string, FootnoteDefinition>) {}

  /** What a reference in running text becomes: the footnote itself the first time, its number again after. */
  readonly ref: NoteRef = (identifier, style) => {
    const n = this.numbers.number(identifier);
    if (this.placed.has(n) || !this.definitions.has(identifier)) return textRun(`(${n})`, style, { superscript: true });
    this.placed.add(n);
    return footnoteMarker(n, style);
  };

  /** The w:footnote elements of the placed notes: each note's paragraphs, the first opened by Word's own number and a space. */
  notes(style: PageStyle): string {
    const base: RunStyle = { bold: false, italic: false, size: style.footnoteSize };
    // A reference inside a note cannot be a Word footnote: it repeats the number as text.
    const inNote: NoteRef = (identifier, s) => textRun(`(${this.numbers.number(identifier)})`, s, { superscript: true });
    let xml = '';
    for (const n of [...this.placed].sort((a, b) => a - b)) {
      const blocks = this.definitions.get(this.numbers.identifier(n) ?? '')?.children ?? [];
      // A note holds at least the paragraph that carries its number.
      const paragraphs = (blocks.length > 0 ? blocks : [null]).map((block, i) => {
        const opening = i === 0 ? noteNumberRun('<w:footnoteRef/>') + textRun(' ', base) : '';
        return paragraph({ style: FOOTNOTE_STYLE }, opening + (block?.type === 'paragraph' ? inlineRuns(block.children, base, inNote) : ''));
      });
      xml += `<w:footnote w:id="${n}">${paragraphs.join('')}</w:footnote>`;
    }
    return xml;
  }
}

/** Footnote definitions of several bodies by identifier. */
export function definitions(roots: Root[]): Map<string, FootnoteDefinition> {
  const map = new Map<string, FootnoteDefinition>();
  for (const root of roots) for (const node of root.children) if (node.type === 'footnoteDefinition') map.set(node.identifier, node);
  return map;
}
