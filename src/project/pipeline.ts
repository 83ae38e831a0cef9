/**
 * One plan through the pipeline: parse → model → validate → compose → typeset, all in memory.
 * Nothing is written here; the build writes a plan's outputs only when all of them were made.
 */
import { assignments } from '../compose/assignments.js';
import { composePlan } from '../compose/plan.js';
import type { DocumentTree } from '../compose/tree.js';
import { type Diagnostic, diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { buildPlan } from '../model/build.js';
import type { Plan } from '../model/plan.js';
import { checkPlan } from '../model/rules.js';
import { parsePlanSource } from '../parse/index.js';
import { readSourceFile } from '../parse/text.js';
import type { ParsedSource } from '../parse/yaml.js';
import { checkPlanStyle, resolveStyle } from './config.js';
import { followUpOutputs, type PdfRenderer } from './follow-up-outputs.js';
import { fontsFor } from './fonts.js';
import { checkGlyphs } from './glyph-check.js';
import { readProgress } from './progress.js';
import type { Project } from './project.js';
import { reason } from './project.js';
import { typesetDocx } from '../typeset/docx/index.js';
import { renderPdf } from './render-pdf.js';
import { planId } from './plan-id.js';
import { displayPath } from './template-files.js';
import { outsideProject, withoutQuotedText } from './outside-text.js';

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


/** A plan file read, built into the model and checked: the plan, or the diagnostics that stop it. */
export interface ReadPlan {
  source: string;
  id: string;
  plan: Plan | undefined;
  parsed: ParsedSource | undefined;
  diagnostics: Diagnostic[];
}

/** Reads one plan file through parse, model and the content rules (what `plan status` needs too). */
export function readPlanFile(project: Project, path: string): ReadPlan {
  const read = readPlan(project, path);
  return outsideProject(project.root, path) ? { ...read, diagnostics: read.diagnostics.map(withoutQuotedText) } : read;
}

function readPlan(project: Project, path: string): ReadPlan {
  const source = displayPath(path, project.cwd);
  const read: ReadPlan = { source, id: planId(path), plan: undefined, parsed: undefined, diagnostics: [] };
  let bytes: Uint8Array;
  try {
    bytes = readSourceFile(path);
  } catch (error) {
    read.diagnostics.push(diagnostic('read-failed', { file: source }, { reason: reason(error) }));
    return read;
  }
  const parsed = parsePlanSource(bytes, source);
  read.diagnostics.push(...parsed.diagnostics);
  if (parsed.data === undefined) return read;
  read.parsed = parsed;

  const built = buildPlan(parsed, project.registry, { id: read.id, source: displayPath(path, project.root) });
  read.diagnostics.push(...built.diagnostics);
  if (!built.plan) return read;
  read.diagnostics.push(...checkPlan(built.plan, project.registry, parsed.map), ...checkPlanStyle(built.plan.style, parsed.map));
  read.plan = built.plan;
  return read;
}

/** Builds every output of one plan file in memory; with `compose: false`, only checks it. */
export function buildPlanFile(project: Project, path: string, options: { compose: boolean } = { compose: true }): PlanResult {
  const result = buildOutputs(project, path, options);
  return outsideProject(project.root, path) ? { ...result, diagnostics: result.diagnostics.map(withoutQuotedText) } : result;
}

function buildOutputs(project: Project, path: string, options: { compose: boolean }): PlanResult {
  const { source, id, plan, parsed, diagnostics } = readPlan(project, path);
  const result: PlanResult = { source, id, outputs: [], diagnostics };
  if (!plan || !parsed || hasErrors(result.diagnostics)) return result;
  const tasks = assignments(plan, project.registry);
  const { progress, diagnostics: progressDiagnostics } = readProgress(path, project.cwd, tasks.tasks.map((entry) => entry.task.id));
  result.diagnostics.push(...progressDiagnostics);

  const style = resolveStyle(project.config.style, plan.style, project.font);
  const fonts = fontsFor(project);
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
  const render: PdfRenderer = (tree) => renderPdf(tree, style, fonts.fonts, source);
  const wanted = project.config.outputs;
  const pdf = wanted.plan.has('pdf') ? render(composed.tree) : undefined;
  if (pdf && !pdf.ok) {
    result.diagnostics.push(...pdf.diagnostics);
    return result;
  }
  const followUp = followUpOutputs(project, plan, tasks, progress, composed.tree, render);
  result.diagnostics.push(...followUp.diagnostics);
  if (hasErrors(followUp.diagnostics)) return result;
  // Word files of the plan and of each extract, from the same documents as the PDFs. Word draws
  // with its own installed font, so there are no missing glyphs to report as for the PDF.
  const docx = (tree: DocumentTree): Uint8Array => typesetDocx(tree, style, fonts.fonts);
  if (pdf) result.outputs.push({ kind: 'plan', format: 'pdf', path: `${id}/${id}.pdf`, bytes: pdf.bytes });
  if (wanted.plan.has('docx')) result.outputs.push({ kind: 'plan', format: 'docx', path: `${id}/${id}.docx`, bytes: docx(composed.tree) });
  if (wanted.plan.has('json')) result.outputs.push({ kind: 'plan', format: 'json', path: `${id}/${id}.model.json`, bytes: modelJson(plan) });
  result.outputs.push(...followUp.outputs);
  if (wanted.extracts.has('docx')) {
    for (const document of followUp.documents) {
      result.outputs.push({ kind: 'extract', format: 'docx', agency: document.agency, path: `${document.base}.docx`, bytes: docx(document.tree) });
    }
  }
  return result;
}

/** The normalised model, for scripts and for reviewing what the compiler understood. */
function modelJson(plan: Plan): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(plan, null, 2)}\n`);
}
