// The shared caches of a process: made once, bounded, oldest dropped first.
import { describe, expect, it } from 'vitest';
import { BoundedMap, onceFor } from '../src/memo.js';

describe('onceFor', () => {
  it('makes one value per object and gives it back after', () => {
    const cache = new WeakMap<object, number[]>();
    const a = {};
    let made = 0;
    const first = onceFor(cache, a, () => [++made]);
    expect(onceFor(cache, a, () => [++made])).toBe(first);
    expect(onceFor(cache, {}, () => [++made])).toEqual([2]);
  });
});

describe('BoundedMap', () => {
  it('keeps at most its limit, dropping the oldest entry first', () => {
    const map = new BoundedMap<string, string>(2);
    let made = 0;
    const make = (value: string) => () => {
      made++;
      return value;
    };
    expect(map.get('a', make('A'))).toBe('A');
    expect(map.get('b', make('B'))).toBe('B');
    expect(map.get('a', make('X'))).toBe('A');
    expect(made).toBe(2);
    map.get('c', make('C'));
    expect(map.get('b', make('Y'))).toBe('B');
    expect(map.get('a', make('A again'))).toBe('A again');
  });
});
