// Property-based tests: generated valid plans always build, and every task's words reach the
// composed plan and the extracts of its agencies; random damage to the seed's source gives
// diagnostics (or a plan), never an exception. Fixed seed, bounded runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assignments } from '../../src/compose/assignments.js';
import { NO_PROGRESS } from '../../src/compose/follow-up.js';
import { composePlan } from '../../src/compose/plan.js';
import { followUpOutputs } from '../../src/project/follow-up-outputs.js';
import { buildPlanFile, type PlanResult } from '../../src/project/pipeline.js';
import { loadProject, type Project } from '../../src/project/project.js';
import { hasErrors } from '../../src/diagnostics/diagnostic.js';
import { buildPlan } from '../../src/model/build.js';
import { allTasks, taskWords } from '../../src/model/plan.js';
import { plainText } from '../../src/model/prose.js';
import { checkPlan } from '../../src/model/rules.js';
import { parsePlanSource } from '../../src/parse/index.js';
import { ROOT, SEED_TEXT } from '../helpers/project.js';
import { docxText, fold, pdfText } from '../helpers/read-back.js';

const SEED = 20_261_128;
/** How many plans each property typesets; a nightly job may raise it. */
const RUNS = Number(process.env.PLAN_PROPERTY_RUNS ?? 20);
const project: Project = (() => {
  const loaded = loadProject(ROOT);
  if (!loaded.project) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.project;
})();

/** Words a clerk writes, and characters that mean something to YAML, Markdown or Handlebars. */
const WORDS = ['Kế', 'hoạch', 'triển', 'khai', 'tuyên', 'truyền', 'phòng,', 'chống', 'mua', 'bán', 'người;', 'năm', '2021', 'Tổ', 'chức', 'thực', 'hiện:', 'báo', 'cáo', 'Ủy', 'ban', 'nhân', 'dân', '“Ngày', 'toàn', 'dân”', '(nếu', 'có)', '50%', '{{x}}', '{{>', 'item}}', '#', '|', 'a|b', '<script>', '&amp;', 'x_y', 'a:b', '"', "'", '[^', '~', '!', '\\'];
const AGENCIES = ['cong-an-tinh', 'so-tu-phap', 'so-noi-vu', 'so-y-te', 'tinh-doan'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 14 }).map((words) => words.join(' '));
const task = fc.record({ text: sentence, lead: fc.constantFrom(...AGENCIES), partners: fc.uniqueArray(fc.constantFrom(...AGENCIES), { maxLength: 2 }), days: fc.integer({ min: 0, max: 400 }) });
const item = fc.record({ title: fc.option(sentence, { nil: undefined }), tasks: fc.array(task, { minLength: 1, maxLength: 4 }) });
const planData = fc.record({ title: sentence, opening: sentence, items: fc.array(item, { minLength: 1, maxLength: 4 }) });

type PlanData = typeof planData extends fc.Arbitrary<infer T> ? T : never;

/** The YAML source of a generated plan. */
function source(data: PlanData): string {
  let n = 0;
  const day = (days: number) => new Date(Date.UTC(2021, 4, 25 + days)).toISOString().slice(0, 10);
  const leads = new Set<string>();
  const items = data.items.map((entry) => ({
    ...(entry.title ? { title: entry.title } : {}),
    tasks: entry.tasks.map((t) => {
      leads.add(t.lead);
      for (const partner of t.partners) leads.add(partner);
      const partners = t.partners.filter((p) => p !== t.lead);
      return { id: `nhiem-vu-${++n}`, lead: t.lead, ...(partners.length ? { partners } : {}), deadline: day(t.days), text: t.text };
    }),
  }));
  return stringify({
    issuer: { parent: 'ỦY BAN NHÂN DÂN TỈNH KON TUM', name: 'BAN CHỈ ĐẠO', abbreviation: 'BCĐ' },
    number: null,
    place: 'Kon Tum',
    date: '2021-05-25',
    title: data.title,
    opening: data.opening,
    sections: [{ kind: 'assignments', items }],
    recipients: [...leads],
    archive: ['VT', 'BCĐ'],
    signature: { positions: ['TRƯỞNG BAN'], name: 'Lê Ngọc Tuấn' },
  });
}

/** Parse → model → rules → compose, in memory, as the pipeline does before typesetting. */
function compile(text: string) {
  const parsed = parsePlanSource(new TextEncoder().encode(text), 'generated.plan.yaml');
  if (parsed.data === undefined) return { diagnostics: parsed.diagnostics };
  const built = buildPlan(parsed, project.registry, { id: 'generated', source: 'generated.plan.yaml' });
  const diagnostics = [...parsed.diagnostics, ...built.diagnostics];
  if (!built.plan) return { diagnostics };
  diagnostics.push(...checkPlan(built.plan, project.registry, parsed.map));
  if (hasErrors(diagnostics)) return { diagnostics };
  const composed = composePlan(built.plan, project.registry, project.templates);
  return { diagnostics: composed.ok ? diagnostics : [...diagnostics, ...composed.diagnostics], plan: built.plan, composed };
}

/** Spaces as the typesetter sees them: one between words. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every output of a plan source, typeset and written in memory as a build does. */
function typeset(text: string, name: string): PlanResult {
  const file = join(scratch, `${name}.plan.yaml`);
  writeFileSync(file, text);
  return buildPlanFile(project, file);
}
const scratch = mkdtempSync(join(tmpdir(), 'plan-property-'));

