/**
 * A title typed in capitals throughout, set in a sentence ("... về triển khai Nghị quyết số
 * 09-NQ/TU ..."): lower case but for what keeps its capitals in any sentence, document symbols
 * ("09-NQ/TU", "QĐ-TTg") and the proper names the plan knows (its place, its registry's names).
 * Lowering only the first letter gave "về tRIỂN KHAI ...".
 */

/** A word that is a document symbol or number: it holds a digit, a slash or a hyphen between capitals. */
const SYMBOL = /\d|\/|\p{Lu}-\p{Lu}/u;

/** Whether text has letters and none of them in lower case. */
export function inCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi');
}

/** `text` (in capitals) in lower case, symbols kept, and each of `names` restored to its own case. */
export function sentenceCase(text: string, names: readonly string[]): string {
  let out = text.replace(/\S+/g, (word) => (SYMBOL.test(word) ? word : word.toLocaleLowerCase('vi')));
  // Longer names first, so that "Ủy ban nhân dân tỉnh Kon Tum" wins over "Kon Tum".
  for (const name of [...names].filter((n) => /\p{Lu}/u.test(n.slice(1)) || /^\p{Lu}/u.test(n)).sort((a, b) => b.length - a.length)) {
    const lower = name.toLocaleLowerCase('vi');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(lower)}(?![\\p{L}\\p{N}])`, 'gu'), name);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
