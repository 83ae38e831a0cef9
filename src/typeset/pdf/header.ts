// Lays out page 1's two-column header (authority, number; national title, motto, place and date) and the title block.
import type { DocumentMarks, HeaderBlock, TitleBlock } from '../../compose/tree.js';
import type { Ctx } from './context.js';
import { lineHeight } from './context.js';
import type { Face } from './fonts.js';
import { balancedLines, breakLines, lineItems } from './linebreak.js';
import type { Box, DrawItem, Run } from './model.js';
import { inlineRuns } from './runs.js';
import { RULE_SHARE } from '../proportions.js';

const RULE = 0.6;
const MARK_PAD = 3;
// Rules sit this far below the line box, clear of descenders.
const RULE_GAP = 2.5;

/** Where a centred string goes: its column, first line top, size, and whether it may wrap. */
interface Column {
  x: number;
  w: number;
  y: number;
  size: number;
  /** Names wrap within the column; the national title, motto and dates stay on one line. */
  wrap: boolean;
  /** Text width: a line wider than its column spreads to both sides but stays inside the margins. */
  total: number;
}

// Lines of one string centred in a column; returns the items, the next free y, and the widest line's width and left edge.
function centred(ctx: Ctx, runs: Run[], c: Column) {
  ctx.check.runs(runs);
  const lh = lineHeight(ctx, c.size, 1);
  const asc = ctx.m.ascent('regular', c.size);
  const items: DrawItem[] = [];
  let widest = 0;
  let left = c.x;
  let y = c.y;
  const lines = c.wrap ? balancedLines(runs, ctx.m, c.w) : breakLines(runs, ctx.m, Infinity, Infinity, true);
  for (const line of lines) {
    const x = Math.min(Math.max(0, c.x + (c.w - line.width) / 2), c.total - line.width);
    items.push(...lineItems(line, x, line.width, 'left', y + asc));
    if (line.width > widest) {
      widest = line.width;
      left = x;
    }
    y += lh;
  }
  return { items, y, widest, left };
}

function run(text: string, face: Face, size: number): Run[] {
  return [{ text, face, size, rise: 0 }];
}

/** A boxed mark (urgency, secrecy, draft) centred on cx with its top at y. */
export function markFrame(ctx: Ctx, text: string, cx: number, y: number, size: number): { items: DrawItem[]; bottom: number } {
  ctx.check.text(text, 'bold');
  const w = ctx.m.width('bold', size, text);
  const h = ctx.m.lineHeight('bold', size) + MARK_PAD;
  return {
    items: [
      { kind: 'frame', x: cx - w / 2 - MARK_PAD * 2, y, w: w + MARK_PAD * 4, h, width: 0.8 },
      { kind: 'text', x: cx - w / 2, y: y + MARK_PAD / 2 + ctx.m.ascent('bold', size), face: 'bold', size, text, extra: 0 },
    ],
    bottom: y + h,
  };
}

/** The header box of page 1, as wide as the text area. */
export function headerBox(ctx: Ctx, header: HeaderBlock, marks: DocumentMarks, width: number): Box {
  const s = ctx.style;
  const leftW = width * s.headerLeftShare;
  const rightW = width - leftW;
  const items: DrawItem[] = [];
  let yl = 0;
  if (header.parent) {
    const p = centred(ctx, run(header.parent, 'regular', s.issuerSize), { x: 0, w: leftW, y: yl, size: s.issuerSize, wrap: true, total: width });
    items.push(...p.items);
    yl = p.y;
  }
  const issuer = centred(ctx, run(header.issuer, 'bold', s.issuerSize), { x: 0, w: leftW, y: yl, size: s.issuerSize, wrap: true, total: width });
  items.push(...issuer.items);
  const ruleW = issuer.widest * RULE_SHARE;
  const ruleY = issuer.y + RULE_GAP;
  items.push({ kind: 'rule', x1: (leftW - ruleW) / 2, y1: ruleY, x2: (leftW + ruleW) / 2, y2: ruleY, width: RULE });

  const title = centred(ctx, run(header.nationalTitle, 'bold', s.nationalTitleSize), { x: leftW, w: rightW, y: 0, size: s.nationalTitleSize, wrap: false, total: width });
  items.push(...title.items);
  const motto = centred(ctx, run(header.motto, 'bold', s.mottoSize), { x: leftW, w: rightW, y: title.y, size: s.mottoSize, wrap: false, total: width });
  items.push(...motto.items);
  const mottoRuleY = motto.y + RULE_GAP;
  items.push({ kind: 'rule', x1: motto.left, y1: mottoRuleY, x2: motto.left + motto.widest, y2: mottoRuleY, width: RULE });

  // The number line and the place/date line share one baseline below both rules.
  const gap = s.mottoSize * 0.5;
  const top = Math.max(ruleY, mottoRuleY) + gap;
  const numberRuns = run(header.numberLine, 'regular', s.mottoSize);
  const placeRuns = run(header.placeDate, 'italic', s.mottoSize);
  // Each wraps within its own column rather than spread over the other's (a long place name, a
  // long symbol): two fields on one baseline must never overprint.
  const num = centred(ctx, numberRuns, { x: 0, w: leftW, y: top, size: s.mottoSize, wrap: true, total: width });
  const place = centred(ctx, placeRuns, { x: leftW, w: rightW, y: top, size: s.mottoSize, wrap: true, total: width });
  items.push(...num.items, ...place.items);
  let bottom = Math.max(num.y, place.y);
  for (const mark of [marks.urgency, marks.secrecy]) {
    if (!mark) continue;
    const f = markFrame(ctx, mark, leftW / 2, bottom + 4, s.mottoSize);
    items.push(...f.items);
    bottom = f.bottom;
  }
  return { height: bottom, items, footnotes: [], spaceAfter: lineHeight(ctx, s.bodySize, 1), breakBefore: true };
}

/** The title block: type name, abstract and a short rule, centred across the text width. */
export function titleBox(ctx: Ctx, title: TitleBlock, width: number): Box {
  const s = ctx.style;
  const type = centred(ctx, run(title.typeName, 'bold', s.titleSize), { x: 0, w: width, y: 0, size: s.titleSize, wrap: true, total: width });
  const abstractRuns = inlineRuns(title.abstract, { bold: true, italic: false, size: s.titleSize }, ctx.notes);
  // The abstract wraps inside a narrower measure so its lines read as a centred block.
  const abs = centred(ctx, abstractRuns, { x: width * 0.075, w: width * 0.85, y: type.y, size: s.titleSize, wrap: true, total: width });
  const ruleW = abs.widest * RULE_SHARE;
  const ruleY = abs.y + RULE_GAP;
  const items: DrawItem[] = [...type.items, ...abs.items, { kind: 'rule', x1: (width - ruleW) / 2, y1: ruleY, x2: (width + ruleW) / 2, y2: ruleY, width: RULE }];
  return { height: ruleY + 2, items, footnotes: [], spaceAfter: lineHeight(ctx, s.bodySize, 1), breakBefore: false };
}
