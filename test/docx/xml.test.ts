// XML text in WordprocessingML parts: markup characters escaped, characters XML 1.0 forbids dropped, spaces kept;
// every part read back with a strict XML parser.
import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../src/compose/tree.js';
import { typesetDocx } from '../../src/typeset/docx/index.js';
import { textElement } from '../../src/typeset/docx/runs.js';
import { escapeXml } from '../../src/typeset/docx/xml.js';
import { loadFonts } from '../../src/typeset/pdf/index.js';
import { defaultStyle, inline, seedTree } from '../fixtures/typeset/seed-tree.js';
import { elements, parseXml } from '../helpers/xml.js';
import { parts, xmlText } from './helpers.js';

describe('escapeXml', () => {
  it('escapes the characters that end text or an attribute', () => {
    expect(escapeXml('Sở A & B <b> "C" > D')).toBe('Sở A &amp; B &lt;b&gt; &quot;C&quot; &gt; D');
    expect(escapeXml('&amp;')).toBe('&amp;amp;');
  });

  it('drops what XML 1.0 cannot hold, and keeps tabs, new lines and whole surrogate pairs', () => {
    expect(escapeXml('a\u0000b\u0001c\u000Bd\u001Fe\uFFFEf\uFFFFg')).toBe('abcdefg');
    expect(escapeXml('\uD800x\uDC00y')).toBe('xy');
    expect(escapeXml('\t\n\r😀 Kon Tum')).toBe('\t\n\r😀 Kon Tum');
  });

  it('leaves ordinary Vietnamese text as it is', () => {
    const text = 'Ủy ban nhân dân tỉnh Kon Tum, ngày 25 tháng 5 năm 2021';
    expect(escapeXml(text)).toBe(text);
  });
});

describe('textElement', () => {
  it('keeps leading, trailing and repeated spaces, and says nothing about single inner ones', () => {
    expect(textElement('Số:       /KH-BCĐ')).toBe('<w:t xml:space="preserve">Số:       /KH-BCĐ</w:t>');
    expect(textElement('- ')).toBe('<w:t xml:space="preserve">- </w:t>');
    expect(textElement(' và')).toBe('<w:t xml:space="preserve"> và</w:t>');
    expect(textElement('Nơi nhận:')).toBe('<w:t>Nơi nhận:</w:t>');
  });
});

describe('a document whose text holds markup characters', () => {
  it('writes well-formed parts that read back as the same text', () => {
    const tricky = 'A & B <C> "D" \u0007E';
    const base = seedTree();
    const tree: DocumentTree = {
      ...base,
      meta: { ...base.meta, title: tricky, keywords: ['<x>', 'y & z'] },
      header: { ...base.header, placeDate: tricky },
      title: { ...base.title, abstract: inline('Về **A & B** <C>') },
    };
    const p = parts(typesetDocx(tree, defaultStyle, loadFonts(defaultStyle.font)));
    // Every part parsed by a strict XML 1.0 parser with namespaces (parts() does it too).
    const xmlParts = Object.keys(p).filter((path) => /\.(?:xml|rels)$/.test(path));
    expect(xmlParts).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']));
    const trees = Object.fromEntries(xmlParts.map((path) => [path, parseXml(p[path]!, path)]));
    expect(xmlText(p['word/document.xml'] ?? '')).toContain('A & B <C> "D" E');
    const core = trees['docProps/core.xml']!;
    const textOf = (name: string): string[] => elements(core, name).map((e) => e.children.join(''));
    expect(textOf('dc:title')).toEqual(['A & B <C> "D" E']);
    expect(textOf('cp:keywords')).toEqual(['<x>, y & z']);
    expect(elements(core, 'dc:title')[0]!.uri).toBe('http://purl.org/dc/elements/1.1/');
  });
});

describe('the XML parser the DOCX tests use', () => {
  it('refuses what Word refuses: a bare "&", a control character, an unbound prefix, an undefined entity, two roots', () => {
    const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    expect(parseXml(`<w:t ${ns}>A &amp; B</w:t>`).children).toEqual(['A & B']);
    for (const bad of [`<w:t ${ns}>A & B</w:t>`, `<w:t ${ns}>A \u0007 B</w:t>`, '<w:t>A</w:t>', `<w:t ${ns}>&nbsp;</w:t>`, `<w:t ${ns}/><w:t ${ns}/>`, `<w:t ${ns}><w:r></w:t>`]) {
      expect(() => parseXml(bad, 'part'), bad).toThrow(/part is not well-formed XML/);
    }
  });
});
