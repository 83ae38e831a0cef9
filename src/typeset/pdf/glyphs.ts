// Checks that every character to be drawn has a glyph in the face that draws it.
import { type Face, type LoadedFonts, perFace } from './fonts.js';
import type { Run } from './model.js';
import { onceFor } from '../../memo.js';

/** A character the font cannot draw, with where it occurs. */
export interface TypesetProblem {
  /** What went wrong: the font has no glyph for a character. */
  code: 'missing-glyph';
  /** The character itself. */
  char: string;
  /** Its Unicode code point. */
  codePoint: number;
  /** About 40 characters of text around it. */
  context: string;
}

// Strings already found drawable, per font set and face: documents share most of their text.
const drawable = new WeakMap<LoadedFonts, Record<Face, Set<string>>>();
// Bounds the memory of a long-running process (plan watch); a face's set is cleared when full.
const DRAWABLE_LIMIT = 16384;

/** Collects missing glyphs while blocks are prepared, once per character. */
export class GlyphCheck {
  /** Problems found so far, in document order. */
  readonly problems: TypesetProblem[] = [];
  private readonly seen = new Set<string>();

  private readonly known: Record<Face, Set<string>>;

  constructor(private readonly fonts: LoadedFonts) {
    this.known = onceFor(drawable, fonts, () => perFace(() => new Set<string>()));
  }

  /** Checks runs that read as one text (a paragraph, a line of furniture). */
  runs(runs: Run[]): void {
    // The whole text, for the context of a problem, is joined only when there is one.
    let whole: string | undefined;
    const text = (): string => (whole ??= runs.map((r) => r.text).join(''));
    let offset = 0;
    for (const run of runs) {
      this.scan(run.text, run.face, text, offset);
      offset += run.text.length;
    }
  }

  /** Checks a string drawn in one face. */
  text(text: string, face: Face): void {
    this.scan(text, face, () => text, 0);
  }

  private scan(text: string, face: Face, whole: () => string, offset: number): void {
    const known = this.known[face];
    if (known.has(text)) return;
    let missing = false;
    const font = this.fonts.programs[face];
    let i = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      // Line breaks and tabs are layout, not glyphs.
      if (cp !== 0x0a && cp !== 0x0d && cp !== 0x09 && cp !== 0x2028 && font.glyphId(cp) === 0) {
        missing = true;
        const id = String(cp);
        if (!this.seen.has(id)) {
          this.seen.add(id);
          const at = offset + i;
          this.problems.push({
            code: 'missing-glyph',
            char: ch,
            codePoint: cp,
            context: whole().slice(Math.max(0, at - 20), at + ch.length + 20).replace(/\s+/g, ' '),
          });
        }
      }
      i += ch.length;
    }
    if (!missing) {
      if (known.size >= DRAWABLE_LIMIT) known.clear();
      known.add(text);
    }
  }
}
