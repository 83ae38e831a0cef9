// Reads a typeset PDF back with unpdf: text items with positions, per page.
import type { Nodes } from 'mdast';
import { inflateSync } from 'node:zlib';
import { getDocumentProxy } from 'unpdf';

/** One text item as pdf.js extracts it: baseline position in PDF points (origin bottom-left). */
export interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A page: its size and text items. */
export interface ReadPage {
  width: number;
  height: number;
  items: Item[];
  /** The page's text in reading order, items joined as pdf.js reports them. */
  text: string;
}

/** Extracts every page of a PDF. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: ReadPage[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: Item[] = [];
    let text = '';
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const t = it.transform as number[];
      items.push({ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, width: it.width, height: it.height });
      text += it.str + (it.hasEOL ? '\n' : '');
    }
    pages.push({ width: x1 - x0, height: y1 - y0, items, text });
  }
  return pages;
}

/** Words of a text: whitespace-separated, stripped of surrounding punctuation, empties dropped. */
export function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((w) => w.length > 0);
}

/** Points per millimetre. */
export const MM = 72 / 25.4;

/** The plain text of an mdast node (values of its leaves, separated by spaces). */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join(' ');
  return '';
}

/**
 * What a page holds from a footnote's first line down: the text of those lines (white space
 * removed, footnote numbers too) and the lowest baseline. For checking a note sits at the foot.
 */
export function footOfPage(page: ReadPage, noteStart: Item): { text: string; lowest: number } {
  const below = page.items.filter((i) => i.y <= noteStart.y + 0.5 && i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const text = below
    .map((i) => i.str)
    .join('')
    .replace(/\s+/g, '')
    .replace(/^[(⁽]?[\d¹²³⁴⁵⁶⁷⁸⁹⁰]+[)⁾]?/, '')
    .replace(/[(⁽]?[\d¹²³⁴⁵⁶⁷⁸⁹⁰]+[)⁾]?(?=\p{Lu})/gu, '');
  return { text, lowest: Math.min(...below.map((i) => i.y)) };
}

/** A stroked rectangle ("x y w h re ... S") of a page, in PDF points with the origin bottom-left. */
export interface StrokedRect {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/**
 * The rectangles each page's content stream strokes, in page order. Our frames are drawn in
 * pdfkit's flipped space (y down from the top), which this undoes.
 */
export function strokedFrames(bytes: Uint8Array): StrokedRect[][] {
  const raw = Buffer.from(bytes).toString('latin1');
  return [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]\n\/Contents (\d+) 0 R/g)].map(([, , height, id]) => {
    const opening = `\n${id} 0 obj\n<<\n`;
    const at = raw.indexOf(opening) + opening.length;
    const streamAt = raw.indexOf('>>\nstream\n', at);
    const length = Number(/\/Length (\d+)/.exec(raw.slice(at, streamAt))![1]);
    const start = streamAt + '>>\nstream\n'.length;
    const content = inflateSync(Buffer.from(bytes).subarray(start, start + length)).toString('latin1');
    return [...content.matchAll(/([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re [\d.]+ w S/g)].map((m) => {
      const [x, y, w, h] = m.slice(1, 5).map(Number) as [number, number, number, number];
      return { left: x, right: x + w, top: Number(height) - y, bottom: Number(height) - y - h };
    });
  });
}
