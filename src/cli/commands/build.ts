/**
 * `plan build` and `plan check`: run a build, print diagnostics on stderr (or the manifest on
 * stdout with --json), a summary, and return the exit code.
 */
import { type BuildReport, runBuild } from '../../project/build.js';
import type { Shard } from '../../project/shard.js';
import type { GlobalOptions } from '../main.js';
import { githubAnnotations, inGithubActions } from '../github.js';
import { progressReporter } from '../progress.js';
import { countLine, diagnosticJson, formatDiagnostics } from '../report.js';
import { strings } from '../strings.js';
import { stopwatch } from '../stopwatch.js';

export interface BuildCommandOptions extends GlobalOptions {
  paths: string[];
  out?: string;
  json: boolean;
  check: boolean;
  validateOnly: boolean;
  quiet: boolean;
  verbose: boolean;
  shard?: Shard;
  jobs?: number;
}

/** Runs one build and reports it; resolves to the exit code. */
export async function runBuildCommand(options: BuildCommandOptions): Promise<number> {
  const elapsed = stopwatch();
  const cwd = process.cwd();
  const words = strings(options.lang);
  const progress = progressReporter(options, words);
  const report = await runBuild({
    cwd,
    paths: options.paths,
    out: options.out,
    check: options.check,
    validateOnly: options.validateOnly,
    config: options.config,
    shard: options.shard,
    jobs: options.jobs,
    onPlan: progress.onPlan,
    onWait: progress.onWait,
  });
  progress.clear();
  printReport(report, options, elapsed());
  return report.exitCode;
}

/** Prints a build's diagnostics, then the manifest (--json) or a summary line. */
export function printReport(report: BuildReport, options: BuildCommandOptions, ms: number): void {
  const words = strings(options.lang);
  const cwd = process.cwd();
  const shownDiagnostics = options.quiet ? report.diagnostics.filter((d) => d.severity !== 'note') : report.diagnostics;
  if (shownDiagnostics.length > 0) {
    process.stderr.write(`${formatDiagnostics(shownDiagnostics, options.lang, cwd, options.color)}\n${countLine(shownDiagnostics, options.lang)}\n`);
  }
  // On stdout, where the runner reads them; not with --json, whose stdout is the manifest.
  if (inGithubActions() && !options.json) process.stdout.write(githubAnnotations(shownDiagnostics, options.lang, cwd, process.env.GITHUB_WORKSPACE || cwd));
  if (options.json) {
    const manifest = { plans: report.plans, diagnostics: report.diagnostics.map((d) => diagnosticJson(d, options.lang)) };
    process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
    return;
  }
  if (options.verbose) for (const path of report.removed) process.stderr.write(`${words.removedOutput(path)}\n`);
  if (options.quiet || report.exitCode !== 0) return;
  const { built, cached, failed } = report.counts;
  const outputs = report.plans.reduce((sum, plan) => sum + plan.outputs.length, 0);
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  const line = options.validateOnly
    ? words.checked(report.plans.length)
    : options.check
      ? words.upToDate
      : words.summary({ built, cached, failed, outputs, removed: report.removed.length, warnings, ms });
  process.stderr.write(`${line}\n`);
}
