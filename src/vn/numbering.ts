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

/** How a part is labelled: "Phần I", "PHẦN THỨ NHẤT" or "A.". */
export type PartStyle = 'roman' | 'ordinal' | 'letter';

const DIGITS = ['', 'MỘT', 'HAI', 'BA', 'BỐN', 'NĂM', 'SÁU', 'BẢY', 'TÁM', 'CHÍN'];

/** A number in Vietnamese words, in capitals, below 100: 21 → "HAI MƯƠI MỐT". */
function numberWords(value: number): string {
  if (value < 10) return DIGITS[value]!;
  const tens = Math.floor(value / 10);
  const units = value % 10;
  const head = tens === 1 ? 'MƯỜI' : `${DIGITS[tens]} MƯƠI`;
  if (units === 0) return head;
  const unit = units === 5 ? 'LĂM' : units === 1 && tens > 1 ? 'MỐT' : units === 4 && tens > 1 ? 'TƯ' : DIGITS[units]!;
  return `${head} ${unit}`;
}

/** The ordinal word after "THỨ": 1 → "NHẤT", 4 → "TƯ", 2 → "HAI". */
export function ordinal(value: number): string {
  if (value === 1) return 'NHẤT';
  if (value === 4) return 'TƯ';
  return numberWords(value);
}

/** The number of the n-th part in a style: "II", "HAI", "B". */
export function partNumber(style: PartStyle, value: number): string {
  if (style === 'roman') return roman(value);
  if (style === 'ordinal') return ordinal(value);
  return String.fromCharCode(64 + ((value - 1) % 26) + 1);
}

/** A part label typed at the start of a title, with the style and number it says. */
export interface TypedPartLabel {
  style: PartStyle;
  number: number;
  /** The label as typed, without the space after it. */
  label: string;
  /** Characters to cut from the title: the label and the punctuation and spaces after it. */
  length: number;
}

const TYPED_PART = /^\s*(?:(phần\s+thứ\s+([\p{L} ]+?))|(phần\s+([IVXLC]+|\d{1,2}))|([A-Z]))\s*(?:[.:\-–)]\s*|\n|$)/iu;

/** Reads a part label typed at the start of a title ("Phần II. ", "PHẦN THỨ HAI: ", "B. "). */
export function readPartLabel(title: string): TypedPartLabel | undefined {
  const match = TYPED_PART.exec(title);
  if (!match) return undefined;
  // A single capital letter is a label only when punctuation follows it ("A. KẾT QUẢ", not "A LƯỚI").
  if (match[5] && !/^\s*[A-Z]\s*[.)]/.test(match[0])) return undefined;
  const rest = title.slice(match[0].length);
  if (rest.trim() === '' && !match[0].includes('\n') && match[5]) return undefined;
  let style: PartStyle;
  let number: number;
  if (match[2]) {
    style = 'ordinal';
    const words = match[2].trim().toLocaleUpperCase('vi');
    number = Array.from({ length: 99 }, (_, i) => i + 1).find((n) => ordinal(n) === words) ?? 0;
    if (number === 0) return undefined;
  } else if (match[4]) {
    style = 'roman';
    const numeral = match[4].toUpperCase();
    number = /^\d+$/.test(numeral) ? Number(numeral) : Array.from({ length: 99 }, (_, i) => i + 1).find((n) => roman(n) === numeral) ?? 0;
    if (number === 0) return undefined;
  } else {
    style = 'letter';
    number = match[5]!.charCodeAt(0) - 64;
  }
  return { style, number, label: match[0].trim(), length: match[0].length };
}

/** A part label as printed by default, for messages: "Phần II", "PHẦN THỨ HAI", "B.". */
export function partLabel(style: PartStyle, value: number): string {
  if (style === 'roman') return `Phần ${roman(value)}`;
  if (style === 'ordinal') return `PHẦN THỨ ${ordinal(value)}`;
  return `${partNumber(style, value)}.`;
}
