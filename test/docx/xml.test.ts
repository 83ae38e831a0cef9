// XML text in WordprocessingML parts: markup characters escaped, characters XML 1.0 forbids dropped, spaces kept.
import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../src/compose/tree.js';
import { typesetDocx } from '../../src/typeset/docx/index.js';
import { textElement } from '../../src/typeset/docx/runs.js';
import { escapeXml } from '../../src/typeset/docx/xml.js';
import { loadFonts } from '../../src/typeset/pdf/index.js';
import { defaultStyle, inline, seedTree } from '../fixtures/typeset/seed-tree.js';
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
    for (const [path, xml] of Object.entries(p)) {
      // Between tags, only text: no stray markup characters, every & opening an entity.
      const text = xml.replace(/<\?xml[^>]*\?>|<[^<>]*>/g, '');
      expect(text, path).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
      expect(xml, path).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
    expect(xmlText(p['word/document.xml'] ?? '')).toContain('A & B <C> "D" E');
    expect(p['docProps/core.xml']).toContain('<dc:title>A &amp; B &lt;C&gt; &quot;D&quot; E</dc:title>');
    expect(p['docProps/core.xml']).toContain('<cp:keywords>&lt;x&gt;, y &amp; z</cp:keywords>');
  });
});
