// The example project and its seed plan built through the pipeline, in memory, for tests of
// extracts and checklists.
import { join } from 'node:path';
import { assignments, type Assignments } from '../../src/compose/assignments.js';
import { buildPlanFile, type Output, type PlanResult } from '../../src/project/pipeline.js';
import { loadProject, type Project } from '../../src/project/project.js';
import type { Plan } from '../../src/model/plan.js';
import { buildFromText, ROOT, SEED_FILE, SEED_TEXT } from '../helpers/project.js';

let project: Project | undefined;
/** The example project (the repository), loaded once. */
export function exampleProject(): Project {
  if (!project) {
    const loaded = loadProject(ROOT);
    if (!loaded.project) throw new Error(JSON.stringify(loaded.diagnostics));
    project = loaded.project;
  }
  return project;
}

let seed: PlanResult | undefined;
/** Every output of the seed plan, built once. */
export function seedOutputs(): PlanResult {
  seed ??= buildPlanFile(exampleProject(), join(ROOT, SEED_FILE));
  return seed;
}

/** The seed's output at a path ending in `suffix`. */
export function output(suffix: string): Output {
  const found = seedOutputs().outputs.find((o) => o.path.endsWith(suffix));
  if (!found) throw new Error(`no output ${suffix} among ${seedOutputs().outputs.map((o) => o.path).join(', ')}`);
  return found;
}

/** An output's bytes as text. */
export function text(o: Output): string {
  return new TextDecoder().decode(o.bytes);
}

/** The seed plan model and who does what in it. */
export function seedPlan(source = SEED_TEXT): { plan: Plan; tasks: Assignments } {
  const { plan, diagnostics } = buildFromText(source);
  if (!plan) throw new Error(JSON.stringify(diagnostics));
  return { plan, tasks: assignments(plan, exampleProject().registry) };
}
