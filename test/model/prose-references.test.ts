// Hidden characters written by Markdown character references are checked as raw text is.
import { describe, expect, it } from 'vitest';
import { parseParagraphs, type ProseProblem } from '../../src/model/prose.js';

describe('character references in prose', () => {
  it('that write a hidden character are reported at the reference, and the character dropped', () => {
    const problems: ProseProblem[] = [];
    const text = 'Kế &#x202e;hoạch &ZeroWidthSpace;x &#8206;y &amp; z &#x2066;.';
    expect(parseParagraphs(text, [], problems)).toEqual([[{ type: 'text', value: 'Kế hoạch x y & z .' }]]);
    expect(problems).toEqual([
      { kind: 'control-char', offset: text.indexOf('&#x202e;'), length: 8, detail: 'U+202E' },
      { kind: 'control-char', offset: text.indexOf('&ZeroWidthSpace;'), length: 16, detail: 'U+200B' },
      { kind: 'control-char', offset: text.indexOf('&#8206;'), length: 7, detail: 'U+200E' },
      { kind: 'control-char', offset: text.indexOf('&#x2066;'), length: 8, detail: 'U+2066' },
    ]);
  });
});
