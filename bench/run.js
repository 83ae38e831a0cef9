// Benchmark (not a test): `npm run bench`. Measures on this machine, side by side in one run:
//   1. typesetting the seed plan in process, fonts loaded (median of 20), and every output of a
//      plan in process, warm, on one thread (median of 30);
//   2. a batch of 40 seed-sized plans with every output: ms per plan, whole command (the median of
//      three builds);
//   3. a no-op rebuild of that batch, and the peak memory and CPU time of the full build;
//   4. one plan, whole process (`plan build` of the seed, with every output and with the plan's
//      PDF alone) beside Typst compiling the same text (bench/seed-plan.typ), taking
//      turns with Node's own start (node -e 0), median of 10 after 3 warm-ups;
// and, at the start and the end, a fixed loop that tells how fast the machine was meanwhile.
// Typst runs in Node through @myriaddreamin/typst-ts-node-compiler, installed on demand with
// --no-save so the project's dependencies stay as they are.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveStyle } from '../dist/project/config.js';
import { buildPlanFile } from '../dist/project/pipeline.js';
import { loadProject } from '../dist/project/project.js';
import { composePlan } from '../dist/compose/plan.js';
import { buildPlan } from '../dist/model/build.js';
import { parsePlanSource } from '../dist/parse/index.js';
import { loadFonts, typesetPdf } from '../dist/typeset/pdf/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const seedFile = join(root, 'plans', 'kon-tum-ngay-toan-dan-pcmbn-2021.plan.yaml');
const plan = join(root, 'bin', 'plan.cjs');
const BATCH = 40;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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

/** Runs the CLI in `cwd`; returns wall time, the process's peak resident memory and its CPU time (user, system). */
function runPlan(args, cwd) {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, plan, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const ms = performance.now() - start;
  if (run.error || run.status !== 0) throw new Error(`plan ${args.join(' ')} failed: ${run.error ?? run.stderr}`);
  const [peakKb, user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms, peakMb: peakKb / 1024, userS: user, systemS: system };
}

// Words a plan of another year or office would put differently; plan i (from 0, the seed itself)
// takes the j-th change when bit j of i is set, so the 40 plans differ in most paragraphs (as a province's plans do)
// while keeping the seed's size and structure. Work shared between plans would otherwise flatter
// the figures; work shared between a plan and its own extracts is what counts.
const VARIANTS = [
  ['triển khai', 'tổ chức thực hiện'],
  ['địa bàn', 'phạm vi'],
  ['tuyên truyền', 'thông tin, tuyên truyền'],
  ['đơn vị', 'cơ quan, đơn vị'],
  ['hiệu quả', 'thiết thực'],
  ['phối hợp', 'phối hợp chặt chẽ'],
];

function variant(text, i) {
  return VARIANTS.reduce((out, [from, to], j) => ((i >> j) & 1 ? out.replaceAll(from, to) : out), text);
}

