// Template failures while a template runs: every field a helper is given is checked, each
// failure is named in the editor's words at its file and line, and expansion is bounded.
import { describe, expect, it } from 'vitest';
import { MAX_EXPANSION, MAX_PARTIAL_DEPTH } from '../../src/compose/template-guard.js';
import { type TemplateFile, Templates } from '../../src/compose/templates.js';
import { wording } from '../../src/diagnostics/messages.js';

const CONTEXT = { title: 'Tiêu đề', sections: [{ label: '1.', title: 'Mục' }], items: [] };

function failure(text: string, partials: Record<string, string> = {}, context: object = CONTEXT, helpers = {}) {
  const files = new Map<string, TemplateFile>([['plan.md.hbs', { file: 'templates/plan.md.hbs', text }]]);
  for (const [name, partial] of Object.entries(partials)) files.set(`partials/${name}.hbs`, { file: `templates/partials/${name}.hbs`, text: partial });
  const rendered = new Templates(files).render('plan.md.hbs', context, helpers);
  expect(rendered.ok, rendered.ok ? rendered.text.slice(0, 200) : '').toBe(false);
  const d = (rendered as { diagnostic: { code: string; location: { file: string; line?: number; column?: number }; args: Record<string, string> } }).diagnostic;
  expect(d.code).toBe('template-error');
  const vi = wording('template-error', d.args, 'vi');
  // No English sentence of Handlebars or JavaScript reaches the user.
  expect(`${vi.message} ${vi.hint}`).not.toMatch(/not defined|Cannot|undefined|object Object|Error|Expecting/);
  return { where: [d.location.file, d.location.line, d.location.column], args: d.args, vi };
}

describe('strict mode covers what helpers are given', () => {
  it.each([
    ['{{#each section}}x{{/each}}', 'section', 9],
    ['{{#if titel}}x{{/if}}', 'titel', 7],
    ['{{#unless titel}}x{{/unless}}', 'titel', 11],
    ['{{join titel ", "}}', 'titel', 8],
    ['{{#each sections}}{{#if titel}}x{{/if}}{{/each}}', 'titel', 25],
    ['{{#with (lookup sections 0)}}{{#each item}}x{{/each}}{{/with}}', 'item', 38],
    ['{{#each sections key=titel}}x{{/each}}', 'titel', 22],
  ])('%s is an error at the field', (text, field, column) => {
    expect(failure(`a\n${text}`)).toMatchObject({ where: ['templates/plan.md.hbs', 2, column], args: { mistake: 'unknown-field', field } });
  });

  it('fields that exist, @data and block parameters are as before', () => {
    const text = '{{#each sections as |section|}}{{#if @last}}{{section.title}}{{/if}}{{#if title}}!{{/if}}{{/each}}{{join items ","}}';
    expect(new Templates(new Map([['plan.md.hbs', { file: 't', text }]])).render('plan.md.hbs', CONTEXT)).toEqual({ ok: true, text: 'Mục!' });
  });
});

describe('engine failures are named at their file and line', () => {
  it('{{#with "abc"}}{{length}}: the field of a text', () => {
    expect(failure('a\n{{#with "abc"}}{{length}}{{/with}}')).toMatchObject({ where: ['templates/plan.md.hbs', 2, 18], args: { mistake: 'unknown-field', field: 'length' } });
    expect(failure('{{title.length}}')).toMatchObject({ where: ['templates/plan.md.hbs', 1, 3], args: { field: 'length' } });
  });

  it('a helper that throws is placed at its call, in Vietnamese', () => {
    const boom = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    };
    expect(failure('a\n\n  {{boom title}}', {}, CONTEXT, { boom })).toMatchObject({ where: ['templates/plan.md.hbs', 3, 3], args: { mistake: 'runtime' } });
  });

  it('an unknown helper, a block helper given two values', () => {
    expect(failure('a {{nohelper title}}')).toMatchObject({ where: ['templates/plan.md.hbs', 1, 5], args: { mistake: 'unknown-field', field: 'nohelper' } });
    expect(failure('a {{#nohelper title}}x{{/nohelper}}')).toMatchObject({ where: ['templates/plan.md.hbs', 1, 6], args: { mistake: 'unknown-field', field: 'nohelper' } });
    expect(failure('\n{{#with title sections}}x{{/with}}')).toMatchObject({ where: ['templates/plan.md.hbs', 2, 1], args: { mistake: 'helper-arguments', helper: 'with' } });
  });

  it('a failure inside a partial is in the partial\'s file', () => {
    expect(failure('{{#each sections}}{{> item}}{{/each}}', { item: 'x\n{{titel}}' })).toMatchObject({ where: ['templates/partials/item.hbs', 2, 3], args: { field: 'titel' } });
  });
});

describe('expansion is bounded', () => {
  it('a partial that includes itself is named, at the line where it does', () => {
    expect(failure('{{> item}}', { item: 'x\n  {{> item}}\n' })).toMatchObject({ where: ['templates/partials/item.hbs', 2, 3], args: { mistake: 'partial-recursion', partial: 'item', limit: MAX_PARTIAL_DEPTH } });
    expect(failure('{{> a}}', { a: '{{> b}}', b: '\n{{#if title}}{{> a}}{{/if}}' })).toMatchObject({ where: ['templates/partials/b.hbs', 2, 14], args: { partial: 'a' } });
  });

  it('output past the limit stops the render quickly, at the block that passed it', () => {
    const started = Date.now();
    const list = Array.from({ length: 1_000 }, () => 'x'.repeat(1_000));
    expect(failure('\n{{#each list}}{{#each ../list}}{{this}}{{/each}}{{/each}}', {}, { list })).toMatchObject({ where: ['templates/plan.md.hbs', 2, 15], args: { mistake: 'too-large', limit: MAX_EXPANSION } });
    const leaf = 'x'.repeat(100_000);
    expect(failure(`{{> y}}`.repeat(40), { y: '{{> z}}'.repeat(10), z: leaf })).toMatchObject({ where: ['templates/plan.md.hbs', 1, 1], args: { mistake: 'too-large' } });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