describe('generated valid plans', () => {
  it('always build, and every task is in the plan and in its agencies\' extracts', () => {
    fc.assert(
      fc.property(planData, (data) => {
        const result = compile(source(data));
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(result.composed?.ok).toBe(true);
        if (!result.composed?.ok || !result.plan) return;
        const body = squash(toString(result.composed.tree.body));
        const tasks = assignments(result.plan, project.registry);
        const followUp = followUpOutputs(project, result.plan, tasks, NO_PROGRESS, result.composed.tree, () => ({ ok: true, bytes: new Uint8Array() }));
        expect(followUp.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const extracts = new Map(followUp.outputs.filter((o) => o.kind === 'extract' && o.format === 'md').map((o) => [o.agency!, new TextDecoder().decode(o.bytes)]));
        for (const entry of allTasks(result.plan)) {
          const words = squash(plainText(taskWords(entry)));
          expect(body).toContain(words);
          for (const lead of entry.lead) {
            const extract = extracts.get(lead.id);
            expect(extract, `extract of ${lead.id}`).toBeDefined();
            // The extract is Markdown: compare its words with the escapes taken out.
            expect(squash(extract!.replace(/\\([!-/:-@[-`{-~])/g, '$1'))).toContain(words);
          }
        }
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
  });

  it('typeset to a PDF and a DOCX that hold every task\'s words', async () => {
    for (const [index, data] of fc.sample(planData, { seed: SEED, numRuns: RUNS }).entries()) {
      const result = typeset(source(data), `generated-${index}`);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const bytes = (suffix: string) => result.outputs.find((o) => o.path.endsWith(suffix))!.bytes;
      const pdf = await pdfText(bytes(`generated-${index}.pdf`));
      const docx = fold(docxText(bytes(`generated-${index}.docx`)));
      for (const entry of allTasks(typesetPlan(data))) {
        const words = fold(plainText(taskWords(entry)));
        expect(pdf).toContain(words);
        expect(docx).toContain(words);
      }
    }
  }, 120_000);
});

/** The model of a generated plan (its tasks, to look for in the typeset outputs). */
function typesetPlan(data: PlanData) {
  const result = compile(source(data));
  if (!result.plan) throw new Error('a generated plan did not build');
  return result.plan;
}

/** A change to the seed's lines: delete, duplicate, swap, or insert characters. */
const NASTY = [
  '"', "'", ':', '\t', '{{', '}}', '[^', '#', '- ', '&a', '*b', '|', '\u0000', '\uD800', '\uDC00', '\u200B', '\r', ' ', '\\', '%', '@', '`', '>', '!',
  // Escapes YAML decodes inside double quotes, and values nested far deeper than the limit.
  ' "\\u0000 \\x1b[2J \\u202e \\u2066 \\r"', ' "\\x07"', ` ${'['.repeat(200)}`, ` ${'{a: '.repeat(120)}`, `\n${'  - '.repeat(90)}x`,
];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), column: fc.nat(), text: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')) }),
);

function mutate(lines: string[], change: typeof mutation extends fc.Arbitrary<infer T> ? T : never): string[] {
  const out = [...lines];
  const at = change.at % out.length;
  switch (change.kind) {
    case 'delete':
      out.splice(at, 1);
      break;
    case 'duplicate':
      out.splice(at, 0, out[at]!);
      break;
    case 'swap': {
      const other = change.other % out.length;
      [out[at], out[other]] = [out[other]!, out[at]!];
      break;
    }
    case 'insert': {
      const line = out[at]!;
      const column = change.column % (line.length + 1);
      out[at] = line.slice(0, column) + change.text + line.slice(column);
      break;
    }
  }
  return out;
}

describe('damaged sources', () => {
  const lines = SEED_TEXT.split('\n');

  it('give a plan or diagnostics, never an exception', () => {
    let typesetCount = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (changes) => {
        const text = changes.reduce((current, change) => mutate(current, change), lines).join('\n');
        const result = compile(text);
        if (!result.composed) expect(hasErrors(result.diagnostics)).toBe(true);
        for (const d of result.diagnostics) expect(d.location.file).toBe('generated.plan.yaml');
        // What builds is typeset and written too: no stage may throw on what the others let through.
        if (result.composed?.ok) {
          typesetCount++;
          const built = typeset(text, 'damaged');
          expect(built.outputs.length > 0 || hasErrors(built.diagnostics)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
    // Damage often leaves a plan that builds: those must reach the typesetters.
    expect(typesetCount).toBeGreaterThanOrEqual(RUNS / 2);
  });

  it('in Markdown too, the example and the plan with every structure', () => {
    const sources = [join(ROOT, 'plans', 'kon-tum-pho-bien-phap-luat-2022.plan.md'), join(ROOT, 'test/fixtures/structures/structures.plan.md')].map((file) => readFileSync(file, 'utf8').split('\n'));
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 6 }), (mdLines, changes) => {
        const text = changes.reduce((current, change) => mutate(current, change), mdLines).join('\n');
        const parsed = parsePlanSource(new TextEncoder().encode(text), 'generated.plan.md');
        for (const d of parsed.diagnostics) expect(d.location.file).toBe('generated.plan.md');
        if (parsed.data === undefined) {
          expect(hasErrors(parsed.diagnostics)).toBe(true);
          return;
        }
        const built = buildPlan(parsed, project.registry, { id: 'generated', source: 'generated.plan.md' });
        const diagnostics = [...parsed.diagnostics, ...built.diagnostics];
        for (const d of diagnostics) expect(d.location.file).toBe('generated.plan.md');
        if (!built.plan) {
          expect(hasErrors(diagnostics)).toBe(true);
          return;
        }
        if (hasErrors(diagnostics)) return;
        const composed = composePlan(built.plan, project.registry, project.templates);
        expect(composed.ok || composed.diagnostics.length > 0).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    );
  });
});

