// YAML syntax errors said as the mistakes clerks make: each common mistake is shown where the
// clerk must act, with a message in their words and a hint saying what to write instead; any
// other error keeps the parser's sentence and the general hint.
import { describe, expect, it } from 'vitest';
import { wording } from '../../src/diagnostics/messages.js';
import { readYaml } from '../../src/parse/yaml.js';

function errors(text: string) {
  return readYaml(text, 'x.plan.yaml').diagnostics.map((d) => {
    expect(d.code).toBe('yaml-syntax');
    return { at: [d.location.line, d.location.column], mistake: d.args.mistake, vi: wording(d.code, d.args, 'vi'), en: wording(d.code, d.args, 'en') };
  });
}
const firstError = (text: string) => errors(text)[0]!;

describe('a YAML value left open', () => {
  it('is shown at its opening bracket, brace or quote, with what closes it', () => {
    expect(firstError('title: x\nrecipients: [a, b\nplace: Kon Tum\n')).toMatchObject({ at: [2, 13], mistake: 'unclosed', en: { hint: expect.stringContaining('a closing bracket (])') } });
    expect(firstError('issuer: { name: A\ndate: 2021-05-25\n')).toMatchObject({ at: [1, 9], vi: { hint: expect.stringContaining('dấu ngoặc nhọn đóng (})') } });
    expect(firstError('title: "Kế hoạch\nplace: Kon Tum\n')).toMatchObject({ at: [1, 8], vi: { hint: expect.stringContaining('dấu ngoặc kép (")') } });
  });

  it('is the one not closed when others before it were', () => {
    expect(firstError('a: [x, [y], z]\nb: [p, [q], r\nc: 1\n').at).toEqual([2, 4]);
  });
});

