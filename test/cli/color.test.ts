// When messages are coloured: on a terminal unless NO_COLOR; wherever FORCE_COLOR asks.
import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/cli/main.js';

describe('wantsColor', () => {
  it('colours a terminal, unless NO_COLOR is set (and not empty)', () => {
    expect(wantsColor(true, {})).toBe(true);
    expect(wantsColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(true, { NO_COLOR: '' })).toBe(true);
    expect(wantsColor(false, {})).toBe(false);
  });

  it('follows FORCE_COLOR in a log, over NO_COLOR, as Node does', () => {
    expect(wantsColor(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColor(false, { FORCE_COLOR: '' })).toBe(true);
    expect(wantsColor(false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(wantsColor(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsColor(true, { FORCE_COLOR: 'false' })).toBe(false);
  });
});
