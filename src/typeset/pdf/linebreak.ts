// Breaks styled runs into lines greedily at spaces and turns a line into positioned text items.
import type { Face } from './fonts.js';
import type { Measure } from './measure.js';
import type { DrawItem, Run } from './model.js';
import { HARD_BREAK } from './runs.js';
import { BoundedMap, onceFor } from '../../memo.js';

/** A measured piece of a line in one style; spaces inside it are justifiable gaps. */
export interface Frag {
  /** The characters, spaces included. */
  text: string;
  /** Face it is drawn in. */
  face: Face;
  /** Font size in points. */
  size: number;
  /** Raise above the baseline (superscripts). */
  rise: number;
  /** Natural width in points. */
  width: number;
  /** Footnote number when this is a reference marker. */
  note?: number;
}

/** One broken line; shared between documents, so read-only once made. */
export interface Line {
  /** Pieces in reading order. */
  readonly frags: readonly Readonly<Frag>[];
  /** Natural width in points. */
  readonly width: number;
  /** Number of gaps that justification may stretch. */
  readonly gaps: number;
  /** Last line of its paragraph or ended by a hard break: never justified. */
  readonly last: boolean;
}

/** How lines sit in their measure. */
export type Align = 'justify' | 'left' | 'center' | 'right';

type Piece = { kind: 'word'; frags: Frag[]; width: number } | { kind: 'gap'; frag: Frag } | { kind: 'break' };

function frag(run: Run, text: string, m: Measure): Frag {
  const f: Frag = { text, face: run.face, size: run.size, rise: run.rise, width: m.width(run.face, run.size, text) };
  if (run.note !== undefined) f.note = run.note;
  return f;
}

// Words may span runs ("động" + superscript "(1)"): only spaces and hard breaks separate pieces.
function pieces(runs: Run[], m: Measure, keepSpaces: boolean): Piece[] {
  const out: Piece[] = [];
  let word: Extract<Piece, { kind: 'word' }> | null = null;
  for (const run of runs) {
    if (run.text === HARD_BREAK) {
      word = null;
      out.push({ kind: 'break' });
      continue;
    }
    for (const token of run.text.split(/(\s+)/)) {
      if (!token) continue;
      if (/^\s/.test(token)) {
        word = null;
        const prev = out[out.length - 1];
        if (!keepSpaces && (!prev || prev.kind !== 'word')) continue;
        out.push({ kind: 'gap', frag: frag(run, keepSpaces ? token.replace(/[\t\n\r]/g, ' ') : ' ', m) });
      } else {
        if (!word) {
          word = { kind: 'word', frags: [], width: 0 };
          out.push(word);
        }
        const f = frag(run, token, m);
        word.frags.push(f);
        word.width += f.width;
      }
    }
  }
  return out;
}

// Cuts a word wider than the measure into pieces that fit, character by character.
function splitWord(word: Extract<Piece, { kind: 'word' }>, avail: number, m: Measure): Extract<Piece, { kind: 'word' }>[] {
  const chunks: Extract<Piece, { kind: 'word' }>[] = [];
  let cur: Extract<Piece, { kind: 'word' }> = { kind: 'word', frags: [], width: 0 };
  for (const f of word.frags) {
    for (const ch of f.text) {
      const w = m.width(f.face, f.size, ch);
      if (cur.width + w > avail && cur.width > 0) {
        chunks.push(cur);
        cur = { kind: 'word', frags: [], width: 0 };
      }
      const last = cur.frags[cur.frags.length - 1];
      if (last && last.face === f.face && last.size === f.size && last.rise === f.rise) {
        last.text += ch;
        last.width += w;
      } else {
        const piece: Frag = { ...f, text: ch, width: w };
        cur.frags.push(piece);
      }
      cur.width += w;
    }
  }
  if (cur.frags.length) chunks.push(cur);
  return chunks;
}

function merge(frags: Frag[]): Frag[] {
  const out: Frag[] = [];
  for (const f of frags) {
    const last = out[out.length - 1];
    if (last && last.face === f.face && last.size === f.size && last.rise === f.rise && last.note === f.note) {
      last.text += f.text;
      last.width += f.width;
    } else out.push({ ...f });
  }
  return out;
}

/**
 * Broken lines by runs and measures, per font set. The plan and its extracts set the same
 * paragraphs in the same measures, and breaking is most of a document's layout; the lines are
 * never changed once made (lineItems and lineNotes only read them), so documents share them.
 */
