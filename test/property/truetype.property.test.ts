// Damaged font files (bytes changed, files cut short): reading, mapping characters and
// subsetting either work or fail with TrueTypeError, which the build reports as font-unsupported;
// never another exception. Fixed seed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTrueType, subsetTrueType, TrueTypeError } from '../../src/typeset/pdf/truetype.js';

const SEED = 20_261_129;
const font = readFileSync(join(import.meta.dirname, '..', '..', 'fonts', 'Tinos-Regular.ttf'));

// Most changes land in the table directory and the small tables at the start, where they matter.
const change = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: font.length - 1 })), fc.integer({ min: 0, max: 255 }));
const damage = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 30 }), cut: fc.option(fc.integer({ min: 0, max: font.length }), { freq: 5 }) });

describe('a damaged TrueType file', () => {
  it('is read or refused with TrueTypeError, never a crash', () => {
    fc.assert(
      fc.property(damage, ({ changes, cut }) => {
        const bytes = Buffer.from(font);
        for (const [at, value] of changes) bytes[at] = value;
        try {
          const program = parseTrueType(cut === null ? bytes : bytes.subarray(0, cut));
          const ids: number[] = [];
          for (let codePoint = 0; codePoint < 0x2000; codePoint += 7) ids.push(program.glyphId(codePoint));
          for (const id of ids) program.advance(id);
          subsetTrueType(program, ids);
        } catch (error) {
          expect(error).toBeInstanceOf(TrueTypeError);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
