// Turns mdast inline content into styled runs, numbering footnote references as they appear.
import type { PhrasingContent } from 'mdast';
import { linkAddress } from '../../compose/link-address.js';
import type { Face } from './fonts.js';
import type { Run } from './model.js';

/** Stands for a hard line break (mdast `break`) inside runs; soft breaks in text are plain spaces. */
export const HARD_BREAK = '\u2028';

// Superscript size and rise as shares of the surrounding size.
const SUPER_SIZE = 0.62;
const SUPER_RISE = 0.36;

/** Footnote numbers in order of first reference across the whole document. */
export class FootnoteNumbers {
  private readonly numbers = new Map<string, number>();

  /** The number of a footnote identifier, assigning the next one on first reference. */
  number(identifier: string): number {
    let n = this.numbers.get(identifier);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(identifier, n);
    }
    return n;
  }

  /** The identifier that received number n. */
  identifier(n: number): string | undefined {
    for (const [id, k] of this.numbers) if (k === n) return id;
    return undefined;
  }
}

/** The face and size text starts in before strong/emphasis apply. */
export interface BaseStyle {
  /** Bold before any strong. */
  bold: boolean;
  /** Italic before any emphasis. */
  italic: boolean;
  /** Font size in points. */
  size: number;
}

// The face for a combination of bold and italic.
function faceOf(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/** A plain run of text in a base style. */
export function plainRun(text: string, style: BaseStyle): Run {
  return { text, face: faceOf(style.bold, style.italic), size: style.size, rise: 0 };
}

/** A superscript marker run ("(n)" at a reference, "n" opening a note). */
export function markerRun(label: string, size: number, face: Face, note?: number): Run {
  const run: Run = { text: label, face, size: size * SUPER_SIZE, rise: size * SUPER_RISE };
  if (note !== undefined) run.note = note;
  return run;
}

/** Runs for a list of phrasing nodes in a base style. */
export function inlineRuns(nodes: PhrasingContent[], style: BaseStyle, notes: FootnoteNumbers): Run[] {
  const out: Run[] = [];
  const walk = (list: PhrasingContent[], bold: boolean, italic: boolean): void => {
    for (const node of list) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
        case 'html':
          out.push({ text: node.value, face: faceOf(bold, italic), size: style.size, rise: 0 });
          break;
        case 'strong':
          walk(node.children, true, italic);
          break;
        case 'emphasis':
          walk(node.children, bold, true);
          break;
        case 'delete':
        case 'linkReference':
          walk(node.children, bold, italic);
          break;
        case 'link': {
          walk(node.children, bold, italic);
          const address = linkAddress(node);
          if (address) out.push({ text: address, face: faceOf(bold, italic), size: style.size, rise: 0 });
          break;
        }
        case 'break':
          out.push({ text: HARD_BREAK, face: faceOf(bold, italic), size: style.size, rise: 0 });
          break;
        case 'footnoteReference': {
          const n = notes.number(node.identifier);
          out.push(markerRun(`(${n})`, style.size, faceOf(bold, italic), n));
          break;
        }
        case 'image':
        case 'imageReference':
          if (node.alt) out.push({ text: node.alt, face: faceOf(bold, italic), size: style.size, rise: 0 });
          break;
      }
    }
  };
  walk(nodes, style.bold, style.italic);
  return out;
}
