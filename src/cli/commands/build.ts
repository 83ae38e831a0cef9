/**
 * `plan build` and `plan check`: run a build, print diagnostics on stderr (or the manifest on
 * stdout with --json), and return the exit code.
 */
import { runBuild } from '../../build/build.js';
import type { GlobalOptions } from '../main.js';
import { countLine, diagnosticJson, formatDiagnostics } from '../report.js';
import { strings } from '../strings.js';

export interface BuildCommandOptions extends GlobalOptions {
  paths: string[];
  out?: string;
  json: boolean;
  check: boolean;
  validateOnly: boolean;
}

export function runBuildCommand(options: BuildCommandOptions): number {
  const started = performance.now();
  const cwd = process.cwd();
  const report = runBuild({ cwd, paths: options.paths, out: options.out, check: options.check, validateOnly: options.validateOnly, config: options.config });
  const words = strings(options.lang);
  if (report.diagnostics.length > 0) {
    process.stderr.write(`${formatDiagnostics(report.diagnostics, options.lang, cwd, options.color)}\n${countLine(report.diagnostics, options.lang)}\n`);
  }
  if (options.json) {
    const manifest = { plans: report.plans, diagnostics: report.diagnostics.map((d) => diagnosticJson(d, options.lang)) };
    process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
  } else if (report.exitCode === 0) {
    const ms = Math.round(performance.now() - started);
    const outputs = report.plans.reduce((sum, plan) => sum + plan.outputs.length, 0);
    const line = options.validateOnly ? words.checked(report.plans.length) : options.check ? words.upToDate : words.built(report.plans.length, outputs, ms);
    process.stderr.write(`${line}\n`);
  }
  return report.exitCode;
}
