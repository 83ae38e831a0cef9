import { describe, expect, it } from 'vitest';
import { planId } from '../../src/project/plan-id.js';
import { slugify } from '../../src/vn/slug.js';

describe('slugify', () => {
  it('writes Vietnamese as lower-case ASCII words joined by "-"', () => {
    expect(slugify('Sở Tư pháp')).toBe('so-tu-phap');
    expect(slugify('  Kế hoạch số 1/KH-UBND (2021)  ')).toBe('ke-hoach-so-1-kh-ubnd-2021');
    expect(slugify('Đắk Hà')).toBe('dak-ha');
  });

  it('cuts a long name at a word, and never gives an empty one', () => {
    expect(slugify('một hai ba bốn năm', 12)).toBe('mot-hai-ba');
    expect(slugify('—…!')).toBe('x');
  });

  // Windows cannot make a file named so, whatever its extension ("con.pdf").
  it('never gives a name Windows keeps for a device', () => {
    for (const name of ['con', 'CON', 'Prn', 'aux', 'nul', 'com0', 'COM1', 'lpt9']) expect(slugify(name)).toBe(`${name.toLowerCase()}-x`);
    for (const name of ['console', 'com10', 'con-cho', 'nula', 'lpt']) expect(slugify(name)).toBe(name);
  });

  it('keeps a plan file named so out of an output folder Windows cannot make', () => {
    expect(planId('plans/Nul.plan.yaml')).toBe('nul-x');
    expect(planId('plans/2021/con.plan.md')).toBe('con-x');
  });
});