// The projects built here and their outputs, some 120 MB a run, go in one folder removed when the
// bench ends, fails or is interrupted.
const scratch = mkdtempSync(join(tmpdir(), 'plan-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));

function project(plans) {
  const folder = mkdtempSync(join(scratch, 'project-'));
  cpSync(join(root, 'agencies.yaml'), join(folder, 'agencies.yaml'));
  // The built-in templates word the plans: the config names no templates folder of the project's.
  writeFileSync(join(folder, 'plan.config.yaml'), readFileSync(join(root, 'plan.config.yaml'), 'utf8').replace(/^templates:.*\n/m, ''));
  mkdirSync(join(folder, 'plans'));
  const seed = readFileSync(seedFile, 'utf8');
  for (let i = 1; i <= plans; i++) {
    // Seed-sized plans that differ: another number, signer and wording each.
    const text = variant(seed, i - 1).replace('number: null', `number: ${i}`).replace('name: Lê Ngọc Tuấn', `name: Lê Ngọc Tuấn ${i}`);
    writeFileSync(join(folder, 'plans', `ke-hoach-${String(i).padStart(3, '0')}.plan.yaml`), text);
  }
  return folder;
}

// The machine's speed, to compare figures taken on other days or hours: a fixed loop of
// arithmetic, and one of reads at random places in 64 MB (beyond the processor's caches), on one
// thread. A virtual machine ran the builds up to half slower in one hour than in another; these
// loops tell some of that (not all: in one slow hour they ran as fast as in a quick one).
const scattered = new Uint32Array(1 << 24);
for (let i = 0; i < scattered.length; i += 1024) scattered[i] = i;
function referenceLoops() {
  let start = performance.now();
  let x = 0;
  for (let i = 0; i < 6e8; i++) x += i % 7;
  const arithmetic = performance.now() - start;
  start = performance.now();
  let at = 1;
  for (let i = 0; i < 1e7; i++) {
    at = (Math.imul(at, 1103515245) + 12345) & (scattered.length - 1);
    x += scattered[at];
  }
  const memory = performance.now() - start;
  if (x < 0) throw new Error('unreachable');
  return `arithmetic ${arithmetic.toFixed(0)} ms, memory ${memory.toFixed(0)} ms`;
}
const reference = referenceLoops();

// 1. Typesetting alone.
const { project: loaded } = loadProject(root);
const parsed = parsePlanSource(readFileSync(seedFile), 'seed.plan.yaml');
const { plan: model } = buildPlan(parsed, loaded.registry, { id: 'seed', source: 'seed.plan.yaml' });
const composed = composePlan(model, loaded.registry, loaded.templates);
const style = resolveStyle(loaded.config.style, model.style, loaded.font);
const fonts = loadFonts(loaded.font);
const typeset = time(20, 5, () => typesetPdf(composed.tree, style, fonts));

// 1b. Every output of a plan in process, on one thread, warm: the work a plan costs a builder
// once start-up and warm-up are paid, without the second thread's contention (a batch on two
// cores builds at less than twice this rate). The batch's plans, the first ten to warm up.
const batch = project(BATCH);
const { project: batchProject } = loadProject(batch);
const batchPlans = Array.from({ length: BATCH }, (_, i) => join(batch, 'plans', `ke-hoach-${String(i + 1).padStart(3, '0')}.plan.yaml`));
for (const file of batchPlans.slice(0, 10)) buildPlanFile(batchProject, file);
const warmPlan = median(batchPlans.slice(10).map((file) => time(1, 0, () => buildPlanFile(batchProject, file))));

// 2–3. A batch with every output, then a no-op rebuild; three times, each into an output folder
// of its own, and the round of the median full build is reported: a virtual machine's speed can
// change by a third from one minute to the next.
const rounds = [0, 1, 2].map((round) => {
  const out = ['--out', `out-batch-${round}`];
  return { full: runPlan(['build', '-q', ...out], batch), noop: runPlan(['build', '-q', ...out], batch) };
});
const { full, noop } = [...rounds].sort((a, b) => a.full.ms - b.full.ms)[1];
const outputs = JSON.parse(execFileSync(process.execPath, [plan, 'build', '--json', '-q', '--out', 'out-batch-0'], { cwd: batch, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })).plans.reduce((n, p) => n + p.outputs.length, 0);

// 4. One plan, whole process, beside Typst: every output, and the plan's PDF alone (what Typst
// makes), chosen in the project's config. The three take turns, so that a change in the
// machine's speed during the runs touches them alike.
const everyOutput = project(1);
const pdfOnly = project(1);
writeFileSync(join(pdfOnly, 'plan.config.yaml'), `${readFileSync(join(pdfOnly, 'plan.config.yaml'), 'utf8')}\noutputs: { plan: [pdf], extracts: [], checklists: [] }\n`);

const typstFolder = join(tmpdir(), 'plan-bench-typst');
if (!existsSync(join(typstFolder, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) {
  mkdirSync(typstFolder, { recursive: true });
  writeFileSync(join(typstFolder, 'package.json'), '{"private":true}');
  execFileSync('npm', ['install', '--no-save', '--silent', '@myriaddreamin/typst-ts-node-compiler@0.7.0'], { cwd: typstFolder, stdio: 'ignore' });
}
cpSync(join(root, 'bench', 'seed-plan.typ'), join(typstFolder, 'seed-plan.typ'));
writeFileSync(
  join(typstFolder, 'compile.mjs'),
  `import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { writeFileSync } from 'node:fs';
const compiler = NodeCompiler.create({ workspace: process.cwd(), fontArgs: [{ fontPaths: [${JSON.stringify(join(root, 'fonts'))}] }] });
const result = compiler.compile({ mainFilePath: 'seed-plan.typ' });
writeFileSync('seed-plan.pdf', compiler.pdf(result.result));
`,
);
function typstRun() {
  const start = performance.now();
  execFileSync(process.execPath, ['compile.mjs'], { cwd: typstFolder, stdio: 'ignore' });
  return performance.now() - start;
}

// Node's own start, which both pay: the environment can make it long (NODE_EXTRA_CA_CERTS, a
// file of certificates Node reads as it starts, added 60 to 80 ms on one machine), and the ratio
// of what is left tells the tools apart as another machine would.
function nodeStartRun() {
  const start = performance.now();
  execFileSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return performance.now() - start;
}

const one = [];
const pdf = [];
const typst = [];
const nodeStart = [];
for (let i = 0; i < 13; i++) {
  const runs = [runPlan(['build', '-q', '--out', `out-${i}`], everyOutput).ms, runPlan(['build', '-q', '--out', `out-${i}`], pdfOnly).ms, typstRun(), nodeStartRun()];
  // The first three warm the file system and the Typst package up.
  if (i < 3) continue;
  one.push(runs[0]);
  pdf.push(runs[1]);
  typst.push(runs[2]);
  nodeStart.push(runs[3]);
}
const oneMs = median(one);
const pdfOnlyMs = median(pdf);
const typstMs = median(typst);
const nodeMs = median(nodeStart);
const beyondStart = (ms) => ((ms - nodeMs) / (typstMs - nodeMs)).toFixed(2);
// Each round's own ratio, plan against the Typst run beside it: the machine's speed, which drifts
// by a third within minutes, changes both alike, so the middle of these moves less than the
// ratio of the medians does.
const pairedRatio = (times) => median(times.map((ms, i) => ms / typst[i]));
console.log(`reference loops (this machine's speed):              ${reference}; at the end, ${referenceLoops()}`);
console.log(`typeset the seed plan (in process, fonts loaded):   ${typeset.toFixed(1)} ms`);
console.log(`one plan, every output, in process (warm, 1 thread): ${warmPlan.toFixed(0)} ms (median of ${BATCH - 10} plans)`);
console.log(`batch of ${BATCH} plans, every output (${outputs} files):   ${(full.ms / BATCH).toFixed(0)} ms a plan, ${(full.ms / 1000).toFixed(1)} s in all (median of ${rounds.map((r) => (r.full.ms / 1000).toFixed(1)).join(', ')} s)`);
console.log(`no-op rebuild of the batch:                          ${noop.ms.toFixed(0)} ms (${((noop.ms / full.ms) * 100).toFixed(1)}% of the full build)`);
console.log(`peak memory of the full build:                       ${full.peakMb.toFixed(0)} MB`);
// System time is mostly the file system's (creating ${outputs} files); it varies with the disk.
console.log(`CPU time of the full build:                          ${full.userS.toFixed(1)} s user, ${full.systemS.toFixed(1)} s system (${tmpdir()})`);
console.log(`one plan, whole process, every output (146 files):  plan ${oneMs.toFixed(0)} ms, Typst ${typstMs.toFixed(0)} ms (${(oneMs / typstMs).toFixed(2)}x; round by round ${pairedRatio(one).toFixed(2)}x; beyond Node's start ${beyondStart(oneMs)}x)`);
console.log(`one plan, whole process, the plan PDF alone:       plan ${pdfOnlyMs.toFixed(0)} ms, Typst ${typstMs.toFixed(0)} ms (${(pdfOnlyMs / typstMs).toFixed(2)}x; round by round ${pairedRatio(pdf).toFixed(2)}x; beyond Node's start ${beyondStart(pdfOnlyMs)}x)`);
console.log(`Node's own start (node -e 0), part of each of those: ${nodeMs.toFixed(0)} ms`);
