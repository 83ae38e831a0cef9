// YAML syntax errors point where the clerk must act: what was left open is shown where it opens,
// with a hint naming what closes it; other errors keep the general hint.
import { describe, expect, it } from 'vitest';
import { wording } from '../../src/diagnostics/messages.js';
import { readYaml } from '../../src/parse/yaml.js';

function firstError(text: string) {
  const [d] = readYaml(text, 'x.plan.yaml').diagnostics;
  expect(d?.code).toBe('yaml-syntax');
  return { at: [d!.location.line, d!.location.column], vi: wording(d!.code, d!.args, 'vi').hint, en: wording(d!.code, d!.args, 'en').hint };
}

describe('a YAML value left open', () => {
  it('is shown at its opening bracket, brace or quote, with what closes it', () => {
    expect(firstError('title: x\nrecipients: [a, b\nplace: Kon Tum\n')).toMatchObject({ at: [2, 13], en: expect.stringContaining('a closing bracket (])') });
    expect(firstError('issuer: { name: A\ndate: 2021-05-25\n')).toMatchObject({ at: [1, 9], vi: expect.stringContaining('dấu ngoặc nhọn đóng (})') });
    expect(firstError('title: "Kế hoạch\nplace: Kon Tum\n')).toMatchObject({ at: [1, 8], vi: expect.stringContaining('dấu ngoặc kép (")') });
  });

  it('is the one not closed when others before it were', () => {
    expect(firstError('a: [x, [y], z]\nb: [p, [q], r\nc: 1\n').at).toEqual([2, 4]);
  });
});

describe('other YAML syntax errors', () => {
  it('keep the general hint', () => {
    expect(firstError('a: 1\n b: 2\n').en).toContain('Check indentation');
    expect(firstError('a:\n\tb: 2\n').vi).toContain('Kiểm tra thụt lề');
  });
});
