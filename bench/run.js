// Benchmark (not a test): `npm run bench`. Prints medians of repeated runs on this machine:
//   - typeset: in-process time to typeset the seed plan once fonts are loaded;
//   - pipeline: in-process time for one plan through every stage, outputs in memory;
//   - process: the whole `plan build` command for the seed, as a clerk runs it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../dist/build/project.js';
import { buildPlanFile } from '../dist/build/pipeline.js';
import { resolveStyle } from '../dist/build/config.js';
import { composePlan } from '../dist/compose/plan.js';
import { buildPlan } from '../dist/model/build.js';
import { parsePlanSource } from '../dist/parse/index.js';
import { loadFonts, typesetPdf } from '../dist/typeset/pdf/index.js';
import { readFileSync } from 'node:fs';

const root = fileURLToPath(new URL('../', import.meta.url));
const seed = join(root, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs, warmups, fn) {
  for (let i = 0; i < warmups; i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const { project } = loadProject(root);
const parsed = parsePlanSource(readFileSync(seed), 'seed.plan.yaml');
const { plan } = buildPlan(parsed, project.registry, { id: 'seed', source: 'seed.plan.yaml' });
const composed = composePlan(plan, project.registry, project.templates);
const style = resolveStyle(project.config.style, plan.style, project.font);
const fonts = loadFonts(project.font);

const typeset = time(20, 5, () => typesetPdf(composed.tree, style, fonts));
const pipeline = time(10, 3, () => buildPlanFile(project, seed));

const folder = mkdtempSync(join(tmpdir(), 'plan-bench-'));
for (const entry of ['plan.config.yaml', 'agencies.yaml', 'plans']) cpSync(join(root, entry), join(folder, entry), { recursive: true });
const processTime = time(5, 1, () => {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'plan.js'), 'build', 'plans/kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml'], { cwd: folder });
  if (run.status !== 0) throw new Error(run.stderr.toString());
});

console.log(`typeset seed plan (in process, fonts loaded): ${typeset.toFixed(1)} ms`);
console.log(`one plan through every stage (in process):   ${pipeline.toFixed(1)} ms`);
console.log(`plan build of the seed (whole process):       ${processTime.toFixed(0)} ms`);
