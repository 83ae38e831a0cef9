/**
 * A build: loads the project, runs every plan whose inputs changed through the pipeline
 * and writes its outputs — or, with `check`, compares them with what is on disk and writes
 * nothing — on worker threads when there are many (deliver.ts), then records what was written.
 *
 * A plan with errors writes nothing, so its earlier outputs stay as they were; the other
 * plans are still built, also when the tool itself fails on one. Outputs no plan makes any more
 * are removed (leftovers.ts), but only files the cache records as written by this tool, with the
 * content it wrote. One build at a time writes to an output folder (lock.ts).
 */
import { existsSync, mkdirSync, rmdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { readSourceFile } from '../parse/text.js';
import { type Diagnostic, diagnostic, reportedDiagnostics } from '../diagnostics/diagnostic.js';
import type { MessageCode } from '../diagnostics/messages.js';
import { progressPath } from '../parse/plan-file.js';
import { byPath, CACHE_FILE, type CacheEntry, type CachedOutput, outputsIntact, planKey, projectKey, readCache, recordCache, trustedSince } from './cache.js';
import { type DeliveredPlan, type Delivery, deliverPlan, shownFolder, shownOutput } from './deliver.js';
import { discoverPlans } from './discover.js';
import { refuseIdClashes } from './id-clash.js';
import { removeLeftovers } from './leftovers.js';
import { otherProject, projectReference } from './out-owner.js';
import { relativePath } from './paths.js';
import { type LockHolder, lockOutputFolder } from './lock.js';
import { planId } from './plan-id.js';
import type { OutputFormat, OutputKind } from './pipeline.js';
import { loadProject, type Project, reason } from './project.js';
import { inShard, type Shard } from './shard.js';
import { displayPath } from './template-files.js';
import { AtomicWriter } from './write.js';

export interface BuildOptions {
  /** Working folder: paths are read and shown relative to it. */
  cwd: string;
  /** Plan files or folders; none means the project's plans folder. */
  paths: readonly string[];
  /** Output folder (relative to cwd); none means the project's, "out". */
  out?: string;
  /** Compare instead of writing. */
  check?: boolean;
  /** Only validate: no composing, typesetting or writing. */
  validateOnly?: boolean;
  /** Config file, instead of looking upwards from cwd. */
  config?: string;
  /** Build only this share of the plans (CI matrices). */
  shard?: Shard;
  /** Threads that build: this one and `jobs - 1` workers; 1 builds in this thread alone. Default: one per core, each with at least PLANS_PER_BUILDER plans. */
  jobs?: number;
  /** Called as each plan is done, for progress lines. */
  onPlan?: (event: PlanEvent) => void;
  /** Called when another build holds the output folder and this one waits for it (lock.ts). */
  onWait?: (wait: BuildWait) => void;
}

/** This build waits: another holds the output folder. */
export interface BuildWait {
  /** The output folder, as messages name it. */
  folder: string;
  /** Who holds it, when its lock says. */
  holder?: LockHolder;
}

/** A plan finished: built, taken from the cache, or failed. */
export interface PlanEvent {
  source: string;
  status: 'built' | 'cached' | 'failed';
  done: number;
  total: number;
}

/** A written (or checked) output, as the manifest lists it. */
export interface ManifestOutput {
  kind: OutputKind;
  format: OutputFormat;
  agency?: string;
  /** Path relative to the working folder, "/"-separated. */
  path: string;
}

export interface ManifestPlan {
  source: string;
  id: string;
  outputs: ManifestOutput[];
}

export interface BuildReport {
  plans: ManifestPlan[];
  diagnostics: Diagnostic[];
  /** With `check`: outputs that differ from what is on disk, are missing, or should be gone. */
  stale: { path: string; state: 'stale' | 'missing' | 'removed' }[];
  /** Outputs this build removed, as messages name them: no plan makes them any more (leftovers.ts). */
  removed: string[];
  /** The output folder, absolute; absent when the project could not be loaded. */
  outFolder?: string;
  /** Every file the plans depend on besides their sources (config, registry, templates, fonts), absolute; absent likewise. */
  inputs?: string[];
  /** Plans built this time, and plans whose outputs were up to date. */
  counts: { built: number; cached: number; failed: number };
  /** 0 ok, 1 errors in sources (or stale outputs), 2 usage or I/O. */
  exitCode: 0 | 1 | 2;
}

/** Codes that mean the command was given wrong files, files could not be read or written, or the tool failed: not that a plan is wrong. */
const IO_CODES: ReadonlySet<MessageCode> = new Set(['out-folder-of-other-project', 'build-crashed', 'read-failed', 'folder-unreadable', 'write-failed', 'remove-failed', 'config-missing', 'no-project', 'not-a-plan-file', 'not-a-regular-file', 'file-name-not-utf8', 'no-plans', 'registry-missing', 'font-missing', 'font-unsupported']);

/**
 * Plans each building thread gets at least, by default. Starting a worker (a thread, the code, the
 * project, and its first plans, run before the code is optimised) takes about as long as building
 * three or four plans: on two cores, this thread and a worker built 8 plans in 1.69 s against 1.47
 * alone, 10 plans in about the same time, and 12 plans in 1.81 s against 2.35.
 */
const PLANS_PER_BUILDER = 5;

/**
 * How many threads build `plans` plans (this one and workers): `--jobs` when given, else a thread a
 * core while each gets at least PLANS_PER_BUILDER plans; never more than the plans. One or none
 * (a build of a few plans, and --jobs 1) builds in this thread alone.
 */
export function builderCount(jobs: number | undefined, plans: number, cores: number): number {
  return Math.min(jobs ?? Math.min(cores, Math.floor(plans / PLANS_PER_BUILDER)), plans);
}

/** The counts of a build that built nothing. */
const NOTHING_BUILT: Readonly<BuildReport['counts']> = Object.freeze({ built: 0, cached: 0, failed: 0 });

/** Runs a build. */
export async function runBuild(options: BuildOptions): Promise<BuildReport> {
  const { cwd } = options;
  const loaded = loadProject(cwd, options.config);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const project = loaded.project;
  if (!project) return finish([], diagnostics, [], [], NOTHING_BUILT);

  const explicitPaths = options.paths.length > 0;
  const paths = explicitPaths ? options.paths : [relative(cwd, resolve(project.root, project.config.plans)) || '.'];
  const discovered = discoverPlans(paths, cwd, { root: project.root, followOutside: project.config.followLinksOutside });
  diagnostics.push(...discovered.diagnostics);
  const outFolder = options.out !== undefined ? resolve(cwd, options.out) : resolve(project.root, project.config.out);
  // Where outputs go, and how messages name them: the output folder's path, once, then the output's own ("/"-separated).
  const delivery: Delivery = { mode: options.check ? 'check' : 'write', outFolder, shownFolder: displayPath(outFolder, cwd) };
  const located = { outFolder, inputs: project.inputs };
  // Every path named on the command line was wrong (missing, not a plan): nothing to build, so
  // nothing is written, not even the output folder or its cache.
  if (explicitPaths && discovered.files.length === 0) return { ...finish([], diagnostics, [], [], NOTHING_BUILT), ...located };
  // Made by this build: removed again if the build leaves nothing in it (every plan failed).
  let made = false;
  if (!options.check && !options.validateOnly) {
    made = !existsSync(outFolder);
    // An output folder that cannot be made (a file in its place, no permission) is said once,
    // not once for each plan and again for the cache.
    try {
      mkdirSync(outFolder, { recursive: true });
    } catch (error) {
      diagnostics.push(diagnostic('write-failed', { file: shownFolder(delivery) }, { reason: reason(error) }));
      return { ...finish([], diagnostics, [], [], NOTHING_BUILT), ...located };
    }
  }
  // One build at a time in an output folder (lock.ts); `plan check` only validates, and reads no output.
  const onWait = options.onWait && ((holder?: LockHolder) => options.onWait!({ folder: shownFolder(delivery), ...(holder ? { holder } : {}) }));
  const lock = options.validateOnly ? undefined : await lockOutputFolder(outFolder, { take: !options.check, onWait });
  try {
    return { ...(await buildPlans(options, project, discovered.files, explicitPaths, delivery, diagnostics)), ...located };
  } finally {
    lock?.release();
    if (made) {
      try {
        rmdirSync(outFolder);
      } catch {
        // Not empty: the build wrote something there.
      }
    }
  }
}

/**
 * Builds (or checks) the plans found, in an output folder this build holds: reads what earlier
 * builds recorded, builds what changed, removes what no plan makes any more, and records it all.
 */
async function buildPlans(options: BuildOptions, project: Project, found: readonly string[], explicitPaths: boolean, delivery: Delivery, diagnostics: Diagnostic[]): Promise<BuildReport> {
  const { cwd } = options;
  const { outFolder } = delivery;
  const counts = { ...NOTHING_BUILT };
  const { cache, whole } = readCache(outFolder);
  const other = otherProject(cache.project, outFolder, project.configPath);
  if (other !== undefined) {
    diagnostics.push(diagnostic('out-folder-of-other-project', { file: shownFolder(delivery) }, { other: displayPath(other, cwd) || '.', cache: shownOutput(delivery, CACHE_FILE) }));
    return finish([], diagnostics, [], [], counts);
  }
  // Before sharding, so that every shard refuses the same plans.
  const unique = refuseIdClashes(found, Object.keys(cache.plans).map((source) => resolve(project.root, source)), cwd);
  diagnostics.push(...unique.diagnostics);
  const files = unique.files.filter((file) => !options.shard || inShard(sourceKey(project, file), options.shard));
  // --check reads every output: it is what CI trusts, and a checkout gives files whatever times
  // (parallel checkout writes them in any order), so an output older than the cache proves nothing.
  const since = options.check ? undefined : trustedSince(outFolder);
  // Outputs earlier builds wrote that may no longer be made: what a rebuilt plan made before, what
  // a plan that is gone made, and what an earlier build could not remove.
  const leftovers: CachedOutput[] = [...(cache.leftovers ?? [])];
  const key = projectKey(project.root, project.inputs);
  const plans: ManifestPlan[] = [];
  const stale: BuildReport['stale'] = [];
  const shown = (path: string) => shownOutput(delivery, path);

  // Work out which plans need building before starting any worker.
  const jobs = files.map((file) => {
    const source = sourceKey(project, file);
    let bytes: Uint8Array | undefined;
    try {
      bytes = readSourceFile(file);
    } catch {
      // Reported by the pipeline with the reason.
    }
    const planKeyValue = bytes ? planKey(key, source, bytes, sideFiles(file)) : '';
    const entry = cache.plans[source];
    const fresh = !options.validateOnly && bytes !== undefined && entry?.key === planKeyValue && outputsIntact(entry, outFolder, since);
    return { file, source, planKey: planKeyValue, cached: fresh ? entry : undefined };
  });
  // Plans whose recorded outputs this build found intact or wrote: when that is every plan the
  // cache records, the record vouches for them all from now on (recordCache).
  const verified = new Set(jobs.filter((job) => job.cached).map((job) => job.source));
  let changed = !whole;
  const reference = projectReference(outFolder, project.configPath);
  if (cache.project !== reference) {
    cache.project = reference;
    changed = true;
  }

  const toBuild = jobs.filter((job) => !job.cached);
  const builders = builderCount(options.jobs, toBuild.length, availableParallelism());
  const planDelivery = options.validateOnly ? undefined : delivery;
  // The pipeline (pdfkit, remark, fonts) loads only when a plan needs building: a build with
  // nothing changed stays quick.
  const pipeline = toBuild.length > 0 ? await import('./pipeline.js') : undefined;
  const writer = new AtomicWriter();
  const buildHere = (file: string): DeliveredPlan => deliverPlan(pipeline!.buildPlanFile(project, file, { compose: planDelivery !== undefined }), planDelivery, writer);
  // Loaded only for a pool: worker threads cost a one-plan build the time to load them.
  const pool = builders > 1 ? new (await import('./pool.js')).PlanPool(builders - 1, cwd, options.config) : undefined;
  const results = pool?.buildAll(
    toBuild.map((job) => job.file),
    planDelivery,
    buildHere,
  );
  // Alone, this thread builds each plan when its turn comes, so that the outputs of one are
  // written (and their bytes freed) before the next is built.
  const resultOf = (file: string): Promise<DeliveredPlan> => results?.get(file) ?? Promise.resolve(buildHere(file));

  // Manifest entries by job, so the manifest keeps the plans' order whatever finishes first.
  const entries: (ManifestPlan | undefined)[] = [];
  let done = 0;
  try {
    for (const [index, job] of jobs.entries()) {
      done++;
      if (job.cached) {
        counts.cached++;
        diagnostics.push(...job.cached.diagnostics);
        entries[index] = manifestEntry(displayPath(job.file, cwd), planId(job.file), job.cached.outputs, shown);
        options.onPlan?.({ source: displayPath(job.file, cwd), status: 'cached', done, total: jobs.length });
        continue;
      }
      let result: DeliveredPlan;
      try {
        result = await resultOf(job.file);
      } catch (error) {
        // A fault of the tool (or a worker out of memory) while building this plan: it is reported
        // as such, writes nothing more, and the other plans are still built and recorded.
        counts.failed++;
        const detail = error instanceof Error ? error.message : String(error);
        diagnostics.push(diagnostic('build-crashed', { file: displayPath(job.file, cwd) }, { detail }));
        options.onPlan?.({ source: displayPath(job.file, cwd), status: 'failed', done, total: jobs.length });
        continue;
      }
      diagnostics.push(...result.diagnostics);
      if (result.state === 'failed') {
        counts.failed++;
      } else {
        counts.built++;
        if (options.validateOnly) {
          entries[index] = { source: result.source, id: result.id, outputs: [] };
        } else if (result.state === 'delivered') {
          for (const output of result.differing) stale.push({ path: shown(output.path), state: output.state });
          const entry: CacheEntry = { key: job.planKey, outputs: result.outputs, diagnostics: result.diagnostics };
          leftovers.push(...(cache.plans[job.source]?.outputs ?? []));
          cache.plans[job.source] = entry;
          verified.add(job.source);
          changed = true;
          entries[index] = manifestEntry(result.source, result.id, entry.outputs, shown);
        }
      }
      options.onPlan?.({ source: result.source, status: result.state === 'failed' ? 'failed' : 'built', done, total: jobs.length });
    }
  } finally {
    await pool?.close();
  }
  plans.push(...entries.filter((entry) => entry !== undefined));

  // Plans that are gone: a build of the whole project knows which those are. A shard sees every
  // plan file too, and takes those gone whose path falls in its share, as it would if they were there.
  if (!explicitPaths && !options.validateOnly) {
    // Every plan file found, built or not (a plan refused for its id keeps its record).
    const present = new Set(found.map((file) => sourceKey(project, file)));
    // A plan moved to another folder that does not build (it has errors) keeps the outputs it
    // made before it moved, in the same folder, as a plan with errors keeps its own.
    const unbuilt = new Set(found.filter((file) => !cache.plans[sourceKey(project, file)]).map(planId));
    for (const source of Object.keys(cache.plans)) {
      if (present.has(source) || unbuilt.has(planId(source)) || (options.shard && !inShard(source, options.shard))) continue;
      leftovers.push(...cache.plans[source]!.outputs);
      delete cache.plans[source];
      changed = true;
    }
  }
  const removed: string[] = [];
  // Most builds have none, and the set of every recorded output costs a no-op build of 400 plans 40 ms.
  if (!options.validateOnly && leftovers.length > 0) {
    // What the plans make now stays: a plan moved to another folder makes the files it made before.
    const cleaned = removeLeftovers(leftovers, outputPaths(Object.values(cache.plans)), outFolder, options.check === true);
    if (options.check) for (const path of cleaned.removed) stale.push({ path: shown(path), state: 'removed' });
    else removed.push(...cleaned.removed.map(shown));
    for (const { output, error } of cleaned.failed) diagnostics.push(diagnostic('remove-failed', { file: shown(output.path) }, { reason: reason(error) }));
    const unremoved = cleaned.failed.map(({ output }) => output);
    if (unremoved.length > 0 || cache.leftovers) changed = true;
    if (unremoved.length > 0) cache.leftovers = unremoved;
    else delete cache.leftovers;
  }
  if (!options.check && !options.validateOnly) {
    // A build of every plan also checks the outputs of those it did not build (a plan with errors
    // keeps its earlier ones), so that a plan left with errors for weeks does not keep the record
    // from vouching for the others: every build would then read all they wrote since.
    const everyPlan = !explicitPaths && !options.shard;
    const vouched = Object.entries(cache.plans).every(([source, entry]) => verified.has(source) || (everyPlan && outputsIntact(entry, outFolder, since)));
    try {
      recordCache(outFolder, cache, { changed, vouched, timesTrusted: since !== undefined }, (path, bytes) => writer.write(path, bytes));
    } catch (error) {
      diagnostics.push(diagnostic('write-failed', { file: shown(CACHE_FILE) }, { reason: reason(error) }));
    }
  }
  // Plans are compared side by side: list what differs in path order, the same every time.
  stale.sort(byPath);
  if (options.check && stale.length > 0 && !existsSync(outFolder)) {
    // Never built there, not committed, or --out names another folder: one message, not one an output.
    diagnostics.push(diagnostic('output-folder-missing', { file: shownFolder(delivery) }, { count: stale.length }));
  } else {
    for (const entry of stale) diagnostics.push(diagnostic('stale-output', { file: entry.path }, { state: entry.state }));
  }
  return finish(plans, diagnostics, stale, removed, counts);
}

/** A plan's source relative to its project: the cache key that survives moving the project. */
function sourceKey(project: Project, file: string): string {
  return relativePath(project.root, file);
}

/** Files beside a plan that feed its outputs: its progress file. */
function sideFiles(file: string): string[] {
  return [progressPath(file)];
}

function manifestEntry(source: string, id: string, outputs: CacheEntry['outputs'], shown: (path: string) => string): ManifestPlan {
  return {
    source,
    id,
    outputs: outputs.map((output) => ({ kind: output.kind, format: output.format, ...(output.agency ? { agency: output.agency } : {}), path: shown(output.path) })),
  };
}

/** The outputs the cache entries record. */
function outputPaths(entries: readonly CacheEntry[]): Set<string> {
  return new Set(entries.flatMap((entry) => entry.outputs.map((output) => output.path)));
}

function finish(plans: ManifestPlan[], diagnostics: Diagnostic[], stale: BuildReport['stale'], removed: string[], counts: BuildReport['counts']): BuildReport {
  const sorted = reportedDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error');
  const exitCode = errors.some((d) => IO_CODES.has(d.code)) ? 2 : errors.length > 0 || stale.length > 0 ? 1 : 0;
  return { plans, diagnostics: sorted, stale, removed, counts, exitCode };
}
