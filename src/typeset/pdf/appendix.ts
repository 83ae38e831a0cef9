// Lays out an appendix's opening: its label, title and "(Kèm theo ...)" line, centred.
import type { AppendixHeading } from '../../compose/tree.js';
import type { Ctx } from './context.js';
import { paragraphBoxes } from './context.js';
import type { Box } from './model.js';
import { plainRun } from './runs.js';

/** Heading boxes of an appendix, kept together and with the body's first lines. */
export function appendixHeading(ctx: Ctx, heading: AppendixHeading, width: number): Box[] {
  const size = ctx.style.bodySize;
  const parts: [string, boolean, boolean, number][] = [
    [heading.label, true, false, 0],
    [heading.title, true, false, 0],
    [heading.attachedTo, false, true, ctx.style.bodySize],
  ];
  const boxes = parts
    .filter(([text]) => text.trim() !== '')
    .flatMap(([text, bold, italic, after]) =>
      paragraphBoxes(ctx, [plainRun(text, { bold, italic, size })], { width, size, align: 'center', spaceAfter: after, spacing: 1, keepSpaces: true }),
    );
  boxes.forEach((b, i) => (b.breakBefore = i === 0));
  return boxes;
}
