// Turns the running text (mdast blocks) into Word paragraphs and tables, numbering already in the text.
import type { BlockContent, DefinitionContent, List, PhrasingContent, Root, RootContent } from 'mdast';
import type { PageStyle } from '../style.js';
import type { ParagraphProps } from './paragraphs.js';
import { paragraph, ruleParagraph, spacing } from './paragraphs.js';
import type { NoteRef, RunStyle } from './runs.js';
import { inlineRuns, textRun } from './runs.js';
import { tableOf } from './table.js';
import { twips } from './units.js';
import { isLeadIn } from '../lead-in.js';
import { LIST_STEP_MM, QUOTE_INDENT_MM } from '../proportions.js';

// A thematic break is a centred rule a quarter of the measure wide.
const BREAK_SHARE = 0.25;

/** Where blocks sit: the measure and the indents inherited from enclosing quotes and lists (twips). */
interface Place {
  width: number;
  left: number;
  right: number;
  /** List nesting depth (0 outside lists). */
  depth: number;
}

/** What a body needs besides its blocks. */
export interface BodyOptions {
  style: PageStyle;
  /** Text width of the section in twips. */
  width: number;
  /** Relative column widths per table, in table order (an appendix's tableColumns). */
  tableColumns: number[][];
  /** How footnote references are written. */
  noteRef: NoteRef;
  /** Keep the last paragraph on the page of what follows (the closing never opens a page alone). */
  keepLastWithNext: boolean;
}

// Paragraphs stay open until the end, so the last one can still be told to keep with the next block.
type Block = { kind: 'paragraph'; props: ParagraphProps; runs: string } | { kind: 'markup'; xml: string };

/** Word blocks of a body in reading order; headings keep with what follows them. */
export function bodyBlocks(root: Root, o: BodyOptions): string {
  const s = o.style;
  const out: Block[] = [];
  const plain: RunStyle = { bold: false, italic: false, size: s.bodySize };
  const runs = (nodes: PhrasingContent[], style: RunStyle = plain): string => inlineRuns(nodes, style, o.noteRef);
  const bodySpacing = spacing(s.paragraphSpacing, s.lineSpacing);
  let tables = 0;
  const add = (text: string, place: Place, firstLine: number, extra: ParagraphProps = {}): void => {
    out.push({
      kind: 'paragraph',
      props: { align: 'both', indent: { left: place.left, right: place.right, firstLine }, spacing: bodySpacing, widowControl: true, ...extra },
      runs: text,
    });
  };
  const list = (node: List, place: Place): void => {
    const inner: Place = { ...place, depth: place.depth + 1 };
    const first = twips(s.firstLineIndent) + twips(LIST_STEP_MM) * place.depth;
    node.children.forEach((item, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : `${node.data?.marker ?? '-'} `;
      let opened = false;
      for (const child of item.children) {
        if (child.type === 'paragraph' && !opened) {
          opened = true;
          add(textRun(marker, plain) + runs(child.children), place, first, isLeadIn(child.children) ? { keepNext: true } : {});
        } else block(child, inner);
      }
    });
  };
  const block = (node: RootContent | BlockContent | DefinitionContent, place: Place): void => {
    switch (node.type) {
      case 'heading': {
        const part = node.depth === 1;
        add(runs(node.children, { bold: true, italic: node.depth >= 4, size: s.bodySize }), place, part ? 0 : twips(s.firstLineIndent), {
          align: part ? 'center' : 'both',
          keepNext: true,
        });
        break;
      }
      case 'paragraph':
        add(runs(node.children), place, twips(s.firstLineIndent), isLeadIn(node.children) ? { keepNext: true } : {});
        break;
      case 'list':
        list(node, place);
        break;
      case 'blockquote': {
        const q = twips(QUOTE_INDENT_MM);
        for (const child of node.children) block(child, { ...place, left: place.left + q, right: place.right + q });
        break;
      }
      case 'table':
        out.push({ kind: 'markup', xml: tableOf(node, { style: s, width: place.width - place.left - place.right, indent: place.left, relative: o.tableColumns[tables++], noteRef: o.noteRef }) });
        break;
      case 'code':
        add(node.value.split('\n').map((line, i) => textRun(line, plain, { breakBefore: i > 0 })).join(''), place, 0, { align: 'left' });
        break;
      case 'html':
        add(textRun(node.value, plain), place, twips(s.firstLineIndent));
        break;
      case 'thematicBreak':
        out.push({ kind: 'markup', xml: ruleParagraph(Math.round(place.width * BREAK_SHARE), place.width, s.paragraphSpacing) });
        break;
      // Footnote definitions go to the footnotes part; link definitions are only targets.
      default:
        break;
    }
  };
  for (const node of root.children) block(node, { width: o.width, left: 0, right: 0, depth: 0 });
  const last = out.findLastIndex((b) => b.kind === 'paragraph');
  let xml = '';
  out.forEach((b, i) => {
    if (b.kind === 'markup') xml += b.xml;
    else xml += paragraph(o.keepLastWithNext && i === last ? { ...b.props, keepNext: true } : b.props, b.runs);
  });
  return xml;
}
