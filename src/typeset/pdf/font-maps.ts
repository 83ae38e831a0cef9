// The per-font maps of a PDF font: glyph widths (the W array) and the ToUnicode CMap that lets
// readers copy and search the text.
import { PdfSyntax, pdfNumber } from './pdf-syntax.js';

/** A glyph in a font program: its advance in font units and the characters it stands for. */
export interface GlyphInfo {
  advance: number;
  codePoints: number[];
}

const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

/** UTF-16 hex of code points, as a ToUnicode map writes them. */
function utf16(codePoints: number[]): string {
  return codePoints.map((c) => (c > 0xffff ? hex4(0xd800 + ((c - 0x10000) >> 10)) + hex4(0xdc00 + ((c - 0x10000) & 0x3ff)) : hex4(c))).join('');
}

/** Runs of consecutive glyph ids with their widths, `[first [w…] first [w…]…]`: the W array, written once. */
export function widthArray(gids: readonly number[], width: (gid: number) => number): PdfSyntax {
  const runs: string[] = [];
  let run: string[] = [];
  gids.forEach((gid, i) => {
    if (i === 0 || gid !== (gids[i - 1] as number) + 1) {
      if (run.length > 0) runs.push(`[${run.join(' ')}]`);
      run = [];
      runs.push(String(gid));
    }
    run.push(pdfNumber(width(gid)));
  });
  if (run.length > 0) runs.push(`[${run.join(' ')}]`);
  return new PdfSyntax(`[${runs.join(' ')}]`);
}

// bfchar blocks hold at most 100 entries.
const BFCHAR_BLOCK = 100;

/** A ToUnicode CMap for glyph ids used as CIDs (Identity-H). */
export function toUnicodeMap(gids: readonly number[], codePoints: (gid: number) => number[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < gids.length; i += BFCHAR_BLOCK) {
    const block = gids.slice(i, i + BFCHAR_BLOCK);
    blocks.push(`${block.length} beginbfchar\n${block.map((g) => `<${hex4(g)}> <${utf16(codePoints(g))}>`).join('\n')}\nendbfchar`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <ffff>
endcodespacerange
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