const broken = new WeakMap<Measure, BoundedMap<string, readonly Line[]>>();
// Enough for the paragraphs of a few plans.
const BROKEN_LIMIT = 8192;

function memoised(m: Measure, key: string, make: () => readonly Line[]): readonly Line[] {
  return onceFor(broken, m, () => new BoundedMap<string, readonly Line[]>(BROKEN_LIMIT)).get(key, make);
}

function runsKey(runs: Run[]): string {
  let key = '';
  for (const r of runs) key += `\u0000${r.face}\u0001${r.size}\u0001${r.rise}\u0001${r.note ?? ''}\u0001${r.text}`;
  return key;
}

/** Breaks runs into lines: the first line has `first` points of room, later lines `rest`. */
export function breakLines(runs: Run[], m: Measure, first: number, rest: number, keepSpaces = false): readonly Line[] {
  return memoised(m, `${first}|${rest}|${keepSpaces}${runsKey(runs)}`, () => breakPieces(pieces(runs, m, keepSpaces), m, first, rest));
}

/** Breaks measured pieces into lines; the pieces are only read, so one set serves several measures. */
function breakPieces(measured: readonly Piece[], m: Measure, first: number, rest: number): Line[] {
  const lines: Line[] = [];
  let frags: Frag[] = [];
  let width = 0;
  let gaps = 0;
  let pending: Frag | null = null;
  const avail = (): number => (lines.length === 0 ? first : rest);
  const finish = (last: boolean): void => {
    lines.push({ frags: merge(frags), width, gaps, last });
    frags = [];
    width = 0;
    gaps = 0;
    pending = null;
  };
  const add = (word: Extract<Piece, { kind: 'word' }>): void => {
    if (pending && frags.length) {
      frags.push(pending);
      width += pending.width;
      gaps += 1;
    }
    pending = null;
    frags.push(...word.frags);
    width += word.width;
  };
  for (const piece of measured) {
    if (piece.kind === 'break') {
      finish(true);
    } else if (piece.kind === 'gap') {
      pending = piece.frag;
    } else {
      const gap: number = pending && frags.length ? (pending as Frag).width : 0;
      if (frags.length && width + gap + piece.width > avail() + 0.01) finish(false);
      if (piece.width > avail() + 0.01) {
        for (const chunk of splitWord(piece, avail(), m)) {
          if (frags.length) finish(false);
          add(chunk);
        }
      } else add(piece);
    }
  }
  if (frags.length || lines.length === 0) finish(true);
  return lines;
}

/** Text items for a line whose measure starts at x and is avail wide, with its baseline at y. */
export function lineItems(line: Line, x: number, avail: number, align: Align, y: number): DrawItem[] {
  const slack = avail - line.width;
  const extra = align === 'justify' && !line.last && line.gaps > 0 && slack > 0 ? slack / line.gaps : 0;
  let cx = x + (align === 'center' ? slack / 2 : align === 'right' ? slack : 0);
  const items: DrawItem[] = [];
  for (const f of line.frags) {
    items.push({ kind: 'text', x: cx, y: y - f.rise, face: f.face, size: f.size, text: f.text, extra });
    cx += f.width;
    if (extra !== 0) cx += extra * spaces(f.text);
  }
  return items;
}

function spaces(text: string): number {
  let n = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

/** Footnote numbers referenced on a line. */
export function lineNotes(line: Line): number[] {
  return line.frags.flatMap((f) => (f.note === undefined ? [] : [f.note]));
}

/**
 * Lines of centred furniture, as even as possible: the narrowest measure that needs no more
 * lines than the full one (so a name never ends with one word alone on its last line).
 */
export function balancedLines(runs: Run[], m: Measure, width: number): readonly Line[] {
  return memoised(m, `balanced|${width}${runsKey(runs)}`, () => balance(runs, m, width));
}

function balance(runs: Run[], m: Measure, width: number): readonly Line[] {
  const lines = breakLines(runs, m, width, width, true);
  if (lines.length < 2) return lines;
  // The runs are split and measured once for the dozen measures tried.
  const measured = pieces(runs, m, true);
  let lo = 0;
  let hi = width;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    if (breakPieces(measured, m, mid, mid).length <= lines.length) hi = mid;
    else lo = mid;
  }
  return breakLines(runs, m, hi, hi, true);
}
