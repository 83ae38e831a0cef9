/**
 * Slugs: Vietnamese text to ASCII identifiers usable as file names and ids
 * ("Sở Tư pháp" → "so-tu-phap").
 */

/** Lower-case ASCII words joined by "-", at most `maxLength` characters, never empty. */
export function slugify(text: string, maxLength = 64): string {
  const ascii = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.length > maxLength ? ascii.slice(0, maxLength).replace(/-[^-]*$/, '') : ascii;
  return cut || 'x';
}

/** Text folded for lookups: NFC, lower case, single spaces, no surrounding blanks. */
export function foldName(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
}
