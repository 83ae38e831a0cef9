/**
 * A plan read through a link that leads out of the project (allowed by `follow-links-outside`)
 * is another file's contents: its diagnostics keep their code and place but quote none of its
 * words, so a pull request cannot make a CI log or a manifest show what any file says.
 */
import { realpathSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isInside } from './paths.js';

/** Arguments that hold the tool's own words (a mistake's kind, a format, the keys a field allows), not the file's. */
const OWN_WORDS = new Set(['mistake', 'format', 'allowed', 'expected', 'actual', 'registry', 'firstLine', 'min', 'max']);

/**
 * Whether the file at `path`, inside the project folder `root` as named, lies outside it once
 * links are resolved. A file named outside the project (on the command line) is the user's own.
 */
export function outsideProject(root: string, path: string): boolean {
  try {
    return isInside(root, path) && !isInside(realpathSync(root), realpathSync(path));
  } catch {
    return false;
  }
}

/** A diagnostic with every quoted word of its file replaced by "…". */
export function withoutQuotedText(d: Diagnostic): Diagnostic {
  const args = Object.fromEntries(
    Object.entries(d.args).map(([key, value]) => [key, OWN_WORDS.has(key) || typeof value === 'number' ? value : Array.isArray(value) ? value.map(() => '…') : '…']),
  );
  return { ...d, args };
}
