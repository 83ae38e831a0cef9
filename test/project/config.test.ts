// Page style from plan.config.yaml and a plan's own style: defaults, overrides, the decree's ranges.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STYLE, readConfig, resolveStyle } from '../../src/project/config.js';
import { wording } from '../../src/diagnostics/messages.js';
import { readYaml } from '../../src/parse/yaml.js';
import { buildFromText, positionOf, seedWith } from '../helpers/project.js';
import { checkPlanStyle } from '../../src/project/config.js';
import { parsePlanSource } from '../../src/parse/index.js';

const font = { name: 'Times New Roman', regular: 'r.ttf', bold: 'b.ttf', italic: 'i.ttf', boldItalic: 'bi.ttf' };

function config(text: string) {
  const parsed = readYaml(text, 'plan.config.yaml');
  return readConfig(parsed.data, parsed.map);
}

describe('plan.config.yaml', () => {
  it('defaults sit inside the decree', () => {
    expect(DEFAULT_STYLE.margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(DEFAULT_STYLE.bodySize).toBe(14);
    expect(DEFAULT_STYLE.firstLineIndent).toBe(12.7);
    expect(DEFAULT_STYLE.paragraphSpacing).toBeGreaterThanOrEqual(6);
  });

  it('takes values within the ranges, and a plan overrides the project', () => {
    const { config: read, diagnostics } = config('style:\n  margins: { left: 35, top: 25 }\n  body-size: 13\n  line-spacing: 1.5\n');
    expect(diagnostics).toEqual([]);
    const style = resolveStyle(read!.style, { 'body-size': 14, margins: { right: 20 } }, font);
    expect(style.margins).toEqual({ top: 25, bottom: 20, left: 35, right: 20 });
    expect(style.bodySize).toBe(14);
    expect(style.lineSpacing).toBe(1.5);
  });

  it('a value outside the range is an error that quotes the range and the rule', () => {
    const text = 'style:\n  margins:\n    left: 25\n  first-line-indent: 11\n';
    const { config: read, diagnostics } = config(text);
    expect(read).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.location.line, d.location.column, d.args.range])).toEqual([
      ['out-of-range', 3, 11, '30–35'],
      ['out-of-range', 4, 22, '10 hoặc 12.7'],
    ]);
    expect(wording(diagnostics[0]!.code, diagnostics[0]!.args, 'vi').hint).toContain('NĐ 30/2020: lề trái 30–35 mm');
  });

  it("a plan's own style is held to the same ranges, where it was written", () => {
    const text = seedWith('place: Kon Tum', 'place: Kon Tum\nstyle:\n  body-size: 16');
    const parsed = parsePlanSource(new TextEncoder().encode(text), 'test.plan.yaml');
    const { plan } = buildFromText(text);
    const diagnostics = checkPlanStyle(plan!.style, parsed.map);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.location).toMatchObject(positionOf(text, '16'));
    expect(diagnostics[0]!.args.range).toBe('13–14');
  });

  it("holds every key of the README's table to its default and its range", () => {
    // key, default, lowest and highest allowed (first-line-indent: these two values only).
    const table: [string, number, number, number][] = [
      ['margins.top', 20, 20, 25],
      ['margins.bottom', 20, 20, 25],
      ['margins.left', 30, 30, 35],
      ['margins.right', 15, 15, 20],
      ['body-size', 14, 13, 14],
      ['line-spacing', 1, 1, 1.5],
      ['paragraph-spacing', 6, 6, 24],
      ['first-line-indent', 12.7, 10, 12.7],
      ['issuer-size', 13, 12, 13],
      ['national-title-size', 12, 12, 13],
      ['motto-size', 14, 13, 14],
      ['title-size', 14, 13, 14],
      ['signature-size', 14, 13, 14],
      ['page-number-size', 14, 13, 14],
      ['recipients-label-size', 12, 12, 12],
      ['recipients-size', 11, 11, 11],
      ['footnote-size', 12, 11, 12],
      ['table-size', 12, 11, 14],
      ['header-left-share', 0.42, 0.4, 0.45],
      ['signature-space', 30, 20, 60],
    ];
    const camel = (key: string) => key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const yaml = (key: string, value: number) => (key.startsWith('margins.') ? `style:\n  margins: { ${key.slice(8)}: ${value} }\n` : `style:\n  ${key}: ${value}\n`);
    const ranges = (key: string, value: number) => config(yaml(key, value)).diagnostics.map((d) => d.args.range);
    for (const [key, fallback, low, high] of table) {
      const defaults = DEFAULT_STYLE as unknown as Record<string, number> & { margins: Record<string, number> };
      expect(key.startsWith('margins.') ? defaults.margins[key.slice(8)] : defaults[camel(key)], key).toBe(fallback);
      for (const value of [low, high]) expect(ranges(key, value), `${key}: ${value}`).toEqual([]);
      const step = high < 1 ? 0.01 : 0.5;
      for (const value of [low - step, high + step]) expect(ranges(key, value), `${key}: ${value}`).toHaveLength(1);
    }
    expect(ranges('first-line-indent', 11)).toEqual(['10 hoặc 12.7']);
    // In English, the range and the rule are English too.
    for (const [key, , , high] of table) {
      const [d] = config(yaml(key, high + 1)).diagnostics;
      expect(wording(d!.code, d!.args, 'en').hint, key).toMatch(/^Use a value (within|of) [\x20-\x7e–]+\.$/);
    }
    const indent = config(yaml('first-line-indent', 11)).diagnostics[0]!;
    expect(wording(indent.code, indent.args, 'en').hint).toBe('Use a value of 10 or 12.7 (Decree 30/2020: first-line indent 1 cm or 1.27 cm).');
    expect(wording(indent.code, indent.args, 'vi').hint).toBe('Dùng một giá trị trong khoảng 10 hoặc 12.7 (NĐ 30/2020: thụt đầu dòng 1 cm hoặc 1,27 cm).');
    // The decree sets the least paragraph spacing; the most is the tool's choice, and its message says so.
    const [spacing] = config(yaml('paragraph-spacing', 30)).diagnostics;
    expect(spacing!.args).toMatchObject({ range: '6–24', rule: expect.stringContaining('tự chọn') });
  });

  it('unknown config keys get a suggestion', () => {
    const { diagnostics } = config('style:\n  body-sise: 14\n');
    expect(diagnostics[0]).toMatchObject({ code: 'unknown-key', args: expect.objectContaining({ suggestion: 'body-size' }) });
  });
});
