// Templates cannot reach outside: no prototype access, no code execution, partials only from the
// templates folders; and plan text can never inject template or Markdown structure.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildPlanFile, readPlanFile } from '../../src/project/pipeline.js';
import { loadProject } from '../../src/project/project.js';
import { BUILT_IN_TEMPLATES, collectTemplates } from '../../src/project/template-files.js';
import { composePlan } from '../../src/compose/plan.js';
import { Templates } from '../../src/compose/templates.js';
import { ROOT } from '../helpers/project.js';

const BASE = readFileSync(fileURLToPath(new URL('cases/base.plan.yaml', import.meta.url)), 'utf8');

/** The built-in templates with plan.md.hbs replaced. */
function withPlanTemplate(text: string): Templates {
  const files = new Map(collectTemplates([BUILT_IN_TEMPLATES], ROOT).files);
  files.set('plan.md.hbs', { file: 'templates/plan.md.hbs', text });
  return new Templates(files);
}

/** The classic Handlebars escape to the Function constructor (fixed in 4.6 by prototype access rules). */
const FUNCTION_ESCAPE = `{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "globalThis.pwned = true; return 'pwned';"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}`;

describe('templates and the prototype', () => {
  const payloads = [
    '{{constructor.constructor}}',
    '{{__proto__}}',
    '{{lookup this "constructor"}}',
    '{{#with (lookup this "constructor")}}{{lookup this "constructor"}}{{/with}}',
    '{{title.constructor.name}}',
    '{{#each this}}{{@key}}{{/each}}{{lookup (lookup this "__proto__") "polluted"}}',
    FUNCTION_ESCAPE,
  ];
  it.each(payloads)('%s gives a diagnostic or empty output, never code', (payload) => {
    const rendered = withPlanTemplate(payload).render('plan.md.hbs', { title: 'Tiêu đề' });
    if (rendered.ok) expect(rendered.text).not.toMatch(/function|native code|pwned|\[object/i);
    else expect(rendered.diagnostic).toMatchObject({ code: 'template-error', location: { file: 'templates/plan.md.hbs' } });
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('partials come only from the templates folders, never from a path', () => {
    for (const name of ['../../package', '/etc/passwd', '../templates/plan.md']) {
      const rendered = withPlanTemplate(`{{> ${name}}}`).render('plan.md.hbs', {});
      expect(rendered.ok, name).toBe(false);
      if (!rendered.ok) expect(rendered.diagnostic.code).toBe('template-error');
    }
  });
});

describe('plan text cannot inject structure', () => {
  const INJECTED = ['{{x}}', '{{> item}}', '# Tiêu đề giả', '- mục giả', '| a | b |', '<script>alert(1)</script>', '[liên kết](http://x)', '1. số giả'];
  const plan = BASE.replace('title: Thử nghiệm dữ liệu hỏng', 'title: "Thử nghiệm {{x}} <script>alert(1)</script> | a | b |"').replace(
    '          - id: tuyen-truyen\n',
    `${INJECTED.map((text, n) => `          - id: chen-${n}\n            text: ${JSON.stringify(text)}\n`).join('')}          - id: tuyen-truyen\n`,
  );

  it('texts are printed literally and the document keeps its shape', async () => {
    const loaded = loadProject(ROOT);
    const folder = mkdtempSync(join(tmpdir(), 'plan-inject-'));
    const path = join(folder, 'inject.plan.yaml');
    writeFileSync(path, plan);
    const read = readPlanFile(loaded.project!, path);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const composed = composePlan(read.plan!, loaded.project!.registry, loaded.project!.templates);
    expect(composed.ok).toBe(true);
    if (!composed.ok) return;
    const types = new Set<string>();
    const walk = (node: { type: string; children?: unknown[] }) => {
      types.add(node.type);
      for (const child of node.children ?? []) walk(child as { type: string });
    };
    walk(composed.tree.body as Root);
    for (const type of ['html', 'table', 'link', 'heading-1']) expect(types, type).not.toContain(type);
    const headings = (composed.tree.body as Root).children.filter((node) => node.type === 'heading');
    expect(headings).toHaveLength(1);

    const result = buildPlanFile(loaded.project!, path);
    const pdf = result.outputs.find((output) => output.format === 'pdf');
    expect(pdf, JSON.stringify(result.diagnostics)).toBeDefined();
    const { text } = await extractText(await getDocumentProxy(pdf!.bytes.slice()), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    for (const literal of ['{{x}}', '{{> item}}', '# Tiêu đề giả', '| a | b |', '<script>alert(1)</script>']) expect(flat, literal).toContain(literal);
    // A typed bullet or number is the compiler's to write: it is dropped, with a warning; a link
    // keeps its words and, printed after them, its address.
    for (const words of ['- mục giả', '- số giả', '- liên kết (http://x)']) expect(flat).toContain(words);
    expect(read.diagnostics.filter((d) => d.code === 'typed-numbering').map((d) => d.args.value)).toEqual(['-', '1.']);
    expect(read.diagnostics.filter((d) => d.code === 'markdown-structure').map((d) => d.args.detail)).toEqual(['heading', 'html']);
  });
});
