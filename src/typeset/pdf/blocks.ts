// Lays out the running text (mdast blocks) into flow boxes: headings, paragraphs, lists, quotes, tables.
import type { BlockContent, DefinitionContent, List, PhrasingContent, Root, RootContent } from 'mdast';
import type { Ctx } from './context.js';
import { indent, paragraphBoxes } from './context.js';
import type { Box, Run } from './model.js';
import { mm } from './model.js';
import type { BaseStyle } from './runs.js';
import { HARD_BREAK, inlineRuns, plainRun } from './runs.js';
import { tableBoxes } from './table.js';
import { isLeadIn } from '../lead-in.js';
import { LIST_STEP_MM, QUOTE_INDENT_MM } from '../proportions.js';

/** Where the blocks sit: the measure and indents inherited from enclosing quotes and lists. */
interface Place {
  width: number;
  left: number;
  right: number;
  /** List nesting depth (0 outside lists). */
  depth: number;
}


function headingStyle(depth: number, size: number): BaseStyle {
  return { bold: true, italic: depth >= 4, size };
}

/** Options for a body: the width and, for appendices, relative table column widths by table order. */
export interface BodyOptions {
  /** Text width of the page in points. */
  width: number;
  /** Relative column widths per table, in table order (an appendix's tableColumns). */
  tableColumns: number[][];
}

/** Boxes of a body in reading order, with headings kept with what follows them. */
export function bodyBoxes(ctx: Ctx, root: Root, opts: BodyOptions): Box[] {
  const out: Box[] = [];
  let keepNext = false;
  let tables = 0;
  const size = ctx.style.bodySize;
  const gap = ctx.style.paragraphSpacing;
  const push = (boxes: Box[], keepWithNext = false): void => {
    const first = boxes[0];
    if (!first) return;
    if (keepNext) first.breakBefore = false;
    out.push(...boxes);
    keepNext = keepWithNext;
  };
  const paragraph = (runs: Run[], place: Place, firstIndent: number): Box[] =>
    paragraphBoxes(ctx, runs, {
      width: place.width,
      size,
      align: 'justify',
      left: place.left,
      right: place.right,
      firstIndent,
      spaceAfter: gap,
    });
  const list = (node: List, place: Place): void => {
    const inner: Place = { ...place, depth: place.depth + 1 };
    const step = mm(LIST_STEP_MM) * place.depth;
    node.children.forEach((item, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : `${node.data?.marker ?? '-'} `;
      let opened = false;
      for (const child of item.children) {
        if (child.type === 'paragraph' && !opened) {
          opened = true;
          const runs = [plainRun(marker, { bold: false, italic: false, size }), ...inlineRuns(child.children, { bold: false, italic: false, size }, ctx.notes)];
          push(paragraph(runs, place, indent(ctx) + step), isLeadIn(child.children));
        } else block(child, inner);
      }
    });
  };
  const block = (node: RootContent | BlockContent | DefinitionContent, place: Place): void => {
    switch (node.type) {
      case 'heading': {
        const d = node.depth;
        const runs = inlineRuns(node.children, headingStyle(d, size), ctx.notes);
        push(
          paragraphBoxes(ctx, runs, {
            width: place.width,
            size,
            align: d === 1 ? 'center' : 'justify',
            left: place.left,
            right: place.right,
            firstIndent: d === 1 ? 0 : indent(ctx),
            spaceAfter: gap,
          }),
          true,
        );
        break;
      }
      case 'paragraph':
        push(paragraph(inlineRuns(node.children, { bold: false, italic: false, size }, ctx.notes), place, indent(ctx)), isLeadIn(node.children));
        break;
      case 'list':
        list(node, place);
        break;
      case 'blockquote': {
        const q = mm(QUOTE_INDENT_MM);
        for (const child of node.children) block(child, { ...place, left: place.left + q, right: place.right + q });
        break;
      }
      case 'table':
        push(tableBoxes(ctx, node, place.width - place.left - place.right, opts.tableColumns[tables++], place.left));
        break;
      case 'code': {
        const runs = node.value.split('\n').flatMap((line, i): Run[] => {
          const run = plainRun(line, { bold: false, italic: false, size });
          return i === 0 ? [run] : [plainRun(HARD_BREAK, { bold: false, italic: false, size }), run];
        });
        push(paragraphBoxes(ctx, runs, { width: place.width, size, align: 'left', left: place.left, right: place.right, spaceAfter: gap, keepSpaces: true }));
        break;
      }
      case 'html': {
        const text: PhrasingContent[] = [{ type: 'text', value: node.value }];
        push(paragraph(inlineRuns(text, { bold: false, italic: false, size }, ctx.notes), place, indent(ctx)));
        break;
      }
      case 'thematicBreak': {
        const w = place.width / 4;
        const x = (place.width - w) / 2;
        push([{ height: gap * 2, items: [{ kind: 'rule', x1: x, y1: gap, x2: x + w, y2: gap, width: 0.5 }], footnotes: [], spaceAfter: gap, breakBefore: true }]);
        break;
      }
      // Footnote definitions are drawn at the foot of the page of their reference; definitions are link targets.
      default:
        break;
    }
  };
  for (const node of root.children) block(node, { width: opts.width, left: 0, right: 0, depth: 0 });
  return out;
}
