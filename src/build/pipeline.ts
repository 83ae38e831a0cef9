/**
 * One plan through the pipeline: parse → model → validate → compose → typeset, all in memory.
 * Nothing is written here; the build writes a plan's outputs only when all of them were made.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { composePlan } from '../compose/plan.js';
import { type Diagnostic, diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { buildPlan } from '../model/build.js';
import type { Plan } from '../model/plan.js';
import { checkPlan } from '../model/rules.js';
import { parsePlanSource, PLAN_FILE } from '../parse/index.js';
import { slugify } from '../vn/slug.js';
import { checkPlanStyle, resolveStyle } from './config.js';
import { fontsFor } from './fonts.js';
import { checkGlyphs } from './glyph-check.js';
import type { Project } from './project.js';
import { reason } from './project.js';
import { renderPdf } from './render-pdf.js';
import { displayPath } from './template-files.js';

export type OutputKind = 'plan' | 'extract' | 'checklist';
export type OutputFormat = 'pdf' | 'md' | 'csv' | 'docx' | 'ics' | 'json';

/** A file a build produces, in memory until written. */
export interface Output {
  kind: OutputKind;
  format: OutputFormat;
  /** The agency an extract is for. */
  agency?: string;
  /** Path relative to the output folder, "/"-separated. */
  path: string;
  bytes: Uint8Array;
}

export interface PlanResult {
  /** Source as shown to the user. */
  source: string;
  id: string;
  outputs: Output[];
  diagnostics: Diagnostic[];
}

/** The id of a plan from its file name: "Kế hoạch 1.plan.yaml" → "ke-hoach-1". */
export function planId(file: string): string {
  return slugify(basename(file).replace(PLAN_FILE, ''));
}

/** Builds every output of one plan file in memory; with `compose: false`, only checks it. */
export function buildPlanFile(project: Project, path: string, options: { compose: boolean } = { compose: true }): PlanResult {
  const source = displayPath(path, project.cwd);
  const id = planId(path);
  const result: PlanResult = { source, id, outputs: [], diagnostics: [] };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    result.diagnostics.push(diagnostic('read-failed', { file: source }, { reason: reason(error) }));
    return result;
  }
  const parsed = parsePlanSource(bytes, source);
  result.diagnostics.push(...parsed.diagnostics);
  if (parsed.data === undefined) return result;

  const built = buildPlan(parsed, project.registry, { id, source: displayPath(path, project.root) });
  result.diagnostics.push(...built.diagnostics);
  const plan = built.plan;
  if (!plan) return result;
  result.diagnostics.push(...checkPlan(plan, project.registry, parsed.map), ...checkPlanStyle(plan.style, parsed.map));
  if (hasErrors(result.diagnostics)) return result;

  const style = resolveStyle(project.config.style, plan.style, project.font);
  const fonts = fontsFor(project.font, project.configFile ?? source);
  if ('diagnostic' in fonts) {
    result.diagnostics.push(fonts.diagnostic);
    return result;
  }
  result.diagnostics.push(...checkGlyphs(parsed.data, fonts.fonts, project.font.name, parsed.map));
  if (hasErrors(result.diagnostics) || !options.compose) return result;

  const composed = composePlan(plan, project.registry, project.templates);
  if (!composed.ok) {
    result.diagnostics.push(...composed.diagnostics);
    return result;
  }
  const pdf = renderPdf(composed.tree, style, fonts.fonts, source);
  if (!pdf.ok) {
    result.diagnostics.push(...pdf.diagnostics);
    return result;
  }
  result.outputs.push(
    { kind: 'plan', format: 'pdf', path: `${id}/${id}.pdf`, bytes: pdf.bytes },
    { kind: 'plan', format: 'json', path: `${id}/${id}.model.json`, bytes: modelJson(plan) },
  );
  return result;
}

/** The normalised model, for scripts and for reviewing what the compiler understood. */
function modelJson(plan: Plan): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(plan, null, 2)}\n`);
}
