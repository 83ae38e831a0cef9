// A template never loses an author's words without an error: the composed document must hold
// every paragraph of the model in order. The realistic case is a project's copy of plan.md.hbs
// made by `plan init` for the version before blocks (sections with intro and items), which
// renders section titles and nothing under them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, collectTemplates } from '../../src/project/template-files.js';
import { firstUndrawn } from '../../src/compose/drawn-text.js';
import { composePlan } from '../../src/compose/plan.js';
import { Templates } from '../../src/compose/templates.js';
import { wording } from '../../src/diagnostics/messages.js';
import { seedPlan } from '../extract/seed.js';
import { exampleRegistry, ROOT } from '../helpers/project.js';

const OLD = join(ROOT, 'test/fixtures/old-templates');

/** The built-in templates with some replaced by the project's copies. */
function templatesWith(files: Record<string, string>): Templates {
  const all = new Map(collectTemplates([BUILT_IN_TEMPLATES], ROOT).files);
  for (const [name, text] of Object.entries(files)) all.set(name, { file: `templates/${name}`, text });
  return new Templates(all);
}

describe('the composed plan holds every paragraph of the model', () => {
  it('with the built-in templates', () => {
    const composed = composePlan(seedPlan().plan, exampleRegistry(), templatesWith({}));
    expect(composed.ok).toBe(true);
  });

  it('is an error with a template written for the version before blocks', () => {
    const old = templatesWith({ 'plan.md.hbs': readFileSync(join(OLD, 'plan.md.hbs'), 'utf8'), 'partials/item.hbs': readFileSync(join(OLD, 'partials/item.hbs'), 'utf8') });
    const composed = composePlan(seedPlan().plan, exampleRegistry(), old);
    expect(composed.ok).toBe(false);
    if (composed.ok) return;
    // Strict templates name the first field the view no longer has, at its line.
    expect(composed.diagnostics.map((d) => [d.code, d.location.file, d.args.field])).toContainEqual(['template-error', 'templates/plan.md.hbs', 'intro']);
  });

  it('is an error, quoting the paragraph lost, when a template prints a block nowhere', () => {
    // The sections' headings are printed, their blocks are not: every field named exists.
    const plan = readFileSync(join(ROOT, 'templates/plan.md.hbs'), 'utf8');
    const section = '## {{label}} {{title}}\n\n{{#each blocks}}\n{{> block}}\n{{/each}}\n';
    expect(plan).toContain(section);
    const composed = composePlan(seedPlan().plan, exampleRegistry(), templatesWith({ 'plan.md.hbs': plan.replace(section, '## {{label}} {{title}}\n\n') }));
    expect(composed.ok).toBe(false);
    if (composed.ok) return;
    const lost = composed.diagnostics.find((d) => d.code === 'template-drops-text')!;
    expect(lost.location.file).toBe('templates/plan.md.hbs');
    expect(String(lost.args.text)).toMatch(/^Tổ chức quán triệt ý nghĩa/);
    expect(String(lost.args.text).length).toBeLessThanOrEqual(81);
    const { message, hint } = wording(lost.code, lost.args, 'vi');
    expect(message).toContain('plan.md.hbs');
    expect(hint).toContain('plan init');
  });

  it('is an error when a template leaves out the bullets', () => {
    const block = readFileSync(join(ROOT, 'templates/partials/block.hbs'), 'utf8');
    expect(block).toContain('{{> bullets bullets}}');
    const composed = composePlan(seedPlan().plan, exampleRegistry(), templatesWith({ 'partials/block.hbs': block.replace('{{> bullets bullets}}', '') }));
    expect(composed.ok).toBe(false);
    if (!composed.ok) expect(composed.diagnostics.map((d) => [d.code, d.location.file])).toEqual([['template-drops-text', 'templates/plan.md.hbs']]);
  });
});

describe('firstUndrawn', () => {
  const text = (value: string) => [{ type: 'text' as const, value }];
  const tree = { type: 'root' as const, children: [{ type: 'paragraph' as const, children: text('Một hai\nba.') }, { type: 'paragraph' as const, children: text('Bốn.') }] };
  it('finds paragraphs in order, white space aside', () => {
    expect(firstUndrawn([text('Một hai ba.'), text('Bốn.')], tree)).toBeUndefined();
  });
  it('names the first one missing or out of order', () => {
    expect(firstUndrawn([text('Bốn.'), text('Một hai ba.')], tree)).toBe('Một hai ba.');
    expect(firstUndrawn([text('Năm.')], tree)).toBe('Năm.');
  });
});
