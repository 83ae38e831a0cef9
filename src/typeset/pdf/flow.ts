// Fills pages with flow boxes: breaks only where allowed, keeps footnotes on the page of their reference.
import type { Notes } from './footnotes.js';
import { noteItems, SEPARATOR } from './footnotes.js';
import type { Box, DrawItem, Frame, Page } from './model.js';
import { shift, textWidth } from './model.js';

/** Pages for a sequence of boxes in one page frame; notes not yet drawn elsewhere go to the page foot. */
export function flow(boxes: Box[], frame: Frame, notes: Notes, drawn: Set<number>): Page[] {
  const pages: Page[] = [];
  const room = frame.height - frame.top - frame.bottom;
  let carry: Box[] = [];
  let i = 0;
  while (i < boxes.length || carry.length > 0) {
    const start = i;
    const first = boxes[start];
    // A table row that opens a page brings its header row with it.
    const lead = first?.repeatHeader && start > 0 ? [first.repeatHeader] : [];
    let y = lead.reduce((h, b) => h + b.height, 0);
    const pageNotes: number[] = [];
    let j = start;
    for (; j < boxes.length; j++) {
      const box = boxes[j] as Box;
      const gap = j > start ? (boxes[j - 1] as Box).spaceAfter : 0;
      const fresh = box.footnotes.filter((n) => !drawn.has(n) && !pageNotes.includes(n));
      const need = y + gap + box.height + notes.height([...pageNotes, ...fresh], carry);
      if (need > room && j > start) break;
      y += gap + box.height;
      pageNotes.push(...fresh);
    }
    if (j < boxes.length && j > start) {
      // Step back to the last place a page may end (headings, orphans, widows, the closing).
      let k = j;
      while (k > start && !(boxes[k] as Box).breakBefore) k--;
      if (k > start) j = k;
    }
    const done = assemble(lead, boxes.slice(start, j), frame, notes, drawn, carry);
    pages.push(done.page);
    carry = done.carry;
    i = j;
  }
  return pages;
}

// Positions the chosen boxes and the footnote area; note lines that cannot fit continue on the next page.
function assemble(
  lead: Box[],
  chosen: Box[],
  frame: Frame,
  notes: Notes,
  drawn: Set<number>,
  carry: Box[],
): { page: Page; carry: Box[] } {
  const room = frame.height - frame.top - frame.bottom;
  const items: DrawItem[] = [];
  let y = 0;
  const all = [...lead, ...chosen];
  all.forEach((box, idx) => {
    if (idx > lead.length) y += (all[idx - 1] as Box).spaceAfter;
    items.push(...shift(box.items, frame.left, frame.top + y));
    y += box.height;
  });
  const lines = [...carry];
  for (const box of chosen) {
    for (const n of box.footnotes) {
      if (drawn.has(n)) continue;
      drawn.add(n);
      lines.push(...notes.lines(n));
    }
  }
  const placed: Box[] = [];
  let h = SEPARATOR;
  for (const line of lines) {
    if (placed.length > 0 && y + h + line.height > room) break;
    placed.push(line);
    h += line.height;
  }
  if (placed.length > 0) items.push(...shift(noteItems(placed, textWidth(frame), 0), frame.left, frame.top + room - h));
  return { page: { width: frame.width, height: frame.height, items }, carry: lines.slice(placed.length) };
}
