/**
 * Text from a user's files as it may be printed: a diagnostic quotes the source (its excerpt, a
 * key, a value), and a plan from another office or a pull request could otherwise clear or
 * recolour the clerk's terminal or the CI log, or draw a fake "0 lỗi" line. Control characters
 * and the invisible direction marks are shown as escapes (`\x1b`, `\u202e`), never sent as they are.
 */

/** C0 and C1 controls, DEL, and the zero-width and direction marks that reorder or hide what follows. */
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** `text` with every control or invisible mark written as its escape; `keep` (e.g. "\n") is left as it is. */
export function visible(text: string, keep = ''): string {
  return text.replace(UNSAFE, (char) => (keep.includes(char) ? char : escapeOf(char)));
}

function escapeOf(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
