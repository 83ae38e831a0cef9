// Templates of extracts and checklists: errors name the file and line, helpers word dates and
// agencies, and a project's own templates/ overrides the built-in ones file by file.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildPlanFile } from '../../src/project/pipeline.js';
import { loadProject } from '../../src/project/project.js';
import { BUILT_IN_TEMPLATES, collectTemplates } from '../../src/project/template-files.js';
import { extractParts, extractView } from '../../src/compose/extract-view.js';
import { composeExtract } from '../../src/compose/extract.js';
import { composePlan } from '../../src/compose/plan.js';
import { Templates } from '../../src/compose/templates.js';
import { Wording } from '../../src/compose/wording.js';
import { ROOT, SEED_FILE } from '../helpers/project.js';
import { copyConfigAndRegistry } from '../helpers/cli.js';
import { exampleProject, seedPlan } from './seed.js';

/** The built-in templates with `name` replaced by `text`, as a project's own file would. */
function templatesWith(name: string, text: string): Templates {
  const files = new Map(collectTemplates([BUILT_IN_TEMPLATES], ROOT).files);
  files.set(name, { file: `templates/${name}`, text });
  return new Templates(files);
}

/** Composes Sở Tư pháp's extract with the given templates; returns the words' diagnostics and Markdown. */
function extractWith(templates: Templates) {
  const { plan, tasks } = seedPlan();
  const project = exampleProject();
  const composed = composePlan(plan, project.registry, templates);
  if (!composed.ok) throw new Error(JSON.stringify(composed.diagnostics));
  const words = new Wording(templates);
  const extract = composeExtract(plan, composed.tree, extractView(extractParts(plan, tasks, words), 'so-tu-phap'), project.registry, words);
  return { diagnostics: [...templates.diagnostics, ...words.diagnostics], markdown: extract.markdown };
}

describe('template errors', () => {
  it('a syntax error names the template and its line', () => {
    const { diagnostics } = extractWith(templatesWith('extract.md.hbs', 'Trích:\n\n{{#each sections}}\n## {{title}}\n{{/if}}\n'));
    expect(diagnostics).toHaveLength(1);
    // Handlebars points at the block that is not closed properly.
    expect(diagnostics[0]).toMatchObject({ code: 'template-error', location: { file: 'templates/extract.md.hbs', line: 3 } });
    expect(String(diagnostics[0]!.args.detail)).toContain("each doesn't match if");
  });

  it('an unknown helper names the template and its line', () => {
    const { diagnostics } = extractWith(templatesWith('extract.md.hbs', 'Trích:\n\n{{ngayThang plan.reference}}\n'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'template-error', location: { file: 'templates/extract.md.hbs', line: 3 } });
    expect(diagnostics[0]!.args).toMatchObject({ mistake: 'unknown-field', field: 'ngayThang' });
  });

  it('a missing partial names the template and the line that calls it', () => {
    const templates = templatesWith('extract.md.hbs', 'Trích:\n{{#each sections}}\n{{> muc-trich}}\n{{/each}}\n');
    const result = extractWith(templates);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'template-error', location: { file: 'templates/extract.md.hbs', line: 3 } });
    expect(result.diagnostics[0]!.args).toMatchObject({ mistake: 'missing-partial', partial: 'muc-trich' });
  });

  it('a broken extract template stops the plan\'s outputs with one diagnostic, not one per agency', async () => {
    const project = { ...exampleProject(), templates: templatesWith('extract.md.hbs', 'Trích\n{{nope sections}}\n') };
    const result = buildPlanFile(project, join(ROOT, SEED_FILE));
    expect(result.outputs).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.location.file, d.location.line])).toEqual([['template-error', 'templates/extract.md.hbs', 2]]);
  });
});

describe('template helpers and partials', () => {
  it('word dates, numbers, agencies and roles', () => {
    const { markdown, diagnostics } = extractWith(templatesWithPartial());
    expect(diagnostics).toEqual([]);
    expect(markdown).toContain('ngày 02 tháng 8 năm 2021 · 05/1/2021 · IV · đ · 3 · Sở Tư pháp · Ủy ban nhân dân các huyện, thành phố · Cơ quan phối hợp · Ghi chú của dự án');
  });
});

/** The built-in set with an extract body that calls every helper and a project partial "extract-note". */
function templatesWithPartial(): Templates {
  const files = new Map(collectTemplates([BUILT_IN_TEMPLATES], ROOT).files);
  files.set('extract.md.hbs', {
    file: 'templates/extract.md.hbs',
    text: '{{longDate "2021-08-02"}} · {{shortDate "2021-01-05"}} · {{roman 4}} · {{letter 5}} · {{add 1 2}} · {{agency "so-tu-phap"}} · {{agency "ubnd-cap-huyen"}} · {{role "partner"}} · {{> extract-note}}\n',
  });
  files.set('partials/extract-note.hbs', { file: 'templates/partials/extract-note.hbs', text: 'Ghi chú của dự án' });
  return new Templates(files);
}

describe("a project's own templates", () => {
  it('a section title edited in its words.yaml changes the plan and the extracts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-templates-'));
    copyConfigAndRegistry(dir);
    mkdirSync(join(dir, 'plans'));
    cpSync(join(ROOT, SEED_FILE), join(dir, SEED_FILE));
    mkdirSync(join(dir, 'templates'));
    const words = readFileSync(join(BUILT_IN_TEMPLATES, 'words.yaml'), 'utf8')
      .replace('assignments: NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ', 'assignments: NHIỆM VỤ CỤ THỂ')
      .replace('lead: NHIỆM VỤ CHỦ TRÌ THỰC HIỆN', 'lead: NHIỆM VỤ ĐƯỢC GIAO CHỦ TRÌ');
    writeFileSync(join(dir, 'templates', 'words.yaml'), words);

    const loaded = loadProject(dir);
    expect(loaded.diagnostics).toEqual([]);
    const result = buildPlanFile(loaded.project!, join(dir, SEED_FILE));
    expect(result.diagnostics).toEqual([]);
    const pdfText = async (suffix: string) => {
      const pdf = await getDocumentProxy(new Uint8Array(result.outputs.find((o) => o.path.endsWith(suffix))!.bytes));
      return (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, ' ');
    };
    const plan = await pdfText('kon-tum-ngay-toan-dan-pcmbn-2021.pdf');
    expect(plan).toContain('NHIỆM VỤ CỤ THỂ');
    expect(plan).not.toContain('NỘI DUNG VÀ PHÂN CÔNG NHIỆM VỤ');
    expect(await pdfText('extracts/so-tu-phap.pdf')).toContain('NHIỆM VỤ ĐƯỢC GIAO CHỦ TRÌ');
  });
});
