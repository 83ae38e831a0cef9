import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wording } from '../../src/diagnostics/messages.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildPlan } from '../../src/model/build.js';
import { buildRegistry } from '../../src/model/registry.js';
import { readMarkdown } from '../../src/parse/markdown.js';
import { readYaml } from '../../src/parse/yaml.js';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const read = (path: string) => readFileSync(root(path), 'utf8');

const registrySource = readYaml(read('agencies.yaml'), 'agencies.yaml');
const { registry } = buildRegistry(registrySource.data, registrySource.map);
const identity = { id: 'kon-tum-ngay-toan-dan-pcmbn-2021', source: 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml' };

const FRONT = `---
issuer: { name: BAN CHỈ ĐẠO, abbreviation: BCĐ }
place: Kon Tum
date: 2021-05-25
title: Thử
recipients: [Ủy ban nhân dân tỉnh]
archive: [VT]
signature: { positions: [TRƯỞNG BAN], name: Lê Ngọc Tuấn }
---
`;
/** Lines taken by FRONT: the body of a test document starts on the next line. */
const FRONT_LINES = FRONT.split('\n').length - 1;

const md = (body: string) => readMarkdown(FRONT + body, 'test.plan.md');
const data = (body: string) => JSON.parse(JSON.stringify(md(body).data)) as Record<string, unknown>;
const build = (body: string) => buildPlan(md(body), registry, identity);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);
const at = (d: Diagnostic | undefined) => d && { line: d.location.line, column: d.location.column };
/** A model without the source paths, which name where each form wrote a value (`body` in Markdown). */
const withoutPaths = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'path' ? undefined : v)));

