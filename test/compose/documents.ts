// The Markdown documents the example project composes: what reaches parseMarkdown for each plan
// in plans/ (the plan's body, its assignment table, one extract body per agency), and the
// Markdown files written beside them (extracts, checklists) for people to read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { followUpOutputs } from '../../src/project/follow-up-outputs.js';
import { readPlanFile } from '../../src/project/pipeline.js';
import { assignments } from '../../src/compose/assignments.js';
import { NO_PROGRESS } from '../../src/compose/follow-up.js';
import { composePlan } from '../../src/compose/plan.js';
import { exampleProject } from '../extract/seed.js';
import { ROOT } from '../helpers/project.js';

/** One Markdown document: where it comes from and its text. */
export interface ExampleDocument {
  name: string;
  kind: 'body' | 'appendix' | 'extract' | 'file';
  markdown: string;
}

/**
 * Composes every plan of the example project with its extracts (not typeset). `parsed` returns
 * the sources parseMarkdown was called with since it was last called: the test records them.
 */
export function exampleDocuments(parsed: () => string[]): ExampleDocument[] {
  const project = exampleProject();
  const documents: ExampleDocument[] = [];
  parsed();
  for (const file of readdirSync(join(ROOT, 'plans')).sort()) {
    const { plan, diagnostics } = readPlanFile(project, join(ROOT, 'plans', file));
    if (!plan) throw new Error(`${file}: ${JSON.stringify(diagnostics)}`);
    const composed = composePlan(plan, project.registry, project.templates);
    if (!composed.ok) throw new Error(`${file}: ${JSON.stringify(composed.diagnostics)}`);
    documents.push(...parsed().map((markdown, index) => ({ name: `${file} ${index === 0 ? 'body' : `appendix ${index}`}`, kind: index === 0 ? ('body' as const) : ('appendix' as const), markdown })));
    const tasks = assignments(plan, project.registry);
    const followUp = followUpOutputs(project, plan, tasks, NO_PROGRESS, composed.tree, () => ({ ok: true, bytes: new Uint8Array() }));
    if (followUp.diagnostics.length > 0) throw new Error(`${file}: ${JSON.stringify(followUp.diagnostics)}`);
    documents.push(...parsed().map((markdown, index) => ({ name: `${file} extract ${followUp.documents[index]?.agency}`, kind: 'extract' as const, markdown })));
    for (const output of followUp.outputs.filter((o) => o.format === 'md')) {
      documents.push({ name: output.path, kind: 'file', markdown: new TextDecoder().decode(output.bytes) });
    }
  }
  return documents;
}
