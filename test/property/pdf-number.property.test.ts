// Numbers in page content: the quick formatting gives the same text as rounding the number and
// letting JavaScript write it, for any number a page can hold and for the edges of rounding. Fixed seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousandths } from '../../src/typeset/pdf/pdf-syntax.js';

const SEED = 20_261_129;
const reference = (n: number) => String(Math.round(n * 1000) / 1000);

describe('a number in page content', () => {
  it('is written as JavaScript writes it rounded to thousandths', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -20_000, max: 20_000, noNaN: true }), fc.integer({ min: -2_000_000, max: 2_000_000 }).map((k) => k / 1000), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
        expect(thousandths(n)).toBe(reference(n));
      }),
      { seed: SEED, numRuns: 20_000 },
    );
  });

  it('rounds at the edges as Math.round does, and never writes a negative zero', () => {
    for (const n of [0, -0, 0.0004, -0.0004, 0.0005, -0.0005, -0.5, 0.05, 0.005, -0.005, 1.1, -1.1, 999.9995, -999.9995, 841.889764, 1e15, -1e16]) {
      expect(thousandths(n)).toBe(reference(n));
    }
    expect(thousandths(-0.0004)).toBe('0');
    expect(thousandths(-1.25)).toBe('-1.25');
    expect(thousandths(0.05)).toBe('0.05');
    expect(thousandths(12.007)).toBe('12.007');
  });
});
