// Handlebars errors said as the mistakes a template's editor makes, at the place to fix.
import { describe, expect, it } from 'vitest';
import { wording } from '../../src/diagnostics/messages.js';
import { Templates } from '../../src/compose/templates.js';

function error(text: string) {
  const rendered = new Templates(new Map([['plan.md.hbs', { file: 'templates/plan.md.hbs', text }]])).render('plan.md.hbs', { title: 'T', items: [] });
  expect(rendered.ok).toBe(false);
  const d = (rendered as { diagnostic: { code: string; location: { line?: number; column?: number }; args: Record<string, string> } }).diagnostic;
  expect(d.code).toBe('template-error');
  return { at: [d.location.line, d.location.column], args: d.args, vi: wording('template-error', d.args, 'vi'), en: wording('template-error', d.args, 'en') };
}

const COMMENT = '{{!-- {{label}} and {{#each}} in a comment are not read --}}\n';

describe('a template mistake', () => {
  it('a block never closed is shown where it opens, with its closing tag', () => {
    expect(error(`${COMMENT}a\n  {{#if title}}\nb\n`)).toMatchObject({ at: [3, 3], args: { mistake: 'unclosed-block', block: 'if' }, vi: { hint: 'Thêm {{/if}} ở cuối khối.' } });
  });

  it('a block closed by another block\'s tag', () => {
    expect(error(`${COMMENT}{{#each items}}\n{{/if}}\n`)).toMatchObject({ args: { mistake: 'mismatched-block', opened: 'each', closed: 'if' }, en: { message: 'The {{#each}} block opened here is closed by {{/if}}.' } });
    expect(error('{{#each items}}{{#if title}}x{{/each}}').args).toMatchObject({ mistake: 'mismatched-block', opened: 'if', closed: 'each' });
  });

  it('a tag never closed, whether the file ends or another tag comes', () => {
    expect(error(`${COMMENT}x {{title\n`)).toMatchObject({ at: [2, 3], args: { mistake: 'unclosed-tag' }, vi: { message: 'Dấu {{ ở đây không có }} đóng.' } });
    expect(error(`${COMMENT}x {{title\ny {{title}}\n`).at).toEqual([2, 3]);
  });

  it('an unknown field is named where it is written', () => {
    expect(error('{{tittle}}')).toMatchObject({ at: [1, 3], args: { mistake: 'unknown-field', field: 'tittle' }, vi: { message: 'Mẫu dùng "tittle", nhưng ở đây không có trường hay trình trợ giúp nào tên như vậy.' } });
  });
});
