/**
 * A build: loads the project, runs every plan through the pipeline, then writes each plan's
 * outputs (or, with `check`, compares them with what is on disk and writes nothing).
 *
 * A plan with errors writes nothing, so its earlier outputs stay as they were; the other
 * plans are still built.
 */
import { join, relative, resolve, sep } from 'node:path';
import { type Diagnostic, diagnostic, hasErrors, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { MessageCode } from '../diagnostics/messages.js';
import { discoverPlans } from './discover.js';
import { buildPlanFile, type OutputFormat, type OutputKind } from './pipeline.js';
import { loadProject, reason } from './project.js';
import { displayPath } from './template-files.js';
import { sameContent, writeAtomic } from './write.js';

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
  /** With `check`: outputs that differ from what is on disk or are missing. */
  stale: { path: string; missing: boolean }[];
  /** 0 ok, 1 errors in sources (or stale outputs), 2 usage or I/O. */
  exitCode: 0 | 1 | 2;
}

/** Codes that mean the files could not be read or written, not that a plan is wrong. */
const IO_CODES: ReadonlySet<MessageCode> = new Set(['read-failed', 'write-failed', 'config-missing', 'no-plans', 'registry-missing', 'font-missing']);

/** Runs a build. */
export function runBuild(options: BuildOptions): BuildReport {
  const { cwd } = options;
  const loaded = loadProject(cwd, options.config);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const project = loaded.project;
  if (!project) return finish([], diagnostics, []);

  const paths = options.paths.length > 0 ? options.paths : [relative(cwd, resolve(project.root, project.config.plans)) || '.'];
  const discovered = discoverPlans(paths, cwd);
  diagnostics.push(...discovered.diagnostics);
  const outFolder = options.out !== undefined ? resolve(cwd, options.out) : resolve(project.root, project.config.out);

  const plans: ManifestPlan[] = [];
  const stale: BuildReport['stale'] = [];
  for (const file of discovered.files) {
    const result = buildPlanFile(project, file, { compose: !options.validateOnly });
    diagnostics.push(...result.diagnostics);
    if (hasErrors(result.diagnostics)) continue;
    if (options.validateOnly) {
      plans.push({ source: result.source, id: result.id, outputs: [] });
      continue;
    }
    const outputs: ManifestOutput[] = [];
    let written = true;
    for (const output of result.outputs) {
      const target = join(outFolder, ...output.path.split('/'));
      const shown = displayPath(target, cwd);
      if (options.check) {
        const same = sameContent(target, output.bytes);
        if (same !== true) stale.push({ path: shown, missing: same === 'missing' });
      } else {
        try {
          writeAtomic(target, output.bytes);
        } catch (error) {
          diagnostics.push(diagnostic('write-failed', { file: shown }, { reason: reason(error) }));
          written = false;
          break;
        }
      }
      outputs.push({ kind: output.kind, format: output.format, ...(output.agency ? { agency: output.agency } : {}), path: shown.split(sep).join('/') });
    }
    if (written) plans.push({ source: result.source, id: result.id, outputs });
  }
  for (const entry of stale) diagnostics.push(diagnostic('stale-output', { file: entry.path }, { missing: entry.missing ? 1 : 0 }));
  return finish(plans, diagnostics, stale);
}

function finish(plans: ManifestPlan[], diagnostics: Diagnostic[], stale: BuildReport['stale']): BuildReport {
  const sorted = sortDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error');
  const exitCode = errors.some((d) => IO_CODES.has(d.code)) ? 2 : errors.length > 0 || stale.length > 0 ? 1 : 0;
  return { plans, diagnostics: sorted, stale, exitCode };
}
