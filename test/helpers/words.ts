// Word-sequence comparison: how much of a reference text survives, in order, in a produced text.

/** Words of a text: split on white space, punctuation and footnote markers ("⁽¹⁾", "¹", "(1)") stripped, NFC, lower case. */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(/\(\d+\)|[⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '').toLocaleLowerCase('vi'))
    .filter((word) => word !== '');
}

/** Length of the longest common subsequence of two word lists. */
function commonSubsequence(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const current = new Uint32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Share of the reference's words found in order (`inSequence`) and at all, as a multiset
 * (`present`); the words not found (`missing`, in reference order), and how many of the found
 * ones are out of order (`outOfOrder`).
 */
export function wordCoverage(reference: string, produced: string): { inSequence: number; present: number; missing: string[]; outOfOrder: number } {
  const expected = words(reference);
  const actual = words(produced);
  const counts = new Map<string, number>();
  for (const word of actual) counts.set(word, (counts.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of expected) {
    const left = counts.get(word) ?? 0;
    if (left > 0) counts.set(word, left - 1);
    else missing.push(word);
  }
  const inOrder = commonSubsequence(expected, actual);
  return {
    inSequence: inOrder / expected.length,
    present: (expected.length - missing.length) / expected.length,
    missing,
    outOfOrder: expected.length - missing.length - inOrder,
  };
}
