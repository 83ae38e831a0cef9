/**
 * Numbering of a plan's parts, sections, items and sub-items, as Vietnamese documents write
 * it: "Phần I", "I.", "1.", "a)" (Vietnamese alphabet, with "đ"), or decimal "1.1.".
 */

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** Roman numeral of a positive number: 4 → "IV". */
export function roman(value: number): string {
  let rest = value;
  let out = '';
  for (const [amount, symbol] of ROMAN) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/** The Vietnamese alphabet as used to letter sub-items: no f, j, w, z; "đ" after "d". */
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** Letter of the n-th sub-item (1-based): 5 → "đ"; past "y" the letters double ("aa"). */
export function letter(value: number): string {
  const index = value - 1;
  const base = LETTERS[index % LETTERS.length]!;
  return base.repeat(Math.floor(index / LETTERS.length) + 1);
}
