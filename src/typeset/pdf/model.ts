// The laid-out document: positioned text, rules and boxes grouped into flow boxes and pages.
import type { Face } from './fonts.js';

/** A stretch of text in one face, size and vertical offset. */
export interface Run {
  /** The characters; HARD_BREAK (U+2028) stands for a hard line break. */
  text: string;
  /** Face it is drawn in. */
  face: Face;
  /** Font size in points. */
  size: number;
  /** Raise above the baseline in points (superscripts). */
  rise: number;
  /** Footnote number when this run is a footnote reference marker. */
  note?: number;
}

/** One thing to draw, positioned in points from the top-left of its container. */
export type DrawItem =
  | {
      kind: 'text';
      x: number;
      /** Baseline, measured downwards. */
      y: number;
      face: Face;
      size: number;
      text: string;
      /** Extra width added after each space (justification). */
      extra: number;
    }
  | { kind: 'rule'; x1: number; y1: number; x2: number; y2: number; width: number }
  | { kind: 'frame'; x: number; y: number; w: number; h: number; width: number };

/** An unbreakable piece of the flow (a line, a table row, the closing block). */
export interface Box {
  /** Height in points. */
  height: number;
  /** Items relative to the box's top-left at the text area's left edge. */
  items: DrawItem[];
  /** Footnotes referenced in this box; their notes go to the foot of the same page. */
  footnotes: number[];
  /** Vertical space after this box, dropped at the foot of a page. */
  spaceAfter: number;
  /** Whether a page may end just before this box (false keeps it with the previous box). */
  breakBefore: boolean;
  /** Table header row to draw first when this row opens a page. */
  repeatHeader?: Box;
}

/** A finished page: its size and everything on it in absolute top-down coordinates. */
export interface Page {
  /** Page width in points. */
  width: number;
  /** Page height in points. */
  height: number;
  /** Everything drawn on the page. */
  items: DrawItem[];
}

/** Page geometry in points. */
export interface Frame {
  /** Paper width. */
  width: number;
  /** Paper height. */
  height: number;
  /** Top margin. */
  top: number;
  /** Bottom margin. */
  bottom: number;
  /** Left margin. */
  left: number;
  /** Right margin. */
  right: number;
}

/** Text width of a frame. */
export function textWidth(frame: Frame): number {
  return frame.width - frame.left - frame.right;
}

/** Millimetres to points. */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

/** Moves items by an offset (box-relative to page coordinates). */
export function shift(items: DrawItem[], dx: number, dy: number): DrawItem[] {
  return items.map((it) => {
    switch (it.kind) {
      case 'text':
        return { ...it, x: it.x + dx, y: it.y + dy };
      case 'rule':
        return { ...it, x1: it.x1 + dx, y1: it.y1 + dy, x2: it.x2 + dx, y2: it.y2 + dy };
      case 'frame':
        return { ...it, x: it.x + dx, y: it.y + dy };
    }
  });
}
