// A "#" after an unquoted text value starts a YAML comment, which the value silently loses: the
// reader warns where the comment starts, and quotes the comment. Comments on their own lines,
// after numbers and one-word values (ids, dates), inside quotes and inside block text are left alone.
import { describe, expect, it } from 'vitest';
import { wording } from '../../src/diagnostics/messages.js';
import { readYaml } from '../../src/parse/yaml.js';

const warnings = (text: string) => readYaml(text, 'x.plan.yaml').diagnostics;

describe('a comment after a text value', () => {
  it('is a warning at the "#", quoting the comment, and the value is read without it', () => {
    const read = readYaml('title: Kế hoạch\nplace: Kon Tum # tỉnh Kon Tum\n', 'x.plan.yaml');
    expect((read.data as { place: string }).place).toBe('Kon Tum');
    expect(read.diagnostics).toEqual([
      { code: 'comment-in-value', severity: 'warning', location: { file: 'x.plan.yaml', line: 2, column: 16, length: 14 }, args: { comment: 'tỉnh Kon Tum' } },
    ]);
    expect(wording('comment-in-value', read.diagnostics[0]!.args, 'vi').message).toBe('Phần "# tỉnh Kon Tum" là chú thích YAML: nó không có trong giá trị, và không có trong văn bản.');
  });

  it('is found in lists, and a long comment is cut when quoted', () => {
    const [d] = warnings(`items:\n  - Tổ chức tuyên truyền # ${'x'.repeat(60)}\n`);
    expect(d).toMatchObject({ code: 'comment-in-value', location: { line: 2, column: 26 } });
    expect(String(d!.args.comment)).toBe(`${'x'.repeat(40)}…`);
  });

  it('is not reported on its own line, after a number, after a quoted value or inside block text', () => {
    expect(warnings('# đầu tệp\ntitle: Kế hoạch\n  # giữa\nbody-size: 14   # 13–14\nplace: "Kon Tum" # nơi ban hành\nopening: >-\n  Văn bản có # bên trong\n')).toEqual([]);
    expect(warnings('place: Số#5\n')).toEqual([]);
  });

  it('is not reported after a value of one word: an id, a date or a code with a note beside it', () => {
    expect(warnings('lead: cong-an-tinh # Công an tỉnh\ndeadline: 2021-06-30 # hạn chót\nsymbol: KH-UBND   # ký hiệu\n')).toEqual([]);
    expect(warnings('items:\n  - so-y-te # Sở Y tế\n')).toEqual([]);
  });
});
