/**
 * Vietnamese in the 8-bit encodings of old Word files: TCVN3 (TCVN 5712:1993 VN3, the "ABC"
 * of .VnTime fonts) and VNI (VNI-Times). Such text, read as Latin-1 or pasted into a Unicode
 * editor, shows as "KÕ ho¹ch" (TCVN3) or "Keá hoaïch" (VNI).
 *
 * Both tables are written here as Unicode → legacy (each legacy byte shown as the Latin-1
 * character of the same code) and turned around for decoding. Detection compares how many
 * words are Vietnamese syllables before and after decoding, so ordinary Unicode Vietnamese
 * (whose "á", "ô" are also Latin-1 letters) is never taken for legacy text.
 */
import { BoundedMap } from '../memo.js';
import { isVietnameseSyllable } from './syllable.js';

/** The legacy encodings recognised. */
export type LegacyEncoding = 'TCVN3' | 'VNI';

/** Combining tone marks in the order both tables list them: huyền, hỏi, ngã, sắc, nặng. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

const compose = (base: string, tone: string) => (base + tone).normalize('NFC');

/** TCVN3: one byte per lower-case letter; capitals with a tone exist only in the ".VnTimeH" capital fonts, as these same bytes. */
const TCVN3_TONED: Record<string, string> = {
  a: 'µ¶·¸¹', ă: '»¼½¾Æ', â: 'ÇÈÉÊË', e: 'ÌÎÏÐÑ', ê: 'ÒÓÔÕÖ', i: '×ØÜÝÞ',
  o: 'ßáâãä', ô: 'åæçèé', ơ: 'êëìíî', u: 'ïñòóô', ư: 'õö÷øù', y: 'úûüýþ',
};
const TCVN3_PLAIN: Record<string, string> = {
  ă: '¨', â: '©', ê: 'ª', ô: '«', ơ: '¬', ư: '\u00AD', đ: '®', Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§',
};

/** VNI: a base letter followed by a mark byte; a few letters are single bytes. */
const VNI_TONE_LOWER = ['ø', 'û', 'õ', 'ù', 'ï'];
const VNI_TONE_UPPER = ['Ø', 'Û', 'Õ', 'Ù', 'Ï'];
const VNI_CIRCUMFLEX_LOWER = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_CIRCUMFLEX_UPPER = ['Â', 'À', 'Å', 'Ã', 'Á', 'Ä'];
const VNI_BREVE_LOWER = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
const VNI_BREVE_UPPER = ['Ê', 'È', 'Ú', 'Ü', 'É', 'Ë'];
const VNI_I_LOWER = ['ì', 'æ', 'ó', 'í', 'ò'];
const VNI_I_UPPER = ['Ì', 'Æ', 'Ó', 'Í', 'Ò'];

function tcvn3Table(): Map<string, string> {
  const table = new Map<string, string>();
  for (const [base, codes] of Object.entries(TCVN3_TONED)) {
    TONES.forEach((tone, index) => {
      table.set(compose(base, tone), codes[index]!);
      // No capital with a tone in VN3: it is typed with the capital font, as the lower-case byte.
      table.set(compose(base, tone).toUpperCase(), codes[index]!);
    });
  }
  for (const [letter, code] of Object.entries(TCVN3_PLAIN)) table.set(letter, code);
  return table;
}

function vniTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const upper of [false, true]) {
    const c = (text: string) => (upper ? text.toUpperCase() : text);
    const tones = upper ? VNI_TONE_UPPER : VNI_TONE_LOWER;
    const withTones = (letter: string, legacyBase: string) =>
      TONES.forEach((tone, index) => table.set(c(compose(letter, tone)), legacyBase + tones[index]!));
    for (const vowel of ['a', 'e', 'o', 'u', 'y']) withTones(vowel, c(vowel));
    const circumflex = upper ? VNI_CIRCUMFLEX_UPPER : VNI_CIRCUMFLEX_LOWER;
    for (const [plain, marked] of [['a', 'â'], ['e', 'ê'], ['o', 'ô']] as const) {
      table.set(c(marked), c(plain) + circumflex[0]!);
      TONES.forEach((tone, index) => table.set(c(compose(marked, tone)), c(plain) + circumflex[index + 1]!));
    }
    const breve = upper ? VNI_BREVE_UPPER : VNI_BREVE_LOWER;
    table.set(c('ă'), c('a') + breve[0]!);
    TONES.forEach((tone, index) => table.set(c(compose('ă', tone)), c('a') + breve[index + 1]!));
    // ơ and ư are single bytes ("ô", "ö") that take the tone marks of plain vowels.
    table.set(c('ơ'), upper ? 'Ô' : 'ô');
    table.set(c('ư'), upper ? 'Ö' : 'ö');
    withTones('ơ', upper ? 'Ô' : 'ô');
    withTones('ư', upper ? 'Ö' : 'ö');
    const i = upper ? VNI_I_UPPER : VNI_I_LOWER;
    TONES.forEach((tone, index) => table.set(c(compose('i', tone)), i[index]!));
    table.set(c('ỵ'), upper ? 'Î' : 'î');
    table.set(c('đ'), upper ? 'Ñ' : 'ñ');
  }
  return table;
}

const ENCODE: Record<LegacyEncoding, Map<string, string>> = { TCVN3: tcvn3Table(), VNI: vniTable() };

/** Decoding tables: legacy sequence → letter, longest sequences tried first. */
const DECODE: Record<LegacyEncoding, Map<string, string>> = {
  // Lower-case entries are set after upper-case ones, so a shared TCVN3 byte decodes to lower case.
  TCVN3: new Map([...ENCODE.TCVN3].filter(([letter]) => letter === letter.toLowerCase() || letter in TCVN3_PLAIN).map(([letter, code]) => [code, letter])),
  VNI: new Map([...[...ENCODE.VNI].map(([letter, code]) => [code, letter] as const), ['yï', 'ỵ'], ['YÏ', 'Ỵ']]),
};

/** Windows-1252's characters for bytes 0x80–0x9F (Latin-1 has control codes there); undefined bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * The characters an 8-bit file's bytes stand for in Windows-1252, the code page old Vietnamese
 * Word files were saved in (Node's own decoder treats it as Latin-1).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
  return out;
}

/** Unicode text in a legacy encoding, each byte as the Latin-1 character of its code (for tests and examples). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = ENCODE[encoding];
  return [...text.normalize('NFC')].map((char) => table.get(char) ?? char).join('');
}

/** Legacy-encoded text (bytes read as Latin-1 characters) back to Unicode NFC. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = DECODE[encoding];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = table.get(text.slice(i, i + 2));
    if (pair !== undefined && i + 1 < text.length) {
      out += pair;
      i += 2;
      continue;
    }
    out += table.get(text[i]!) ?? text[i]!;
    i++;
  }
  return out.normalize('NFC');
}

/** A line of legacy text: where it is and what it says in Unicode. */
export interface LegacyLine {
  /** 1-based line and column of the first word that changes. */
  line: number;
  column: number;
  /** Characters from the first to the last changed word. */
  length: number;
  converted: string;
}

/** What detection found: the encoding, and the lines written in it. */
export interface LegacyText {
  encoding: LegacyEncoding;
  lines: LegacyLine[];
  /** The whole text with those lines converted. */
  converted: string;
}

/**
 * Signs of a legacy line that no Vietnamese Unicode text shows, for lines whose words are not
 * syllables either way ("BC§", "BCÑ" for "BCĐ"): TCVN3's letters that are Latin-1 symbols, and
 * VNI's "ñ", "ö" and mark bytes right after a vowel.
 */
const EVIDENCE: Record<LegacyEncoding, RegExp> = {
  TCVN3: /[\u00A1-\u00AE\u00B5-\u00B9\u00BB-\u00BE\u00D7\u00F7\u00DE\u00FE]/u,
  VNI: /[ñÑöÖ]|[aeouyôAEOUYÔ][ùøûõïÙØÛÕÏ]|[aeoAEO][âÂ]|[aA][êÊ]/u,
};

// Far more than the distinct words of a province's plans.
const WORD_LIMIT = 50_000;

/** A character from 0x80 up: the only ones either table changes. */
const NON_ASCII = /[^\u0000-\u007F]/;

