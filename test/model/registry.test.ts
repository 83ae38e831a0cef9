// The agency registry's own mistakes: each id, name and alias points to one entry, and groups exist.
import { describe, expect, it } from 'vitest';
import { wording } from '../../src/diagnostics/messages.js';
import { buildRegistry } from '../../src/model/registry.js';
import { readYaml } from '../../src/parse/yaml.js';

const REGISTRY = `groups:
  - id: so-ban-nganh
    name: Các sở, ban, ngành
agencies:
  - id: so-tu-phap
    name: Sở Tư pháp
    short: Sở TP
    aliases: [Sở Tư pháp]
    groups: [so-ban-nganh]
  - id: so-noi-vu
    name: Sở Nội vụ
`;

function registry(extra = '') {
  const parsed = readYaml(`${REGISTRY}${extra}`, 'agencies.yaml');
  return buildRegistry(parsed.data, parsed.map);
}

describe('the agency registry', () => {
  it('takes an entry whose alias repeats its own name', () => {
    const built = registry();
    expect(built.diagnostics).toEqual([]);
    expect(built.registry?.resolve('Sở TP')).toMatchObject({ kind: 'agency', id: 'so-tu-phap' });
  });

  it('names an agency by its id, full name, short name or alias, and a group by its id, name or alias; a group may hold groups', () => {
    // Two groups more, one holding the other, and an agency in the inner one.
    const text = REGISTRY.replace('agencies:\n', '  - id: ubnd-cap-huyen\n    name: UBND các huyện\n    aliases: [Các huyện]\n  - id: tat-ca\n    name: Tất cả\n    includes: [so-ban-nganh, ubnd-cap-huyen]\nagencies:\n') + '  - id: ubnd-huyen-a\n    name: UBND huyện A\n    groups: [ubnd-cap-huyen]\n';
    const parsed = readYaml(text, 'agencies.yaml');
    const { registry: loaded, diagnostics } = buildRegistry(parsed.data, parsed.map);
    expect(diagnostics).toEqual([]);
    for (const name of ['so-tu-phap', 'Sở Tư pháp', 'Sở TP', 'sở tư pháp']) expect(loaded!.resolve(name), name).toEqual({ kind: 'agency', id: 'so-tu-phap' });
    for (const name of ['ubnd-cap-huyen', 'UBND các huyện', 'Các huyện']) expect(loaded!.resolve(name), name).toEqual({ kind: 'group', id: 'ubnd-cap-huyen' });
    expect(loaded!.members({ kind: 'group', id: 'tat-ca' }).sort()).toEqual(['so-tu-phap', 'ubnd-huyen-a']);
  });

  it('refuses an id given to two entries, at the second, instead of keeping only the last', () => {
    const built = registry('  - id: so-tu-phap\n    name: Sở Tư pháp mới\n');
    expect(built.registry).toBeUndefined();
    expect(built.diagnostics).toEqual([expect.objectContaining({ code: 'registry-duplicate', location: expect.objectContaining({ line: 12, column: 9 }), args: { name: 'so-tu-phap', owners: ['so-tu-phap', 'so-tu-phap'] } })]);
    expect(wording('registry-duplicate', built.diagnostics[0]!.args, 'vi').message).toBe('Mã "so-tu-phap" được khai báo cho hai cơ quan/nhóm.');
  });

  it('refuses a group and an agency with one id', () => {
    const built = registry('  - id: so-ban-nganh\n    name: Sở Xây dựng\n');
    expect(built.diagnostics.map((d) => [d.code, d.args.name])).toEqual([['registry-duplicate', 'so-ban-nganh']]);
  });

  it('refuses a name that two entries share, naming both', () => {
    const built = registry('  - id: so-xay-dung\n    name: Sở Nội vụ\n');
    expect(built.diagnostics.map((d) => d.args)).toEqual([{ name: 'Sở Nội vụ', owners: ['so-noi-vu', 'so-xay-dung'] }]);
    expect(wording('registry-duplicate', built.diagnostics[0]!.args, 'en').message).toBe('Name or id "Sở Nội vụ" belongs to two entries (so-noi-vu, so-xay-dung).');
  });

  it('refuses a group that is not declared, with the near one', () => {
    const built = registry('  - id: so-y-te\n    name: Sở Y tế\n    groups: [so-ban-ngan]\n');
    expect(built.diagnostics.map((d) => [d.code, d.args.group, d.args.suggestion])).toEqual([['registry-unknown-group', 'so-ban-ngan', 'so-ban-nganh']]);
  });
});

describe('group cycles', () => {
  const groups = (lines: string) => {
    const parsed = readYaml(`groups:\n${lines}agencies:\n  - id: so-noi-vu\n    name: Sở Nội vụ\n    groups: [x]\n`, 'agencies.yaml');
    return buildRegistry(parsed.data, parsed.map).diagnostics.map((d) => [d.code, d.args.group, d.args.cycle, d.location.line, d.location.column]);
  };
  const group = (id: string, includes: string[]) => `  - id: ${id}\n    name: Nhóm ${id}\n    includes: [${includes.join(', ')}]\n`;

  it('reached through another group (X includes A, A includes A): reported at A, without overflowing the stack', () => {
    expect(groups(group('x', ['a']) + group('a', ['a']))).toEqual([['registry-group-cycle', 'a', ['a', 'a'], 7, 16]]);
  });

  it('X → A → B → A: every group on the cycle at its own include, none for X', () => {
    expect(groups(group('x', ['a']) + group('a', ['b']) + group('b', ['a']))).toEqual([
      ['registry-group-cycle', 'a', ['a', 'b', 'a'], 7, 16],
      ['registry-group-cycle', 'b', ['b', 'a', 'b'], 10, 16],
    ]);
  });
});

describe('names as clerks write them', () => {
  it('are matched regardless of punctuation and spacing (issue 22, item 4)', async () => {
    const { exampleRegistry } = await import('../helpers/project.js');
    const registry = exampleRegistry();
    expect(registry.resolve('Các sở, ban ngành')).toEqual(registry.resolve('Các sở, ban, ngành'));
    expect(registry.resolve('Các sở ban ngành')).toEqual({ kind: 'group', id: 'so-ban-nganh-doan-the' });
    expect(registry.resolve('Sở Lao động - Thương binh và Xã hội')).toEqual({ kind: 'agency', id: 'so-lao-dong-tbxh' });
    expect(registry.resolve('Sở  Tư   pháp.')).toEqual({ kind: 'agency', id: 'so-tu-phap' });
    // Letters still count: another body is not found by a near name.
    expect(registry.resolve('Sở Tư pháp tỉnh Gia Lai')).toBeUndefined();
  });
});

describe('a class of bodies', () => {
  it('is one name with or without "Các", so two entries cannot both be it', () => {
    const parsed = readYaml(`groups:\n  - id: thanh-vien\n    name: Các Thành viên Ban Chỉ đạo\nagencies:\n  - id: ban-chi-dao\n    name: Thành viên Ban Chỉ đạo\n`, 'agencies.yaml');
    const built = buildRegistry(parsed.data, parsed.map);
    expect(built.diagnostics.map((d) => d.code)).toEqual(['registry-duplicate']);
  });
});
