import { describe, expect, it } from 'vitest';
import { findAttributeBlocks } from '../../src/parse/attributes.js';

const find = (text: string) => findAttributeBlocks(text, 0, text.length);

describe('findAttributeBlocks', () => {
  it('reads ids, classes, bare and quoted values with their offsets', () => {
    const text = 'Việc. {#viec-1 .task lead=so-tu-phap partners="Công an tỉnh, Sở Nội vụ" text=\'a "b"\'}';
    const [block] = find(text);
    expect(block).toMatchObject({ start: 6, end: text.length, id: { value: 'viec-1', start: 8 }, classes: [{ name: 'task', start: 16 }] });
    const pairs = (block as { pairs: { key: string; value: string; keyStart: number; valueStart: number }[] }).pairs;
    expect(pairs.map((p) => [p.key, p.value])).toEqual([
      ['lead', 'so-tu-phap'],
      ['partners', 'Công an tỉnh, Sở Nội vụ'],
      ['text', 'a "b"'],
    ]);
    expect(text.slice(pairs[1]!.valueStart, pairs[1]!.valueStart + 12)).toBe('Công an tỉnh');
    expect(text.slice(pairs[0]!.keyStart, pairs[0]!.keyStart + 4)).toBe('lead');
  });

  it('reads a value over several lines as one line', () => {
    const [block] = find('{.report text="Kết quả\n   triển khai" due=02/8/2021}');
    expect(block).toMatchObject({ pairs: [{ key: 'text', value: 'Kết quả triển khai' }, { key: 'due', value: '02/8/2021' }] });
  });

  it('finds several blocks and skips escaped braces and ignored ranges', () => {
    const text = 'A {#a} B \\{not} `{code}` C {#c}';
    const code = text.indexOf('`');
    const blocks = findAttributeBlocks(text, 0, text.length, [{ start: code, end: code + 8 }]);
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual(['{#a}', '{#c}']);
  });

  it('marks unreadable blocks bad', () => {
    for (const text of ['{lead="unclosed}', '{#a #b}', '{lead}', '{=x}', '{lead=a"b"}', '{.}', '{ open', '{a {b}']) {
      expect(find(text).some((block) => 'bad' in block), text).toBe(true);
    }
  });

  it('finds a value of several words written without quotes, up to the next pair, id or class', () => {
    const text = '{#viec lead=Sở Tư pháp deadline=quý IV/2026 .task}';
    expect(find(text)).toEqual([{ start: 0, end: text.length, bad: true, unquoted: { key: 'lead', value: 'Sở Tư pháp', start: text.indexOf('Sở') } }]);
    expect(find('{deadline=quý IV/2026 #viec}')[0]).toMatchObject({ unquoted: { key: 'deadline', value: 'quý IV/2026' } });
    // Not when the value before was quoted, nor when the unreadable token is not a word.
    expect(find('{lead="Sở" Tư}')[0]).not.toHaveProperty('unquoted');
    expect(find('{lead=a =b}')[0]).not.toHaveProperty('unquoted');
  });
});
