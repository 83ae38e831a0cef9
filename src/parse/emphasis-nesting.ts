/**
 * How deep emphasis nests in a Markdown text (`***…x…***`, `**a **b … b** a**`), found before the
 * parser runs: remark builds one node per level, and a few thousand levels overflow the stack of
 * its own tree walks.
 *
 * Delimiter runs are matched as CommonMark does, roughly: a run followed by a non-space may open,
 * one after a non-space may close the nearest open run of its character ("_" not inside a word),
 * each level taking one or two characters. The depth at a match counts every open run below it, so only 64 stray
 * markers never closed could make it count more than the parser nests.
 */

/** A run of "*" or "_" not escaped by a backslash. */
const RUN = /(?<!\\)(\*+|_+)/g;

/** An open run: its character, the characters it has left to match, and the levels open below it. */
interface Open {
  char: string;
  left: number;
  below: number;
}

/** The offset of the first closing marker where emphasis nests more than `max` levels, or undefined. */
export function emphasisNesting(text: string, max: number): number | undefined {
  // Emphasis never spans a blank line: each paragraph starts with nothing open.
  for (const paragraph of text.matchAll(/(?:[^\n]|\n(?![ \t]*\n))+/g)) {
    const open: Open[] = [];
    // Where the open runs of each character are in `open`, to find the nearest without a search.
    const of: Record<string, number[]> = { '*': [], _: [] };
    for (const run of paragraph[0].matchAll(RUN)) {
      const char = run[0][0]!;
      const before = paragraph[0][run.index - 1] ?? ' ';
      const after = paragraph[0][run.index + run[0].length] ?? ' ';
      let left = run[0].length;
      // "_" inside a word (snake_case) neither opens nor closes.
      const canClose = !/\s/.test(before) && !(char === '_' && /[\p{L}\p{N}]/u.test(after));
      const canOpen = !/\s/.test(after) && !(char === '_' && /[\p{L}\p{N}]/u.test(before));
      while (canClose && left > 0 && of[char]!.length > 0) {
        const at = of[char]!.at(-1)!;
        // The runs opened after the one this closes are left unmatched.
        open.length = at + 1;
        for (const list of Object.values(of)) while (list.length > 0 && list.at(-1)! > at) list.pop();
        const opener = open[at]!;
        if (opener.below + Math.ceil(opener.left / 2) > max) return paragraph.index + run.index;
        const used = Math.min(opener.left, left);
        opener.left -= used;
        left -= used;
        if (opener.left === 0) {
          open.pop();
          of[char]!.pop();
        }
      }
      if (left > 0 && canOpen) {
        const top = open.at(-1);
        open.push({ char, left, below: top ? top.below + Math.ceil(top.left / 2) : 0 });
        of[char]!.push(open.length - 1);
      }
    }
  }
  return undefined;
}
