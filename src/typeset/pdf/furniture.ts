// Lays out what sits in the margins: page numbers and the draft mark.
import type { Ctx } from './context.js';
import { markFrame } from './header.js';
import type { DrawItem, Frame } from './model.js';

/** The page number centred in the top margin, horizontally over the text area and vertically in the margin. */
export function pageNumber(ctx: Ctx, frame: Frame, n: number): DrawItem {
  const size = ctx.style.pageNumberSize;
  const text = String(n);
  const w = ctx.m.width('regular', size, text);
  const centre = frame.left + (frame.width - frame.left - frame.right) / 2;
  return { kind: 'text', x: centre - w / 2, y: frame.top / 2 + ctx.m.capHeight('regular', size) / 2, face: 'regular', size, text, extra: 0 };
}

/** The draft mark boxed at the top right of page 1, inside the top margin above the header. */
export function draftMark(ctx: Ctx, frame: Frame, text: string): DrawItem[] {
  const size = ctx.style.pageNumberSize - 1;
  const w = ctx.m.width('bold', size, text);
  const h = ctx.m.lineHeight('bold', size);
  const cx = frame.width - frame.right - w / 2 - 6;
  return markFrame(ctx, text, cx, (frame.top - h) / 2 - 1.5, size).items;
}
