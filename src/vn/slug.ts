/**
 * Slugs: Vietnamese text to ASCII identifiers usable as file names and ids
 * ("Sở Tư pháp" → "so-tu-phap").
 */

/** Lower-case ASCII words joined by "-": what slugify gives. */
const WORDS = '[a-z0-9]+(-[a-z0-9]+)*';
/**
 * Names Windows keeps for devices, whatever extension follows: a file "con.pdf" or "nul.md"
 * cannot be made there, and a checkout of outputs committed elsewhere fails on it.
 */
const DEVICE_NAMES = '(?:con|prn|aux|nul|com[0-9]|lpt[0-9])';
const WINDOWS_DEVICE_NAME = new RegExp(`^${DEVICE_NAMES}$`);

/** A slug, as an id is written (a task's id). */
export const SLUG = new RegExp(`^${WORDS}$`);
/** A slug that may name a file on every system: not a name Windows keeps for a device (an agency's id). */
export const FILE_NAME_SLUG = new RegExp(`^(?!${DEVICE_NAMES}$)${WORDS}$`);

/**
 * Lower-case ASCII words joined by "-", at most `maxLength` characters, never empty, and never
 * a name Windows keeps for a device ("con" gives "con-x").
 */
export function slugify(text: string, maxLength = 64): string {
  const ascii = asciiWords(text);
  const cut = ascii.length > maxLength ? ascii.slice(0, maxLength).replace(/-[^-]*$/, '') : ascii;
  if (!cut) return 'x';
  return WINDOWS_DEVICE_NAME.test(cut) ? `${cut}-x` : cut;
}

/** The text's letters and digits as lower-case ASCII words joined by "-": empty when it has none a slug can keep. */
export function asciiWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Text folded for lookups: NFC, lower case, single spaces, no surrounding blanks. */
export function foldName(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}

/**
 * How an agency's name is compared: case, spacing and punctuation aside, so that the names clerks
 * write for one body meet ("Các sở, ban, ngành" and "Các sở, ban ngành"; "Lao động - Thương binh"
 * and "Lao động, Thương binh").
 */
export function nameKey(text: string): string {
  // "Các Thành viên Ban Chỉ đạo" and "Thành viên Ban Chỉ đạo" are one class of bodies.
  return foldName(text.normalize('NFC').replace(/[\p{P}\p{S}]+/gu, ' ')).replace(/^các /u, '');
}
