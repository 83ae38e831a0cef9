// Work shared between the documents of a process (font programs, broken lines, glyph checks)
// must never show in the bytes: a document comes out the same whatever was typeset before it.
import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../src/compose/tree.js';
import { loadFonts, typesetPdf } from '../../src/typeset/pdf/index.js';
import type { LoadedFonts } from '../../src/typeset/pdf/index.js';
import { defaultStyle, parseMarkdown, seedTree } from '../fixtures/typeset/seed-tree.js';

// A copy of the loaded family is a new identity, so every per-process cache starts empty for it.
const coldFonts = (): LoadedFonts => ({ ...loadFonts(defaultStyle.font) });

function bytes(tree: DocumentTree, fonts: LoadedFonts): Buffer {
  const result = typesetPdf(tree, defaultStyle, fonts);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return Buffer.from(result.bytes);
}

// Other documents: the same paragraphs under another title, and rare letters in every face.
function others(): DocumentTree[] {
  const seed = seedTree();
  const rare = parseMarkdown('Ωμέγα ŸŽ ‰ **ŒÆ Ø** _ß þ ð_ ***Ĳ ĸ***\n\n' + seed.body.children.length);
  return [{ ...seed, body: { ...seed.body, children: seed.body.children.slice(2) } }, { ...seed, body: rare, appendices: [] }];
}

describe('documents typeset in one process', () => {
  it('come out the same whatever was typeset before them', () => {
    const alone = bytes(seedTree(), coldFonts());
    const warm = coldFonts();
    for (const other of others()) bytes(other, warm);
    expect(bytes(seedTree(), warm).equals(alone)).toBe(true);
    expect(bytes(seedTree(), warm).equals(alone)).toBe(true);
  });
});