/** Word boundaries: spaces and ASCII punctuation (legacy letters include Latin-1 symbols like "¸"). */
const WORD = /[^\s"'()[\]{}<>,.;:!?/\\|*_#`~=+\-\u2013\u2014\u201C\u201D\u2018\u2019\u2026]+/gu;

interface LineScore {
  gain: number;
  loss: number;
  changed: number;
  first: number;
  last: number;
}

/** What decoding does to a word: nothing, or changes it into a syllable, out of one, or neither. */
type WordChange = 'none' | 'gain' | 'loss' | 'neutral';

function wordChange(word: string, encoding: LegacyEncoding): WordChange {
  const converted = decodeLegacy(word, encoding);
  if (converted === word) return 'none';
  const before = isVietnameseSyllable(word);
  const after = isVietnameseSyllable(converted);
  return after && !before ? 'gain' : before && !after ? 'loss' : 'neutral';
}

/**
 * Each word's change by encoding, for the process: every source file is checked, and a
 * province's plans (and one plan's lines) repeat most of their words.
 */
const changes: Record<LegacyEncoding, BoundedMap<string, WordChange>> = { TCVN3: new BoundedMap(WORD_LIMIT), VNI: new BoundedMap(WORD_LIMIT) };

/** A word of a line, where it starts. */
interface LineWord {
  word: string;
  index: number;
}

/**
 * The words of a line that decoding may change: of two characters or more (a lone symbol, "·"
 * or "×", is punctuation far more often than a one-letter word), and not of ASCII alone, which
 * both tables leave as it is. Found once for both encodings.
 */
function lineWords(line: string): LineWord[] {
  const words: LineWord[] = [];
  if (!NON_ASCII.test(line)) return words;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(line); match !== null; match = WORD.exec(line)) {
    const word = match[0];
    if (word.length >= 2 && NON_ASCII.test(word)) words.push({ word, index: match.index });
  }
  return words;
}

function scoreLine(words: readonly LineWord[], encoding: LegacyEncoding): LineScore {
  const score: LineScore = { gain: 0, loss: 0, changed: 0, first: -1, last: -1 };
  for (const { word, index } of words) {
    const change = changes[encoding].get(word, () => wordChange(word, encoding));
    if (change === 'none') continue;
    score.changed++;
    if (change === 'gain') score.gain++;
    if (change === 'loss') score.loss++;
    if (score.first < 0) score.first = index;
    score.last = index + word.length;
  }
  return score;
}

/** Whether a line of a legacy file is itself legacy text (a file may mix both). */
function isLegacyLine(line: string, score: LineScore, encoding: LegacyEncoding): boolean {
  if (score.changed === 0) return false;
  return score.gain > score.loss || (score.loss === 0 && EVIDENCE[encoding].test(line));
}

/**
 * Finds Vietnamese written in TCVN3 or VNI in `text`. A line counts as legacy when decoding
 * turns more of its words into Vietnamese syllables than it spoils; the text counts when those
 * lines gain at least two words in all. Lines are judged one by one because a Unicode file may
 * hold one pasted legacy paragraph, and Unicode lines are spoilt by decoding, not improved.
 */
export function detectLegacy(text: string): LegacyText | undefined {
  let best: { encoding: LegacyEncoding; net: number; scores: LineScore[] } | undefined;
  const lines = text.split('\n');
  const words = lines.map(lineWords);
  for (const encoding of ['TCVN3', 'VNI'] as const) {
    const scores = words.map((line) => scoreLine(line, encoding));
    const net = scores.reduce((sum, s) => sum + Math.max(0, s.gain - s.loss), 0);
    if (net >= 2 && (!best || net > best.net)) best = { encoding, net, scores };
  }
  if (!best) return undefined;
  const { encoding, scores } = best;
  const found: LegacyLine[] = [];
  const out = lines.map((line, index) => {
    const score = scores[index]!;
    if (!isLegacyLine(line, score, encoding)) return line;
    const converted = decodeLegacy(line, encoding);
    found.push({ line: index + 1, column: score.first + 1, length: Math.max(1, score.last - score.first), converted });
    return converted;
  });
  return { encoding, lines: found, converted: out.join('\n') };
}
