/**
 * The follow-up outputs of a plan, beside its PDF: the checklists (Markdown, CSV, iCalendar)
 * and every assigned agency's extract (PDF, Markdown) with its own checklist (Markdown, CSV),
 * in the formats the project's config asks for.
 *
 * Everything that does not depend on the agency (who does what, the checklist rows, the
 * escaped task texts) is made once per plan; each agency only filters and typesets.
 */
import { assignedAgencies, type Assignments } from '../compose/assignments.js';
import { agencyChecklist, checklist, checklistMarkdown, checklistTable } from '../compose/checklist.js';
import { composeExtract } from '../compose/extract.js';
import { extractParts, extractView } from '../compose/extract-view.js';
import type { Progress } from '../compose/follow-up.js';
import type { DocumentTree } from '../compose/tree.js';
import { Wording } from '../compose/wording.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Plan } from '../model/plan.js';
import { planCalendar } from '../compose/calendar.js';
import { csvBytes } from '../typeset/csv.js';
import { icsBytes } from '../typeset/ics.js';
import type { Output } from './pipeline.js';
import type { Project } from './project.js';

/** Typesets a composed document to PDF, or gives why it could not. */
export type PdfRenderer = (tree: DocumentTree) => { ok: true; bytes: Uint8Array } | { ok: false; diagnostics: Diagnostic[] };

const encoder = new TextEncoder();

/** An extract's composed document, for the formats rendered after this step (DOCX). */
export interface ExtractDocument {
  agency: string;
  /** Output path without its extension. */
  base: string;
  tree: DocumentTree;
}

/** The checklists and extracts of a plan, or the diagnostics that stopped them. */
export function followUpOutputs(
  project: Project,
  plan: Plan,
  tasks: Assignments,
  progress: Progress,
  planTree: DocumentTree,
  pdf: PdfRenderer,
): { outputs: Output[]; documents: ExtractDocument[]; diagnostics: Diagnostic[] } {
  const words = new Wording(project.templates);
  const wanted = project.config.outputs;
  const folder = plan.id;
  // The checklist's rows are worked out only for a project that wants checklists.
  const list = wanted.checklists.size > 0 ? checklist(plan, tasks, progress, words) : undefined;
  const outputs: Output[] = [];
  if (list) {
    if (wanted.checklists.has('md')) outputs.push({ kind: 'checklist', format: 'md', path: `${folder}/checklist.md`, bytes: encoder.encode(checklistMarkdown(list, null, words)) });
    if (wanted.checklists.has('csv')) outputs.push({ kind: 'checklist', format: 'csv', path: `${folder}/checklist.csv`, bytes: csvBytes(checklistTable(list)) });
    if (wanted.checklists.has('ics')) outputs.push({ kind: 'checklist', format: 'ics', path: `${folder}/checklist.ics`, bytes: icsBytes(planCalendar(plan, list, project.registry, words)) });
  }
  const parts = wanted.extracts.size > 0 ? extractParts(plan, tasks, words) : undefined;
  const diagnostics: Diagnostic[] = [];
  const documents: ExtractDocument[] = [];
  for (const agency of assignedAgencies(tasks)) {
    const base = `${folder}/extracts/${agency}`;
    if (parts) {
      const extract = composeExtract(plan, planTree, extractView(parts, agency), project.registry, words);
      // A broken template breaks every extract alike: report it once, not once per agency.
      if (words.diagnostics.length > 0) break;
      const rendered = wanted.extracts.has('pdf') ? pdf(extract.tree) : undefined;
      if (rendered && !rendered.ok) {
        diagnostics.push(...rendered.diagnostics);
        break;
      }
      documents.push({ agency, base, tree: extract.tree });
      if (rendered) outputs.push({ kind: 'extract', format: 'pdf', agency, path: `${base}.pdf`, bytes: rendered.bytes });
      if (wanted.extracts.has('md')) outputs.push({ kind: 'extract', format: 'md', agency, path: `${base}.md`, bytes: encoder.encode(extract.markdown) });
    }
    if (!list) continue;
    const own = agencyChecklist(list, agency);
    if (wanted.checklists.has('md')) {
      const name = project.registry.name({ kind: 'agency', id: agency });
      outputs.push({ kind: 'checklist', format: 'md', agency, path: `${base}.checklist.md`, bytes: encoder.encode(checklistMarkdown(own, name, words)) });
    }
    if (wanted.checklists.has('csv')) outputs.push({ kind: 'checklist', format: 'csv', agency, path: `${base}.checklist.csv`, bytes: csvBytes(checklistTable(own)) });
  }
  diagnostics.push(...words.diagnostics);
  return { outputs, documents, diagnostics };
}