describe('readMarkdown: the seed plan', () => {
  it('builds the same model as the YAML form', () => {
    const yaml = readYaml(read('plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml'), 'seed.plan.yaml');
    const markdown = readMarkdown(read('test/fixtures/markdown/kon-tum-ngay-toan-dan-pcmbn-2021.plan.md'), 'seed.plan.md');
    expect(markdown.diagnostics).toEqual([]);
    const yamlPlan = buildPlan(yaml, registry, identity);
    const mdPlan = buildPlan(markdown, registry, identity);
    expect(mdPlan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(mdPlan.plan).toBeDefined();
    expect(withoutPaths(mdPlan.plan)).toEqual(withoutPaths(yamlPlan.plan));
  });

  it('keeps prose as exact source slices', () => {
    const parsed = readMarkdown(read('test/fixtures/markdown/kon-tum-ngay-toan-dan-pcmbn-2021.plan.md'), 'seed.plan.md');
    const item = (parsed.data as { sections: { body: { items: { body: { bullets: { text: string }[] }[] }[] }[] }[] }).sections[1]!.body[0]!.items[0]!;
    const tasks = item.body[0]!.bullets;
    expect(tasks[1]!.text).toMatch(/^Tổ chức các hoạt động tuyên truyền .*hành động\[\^1\] và .*mua bán người\.$/su);
    expect(tasks[1]!.text).toContain('\n     ');
  });
});

describe('readMarkdown: front matter', () => {
  it('is required', () => {
    const parsed = readMarkdown('## Mục đích\n\n1. Một.\n', 'x.plan.md');
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([{ code: 'front-matter-missing', location: { file: 'x.plan.md', line: 1, column: 1 } }]);
  });

  it('reports a YAML error at its line in the .md file', () => {
    const parsed = readMarkdown('---\nplace: Kon Tum\ntitle: a: b\n---\n\nMở đầu.\n', 'x.plan.md');
    expect(parsed.data).toBeUndefined();
    expect(parsed.diagnostics).toMatchObject([{ code: 'yaml-syntax', location: { file: 'x.plan.md', line: 3, column: 9 } }]);
  });

  it('maps front matter values to their lines in the .md file', () => {
    const parsed = md('Mở đầu.\n');
    expect(parsed.map.locate(['place'])).toMatchObject({ line: 3, column: 8 });
  });

  it('reports a body field also written in the front matter', () => {
    const parsed = readMarkdown(FRONT.replace('place:', 'opening: Mở đầu khác.\nplace:') + '\nMở đầu.\n', 'x.plan.md');
    const conflict = parsed.diagnostics.find((d) => d.code === 'markdown-structure');
    expect(at(conflict)).toEqual({ line: 3, column: 1 });
  });
});

describe('readMarkdown: structure', () => {
  it('reads the opening, sections with inferred kinds and default titles', () => {
    const out = data('Mở đầu *một*.\n\nMở đầu hai.\n\n## II. MỤC ĐÍCH, YÊU CẦU\n\n1. Một.\n\n## Nội dung\n\n1. Hai.\n\n## Tổ chức thực hiện\n\nGiới thiệu.\n\n1. Ba.\n');
    expect(out.opening).toBe('Mở đầu *một*.\n\nMở đầu hai.');
    expect(out.sections).toEqual([
      { kind: 'purpose', body: [{ items: [{ text: 'Một.' }] }] },
      { kind: 'assignments', title: 'Nội dung', body: [{ items: [{ text: 'Hai.' }] }] },
      { kind: 'implementation', body: [{ text: 'Giới thiệu.' }, { items: [{ text: 'Ba.' }] }] },
    ]);
  });

  it('takes a section kind from {.funding}', () => {
    const out = data('## Nguồn lực bảo đảm {.funding}\n\n1. Ngân sách tỉnh.\n\n## Điều khoản khác\n\n1. Khác.\n');
    expect(out.sections).toEqual([
      { kind: 'funding', title: 'Nguồn lực bảo đảm', body: [{ items: [{ text: 'Ngân sách tỉnh.' }] }] },
      { kind: 'custom', title: 'Điều khoản khác', body: [{ items: [{ text: 'Khác.' }] }] },
    ]);
  });

  it('reads part headings, keeping a typed label for the model to read the labelling from', () => {
    const out = data('Mở đầu.\n\n# Phần I. Tình hình\n\n## Mục đích\n\n1. Một.\n\n# Phần II: Nhiệm vụ\n\n## Nhiệm vụ\n\n1. Hai.\n');
    expect(out.parts).toEqual([
      { title: 'Phần I. Tình hình', sections: [{ kind: 'purpose', title: 'Mục đích', body: [{ items: [{ text: 'Một.' }] }] }] },
      { title: 'Phần II: Nhiệm vụ', sections: [{ kind: 'assignments', title: 'Nhiệm vụ', body: [{ items: [{ text: 'Hai.' }] }] }] },
    ]);
    expect(out.sections).toBeUndefined();
  });

  it('keeps a table in a section where it was written', () => {
    const out = data('## Nội dung\n\nTrước bảng.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSau bảng.\n');
    expect(out.sections).toEqual([{ kind: 'assignments', title: 'Nội dung', body: [{ text: 'Trước bảng.' }, { table: '| a | b |\n| - | - |\n| 1 | 2 |' }, { text: 'Sau bảng.' }] }]);
  });

  it('keeps paragraphs and bullets after a list in their place, and reports level-3 headings', () => {
    const parsed = md('## Nội dung\n\n1. Một.\n\n### Tiểu mục\n\nĐoạn sau danh sách.\n\n- Gạch đầu dòng.\n');
    expect(parsed.diagnostics.map((d) => [d.args.detail, d.location.line])).toEqual([['### heading', FRONT_LINES + 5]]);
    expect((parsed.data as { sections: unknown[] }).sections).toEqual([
      { kind: 'assignments', title: 'Nội dung', body: [{ items: [{ text: 'Một.' }] }, { text: 'Đoạn sau danh sách.' }, { bullets: [{ text: 'Gạch đầu dòng.' }] }] },
    ]);
  });

  it('reads footnote definitions', () => {
    const out = data('## Nội dung\n\n1. Có chú thích[^a].\n\n[^a]: Nội dung *chú thích*\n    dòng hai.\n');
    expect(out.footnotes).toEqual({ a: 'Nội dung *chú thích*\n    dòng hai.' });
    expect(out.sections).toEqual([{ kind: 'assignments', title: 'Nội dung', body: [{ items: [{ text: 'Có chú thích[^a].' }] }] }]);
  });
});

describe('readMarkdown: items', () => {
  it('reads a bold title, text, addressees and sub-items', () => {
    const out = data(
      '## Nội dung\n\n1. **Tuyên truyền** {to="Công an tỉnh"}\n\n   Đoạn một.\n\n   Đoạn hai.\n\n   1. Tiểu mục a.\n   2. **Tiểu mục b**\n\n      - Việc một.\n',
    );
    expect(out.sections).toEqual([
      {
        kind: 'assignments',
        title: 'Nội dung',
        body: [
          {
            items: [
              {
                title: 'Tuyên truyền',
                to: 'Công an tỉnh',
                body: [
                  { text: 'Đoạn một.' },
                  { text: 'Đoạn hai.' },
                  // Under an addressed item, a bullet is a task of the addressees.
                  { items: [{ text: 'Tiểu mục a.' }, { title: 'Tiểu mục b', body: [{ bullets: [{ text: 'Việc một.', task: {} }] }] }] },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('splits one paragraph into two tasks', () => {
    const out = data('## Nội dung\n\n1. Việc thứ nhất. {#viec-1 lead="Sở Tư pháp"} Việc thứ hai, *nghiêng*. {#viec-2 partners="Công an tỉnh, Sở Nội vụ" deadline=02/8/2021}\n');
    const item = (out.sections as { body: { items: unknown[] }[] }[])[0]!.body[0]!.items[0];
    expect(item).toEqual({
      body: [
        {
          tasks: [
            { id: 'viec-1', text: 'Việc thứ nhất.', lead: 'Sở Tư pháp' },
            { id: 'viec-2', text: 'Việc thứ hai, *nghiêng*.', partners: ['Công an tỉnh', 'Sở Nội vụ'], deadline: '02/8/2021' },
          ],
        },
      ],
    });
  });

  it('separates names by commas and deadlines by semicolons, and keeps a brace written \\{ as text', () => {
    const out = data('## Nội dung\n\n1. Việc \\{một\\}. {#viec-1 lead=so-tu-phap partners="Công an tỉnh, Sở Nội vụ" deadline="30/6/2027; 31/12/2027"}\n');
    const item = (out.sections as { body: { items: unknown[] }[] }[])[0]!.body[0]!.items[0];
    expect(item).toEqual({
      text: 'Việc \\{một\\}.',
      task: { id: 'viec-1', lead: 'so-tu-phap', partners: ['Công an tỉnh', 'Sở Nội vụ'], deadline: ['30/6/2027', '31/12/2027'] },
    });
    const { plan, diagnostics } = build('## Nội dung\n\n1. Việc \\{một\\}. {#viec-1 lead=so-tu-phap deadline="30/6/2027; 31/12/2027"}\n');
    expect(codes(diagnostics)).toEqual([]);
    expect(JSON.stringify(plan)).toContain('"Việc {một}."');
  });

  it('makes bullets plain when nobody is addressed, tasks when they have task attributes', () => {
    const out = data('## Nội dung\n\n1. Các việc:\n\n   - Ý một.\n   - Việc hai. {.task}\n   - Ý ba. {.report to="Công an tỉnh" due=02/8/2021}\n');
    const item = (out.sections as { body: { items: unknown[] }[] }[])[0]!.body[0]!.items[0];
    // The bullets stay in the order written; the task and the reporting duty are roles of theirs.
    expect(item).toEqual({
      text: 'Các việc:',
      body: [{ bullets: [{ text: 'Ý một.' }, { text: 'Việc hai.', task: {} }, { text: 'Ý ba.', reports: [{ to: 'Công an tỉnh', due: '02/8/2021' }] }] }],
    });
  });

  it('reports an attribute syntax error at its line and column', () => {
    const parsed = md('## Nội dung\n\n1. Việc một. {#viec-1 lead="Sở Tư pháp}\n');
    const error = parsed.diagnostics.find((d) => d.code === 'attribute-syntax');
    expect(at(error)).toEqual({ line: FRONT_LINES + 3, column: 14 });
  });

  it('shows a value of several words without quotes at the value, with its quoted form', () => {
    const parsed = md('## Nội dung\n\n1. Việc một. {#viec-1 lead=Sở Tư pháp deadline=quý IV/2026}\n');
    const errors = parsed.diagnostics.filter((d) => d.code === 'attribute-syntax');
    expect(errors.map((d) => d.args)).toEqual([{ text: '{#viec-1 lead=Sở Tư pháp deadline=quý IV/2026}', key: 'lead', value: 'Sở Tư pháp' }]);
    expect(at(errors[0])).toEqual({ line: FRONT_LINES + 3, column: 28 });
    expect(wording('attribute-syntax', errors[0]!.args, 'vi').hint).toBe('Viết lead="Sở Tư pháp".');
  });

  it('points an unknown agency at its name in the block', () => {
    const result = build('## Nội dung\n\n1. Phối hợp với các đơn vị\n   liên quan. {#viec-1 lead="Sở Tư pháp" partners="Công an tỉnh, Sở Không Có"}\n');
    const unknown = result.diagnostics.find((d) => d.code === 'unknown-agency');
    expect(unknown?.args.name).toBe('Sở Không Có');
    expect(at(unknown)).toEqual({ line: FRONT_LINES + 4, column: 66 });
  });

  it('points an unknown footnote at the reference, on a continuation line', () => {
    const result = build('## Nội dung\n\nMở đầu dòng một,\ndòng hai có chú thích[^9].\n\n1. Việc.\n');
    const unknown = result.diagnostics.find((d) => d.code === 'unknown-footnote');
    expect(at(unknown)).toEqual({ line: FRONT_LINES + 4, column: 22 });
  });

  it('maps an offset on an indented continuation line back to its source column', () => {
    const parsed = md('## Nội dung\n\n1. Dòng một của việc\n   dòng hai có chú thích[^9]. {#viec-1 lead="Sở Tư pháp"}\n');
    const path = ['sections', 0, 'body', 0, 'items', 0, 'text'];
    const text = (parsed.data as { sections: { body: { items: { text: string }[] }[] }[] }).sections[0]!.body[0]!.items[0]!.text;
    expect(text).toBe('Dòng một của việc\n   dòng hai có chú thích[^9].');
    expect(parsed.map.locateInText(path, text, text.indexOf('[^9]'))).toMatchObject({ line: FRONT_LINES + 4, column: 25 });
  });

  it('points an unknown footnote in a second task of a paragraph', () => {
    const result = build('## Nội dung\n\n1. Việc một. {#viec-1 lead="Sở Tư pháp"} Việc hai[^x]. {#viec-2 lead="Sở Tư pháp"}\n');
    const unknown = result.diagnostics.find((d) => d.code === 'unknown-footnote');
    expect(at(unknown)).toEqual({ line: FRONT_LINES + 3, column: 50 });
  });

  it('reports text left over in a paragraph of tasks', () => {
    const parsed = md('## Nội dung\n\n1. Việc một. {#viec-1 lead="Sở Tư pháp"} Còn thừa.\n');
    expect(codes(parsed.diagnostics)).toEqual(['markdown-structure']);
  });
});