describe('the common YAML mistakes', () => {
  it('": " inside unquoted text is shown at the colon, with quotes as the remedy', () => {
    expect(firstError('title: Kế hoạch: triển khai\n')).toMatchObject({ at: [1, 16], mistake: 'colon-in-text', vi: { hint: expect.stringContaining('ngoặc kép') } });
  });

  it('a key line without its colon', () => {
    expect(firstError('title: x\nplace Kon Tum\ndate: 2021-05-25\n')).toMatchObject({ at: [2, 1], mistake: 'missing-colon', vi: { message: 'Dòng này thiếu dấu hai chấm sau tên trường.' } });
  });

  it('a key indented deeper than the keys beside it is shown at that key', () => {
    expect(errors('place: Kon Tum\n   date: x\n')).toEqual([expect.objectContaining({ at: [2, 4], mistake: 'indent' })]);
  });

  it('a tab as indentation', () => {
    expect(firstError('title: x\n\tplace: y\n')).toMatchObject({ at: [2, 1], mistake: 'tab-indent', en: { message: 'This line is indented with a tab.' } });
  });

  it('a key written twice is named, at its line', () => {
    expect(firstError('title: x\nplace: a\nplace: b\n')).toMatchObject({ mistake: 'duplicate-key', vi: { message: 'Trường "place" được viết hai lần trong cùng một khối.' } });
    expect(firstError('title:\ntitle: x\n')).toMatchObject({ at: [1, 1], en: { message: 'The key "title" is written twice in one mapping.' } });
  });

  it('text after a closing quote, and a value starting with a reserved character', () => {
    expect(firstError('place: "Kon" Tum\n')).toMatchObject({ at: [1, 14], mistake: 'text-after-quote' });
    expect(firstError('place: @Kon Tum\n')).toMatchObject({ at: [1, 8], mistake: 'reserved-start', vi: { message: expect.stringContaining('"@"') } });
  });

  it('a word taken out of the text by an alias, anchor or tag mark, at the mark', () => {
    expect(firstError('items:\n  - *quan trọng* việc này\n')).toMatchObject({ at: [2, 5], mistake: 'reserved-start', vi: { message: expect.stringContaining('"*"') } });
    expect(firstError('title: *Khẩn\n')).toMatchObject({ at: [1, 8], mistake: 'reserved-start', en: { message: expect.stringContaining('"*"') } });
    // Read as the anchor "Kế" and the value "hoạch", without a word from the parser.
    expect(firstError('title: &Kế hoạch\n')).toMatchObject({ at: [1, 8], mistake: 'reserved-start', vi: { message: expect.stringContaining('"&"') } });
    expect(firstError('title: !Khẩn việc này\n')).toMatchObject({ at: [1, 8], mistake: 'reserved-start' });
    // Read as the tag "!Important" and the value "note", with only a warning from the parser.
    expect(firstError('place: Kon Tum\ntitle: !Important note\n')).toMatchObject({ at: [2, 8], mistake: 'reserved-start', vi: { message: expect.stringContaining('"!"') } });
    expect(readYaml('title: &Kế hoạch\n', 'x.plan.yaml').data).toBeUndefined();
  });

  it('leaves YAML written on purpose alone: an anchor an alias uses, and YAML\'s own tags', () => {
    const read = readYaml('lead: &lead cong-an-tinh\nsupport: *lead\ncode: !!str 12\n', 'x.plan.yaml');
    expect(read.diagnostics).toEqual([]);
    expect({ ...(read.data as object) }).toEqual({ lead: 'cong-an-tinh', support: 'cong-an-tinh', code: '12' });
  });

  it('a backslash in double quotes that starts no escape, at the backslash', () => {
    expect(firstError('font:\n  regular: "..\\Fonts\\times.ttf"\n')).toMatchObject({
      at: [2, 15],
      mistake: 'bad-escape',
      vi: { message: expect.stringContaining('"\\F"'), hint: expect.stringContaining('ngoặc đơn') },
      en: { hint: expect.stringContaining('single quotes') },
    });
  });

  it('a closing bracket or brace that closes nothing', () => {
    expect(firstError('a: [x, y]]\n')).toMatchObject({ at: [1, 10], mistake: 'extra-closer', vi: { message: 'Dấu "]" này không đóng ngoặc nào đã mở.' } });
    expect(firstError('a: {b: 1}}\n')).toMatchObject({ at: [1, 10], mistake: 'extra-closer', en: { message: 'This "}" closes nothing that was opened.' } });
  });

  it('a "---" line in the middle of a file', () => {
    expect(firstError('a: 1\n---\nb: 1\n')).toMatchObject({ at: [2, 1], mistake: 'second-document', vi: { hint: expect.stringContaining('Xóa dòng "---"') } });
  });
});

describe('other YAML syntax errors', () => {
  it("keep the parser's sentence and the general hint", () => {
    const error = firstError('a: &x &y 1\n');
    expect(error.mistake).toBeUndefined();
    expect(error.en.message).toMatch(/^YAML syntax error: /);
    expect(error.vi.hint).toContain('Kiểm tra thụt lề');
  });
});

describe('the limits on YAML', () => {
  const syntax = (text: string) => readYaml(text, 'x.plan.yaml').diagnostics.filter((d) => d.code === 'yaml-syntax').length;

  it('nesting: 64 levels are read, 65 are an error (too-deep, found before the parser runs)', () => {
    // `x:` holds the first level of lists; the document's mapping is level 0.
    const nested = (levels: number) => `x: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
    const tooDeep = (text: string) => readYaml(text, 'x.plan.yaml').diagnostics.filter((d) => d.code === 'too-deep').length;
    expect(syntax(nested(64)) + tooDeep(nested(64))).toBe(0);
    expect(tooDeep(nested(65))).toBe(1);
  });

  it('aliases: expanding to some 99 000 values is read, to some 101 000 an error', () => {
    // A list of 999 numbers, and `times` aliases of it: about 1 000 values an alias.
    const expanded = (times: number) => `a: &a [${Array.from({ length: 999 }, (_, i) => i).join(', ')}]\nb: [${Array(times).fill('*a').join(', ')}]\n`;
    expect(syntax(expanded(98))).toBe(0);
    expect(syntax(expanded(100))).toBe(1);
  });
});
